/**
 * Checking and restoring a backup. The check decrypts, verifies every part's
 * SHA-256, writes the snapshot to a temporary file beside the ledger and runs
 * `integrity_check` on it; any failure is one Chinese sentence and nothing has
 * changed. Restoring then adds the attachment files, keeps the ledger being
 * replaced as a backup, and puts the snapshot in place with one rename.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { LedgerError } from '../errors.ts';
import { writeFileAtomic } from '../files.ts';
import { unpackBackup } from './archive.ts';
import { describeLedgerFile, parseManifest, type BackupCounts, type BackupKind } from './manifest.ts';

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

/** The whole check of a backup; the caller owns `snapshotFile` afterwards. */
export function verifyBackup(bytes: Uint8Array, password: string | undefined, dataDir: string): VerifiedBackup {
  const u = unpackBackup(bytes, password);
  fs.mkdirSync(dataDir, { recursive: true });
  const snapshotFile = path.join(dataDir, `.restore-${randomBytes(4).toString('hex')}.sqlite.tmp`);
  try {
    fs.writeFileSync(snapshotFile, u.ledger);
    if (!integrityOk(snapshotFile)) throw new LedgerError('备份中的台账数据已损坏（完整性检查未通过），未作任何改动');
    const info = describeLedgerFile(snapshotFile);
    // the snapshot's own migration history must be one this program knows, like the manifest's
    parseManifest(JSON.stringify({ ...u.manifest, migrations: info.migrations }));
    const preview: BackupPreview = {
      createdAt: u.manifest.createdAt,
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
  /** Keeps the ledger being replaced (a backup archive); returns its file name, or null when there was none. */
  keepCurrent: () => Promise<string | null>;
  /** Closes every connection this process holds on the ledger. */
  close: () => Promise<void>;
  /** Opens the ledger again (after the swap, or after a failure before it). */
  reopen?: () => Promise<void>;
}

/**
 * Restores a verified backup over `ledgerFile`: attachment files first (added,
 * never removed: they are named by content), then the kept copy, then the
 * rename. A failure before the rename leaves the old ledger as it was.
 */
export async function applyRestore(v: VerifiedBackup, ledgerFile: string, steps: SwapSteps): Promise<{ keptAs: string | null }> {
  const dataDir = path.dirname(ledgerFile);
  let swapped = false;
  let closed = false;
  try {
    for (const [sha, bytes] of v.attachments) {
      const f = path.join(dataDir, 'attachments', sha.slice(0, 2), sha);
      if (!fs.existsSync(f) || fs.statSync(f).size !== bytes.byteLength) writeFileAtomic(f, bytes);
    }
    const keptAs = fs.existsSync(ledgerFile) ? await steps.keepCurrent() : null;
    fsyncFile(v.snapshotFile);
    await steps.close();
    closed = true;
    // with every connection closed SQLite has folded its WAL back; a left-over one belongs to the old file
    for (const f of [`${ledgerFile}-wal`, `${ledgerFile}-shm`, `${ledgerFile}-journal`]) fs.rmSync(f, { force: true });
    fs.renameSync(v.snapshotFile, ledgerFile);
    swapped = true;
    if (steps.reopen) await steps.reopen();
    return { keptAs };
  } catch (e) {
    if (!swapped) {
      removeSnapshot(v.snapshotFile);
      if (closed && steps.reopen) await steps.reopen();
    }
    throw e;
  }
}
