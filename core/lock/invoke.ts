/**
 * The lock in front of every host's `invoke`: with a lock set, a session that
 * has not given the password (or has been idle too long) reaches only the
 * lock's own handlers; an active call keeps its session open.
 */
import type { Ctx } from '../context.ts';
import { invokeHandler, type AnyHandler } from '../handler.ts';
import { lockedError, OPEN_WHEN_LOCKED, type LockGate } from './gate.ts';
import { readLock } from './service.ts';
import { storageError } from '../storage-errors.ts';

/** The session of hosts with one user per process (desktop app, command line). */
export const LOCAL_SESSION = 'local';

export async function gatedInvoke(map: Record<string, AnyHandler>, ctx: Ctx, gate: LockGate, session: string, name: string, input: unknown): Promise<unknown> {
  if (!OPEN_WHEN_LOCKED.has(name)) {
    // reading the lock is the first query of every call: a damaged or unreadable ledger says so here, in Chinese
    const config = await readLock(ctx.db).catch((e: unknown) => {
      throw storageError(e, { dataDir: ctx.platform.dataDir }) ?? e;
    });
    if (config) {
      if (!gate.isUnlocked(session, config.idleMinutes)) throw lockedError();
      gate.touch(session);
    }
  }
  // The caller's session rides on a child of the ledger's own context, not a copy: a restore inside the
  // call swaps ctx.db, and the rest of the call must see the new connection, not the destroyed one.
  const callCtx: Ctx = Object.create(ctx, { lock: { value: { gate, session }, enumerable: true } });
  return invokeHandler(map, callCtx, name, input);
}
