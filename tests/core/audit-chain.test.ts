/**
 * The tamper-evident operation log: rows changed, removed or added with raw SQL
 * (better-sqlite3 directly, as someone with the file would) are found by the real
 * `party-ledger audit verify` process, which names the first broken row.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/connect.ts';
import { migrations } from '../../db/migrations/index.ts';
import { rowHash } from '../../core/audit/chain.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { tempDir, testLedger } from '../support/ledger.ts';
import { bureau } from '../support/bureau.ts';

/** Each CLI process starts tsx afresh: seconds apiece on a loaded machine. */
const CLI_TIMEOUT = 180_000;
const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
function verify(file: string, json = true) {
  const r = spawnSync(process.execPath, [BIN, 'audit', 'verify', '--db', file, ...(json ? ['--json'] : [])], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });
  return { code: r.status, out: r.stdout, err: r.stderr, json: json && r.stdout.trim() ? JSON.parse(r.stdout) : null };
}

type Row = { seq: number; id: string; at: string; summary: string; hash: string; prev_hash: string };
const dir = tempDir('party-ledger-audit-');
const base = path.join(dir, 'base.sqlite');
let rows: Row[] = [];
const LINJIANG = { unitName: '临江分局', committeeName: '中共临江分局委员会' };

/** The same check in this process (faster), for the variants beyond the CLI's own cases. */
async function verifyHere(file: string, then?: (invoke: (name: string, input: unknown) => Promise<unknown>) => Promise<void>) {
  const l = await openLedgerContext(file, fixedPlatform({ today: '2026-11-28', idPrefix: path.basename(file) }));
  try {
    if (then) await then(l.invoke);
    return (await l.invoke('audit/verify', {})) as { ok: boolean; rows: number; firstBroken?: { id: string | null; seq: number; reason: string } };
  } finally {
    await l.close();
  }
}

/** A copy of the intact ledger, edited with raw SQL. */
function tampered(name: string, edit: (db: Database.Database) => void): string {
  const file = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(base, file);
  const db = new Database(file);
  edit(db);
  db.close();
  return file;
}

beforeAll(async () => {
  // Ordinary work through the handlers: setup, branches, a deletion to the recycle bin and its restore.
  const l = await testLedger({ file: base });
  const { branchIds: ids } = await bureau(l, { ...LINJIANG, branches: ['第一党支部', '第二党支部', '第三党支部'].map((name) => ({ name, termStartOn: null })) });
  await l.call('org/delete', { id: ids[1] });
  await l.call('recycle/restore', { table: 'org_units', id: ids[1] });
  await l.call('org/settings-save', { unitName: '临江区公安分局', committeeName: '中共临江区公安分局委员会', sealText: '' });
  await l.close();
  const db = new Database(base, { readonly: true });
  rows = db.prepare('select seq, id, at, summary, hash, prev_hash from audit_log order by seq').all() as Row[];
  db.close();
}, 60_000);

describe('audit verify (real CLI process)', () => {
  it('holds on an intact ledger: exit 0, every row counted, recycle-bin deletion and restore chained like any change', () => {
    expect(rows.length).toBeGreaterThanOrEqual(9);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.some((r) => r.summary.includes('移入回收站'))).toBe(true);
    expect(rows.some((r) => r.summary.includes('从回收站恢复'))).toBe(true);
    const r = verify(base);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ ok: true, rows: rows.length });
  }, CLI_TIMEOUT);

  it('an edited row: exit 1 naming that row (id and time)', () => {
    const target = rows[4];
    const file = tampered('edited', (db) => db.prepare("update audit_log set summary = '无关紧要的操作' where id = ?").run(target.id));
    const r = verify(file);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, firstBroken: { id: target.id, at: target.at, seq: target.seq } });
    expect(r.json.firstBroken.reason).toMatch(/内容被改动/);
    expect(r.err).toContain(target.id);
    const text = verify(file, false);
    expect(text.code).toBe(1);
    expect(text.err).toMatch(new RegExp(`操作日志校验未通过，第 ${target.seq} 条（编号 ${target.id}`));
  }, CLI_TIMEOUT);

  it('an edited row whose own hash was recomputed still breaks the link to the next row', async () => {
    const target = rows[2];
    const file = tampered('rehashed', (db) => {
      const full = db.prepare('select * from audit_log where id = ?').get(target.id) as Parameters<typeof rowHash>[0];
      const forged = { ...full, summary: '伪造' };
      db.prepare('update audit_log set summary = ?, hash = ? where id = ?').run(forged.summary, rowHash(forged), target.id);
    });
    expect((await verifyHere(file)).firstBroken).toMatchObject({ id: rows[3].id, seq: rows[3].seq });
  });

  it('a deleted row: the row after it is named', () => {
    const file = tampered('deleted', (db) => db.prepare('delete from audit_log where id = ?').run(rows[3].id));
    const r = verify(file);
    expect(r.code).toBe(1);
    expect(r.json.firstBroken).toMatchObject({ id: rows[4].id, at: rows[4].at });
    expect(r.json.firstBroken.reason).toMatch(/1 条记录被删除/);
  }, CLI_TIMEOUT);

  it('the newest rows deleted: found from the chain head, also after the app has written again', async () => {
    const file = tampered('truncated', (db) => db.prepare('delete from audit_log where seq >= ?').run(rows.length - 1));
    const r = verify(file);
    expect(r.code).toBe(1);
    expect(r.json.firstBroken).toMatchObject({ id: null, seq: rows.length - 1 });
    expect(r.json.firstBroken.reason).toMatch(/末尾的 2 条记录被删除/);
    const again = await verifyHere(file, async (invoke) => {
      await invoke('org/settings-save', { unitName: '又一次修改', committeeName: '中共临江区公安分局委员会', sealText: '' });
    });
    expect(again.ok).toBe(false);
    expect(again.firstBroken?.reason).toMatch(/2 条记录被删除/);
  }, CLI_TIMEOUT);

  it('an inserted row, without a hash or with a well-formed one after the head, is named', async () => {
    const noHash = tampered('inserted', (db) =>
      db
        .prepare("insert into audit_log (id, at, actor, entity, entity_id, action, summary, seq, prev_hash, hash) values ('fake', '2026-01-01T00:00:00.000Z', '某人', 'members', 'x', '新增', '补一条', null, null, null)")
        .run(),
    );
    expect((await verifyHere(noHash)).firstBroken).toMatchObject({ id: 'fake', reason: expect.stringMatching(/没有哈希/) });

    const last = rows.at(-1)!;
    const forged = { id: 'forged', at: '2026-11-28T09:00:00.000Z', actor: '某人', entity: 'members', entity_id: 'x', action: '删除', summary: '伪造', before_json: null, after_json: null, seq: last.seq + 1, prev_hash: last.hash };
    const appended = tampered('appended', (db) =>
      db.prepare('insert into audit_log (id, at, actor, entity, entity_id, action, summary, before_json, after_json, seq, prev_hash, hash) values (@id, @at, @actor, @entity, @entity_id, @action, @summary, @before_json, @after_json, @seq, @prev_hash, @hash)').run({ ...forged, hash: rowHash(forged) }),
    );
    const r = verify(appended);
    expect(r.code).toBe(1);
    expect(r.json.firstBroken).toMatchObject({ id: 'forged', seq: last.seq + 1 });
  }, CLI_TIMEOUT);

  it('the chain head removed: reported, and still reported after the app has written again', async () => {
    const file = tampered('headless', (db) => db.prepare('delete from audit_head').run());
    expect((await verifyHere(file)).firstBroken).toMatchObject({ id: null, reason: expect.stringMatching(/末端记录缺失/) });
    const after = await verifyHere(file, async (invoke) => {
      await invoke('org/settings-save', { unitName: '再改一次', committeeName: '中共临江区公安分局委员会', sealText: '' });
    });
    // The app keeps working, but the first row written after the loss is named from then on.
    expect(after.ok).toBe(false);
    expect(after.firstBroken).toMatchObject({ seq: rows.length + 1, reason: expect.stringMatching(/末端记录曾在本程序之外被删除/) });
    expect(after.firstBroken?.id).toBeTruthy();
  });

  it('two rows swapped in order are found', async () => {
    const file = tampered('swapped', (db) => {
      db.prepare('update audit_log set seq = -1 where seq = 2').run();
      db.prepare('update audit_log set seq = 2 where seq = 3').run();
      db.prepare('update audit_log set seq = 3 where seq = -1').run();
    });
    expect((await verifyHere(file)).firstBroken).toMatchObject({ id: rows[2].id });
  });
});

describe('audit rows are written in the caller’s transaction', () => {
  it('a change that fails after its audit row leaves neither the row nor a moved chain head', async () => {
    const l = await testLedger();
    await bureau(l, { ...LINJIANG, branches: 0 });
    const head = () => sql<{ seq: number; hash: string }>`select seq, hash from audit_head`.execute(l.ctx.db).then((r) => r.rows[0]);
    const before = await head();
    await sql`create trigger refuse_seal after insert on audit_log when new.summary like '%org.sealText%' begin select raise(abort, 'refused'); end`.execute(l.ctx.db);
    await expect(l.call('org/settings-save', { unitName: '新名称', committeeName: '中共临江分局委员会', sealText: '临江分局党委' })).rejects.toThrow(/refused/);
    expect(await head()).toEqual(before);
    expect((await l.call('setup/status', {})).unitName).toBe('临江分局');
    await sql`drop trigger refuse_seal`.execute(l.ctx.db);
    await l.call('org/settings-save', { unitName: '新名称', committeeName: '中共临江分局委员会', sealText: '临江分局党委' });
    expect(await l.call('audit/verify', {})).toEqual({ ok: true, rows: before.seq + 2 });
    await l.close();
  });

  it('many changes at once from one process still form one chain', async () => {
    const l = await testLedger();
    const committee = { id: (await bureau(l, { ...LINJIANG, branches: 0 })).rootId };
    const before = (await l.call('audit/verify', {})) as { ok: boolean; rows: number };
    expect(before.ok).toBe(true);
    await Promise.all(Array.from({ length: 20 }, (_, i) => l.call('org/create', { parentId: committee.id, kind: '党支部', name: `第${i + 1}党支部` })));
    expect(await l.call('audit/verify', {})).toEqual({ ok: true, rows: before.rows + 20 });
    await l.close();
  });
});

describe('the audit_chain migration', () => {
  it('hashes the rows of an existing ledger in insertion order, and the chain then holds', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const names = Object.keys(migrations).sort();
    const older = Object.fromEntries(names.filter((n) => n < '2026-12-01T01-00-00_audit_chain').map((n) => [n, migrations[n]]));
    const first = await openLedger(file, { migrations: older });
    // Ids deliberately out of alphabetical order: the chain follows insertion, not id.
    for (const [id, summary] of [['z', '第一条'], ['a', '第二条'], ['m', '第三条']])
      await first.db.insertInto('audit_log').values({ id, at: '2026-11-01T08:00:00.000Z', actor: '旧版本', entity: 'settings', entity_id: 'k', action: '修改', summary, before_json: null, after_json: '"v"' } as never).execute();
    await first.db.destroy();
    const upgraded = await openLedger(file);
    await upgraded.db.destroy();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('select id, seq from audit_log order by seq').all()).toEqual([{ id: 'z', seq: 1 }, { id: 'a', seq: 2 }, { id: 'm', seq: 3 }]);
    db.close();
    expect(verify(file).json).toEqual({ ok: true, rows: 3 });
  }, CLI_TIMEOUT);
});
