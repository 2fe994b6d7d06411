/** Opening a ledger file as a handler context, the one place every host starts from. */
import path from 'node:path';
import { openLedger } from '../db/connect.ts';
import type { Ctx } from './context.ts';
import type { Platform } from './platform.ts';
import { handlers } from './api.ts';
import { invokeHandler, type AnyHandler } from './handler.ts';
import { tidyDataFolder, type HousekeepingReport } from './housekeeping.ts';

export interface Ledger {
  ctx: Ctx;
  file: string;
  invoke: (name: string, input: unknown) => Promise<unknown>;
  close: () => Promise<void>;
  /** What the tidying at open removed (leftover temporary files, orphan attachment files). */
  housekeeping?: HousekeepingReport;
}

export async function openLedgerContext(file: string, platform: Platform): Promise<Ledger> {
  const { db } = await openLedger(file, { backupDir: file === ':memory:' ? undefined : path.join(path.dirname(file), 'backups'), now: platform.now });
  const ctx: Ctx = { db, platform };
  const dataDir = path.dirname(path.resolve(file));
  // Orphan attachment files are judged only by the data folder's own ledger, never by another file opened with --db beside it.
  const ownsAttachments = path.basename(file) === 'ledger.sqlite' && !!platform.dataDir && path.resolve(platform.dataDir) === dataDir;
  const housekeeping = file === ':memory:' ? undefined : await tidyDataFolder(db, dataDir, { attachmentsOwnedByDb: ownsAttachments });
  return {
    ctx,
    file,
    housekeeping,
    invoke: (name, input) => invokeHandler(handlers as unknown as Record<string, AnyHandler>, ctx, name, input),
    close: () => db.destroy(),
  };
}
