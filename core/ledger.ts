/** Opening a ledger file as a handler context, the one place every host starts from. */
import path from 'node:path';
import { openLedger } from '../db/connect.ts';
import type { Ctx } from './context.ts';
import type { Platform } from './platform.ts';
import { handlers } from './api.ts';
import type { AnyHandler } from './handler.ts';
import { storageError } from './storage-errors.ts';
import { LockGate } from './lock/gate.ts';
import { gatedInvoke, LOCAL_SESSION } from './lock/invoke.ts';
import { attachLedgerFile } from './backup/live.ts';
import { dailyBackup } from './backup/daily.ts';
import { tidyDataFolder, type HousekeepingReport } from './housekeeping.ts';

export interface Ledger {
  ctx: Ctx;
  file: string;
  /** Runs a handler for a session (browser mode: one per cookie; other hosts: the process); the app lock gates it. */
  invoke: (name: string, input: unknown, session?: string) => Promise<unknown>;
  gate: LockGate;
  close: () => Promise<void>;
  /** What the tidying at open removed (leftover temporary files, orphan attachment files). */
  housekeeping?: HousekeepingReport;
}

export async function openLedgerContext(file: string, platform: Platform): Promise<Ledger> {
  const open = async () => {
    try {
      return await openLedger(file, { backupDir: file === ':memory:' ? undefined : path.join(path.dirname(file), 'backups'), now: platform.now });
    } catch (e) {
      // a damaged, read-only or unreachable file: one Chinese sentence (LedgerDamagedError lists the backups)
      throw storageError(e, { dataDir: path.dirname(file), file }) ?? e;
    }
  };
  const { db } = await open();
  const ctx: Ctx = { db, platform };
  const dataDir = path.dirname(path.resolve(file));
  // Orphan attachment files are judged only by the data folder's own ledger, never by another file opened with --db beside it.
  const ownsAttachments = path.basename(file) === 'ledger.sqlite' && !!platform.dataDir && path.resolve(platform.dataDir) === dataDir;
  let housekeeping: HousekeepingReport | undefined;
  if (file !== ':memory:') {
    housekeeping = await tidyDataFolder(db, dataDir, { attachmentsOwnedByDb: ownsAttachments });
    // a restore inside a running host swaps the file and puts the new connection here
    attachLedgerFile(ctx, { file, reopen: async () => void (ctx.db = (await open()).db) });
    await dailyBackup(ctx, file);
  }
  const gate = new LockGate();
  return {
    ctx,
    file,
    gate,
    housekeeping,
    invoke: (name, input, session = LOCAL_SESSION) => gatedInvoke(handlers as unknown as Record<string, AnyHandler>, ctx, gate, session, name, input),
    close: () => ctx.db.destroy(),
  };
}
