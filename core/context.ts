import type { LedgerDb } from '../db/connect.ts';
import type { Platform } from './platform.ts';

/** Everything a handler may use. Handlers never touch `window`, `electron` or process globals. */
export interface Ctx {
  db: LedgerDb;
  platform: Platform;
}
