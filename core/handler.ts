/**
 * The one handler contract. Each area's module (core/<area>/index.ts) carries a
 * map of named handlers built with `handler(schema, run)`; core/api.ts composes
 * the modules, and a host reaches a handler through `invokeHandler`, which
 * validates the input at the boundary and names a bad field with the label of
 * the handler's own area (core/area.ts `labelsFor`).
 * Every host goes through the app lock's `gatedInvoke` (core/lock/invoke.ts):
 * Electron IPC (electron/ipc.ts), browser mode (core/host/) and the command line
 * (core/cli/, whose commands are a table over this map, plus `party-ledger call`).
 *
 * A pure calculation that needs no ledger (dues calc, checking a dossier file) is
 * built with `handler(schema, run, { needsLedger: false })`: its `run` may read
 * `ctx.platform` (the clock) but never `ctx.db`. A host may then call it through
 * `invokeWithoutLedger` without opening a ledger file (the command line does so);
 * the Electron and browser hosts, which always have one open, call it as any other.
 */
import { z } from 'zod';
import type { Ctx } from './context.ts';
import type { Platform } from './platform.ts';
import { LedgerError } from './errors.ts';
import { storageError } from './storage-errors.ts';
import { describeZodError } from './labels.ts';
import { labelsFor } from './area.ts';

export { describeZodError } from './labels.ts';

export interface Handler<S extends z.ZodType, O> {
  input: S;
  run: (ctx: Ctx, input: z.output<S>) => Promise<O>;
  /** false: a pure calculation, callable without a ledger (see the note at the top). */
  needsLedger?: false;
}

export interface HandlerOptions {
  /** false: the handler never touches `ctx.db`, so a host may run it with no ledger open. */
  needsLedger?: boolean;
}

export function handler<S extends z.ZodType, O>(input: S, run: (ctx: Ctx, input: z.output<S>) => Promise<O> | O, options: HandlerOptions = {}): Handler<S, O> {
  const h: Handler<S, O> = { input, run: async (ctx, i) => run(ctx, i) };
  if (options.needsLedger === false) h.needsLedger = false;
  return h;
}

export type AnyHandler = Handler<z.ZodType, unknown>;

/** Client-side view of a handler map: input as the caller writes it, output as JSON. */
export type ApiOf<M> = {
  [K in keyof M]: M[K] extends Handler<infer S, infer O> ? (input: z.input<S>) => Promise<O> : never;
};

function lookup(map: Record<string, AnyHandler>, name: string): AnyHandler {
  const h = Object.prototype.hasOwnProperty.call(map, name) ? map[name] : undefined;
  if (!h) throw new LedgerError(`未知的操作：${name}`);
  return h;
}

/** Whether the named handler can run without a ledger (false also for an unknown name). */
export function runsWithoutLedger(map: Record<string, AnyHandler>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, name) && map[name].needsLedger === false;
}

export async function invokeHandler(map: Record<string, AnyHandler>, ctx: Ctx, name: string, input: unknown): Promise<unknown> {
  const h = lookup(map, name);
  const parsed = h.input.safeParse(input ?? {});
  if (!parsed.success) throw describeZodError(parsed.error, labelsFor(name));
  try {
    return await h.run(ctx, parsed.data);
  } catch (e) {
    // a full disk, a read-only file, a damaged page: the cause and the way out, in Chinese
    throw storageError(e, { dataDir: ctx.platform.dataDir }) ?? e;
  }
}

/** A database stand-in for pure handlers: touching it is a programming error, said plainly. */
const NO_LEDGER = new Proxy(
  {},
  {
    get() {
      throw new LedgerError('内部错误：此操作声明为不需要台账，却读取了台账');
    },
  },
) as Ctx['db'];

/** Runs a handler declared `needsLedger: false` with no ledger open: same validation, same messages. */
export async function invokeWithoutLedger(map: Record<string, AnyHandler>, platform: Platform, name: string, input: unknown): Promise<unknown> {
  lookup(map, name);
  if (!runsWithoutLedger(map, name)) throw new LedgerError(`操作 ${name} 需要打开台账`);
  return invokeHandler(map, { db: NO_LEDGER, platform }, name, input);
}
