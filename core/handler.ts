/**
 * The one handler contract. Each area exports a map of named handlers built with
 * `handler(schema, run)`; core/api.ts merges them and every host (Electron IPC,
 * browser mode, CLI) calls `invoke`, which validates the input at the boundary.
 */
import { z } from 'zod';
import type { Ctx } from './context.ts';
import { LedgerError } from './errors.ts';
import { storageError } from './storage-errors.ts';

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

/** Turns a zod failure into one Chinese sentence naming the field. */
export function describeZodError(err: z.ZodError, labels: Record<string, string> = {}): LedgerError {
  const issue = err.issues[0];
  const key = issue.path.map(String).join('.');
  const label = labels[key] ?? labels[String(issue.path.at(-1) ?? '')] ?? key;
  const msg = issue.message && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '格式不正确';
  return new LedgerError(label ? `“${label}”${msg}` : msg, key || undefined, err.issues);
}

export async function invokeHandler(map: Record<string, AnyHandler>, ctx: Ctx, name: string, input: unknown): Promise<unknown> {
  const h = Object.prototype.hasOwnProperty.call(map, name) ? map[name] : undefined;
  if (!h) throw new LedgerError(`未知的操作：${name}`);
  const parsed = h.input.safeParse(input ?? {});
  if (!parsed.success) throw describeZodError(parsed.error, fieldLabels);
  try {
    return await h.run(ctx, parsed.data);
  } catch (e) {
    // a full disk, a read-only file, a damaged page: the cause and the way out, in Chinese
    throw storageError(e, { dataDir: ctx.platform.dataDir }) ?? e;
  }
}

/** Chinese names of input fields, shared by every area for validation messages. */
export const fieldLabels: Record<string, string> = {};
export function registerLabels(labels: Record<string, string>): void {
  Object.assign(fieldLabels, labels);
}
