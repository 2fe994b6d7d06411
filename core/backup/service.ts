/**
 * Backups as the hosts use them: write a backup of the open ledger to a file,
 * keep the ledger being replaced before a restore, restore inside a running host
 * (close, swap, reopen) or from the command line (no connection open, the app's
 * lock not held).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { writeFileAtomic } from '../files.ts';
import { openSqlite } from '../../db/connect.ts';
import { audit } from '../audit/service.ts';
import { ledgerFileOf } from './live.ts';
import { makeBackup, type MadeBackup, type SnapshotSource } from './snapshot.ts';
import { applyRestore, removeSnapshot, verifyBackup, type BackupPreview, type VerifiedBackup } from './restore.ts';
import { backupsDir, beforeRestoreName } from './store.ts';
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

/**
 * Keeps the ledger about to be replaced in backups/ as a full backup archive; when
 * it cannot even be read (the reason for many restores) its file is copied as it is.
 */
export async function keepCurrent(src: SnapshotSource | null, ledgerFile: string, clock: Clock): Promise<string> {
  const dataDir = path.dirname(ledgerFile);
  const dir = backupsDir(dataDir);
  const name = beforeRestoreName(clock.now);
  try {
    let owned: ReturnType<typeof openSqlite> | null = null;
    const source = src ?? { sqlite: (owned = openSqlite(ledgerFile)) };
    try {
      const made = await makeBackup(source, { dataDir, kind: 'before-restore', now: clock.now, today: clock.today });
      writeFileAtomic(path.join(dir, name), made.bytes);
      return name;
    } finally {
      owned?.close();
    }
  } catch {
    const raw = name.replace(/\.zip$/, '.sqlite');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(ledgerFile, path.join(dir, raw));
    if (fs.existsSync(`${ledgerFile}-wal`)) fs.copyFileSync(`${ledgerFile}-wal`, path.join(dir, `${raw}-wal`));
    return raw;
  }
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
  const { keptAs } = await applyRestore(v, access.file, {
    keepCurrent: () => keepCurrent({ db: ctx.db }, access.file, clock),
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
  const { keptAs } = await applyRestore(v, ledgerFile, { keepCurrent: () => keepCurrent(null, ledgerFile, clock), close: async () => {} });
  return { preview: v.preview, keptAs };
}
