/**
 * What the disk and SQLite say, in the clerk's words. A damaged ledger, a
 * read-only file or folder, a full disk, a busy or unreadable file each become
 * one Chinese sentence naming the cause and the way out; every host and
 * invokeHandler map errors through `storageError`, so no "SQLITE_FULL" or
 * "ENOSPC" reaches the screen. The data is unchanged in every case: SQLite
 * rolls the transaction back, and files are written to a temporary name first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerDamagedError, LedgerError, type BackupFile } from './errors.ts';
import { localDateTime as localTime } from '../common/dates.ts';

const UNCHANGED = '本次操作没有保存，台账中的数据未改变';


/** Files in `<dataDir>/backups/`, newest first; [] when there is no such folder. */
export function listBackups(dataDir: string): BackupFile[] {
  if (!dataDir || dataDir === ':memory:') return [];
  const dir = path.join(dataDir, 'backups');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    if (name.startsWith('.') || name.endsWith('.tmp')) continue;
    try {
      const st = fs.statSync(path.join(dir, name));
      if (st.isFile()) out.push({ file: path.join(dir, name), name, at: st.mtime.toISOString(), size: st.size });
    } catch {
      /* vanished while listing */
    }
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

/** One line per backup, as the CLI and the start-up messages print them. */
export function describeBackup(b: BackupFile): string {
  const size = b.size >= 1024 * 1024 ? `${(b.size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(b.size / 1024))} KB`;
  return `${localTime(b.at)}　${b.name}（${size}）`;
}

export function damagedLedger(reason: string, dataDir: string, file?: string): LedgerDamagedError {
  const backups = listBackups(dataDir);
  const where = backups.length
    ? `数据文件夹的 backups 中有 ${backups.length} 个备份，最新的是 ${backups[0].name}（${localTime(backups[0].at)}）`
    : `数据文件夹（${dataDir}）的 backups 中没有找到备份，请使用另存的备份文件`;
  const which = file ? `台账文件 ${file} ` : '台账文件';
  return new LedgerDamagedError(`${which}已损坏（${reason}），可从备份恢复：${where}。为保护数据，程序没有改动这个文件。`, backups);
}

function errCode(e: unknown): string {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : '';
}

function cantOpenReason(file: string): string {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) return '所在的文件夹不存在';
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return '数据文件夹是只读的或没有写入权限';
  }
  if (fs.existsSync(file)) {
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    } catch {
      return '台账文件是只读的或没有访问权限';
    }
  }
  return '文件无法读取或没有访问权限';
}

export interface StorageWhere {
  /** the data folder: backups are listed from it, messages name it */
  dataDir: string;
  /** the ledger file, when known (at open) */
  file?: string;
}

/**
 * The clerk's version of a storage error, or null when `e` is not one (a
 * LedgerError, a programming error). Callers rethrow `storageError(e) ?? e`.
 */
export function storageError(e: unknown, where: StorageWhere): LedgerError | null {
  if (e instanceof LedgerError) return null;
  const code = errCode(e);
  if (!code) return null;
  const target = (e as { path?: unknown }).path;
  // a temporary file (written first, then renamed) is named by its folder
  const fsPath = typeof target === 'string' ? (/^\..*\.tmp$/.test(path.basename(target)) ? path.dirname(target) : target) : null;
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    const reason = code.startsWith('SQLITE_NOTADB') ? '不是党务台账的数据库文件，或文件头已损坏' : (e as { problems?: unknown }).problems ? '打开时的完整性检查未通过' : '数据页损坏';
    return damagedLedger(reason, where.dataDir, where.file);
  }
  if (code === 'SQLITE_FULL') return new LedgerError(`磁盘空间已满，${UNCHANGED}。请清理数据文件夹所在的磁盘（${where.dataDir}）后重试。`);
  if (code === 'ENOSPC' || code === 'EDQUOT') return new LedgerError(`磁盘空间已满，无法写入 ${fsPath ?? where.dataDir}，${UNCHANGED}。请清理该磁盘后重试。`);
  if (code.startsWith('SQLITE_READONLY')) {
    return new LedgerError(`台账文件是只读的，${UNCHANGED}。请检查台账文件和数据文件夹（${where.dataDir}）是否允许写入（文件属性中的“只读”、U 盘的写保护或文件夹权限）。`);
  }
  if (code === 'EROFS') return new LedgerError(`磁盘是只读的，无法写入 ${fsPath ?? where.dataDir}，${UNCHANGED}。请解除写保护，或把数据文件夹放到可写的磁盘上。`);
  if (code === 'EACCES' || code === 'EPERM') return new LedgerError(`没有权限访问 ${fsPath ?? where.dataDir}，${UNCHANGED}。请检查该文件和所在文件夹的权限。`);
  if (code.startsWith('SQLITE_CANTOPEN')) {
    const file = where.file ?? path.join(where.dataDir, 'ledger.sqlite');
    return new LedgerError(`无法打开台账文件 ${file}：${cantOpenReason(file)}。请检查数据文件夹的位置和权限；台账中的数据未改变。`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new LedgerError(`台账正被另一个程序使用，等待超时，${UNCHANGED}。请稍后重试。`);
  if (code.startsWith('SQLITE_IOERR')) return new LedgerError(`读写台账文件时发生磁盘错误（${code}），${UNCHANGED}。请检查磁盘后重试；如反复出现，请从备份恢复。`);
  return null;
}

/** The lines every host prints under a damaged-ledger message: the backups, newest first, and how to restore. */
export function damagedHelp(e: LedgerDamagedError): string {
  const how = '恢复方法：party-ledger restore 备份文件（恢复前会把损坏的台账另存一份）';
  if (!e.backups.length) return how;
  const list = e.backups.slice(0, 10).map((b) => `  ${describeBackup(b)}\n    ${b.file}`);
  const more = e.backups.length > 10 ? [`  ……另有 ${e.backups.length - 10} 个较早的备份`] : [];
  return ['可用的备份（最新的在前）：', ...list, ...more, how].join('\n');
}
