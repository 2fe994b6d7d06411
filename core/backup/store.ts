/**
 * The backups folder `<data folder>/backups/`: names of the files this program
 * writes there, and the list the clerk sees (time, size, status), read from
 * each archive's manifest without unpacking the archive. The backups taken
 * before a schema upgrade (`*-before-*.sqlite`) are listed but never touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { isEncrypted } from './crypto.ts';
import { MANIFEST_PART, parseManifest, type BackupCounts, type BackupKind } from './manifest.ts';

export type ListedKind = BackupKind | 'before-upgrade';

export interface ListedBackup {
  fileName: string;
  kind: ListedKind;
  /** ISO instant (from the manifest, else the file's modification time). */
  createdAt: string;
  size: number;
  status: 'ok' | 'encrypted' | 'damaged';
  /** Chinese status for the list. */
  statusText: string;
  unitName: string | null;
  counts: BackupCounts | null;
  restorable: boolean;
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export const ENCRYPTED_EXT = '.plbk';

function stamp(now: string): string {
  return now.slice(0, 19).replace(/:/g, '-');
}

export const autoName = (today: string): string => `auto-${today}.zip`;
export const manualName = (now: string, encrypted: boolean): string => `manual-${stamp(now)}${encrypted ? ENCRYPTED_EXT : '.zip'}`;
/** The name offered when the clerk saves a backup elsewhere. */
export const exportName = (today: string, encrypted: boolean): string => `党务台账备份-${today}${encrypted ? `-加密${ENCRYPTED_EXT}` : '.zip'}`;

/** Whether a name can only be a file of the backups folder (no folders, no traversal). */
export function isBackupFileName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*\.(zip|plbk|sqlite)$/.test(name) && !name.includes('..');
}

export function kindOf(name: string): ListedKind | null {
  if (/^auto-\d{4}-\d{2}-\d{2}\.zip$/.test(name)) return 'auto';
  if (/^manual-.*\.(zip|plbk)$/.test(name)) return 'manual';
  if (/^before-restore-.*\.(zip|sqlite)$/.test(name)) return 'before-restore';
  if (/-before-.*\.sqlite$/.test(name)) return 'before-upgrade';
  return null;
}

/** manifest.json is the archive's first entry: read its local header and inflate just that entry. */
export function peekManifestText(file: string): string | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(30);
    if (fs.readSync(fd, head, 0, 30, 0) < 30 || head.readUInt32LE(0) !== 0x04034b50) return undefined;
    const method = head.readUInt16LE(8);
    const csize = head.readUInt32LE(18);
    const nameLen = head.readUInt16LE(26);
    const extraLen = head.readUInt16LE(28);
    if (csize > 64 * 1024 * 1024) return undefined;
    const name = Buffer.alloc(nameLen);
    fs.readSync(fd, name, 0, nameLen, 30);
    if (name.toString('utf8') !== MANIFEST_PART) return undefined;
    const data = Buffer.alloc(csize);
    fs.readSync(fd, data, 0, csize, 30 + nameLen + extraLen);
    return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function describe(dir: string, name: string, kind: ListedKind): ListedBackup {
  const file = path.join(dir, name);
  const st = fs.statSync(file);
  const base = { fileName: name, kind, createdAt: st.mtime.toISOString(), size: st.size, unitName: null, counts: null };
  if (kind === 'before-upgrade') return { ...base, status: 'ok', statusText: '升级前自动保留的台账（不含附件）', restorable: true };
  if (name.endsWith('.sqlite')) return { ...base, status: 'ok', statusText: '恢复前保留的原台账（不含附件）', restorable: true };
  const fd = fs.openSync(file, 'r');
  const magic = Buffer.alloc(8);
  fs.readSync(fd, magic, 0, 8, 0);
  fs.closeSync(fd);
  if (isEncrypted(magic)) return { ...base, status: 'encrypted', statusText: '已加密（恢复时需要密码）', restorable: true };
  try {
    const m = parseManifest(peekManifestText(file));
    return { ...base, createdAt: m.createdAt, status: 'ok', statusText: '可用', unitName: m.unitName, counts: m.counts, restorable: true };
  } catch (e) {
    return { ...base, status: 'damaged', statusText: (e as Error).message.replace(/，未作任何改动$/, ''), restorable: false };
  }
}

/** The backups folder's files, newest first. */
export function listBackups(dataDir: string): ListedBackup[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const out: ListedBackup[] = [];
  for (const name of fs.readdirSync(dir)) {
    const kind = kindOf(name);
    if (!kind) continue;
    try {
      out.push(describe(dir, name, kind));
    } catch {
      /* vanished while listing */
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}
