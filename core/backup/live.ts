/**
 * Which file an open ledger context came from, and how to open it again: set by
 * core/ledger.ts when it opens a file, used by a restore inside a running host
 * (close the connection, swap the file, reopen) and by the backups page.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';

export interface LedgerFileAccess {
  file: string;
  /** Opens the file again and puts the new connection into the same context. */
  reopen: () => Promise<void>;
}

// Kept on the context itself: hosts hand handlers a copy of the context (with the caller's lock session), so identity cannot be the key.
export function attachLedgerFile(ctx: Ctx, access: LedgerFileAccess): void {
  ctx.ledgerFile = access;
}

export function ledgerFileOf(ctx: Ctx): LedgerFileAccess {
  const a = ctx.ledgerFile;
  if (!a) throw new LedgerError('当前台账没有数据文件（内存中的台账），不能备份或恢复');
  return a;
}
