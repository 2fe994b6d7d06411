/**
 * Opening the ledger: one better-sqlite3 connection, pragmas set here and only
 * here, the migration history checked against the files, a backup taken before
 * any pending migration runs.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import { LedgerDialect } from './dialect.ts';
import type { DB } from './schema.ts';
import { migrations } from './migrations/index.ts';
import { chmodQuiet, mkdirPrivate, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../core/files.ts';

export type LedgerDb = Kysely<DB>;

export class MigrationHistoryError extends Error {}

/** PRAGMA quick_check found damage; the code is SQLite's own, so hosts map it like a malformed page. */
export class QuickCheckError extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor(readonly problems: string[]) {
    super(`quick_check: ${problems.slice(0, 3).join('; ')}`);
  }
}


export interface OpenResult {
  db: LedgerDb;
  sqlite: Database.Database;
  applied: string[];
  backupFile: string | null;
}

/**
 * The ledger and its WAL and shared-memory files are private to the user (0600; SQLite gives
 * the -wal and -shm files the mode of the ledger file). The folder is created 0700; an existing
 * folder is tightened only when it is a data folder (it holds `ledger.sqlite`), so `--db` pointed
 * at a file in, say, the desktop never changes that folder.
 */
function preparePrivateFile(file: string): void {
  const dir = path.dirname(file);
  mkdirPrivate(dir);
  if (path.basename(file) === 'ledger.sqlite') chmodQuiet(dir, PRIVATE_DIR_MODE);
  try {
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE)); // an empty file is a new database
  } catch {
    // a read-only folder: SQLite reports it when it opens the file
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) chmodQuiet(f, PRIVATE_FILE_MODE);
}

export function openSqlite(file: string): Database.Database {
  if (file !== ':memory:') preparePrivateFile(file);
  const sqlite = new Database(file);
  try {
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return sqlite;
}

/** Damaged pages are found at open, not halfway through the clerk's work: throws QuickCheckError. */
export function quickCheck(sqlite: Database.Database): void {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length) throw new QuickCheckError(problems);
}

/** Names of applied migrations, oldest first; [] for a new database. */
function appliedMigrations(sqlite: Database.Database): string[] {
  const has = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!has) return [];
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
}

/** Throws when the database was migrated by files this build does not have. */
export function checkHistory(applied: string[], known: string[] = Object.keys(migrations).sort()): void {
  applied.forEach((name, i) => {
    if (known[i] !== name) {
      throw new MigrationHistoryError(
        `台账文件的结构版本与本程序不一致（已执行的迁移“${name}”在本程序中${known.includes(name) ? '顺序不同' : '不存在'}），` +
          '可能由更新版本的程序创建。为保护数据，已拒绝打开。',
      );
    }
  });
}

export interface OpenOptions {
  backupDir?: string;
  now?: () => string;
  /** The migrations this program knows; tests pass a prefix of the real list to play an older program. */
  migrations?: Record<string, Migration>;
}

export async function openLedger(file: string, opts: OpenOptions = {}): Promise<OpenResult> {
  const known = opts.migrations ?? migrations;
  const provider: MigrationProvider = { getMigrations: async () => known };
  const sqlite = openSqlite(file);
  try {
    if (file !== ':memory:') quickCheck(sqlite);
    const applied = appliedMigrations(sqlite);
    checkHistory(applied, Object.keys(known).sort());
    const pending = Object.keys(known)
      .sort()
      .filter((n) => !applied.includes(n));
    let backupFile: string | null = null;
    if (file !== ':memory:' && applied.length > 0 && pending.length > 0) {
      const dir = opts.backupDir ?? path.join(path.dirname(file), 'backups');
      mkdirPrivate(dir);
      chmodQuiet(dir, PRIVATE_DIR_MODE);
      const stamp = (opts.now?.() ?? new Date().toISOString()).replace(/[:.]/g, '-');
      backupFile = path.join(dir, `${path.basename(file, '.sqlite')}-${stamp}-before-${pending[0]}.sqlite`);
      sqlite.prepare('vacuum into ?').run(backupFile);
      chmodQuiet(backupFile, PRIVATE_FILE_MODE);
    }
    const db = new Kysely<DB>({ dialect: new LedgerDialect(sqlite) });
    if (pending.length > 0) {
      const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '未知';
        throw new Error(`台账升级失败（迁移 ${failed}）：${(error as Error).message}`);
      }
    }
    return { db, sqlite, applied: pending, backupFile };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
