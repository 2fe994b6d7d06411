/** Opening a ledger file as a handler context, the one place every host starts from. */
import path from 'node:path';
import { openLedger } from '../db/connect.ts';
import type { Ctx } from './context.ts';
import type { Platform } from './platform.ts';
import { handlers } from './api.ts';
import { invokeHandler, type AnyHandler } from './handler.ts';
import { attachLedgerFile } from './backup/live.ts';
import { dailyBackup } from './backup/daily.ts';

export interface Ledger {
  ctx: Ctx;
  file: string;
  invoke: (name: string, input: unknown) => Promise<unknown>;
  close: () => Promise<void>;
}

export async function openLedgerContext(file: string, platform: Platform): Promise<Ledger> {
  const open = () => openLedger(file, { backupDir: file === ':memory:' ? undefined : path.join(path.dirname(file), 'backups'), now: platform.now });
  const { db } = await open();
  const ctx: Ctx = { db, platform };
  if (file !== ':memory:') {
    // a restore inside a running host swaps the file and puts the new connection here
    attachLedgerFile(ctx, { file, reopen: async () => void (ctx.db = (await open()).db) });
    await dailyBackup(ctx, file);
  }
  return {
    ctx,
    file,
    invoke: (name, input) => invokeHandler(handlers as unknown as Record<string, AnyHandler>, ctx, name, input),
    close: () => ctx.db.destroy(),
  };
}
