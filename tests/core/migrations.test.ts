/** Migrations: a new file is built by them, a foreign history is refused, a backup precedes an upgrade. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger, checkHistory, MigrationHistoryError } from '../../db/connect.ts';
import { migrations } from '../../db/migrations/index.ts';
import { tempDir } from '../support/ledger.ts';

const DIR = path.resolve(import.meta.dirname, '..', '..', 'db', 'migrations');

const names = Object.keys(migrations).sort();

describe('migrations', () => {
  it('builds a new ledger with WAL and foreign keys on', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const { db, sqlite, applied } = await openLedger(file);
    expect(applied).toEqual(names);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await db.destroy();
  });

  it('refuses a ledger migrated by a newer program, and changes nothing in it', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    await (await openLedger(file)).db.destroy();
    const raw = new Database(file);
    raw.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01T00-00-00_future', '2099-01-01')").run();
    const tables = () => raw.prepare("select name from sqlite_master where type = 'table' order by name").all();
    const before = { tables: tables(), history: raw.prepare('select name from kysely_migration order by name').all() };
    await expect(openLedger(file)).rejects.toThrow(MigrationHistoryError);
    await expect(openLedger(file)).rejects.toThrow(/拒绝打开/);
    expect({ tables: tables(), history: raw.prepare('select name from kysely_migration order by name').all() }).toEqual(before);
    raw.close();
    expect(() => checkHistory(['b', 'a'], ['a', 'b'])).toThrow(/顺序不同/);
  });

  it('takes a backup before applying pending migrations to an existing ledger', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.sqlite');
    const older = Object.fromEntries(names.slice(0, 1).map((n) => [n, migrations[n]]));
    const first = await openLedger(file, { migrations: older });
    await first.db.insertInto('settings').values({ key: 'org.unitName', value_json: '"旧台账"', updated_at: '2026-01-01' }).execute();
    await first.db.destroy();
    expect(first.backupFile).toBeNull();
    expect(names.length).toBeGreaterThan(1); // else there is nothing newer to upgrade to, and this test would prove nothing
    const upgraded = await openLedger(file, { now: () => '2026-11-28T08:00:00.000Z', backupDir: path.join(dir, 'backups') });
    await upgraded.db.destroy();
    expect(upgraded.applied).toEqual(names.slice(1));
    expect(upgraded.backupFile).toMatch(/ledger-2026-11-28T08-00-00-000Z-before-.*\.sqlite$/);
    const backup = new Database(upgraded.backupFile!, { readonly: true });
    expect(backup.prepare('select value_json from settings').get()).toEqual({ value_json: '"旧台账"' });
    expect(backup.prepare('select count(*) as n from kysely_migration').get()).toEqual({ n: 1 });
    backup.close();
    expect(fs.existsSync(upgraded.backupFile!)).toBe(true);
  });

  it('lists every file of db/migrations/ once, in the order of their ISO timestamp names, each under its own name', async () => {
    const listed = Object.keys(migrations);
    // the migrator, the history check and the backup manifest all sort by name; the list must read the same way
    expect(listed).toEqual([...listed].sort());
    for (const name of listed) expect(name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}_[a-z0-9_]+$/);
    const files = fs.readdirSync(DIR).filter((f) => f !== 'index.ts' && f !== 'README.md');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(listed);
    expect(files.every((f) => f.endsWith('.ts'))).toBe(true);
    // each name maps to the module of the file with that name, not to a neighbour's
    for (const name of listed) expect(migrations[name].up).toBe(((await import(path.join(DIR, `${name}.ts`))) as { up: unknown }).up);
    expect(listed.length).toBeGreaterThan(1);
  });
});
