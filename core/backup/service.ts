/**
 * Backups as the hosts use them: a backup of the open ledger, a restore inside a running host
 * (close, swap, reopen) or from the command line (no connection open, the app's
 * lock not held).
 */
import path from 'node:path';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { ledgerFileOf } from './live.ts';
import { makeBackup, type MadeBackup } from './snapshot.ts';
import { applyRestore, removeSnapshot, verifyBackup, type BackupPreview, type VerifiedBackup } from './restore.ts';
import { readLock, RESTORE_WHILE_OPEN } from './lock.ts';
import type { BackupKind } from './manifest.ts';

export interface Clock {
  now: string;
  today: string;
}

/** A backup of the open ledger of `ctx`. */
export async function backupOf(ctx: Ctx, kind: BackupKind, password?: string): Promise<MadeBackup> {
  const { file } = ledgerFileOf(ctx);
  return makeBackup({ db: ctx.db }, { dataDir: path.dirname(file), kind, now: ctx.platform.now(), today: ctx.platform.today(), password });
}

export interface RestoreResult {
  preview: BackupPreview;
  keptAs: string | null;
}

/** Restore inside the host that has the ledger open: check, keep the current one, close, swap, reopen. */
export async function restoreInHost(ctx: Ctx, bytes: Uint8Array, password: string | undefined): Promise<RestoreResult> {
  const access = ledgerFileOf(ctx);
  const clock = { now: ctx.platform.now(), today: ctx.platform.today() };
  const v = verifyBackup(bytes, password, path.dirname(access.file));
  const { keptAs } = await applyRestore(v, access.file, clock.now, {
    close: () => ctx.db.destroy(),
    reopen: () => access.reopen(),
  });
  await ctx.db.transaction().execute((tx) =>
    audit(tx, ctx, {
      entity: 'ledger',
      entityId: 'restore',
      action: '恢复',
      summary: `从备份恢复台账（备份时间 ${v.preview.createdAt}，${v.preview.counts.members} 名党员）${keptAs ? `，原台账已保留为 backups/${keptAs}` : ''}`,
      after: v.preview,
    }),
  );
  return { preview: v.preview, keptAs };
}

/** Refuses a restore from the command line while the app or browser mode holds the ledger. */
export function assertNotOpenElsewhere(ledgerFile: string): void {
  if (readLock(path.dirname(ledgerFile))) throw new LedgerError(RESTORE_WHILE_OPEN);
}

/** Restore of a verified backup with no connection open (the command line). */
export async function restoreOffline(ledgerFile: string, v: VerifiedBackup, clock: Clock): Promise<RestoreResult> {
  try {
    assertNotOpenElsewhere(ledgerFile);
  } catch (e) {
    removeSnapshot(v.snapshotFile);
    throw e;
  }
  const { keptAs } = await applyRestore(v, ledgerFile, clock.now, { close: async () => {} });
  return { preview: v.preview, keptAs };
}
