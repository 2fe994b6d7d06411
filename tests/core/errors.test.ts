/**
 * What the clerk reads when the disk or the ledger file fails: a damaged
 * ledger (pages overwritten, not a database at all) with the backups listed,
 * a read-only file or folder, a full disk. Real ledger files, real SQLite,
 * the real handlers and the real CLI process; a full or read-only disk is a
 * real tmpfs where the machine allows mounting one.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedgerContext, type Ledger } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { LedgerDamagedError, LedgerError } from '../../core/errors.ts';
import { listBackups, storageError } from '../../core/storage-errors.ts';
import { failure, tempDir } from '../support/ledger.ts';
import { mountTmpfs } from '../support/tmpfs.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const open = (file: string) => openLedgerContext(file, fixedPlatform({ today: '2026-11-28', dataDir: path.dirname(file) }));
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A closed ledger file holding the demo bureau (checkpointed: everything is in the main file). */
async function demoLedger(dir: string): Promise<string> {
  const file = path.join(dir, 'ledger.sqlite');
  const l = await open(file);
  await loadDemo(l.ctx);
  await l.close();
  return file;
}

/** Backups with known times, oldest first on disk, so the listing must sort them. */
function backups(dir: string): string[] {
  const b = path.join(dir, 'backups');
  fs.mkdirSync(b, { recursive: true });
  const names = ['ledger-2026-11-26.sqlite', 'ledger-2026-11-27.sqlite', 'ledger-2026-11-20-before-upgrade.sqlite'];
  const times = ['2026-11-26T01:00:00Z', '2026-11-27T01:00:00Z', '2026-11-20T01:00:00Z'];
  names.forEach((n, i) => {
    fs.writeFileSync(path.join(b, n), 'backup');
    fs.utimesSync(path.join(b, n), new Date(times[i]), new Date(times[i]));
  });
  return ['ledger-2026-11-27.sqlite', 'ledger-2026-11-26.sqlite', 'ledger-2026-11-20-before-upgrade.sqlite'];
}

describe('a damaged ledger', () => {
  const dir = tempDir();
  let file = '';
  let newestFirst: string[] = [];

  it('with garbage written into the middle of its pages: refused at open by quick_check, backups listed newest first, file untouched', async () => {
    file = await demoLedger(dir);
    // before quick_check at open, `members list` read untouched pages and succeeded; `check` failed later
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64 * 1024, 0xde), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
    fs.closeSync(fd);
    newestFirst = backups(dir);
    const before = sha(file);
    const e = await failure(open(file));
    expect(e).toBeInstanceOf(LedgerDamagedError);
    expect(e.message).toMatch(/^台账文件 .*ledger\.sqlite 已损坏（.+），可从备份恢复：数据文件夹的 backups 中有 3 个备份，最新的是 ledger-2026-11-27\.sqlite（2026-11-27 \d\d:00）/);
    expect((e as LedgerDamagedError).backups.map((b) => b.name)).toEqual(newestFirst);
    expect(sha(file)).toBe(before);
  });

  it('the CLI exits 1 with the sentence, the backups with their time and how to restore', () => {
    const r = cli(['members', 'list', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('已损坏');
    expect(r.err).toContain('可用的备份（最新的在前）');
    const at = newestFirst.map((n) => r.err.indexOf(n));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(r.err).toContain('party-ledger restore');
  });

  it('a file that is not a database at all says so, through the handlers’ open and the CLI', async () => {
    const other = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(other, '这是一份会议记录，不是台账。'.repeat(200));
    const e = await failure(open(other));
    expect(e).toBeInstanceOf(LedgerDamagedError);
    expect(e.message).toContain('不是党务台账的数据库文件');
    const r = cli(['check', '--year', '2026', '--db', other, '--json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/错误：台账文件 .*notes\.sqlite 已损坏（不是党务台账的数据库文件/);
    expect(r.err).not.toMatch(/file is not a database/);
  });
});

describe('a ledger damaged while open', () => {
  it('a handler that reads a damaged page gives the same sentence with the backups, not "database disk image is malformed"', async () => {
    const dir = tempDir();
    const file = await demoLedger(dir);
    const l = await open(file);
    backups(dir);
    const newestFirst = listBackups(dir).map((b) => b.name); // after the open: it makes the day's automatic backup too

    await sql`pragma cache_size = 1`.execute(l.ctx.db); // every page is read from the file again
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size - 8192, 0xde), 0, size - 8192, 8192);
    fs.closeSync(fd);
    const e = await failure(l.invoke('activities/check', { year: 2026 }));
    expect(e).toBeInstanceOf(LedgerDamagedError);
    expect(e.message).toMatch(new RegExp(`^台账文件已损坏（数据页损坏），可从备份恢复：数据文件夹的 backups 中有 ${newestFirst.length} 个备份`));
    expect((e as LedgerDamagedError).backups.map((b) => b.name)).toEqual(newestFirst);
    await l.close();
  });
});

describe('a read-only ledger', () => {
  it('SQLite’s read-only mode (query_only): a write says the file is read-only, nothing changes', async () => {
    const dir = tempDir();
    const l = await open(await demoLedger(dir));
    const before = (await l.invoke('org/branches', {})) as unknown[];
    await sql`pragma query_only = on`.execute(l.ctx.db);
    const [root] = (await l.invoke('org/tree', {})) as { id: string }[];
    const e = await failure(l.invoke('org/create', { parentId: root.id, kind: '党支部', name: '新党支部' }));
    expect(e).toBeInstanceOf(LedgerError);
    expect(e.message).toMatch(/^台账文件是只读的，本次操作没有保存，台账中的数据未改变。请检查台账文件和数据文件夹（.+）是否允许写入/);
    await sql`pragma query_only = off`.execute(l.ctx.db);
    expect(await l.invoke('org/branches', {})).toEqual(before);
    await l.close();
  });

  it('a connection opened read-only (readonly: true): SQLite’s own SQLITE_READONLY becomes the same sentence', async () => {
    const dir = tempDir();
    const file = await demoLedger(dir);
    const ro = new Database(file, { readonly: true });
    let caught: unknown;
    try {
      ro.prepare("insert into settings (key, value_json, updated_at) values ('x', '1', '')").run();
    } catch (e) {
      caught = e;
    }
    ro.close();
    expect((caught as { code: string }).code).toMatch(/^SQLITE_READONLY/);
    expect(storageError(caught, { dataDir: dir })?.message).toMatch(/^台账文件是只读的/);
  });
});

describe('a full disk', () => {
  it('a database at its size limit (max_page_count): "磁盘空间已满", the record unchanged', async () => {
    const dir = tempDir();
    const l = await open(await demoLedger(dir));
    const [a] = (await l.invoke('activities/list', {})) as { id: string }[];
    const before = (await l.invoke('activities/get', { id: a.id })) as Record<string, unknown>;
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(l.ctx.db);
    await sql.raw(`pragma max_page_count = ${rows[0].page_count}`).execute(l.ctx.db);
    const held = await l.invoke('attachments/list', { entity: 'activities', entityId: a.id });
    const e = await failure(l.invoke('activities/update', { ...before, id: a.id, content: '会议内容'.repeat(10_000) }));
    expect(e.message).toMatch(/^磁盘空间已满，本次操作没有保存，台账中的数据未改变。请清理数据文件夹所在的磁盘（.+）后重试。$/);
    expect(await l.invoke('activities/get', { id: a.id })).toEqual(before);
    await l.close();
  });

  it('when SQLite has already rolled the transaction back, the original cause is kept (no "cannot rollback")', async () => {
    const l = await open(path.join(tempDir(), 'ledger.sqlite'));
    const p = l.ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('settings').values({ key: 'probe', value_json: '1', updated_at: '2026-11-28T08:00:00.000Z' }).execute();
      await sql`rollback`.execute(tx); // what SQLite does by itself on a full disk or an I/O error
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    await expect(p).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(await l.ctx.db.selectFrom('settings').selectAll().where('key', '=', 'probe').execute()).toEqual([]);
    await l.close();
  });
});

describe('a real full or read-only disk (tmpfs)', () => {
  const disk = mountTmpfs(32 * 1024);
  let ledger: Ledger | null = null;
  afterAll(async () => {
    await ledger?.close();
    disk?.unmount();
  });

  it.skipIf(!disk)('a full disk: database writes and attachments each say "磁盘空间已满", nothing is half-written, and work resumes once space is freed', async () => {
    const file = path.join(disk!.dir, 'ledger.sqlite');
    ledger = await open(file);
    await loadDemo(ledger.ctx);
    // the demo's writes leave a large WAL whose room a later write would reuse: start from an empty one
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(ledger.ctx.db);
    const l = ledger;
    const [a] = (await l.invoke('activities/list', {})) as { id: string }[];
    const before = (await l.invoke('activities/get', { id: a.id })) as Record<string, unknown>;
    const fillers = disk!.fill();
    const held = await l.invoke('attachments/list', { entity: 'activities', entityId: a.id });
    const e = await failure(l.invoke('activities/update', { ...before, id: a.id, content: '会议内容'.repeat(10_000) }));
    expect(e.message).toMatch(/^磁盘空间已满，本次操作没有保存/);
    expect(e.message).not.toContain('cannot rollback');
    const pdf = Buffer.alloc(300_000, 7).toString('base64');
    const att = await failure(l.invoke('attachments/add', { entity: 'activities', entityId: a.id, fileName: '签到表.pdf', contentBase64: pdf }));
    expect(att.message).toBe(`磁盘空间已满，无法写入 ${disk!.dir}，本次操作没有保存，台账中的数据未改变。请清理该磁盘后重试。`);
    // the meeting keeps just the files it had (the demo's scanned 签到表)
    expect(await l.invoke('attachments/list', { entity: 'activities', entityId: a.id })).toEqual(held);
    for (const f of fillers) fs.rmSync(f, { force: true });
    expect(await l.invoke('activities/get', { id: a.id })).toEqual(before);
    const tmp = fs.readdirSync(disk!.dir, { recursive: true }).map(String).filter((n) => n.endsWith('.tmp'));
    expect(tmp).toEqual([]);
    await l.invoke('activities/update', { ...before, id: a.id, content: '空间释放后再保存' });
    expect(((await l.invoke('activities/get', { id: a.id })) as { content: string }).content).toBe('空间释放后再保存');
    await l.close();
    ledger = null;
  });

  it.skipIf(!disk)('a read-only disk: the CLI says the data folder is read-only and changes nothing', () => {
    const file = path.join(disk!.dir, 'ledger.sqlite');
    const before = sha(file);
    disk!.readOnly();
    const r = cli(['members', 'list', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/错误：无法打开台账文件 .*ledger\.sqlite：数据文件夹是只读的或没有写入权限。请检查数据文件夹的位置和权限；台账中的数据未改变。/);
    expect(sha(file)).toBe(before);
  });
});
