/**
 * Checking and restoring a backup. The check decrypts, verifies every part's
 * SHA-256, writes the snapshot to a temporary file beside the ledger and runs
 * `integrity_check` on it; any failure is one Chinese sentence and nothing has
 * changed. Restoring then adds the attachment files, keeps the ledger being
 * replaced as a backup, and puts the snapshot in place with one rename.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LedgerError } from '../errors.ts';
import { tempNameFor, writeFileAtomic } from '../files.ts';
import { unpackBackup, type UnpackedBackup } from './archive.ts';
import { describeLedgerFile, FORMAT, FORMAT_VERSION, parseManifest, type BackupCounts, type BackupKind } from './manifest.ts';

export interface BackupPreview {
  createdAt: string;
  today: string;
  kind: BackupKind;
  unitName: string;
  counts: BackupCounts;
  programVersion: string;
  encrypted: boolean;
  /** Attachment files in the archive. */
  attachmentFiles: number;
  missingAttachments: number;
  migrations: number;
  sizeBytes: number;
}

export interface VerifiedBackup {
  preview: BackupPreview;
  /** The checked snapshot, a temporary file in the data folder; remove it or restore from it. */
  snapshotFile: string;
  attachments: Map<string, Uint8Array>;
}

function integrityOk(file: string): boolean {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      return rows.length === 1 && rows[0].integrity_check === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

export function removeSnapshot(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** A bare ledger file (the copy kept before a restore or an upgrade) read as a backup without attachments. */
function bareLedger(bytes: Uint8Array): UnpackedBackup | null {
  if (bytes.byteLength < 100 || !Buffer.from(bytes.buffer, bytes.byteOffset, 16).equals(SQLITE_MAGIC)) return null;
  const meta = { format: FORMAT as typeof FORMAT, formatVersion: FORMAT_VERSION, program: 'party-ledger', programVersion: '—', kind: 'before-restore' as const, unitName: '', missingAttachments: [], parts: [] };
  return { manifest: { ...meta, createdAt: '', today: '', migrations: [], counts: { members: 0, branches: 0, records: 0, attachments: 0 } }, encrypted: false, ledger: bytes, attachments: new Map() };
}

/** The whole check of a backup (an archive, or a bare ledger file); the caller owns `snapshotFile` afterwards. */
export function verifyBackup(bytes: Uint8Array, password: string | undefined, dataDir: string): VerifiedBackup {
  const bare = bareLedger(bytes);
  const u = bare ?? unpackBackup(bytes, password);
  fs.mkdirSync(dataDir, { recursive: true });
  // named as every temporary file of ours (writer's pid + random): housekeeping removes it at once after a kill
  const snapshotFile = tempNameFor(path.join(dataDir, 'restore.sqlite'));
  try {
    fs.writeFileSync(snapshotFile, u.ledger);
    if (!integrityOk(snapshotFile)) throw new LedgerError('备份中的台账数据已损坏（完整性检查未通过），未作任何改动');
    const info = describeLedgerFile(snapshotFile);
    if (bare && (!info.migrations.length || !info.hasOrg)) throw new LedgerError('这个文件不是党务台账的备份，未作任何改动');
    // the snapshot's own migration history must be one this program knows, like the manifest's
    parseManifest(JSON.stringify({ ...u.manifest, migrations: info.migrations }));
    const preview: BackupPreview = {
      createdAt: bare ? info.lastChange ?? '' : u.manifest.createdAt,
      today: u.manifest.today,
      kind: u.manifest.kind,
      unitName: info.unitName,
      counts: info.counts,
      programVersion: u.manifest.programVersion,
      encrypted: u.encrypted,
      attachmentFiles: u.attachments.size,
      missingAttachments: u.manifest.missingAttachments?.length ?? 0,
      migrations: info.migrations.length,
      sizeBytes: bytes.byteLength,
    };
    return { preview, snapshotFile, attachments: u.attachments };
  } catch (e) {
    removeSnapshot(snapshotFile);
    throw e;
  }
}

/** Checks a backup and leaves nothing behind. */
export function inspectBackup(bytes: Uint8Array, password: string | undefined, dataDir: string): BackupPreview {
  const v = verifyBackup(bytes, password, dataDir);
  removeSnapshot(v.snapshotFile);
  return v.preview;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface SwapSteps {
  /** Closes every connection this process holds on the ledger. */
  close: () => Promise<void>;
  /** Opens the ledger again (after the swap, or after a failure before it). */
  reopen?: () => Promise<void>;
}

function stamp(now: string): string {
  return now.slice(0, 19).replace(/:/g, '-');
}

/** Folds a left-over WAL into the file (the last connection to close does it), so the file alone is the whole ledger. */
function foldWal(file: string): void {
  if (!fs.existsSync(`${file}-wal`)) return;
  try {
    const db = new Database(file, { fileMustExist: true });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  } catch {
    /* a damaged ledger: kept as it is, WAL beside it */
  }
}

/**
 * Restores a verified backup over `ledgerFile`: attachment files first (added,
 * never removed: they are named by content), then, with the connection closed,
 * the old ledger is moved to `backups/before-restore-<time>.sqlite` and the
 * snapshot renamed into its place. A failure puts the old ledger back.
 */
export async function applyRestore(v: VerifiedBackup, ledgerFile: string, now: string, steps: SwapSteps): Promise<{ keptAs: string | null }> {
  const dataDir = path.dirname(ledgerFile);
  let closed = false;
  let kept: string | null = null;
  try {
    for (const [sha, bytes] of v.attachments) {
      const f = path.join(dataDir, 'attachments', sha.slice(0, 2), sha);
      if (!fs.existsSync(f) || fs.statSync(f).size !== bytes.byteLength) writeFileAtomic(f, bytes);
    }
    fsyncFile(v.snapshotFile);
    await steps.close();
    closed = true;
    if (fs.existsSync(ledgerFile)) {
      foldWal(ledgerFile);
      const dir = path.join(dataDir, 'backups');
      fs.mkdirSync(dir, { recursive: true });
      kept = path.join(dir, `before-restore-${stamp(now)}.sqlite`);
      fs.renameSync(ledgerFile, kept);
      for (const ext of ['-wal', '-shm']) if (fs.existsSync(ledgerFile + ext)) fs.renameSync(ledgerFile + ext, kept + ext);
    }
    fs.renameSync(v.snapshotFile, ledgerFile);
    if (steps.reopen) await steps.reopen();
    return { keptAs: kept ? path.basename(kept) : null };
  } catch (e) {
    removeSnapshot(v.snapshotFile);
    if (kept && !fs.existsSync(ledgerFile)) {
      fs.renameSync(kept, ledgerFile);
      for (const ext of ['-wal', '-shm']) if (fs.existsSync(kept + ext)) fs.renameSync(kept + ext, ledgerFile + ext);
    }
    if (closed && steps.reopen) await steps.reopen();
    throw e;
  }
}
