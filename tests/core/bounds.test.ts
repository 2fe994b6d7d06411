/**
 * Bounds on every input, through the real handlers on the demo bureau: the
 * clerk's `%` and `_` are plain characters in every search, a search is at most
 * 100 characters, money stays within a sane limit per field, lists and texts
 * are bounded. Each refusal is one Chinese sentence naming the field.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { failure, tempDir, testLedger, type TestLedger } from '../support/ledger.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');

describe('bounds on every input', () => {
  let l: TestLedger;
  let member: { id: string; name: string; idNumber: string; branchId: string };
  let branchId = '';
  let orgId = '';
  beforeAll(async () => {
    l = await testLedger({ demo: true });
    member = (await l.call('members/list', { pageSize: 1 })).rows[0];
    // lists show the number masked; the workbook needs the full one
    member = { ...member, idNumber: (await l.call('members/reveal-id', { id: member.id })).idNumber };
    branchId = member.branchId;
    orgId = (await l.call('activities/list', {}))[0].orgId;
  });

  it('a search for % or _ finds the text itself, never every row (members, log, activities, transfers, settings)', async () => {
    const everyone = (await l.call('members/list', { pageSize: 1000 })).total;
    expect(everyone).toBeGreaterThan(100);
    expect((await l.call('members/list', { search: '%' })).total).toBe(0);
    expect((await l.call('members/list', { search: '_' })).total).toBe(0);
    const full = await l.call('members/get', { id: member.id });
    await l.call('members/update', { ...full, position: '副所长_兼100%督导' });
    const pct = await l.call('members/list', { search: '100%' });
    expect(pct.rows.map((m) => m.id)).toEqual([member.id]);
    expect((await l.call('members/list', { search: '长_兼' })).total).toBe(1);

    const log: { summary: string }[] = [];
    for (let page = 1; ; page++) {
      const r = await l.call('audit/log', { page, pageSize: 500 });
      log.push(...r.rows);
      if (log.length >= r.total) break;
    }
    expect(log.length).toBeGreaterThan(5);
    expect((await l.call('audit/log', { search: '_', pageSize: 500 })).total).toBe(log.filter((r) => r.summary.includes('_')).length);
    expect((await l.call('audit/log', { search: '%', pageSize: 500 })).total).toBe(log.filter((r) => r.summary.includes('%')).length);

    const acts = await l.call('activities/list', {});
    expect(acts.length).toBeGreaterThan(10);
    expect((await l.call('activities/list', { search: '_' })).length).toBe(0);
    const transfers = await l.call('transfers/list', {});
    expect(transfers.length).toBeGreaterThan(0);
    expect(await l.call('transfers/list', { search: '%' })).toEqual([]);
    expect(await l.call('settings/get', { prefix: '%' })).toEqual({});
  });

  it('a 50 KB search is refused in Chinese by every search, and by the CLI, instead of "LIKE or GLOB pattern too complex"', async () => {
    const big = '党'.repeat(50_000);
    const msg = '“搜索内容”不能超过 100 字，请缩短搜索内容';
    expect((await failure(l.call('members/list', { search: big }))).message).toBe(msg);
    expect((await failure(l.call('audit/log', { search: big }))).message).toBe(msg);
    expect((await failure(l.call('activities/list', { search: big }))).message).toBe(msg);
    expect((await failure(l.call('transfers/list', { search: big }))).message).toBe(msg);
    expect((await l.call('members/list', { search: '党'.repeat(100) })).total).toBe(0);

    const db = path.join(tempDir(), 'ledger.sqlite');
    const r = spawnSync(process.execPath, [BIN, 'members', 'list', '--db', db, '--search', 'x'.repeat(50_000)], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`错误：${msg}\n`);
  });

  it('money within a sane limit per field: a remittance ≤ 1000 万元, a month’s dues ≤ 10 万元, a monthly base ≤ 100 万元', async () => {
    const remit = { level: '支部', fromOrgId: branchId, periodFrom: '2026-07', periodTo: '2026-09', remittedOn: '2026-10-08' } as const;
    const huge = await failure(l.call('dues/remit', { ...remit, amountFen: 2 ** 51 }));
    expect(huge.message).toBe('“金额”不能超过 1000 万元');
    expect(huge.field).toBe('amountFen');
    expect((await failure(l.call('dues/remit', { ...remit, amountFen: 1_000_000_001 }))).message).toBe('“金额”不能超过 1000 万元');
    const [purpose] = (await l.call('dues/expenses', { year: 2026 })).purposes;
    expect((await failure(l.call('dues/expense-save', { spentOn: '2026-10-08', purpose, amountFen: 2 ** 51 }))).message).toBe('“金额”不能超过 1000 万元');
    const pay = await failure(l.call('dues/pay', { memberId: member.id, months: ['2026-11'], paidOn: '2026-11-20', method: '现金', amountFen: 10_000_001, reason: '多交' }));
    expect(pay.message).toBe('“金额”不能超过 10 万元');
    const base = await failure(l.call('dues/assess-save', { year: 2027, entries: [{ memberId: member.id, baseFen: 100_000_001 }] }));
    expect(base.message).toBe('“核定第1项的计算基数”不能超过 100 万元');
    expect(base.field).toBe('entries.0.baseFen');
    const item = await failure(l.call('dues/assess-save', { year: 2027, entries: [{ memberId: member.id, items: { 职务工资: 2 ** 51 } }] }));
    expect(item.message).toBe('“核定第1项的职务工资”不能超过 100 万元');
    expect((await failure(l.call('dues/settings-save', { capFen: 2 ** 51 }))).message).toBe('“每月上限金额”不能超过 10 万元');
    expect((await failure(l.call('dues/remit', { ...remit, amountFen: -1 }))).message).toBe('“金额”不能为负数');
  });

  it('a workbook of calculation bases is held to the same limit, naming the row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('核定');
    ws.addRow(['姓名', '公民身份号码', '计算基数']);
    ws.addRow([member.name, member.idNumber, '20000000']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await l.call('dues/assess-import', { fileName: '核定.xlsx', contentBase64: bytes.toString('base64'), year: 2027 });
    expect(r.written).toBe(false);
    expect(r.rows[0].problem).toBe('计算基数“20000000”不能超过 100 万元');
  });

  it('lists are bounded: 200,000 agenda items, 5,001 attendees, 121 months are refused with the field named', async () => {
    const act = { orgId, type: '党课', heldOn: '2026-11-01' };
    const agenda = await failure(l.call('activities/create', { ...act, agenda: Array.from({ length: 200_000 }, (_, i) => `议题${i}`) }));
    expect(agenda.message).toBe('“议题”最多 100 项');
    const attendance = Array.from({ length: 5001 }, (_, i) => ({ memberName: `党员${i}`, status: '出席' as const }));
    expect((await failure(l.call('activities/create', { ...act, attendance }))).message).toBe('“出席名单”最多 5000 项');
    const months = Array.from({ length: 121 }, (_, i) => `${2017 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    expect((await failure(l.call('dues/pay', { memberId: member.id, months, paidOn: '2026-11-20', method: '现金', payKind: '补交' }))).message).toBe('“缴纳月份”最多 120 项');
    const rules = Array.from({ length: 201 }, () => ({ type: '党课', scope: 'branch' as const, frequency: 'quarter' as const }));
    expect((await failure(l.call('activities/rules/add-version', { effectiveFrom: '2027-01-01', source: '分局党委会议决定', rules }))).message).toBe('“频次规则”最多 200 项');
    const docs = Array.from({ length: 101 }, (_, i) => `材料${i}`);
    expect((await failure(l.call('development/record-step', { fileId: 'x', step: 2, date: '2026-11-01', documents: docs }))).message).toBe('“留存材料”最多 100 项');
  });

  it('texts and record ids are bounded', async () => {
    const full = await l.call('members/get', { id: member.id });
    expect((await failure(l.call('members/update', { ...full, workUnit: '单'.repeat(101) }))).message).toBe('“工作单位”不能超过 100 字');
    expect((await failure(l.call('members/update', { ...full, idNumber: '1'.repeat(31) }))).message).toBe('“公民身份号码”应为 18 位（现为 31 位）');
    expect((await failure(l.call('members/get', { id: 'x'.repeat(101) }))).message).toBe('“编号”过长（应为记录编号）');
    expect((await failure(l.call('members/list', { branchId: 'x'.repeat(101) }))).message).toBe('“所在支部”不能超过 100 字');
    expect((await failure(l.invoke('attachments/list', { entity: 'e'.repeat(101), entityId: 'x' }))).message).toBe('“记录类型”不能超过 100 字');
  });
});
