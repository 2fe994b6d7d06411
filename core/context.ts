import type { LedgerDb } from '../db/connect.ts';
import type { Platform } from './platform.ts';
import type { LockGate } from './lock/gate.ts';
import type { LedgerFileAccess } from './backup/live.ts';

/** Everything a handler may use. Handlers never touch `window`, `electron` or process globals. */
export interface Ctx {
  db: LedgerDb;
  platform: Platform;
  /** The app lock and the caller's session, set by the gate in front of `invoke` (core/lock/invoke.ts). */
  lock?: { gate: LockGate; session: string };
  /** The file this ledger was opened from and how to reopen it (core/backup/live.ts); absent for an in-memory ledger. */
  ledgerFile?: LedgerFileAccess;
}
