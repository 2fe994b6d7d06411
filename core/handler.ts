/**
 * The one handler contract. Each area's module (core/<area>/index.ts) carries a
 * map of named handlers built with `handler(schema, run)`; core/api.ts composes
 * the modules, and a host reaches a handler through `invokeHandler`, which
 * validates the input at the boundary and names a bad field with the label of
 * the handler's own area (core/area.ts `labelsFor`).
 */
import { z } from 'zod';
import type { Ctx } from './context.ts';
import { LedgerError } from './errors.ts';
import { storageError } from './storage-errors.ts';
import { describeZodError } from './labels.ts';
import { labelsFor } from './area.ts';

export { describeZodError } from './labels.ts';

export interface Handler<S extends z.ZodType, O> {
  input: S;
  run: (ctx: Ctx, input: z.output<S>) => Promise<O>;
}

export function handler<S extends z.ZodType, O>(input: S, run: (ctx: Ctx, input: z.output<S>) => Promise<O> | O): Handler<S, O> {
  return { input, run: async (ctx, i) => run(ctx, i) };
}

export type AnyHandler = Handler<z.ZodType, unknown>;

/** Client-side view of a handler map: input as the caller writes it, output as JSON. */
export type ApiOf<M> = {
  [K in keyof M]: M[K] extends Handler<infer S, infer O> ? (input: z.input<S>) => Promise<O> : never;
};

export async function invokeHandler(map: Record<string, AnyHandler>, ctx: Ctx, name: string, input: unknown): Promise<unknown> {
  const h = Object.prototype.hasOwnProperty.call(map, name) ? map[name] : undefined;
  if (!h) throw new LedgerError(`未知的操作：${name}`);
  const parsed = h.input.safeParse(input ?? {});
  if (!parsed.success) throw describeZodError(parsed.error, labelsFor(name));
  try {
    return await h.run(ctx, parsed.data);
  } catch (e) {
    // a full disk, a read-only file, a damaged page: the cause and the way out, in Chinese
    throw storageError(e, { dataDir: ctx.platform.dataDir }) ?? e;
  }
}
