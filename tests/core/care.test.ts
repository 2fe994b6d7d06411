/** 走访慰问: a visit paid from 党费 is a 党费使用 record (edited and voided with it) and is in the 公布; the register read back; the CLI's exact keys. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxText, failure, tempDir, testLedger, zipPart, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';

const bytes = (f: { contentBase64: string }) => new Uint8Array(Buffer.from(f.contentBase64, 'base64'));

async function ledger(file?: string) {
  const l = await testLedger({ today: '2026-11-28', file });
  const { branchId } = await bureau(l, { branches: [{ establishedOn: '2000-01-01' }] });
  const a = await member(l, branchId, { name: '困难甲' });
  const b = await member(l, branchId, { name: '困难乙' });
  return { l, branchId, a, b };
}

const visit = (l: TestLedger, memberId: string, over: Record<string, unknown> = {}) =>
  l.call('care/add', {
    visitOn: '2026-01-20', personKind: '党员', memberId, reason: '生活困难', circumstances: '配偶长期患病', visitors: '党委书记、组织委员',
    amountFen: 50000, fundSource: '本级党费', approval: '分局党委会议纪要〔2026〕1号', ...over,
  } as never);

const duesRows = async (l: TestLedger, year = 2026) => (await l.call('dues/expenses', { year })).rows;

describe('走访慰问', () => {
  it('paid from 党费: one 党费使用 record in the same transaction, linked both ways; 工会 money is not dues', async () => {
    const { l, a, b } = await ledger();
    const v = await visit(l, a.id);
    await visit(l, b.id, { fundSource: '工会', approval: null, amountFen: 30000, visitOn: '2026-02-01' });
    const rows = await duesRows(l);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: v.expenseId, spentOn: '2026-01-20', purpose: '补助生活困难党员', amountFen: 50000, decidedBy: '分局党委会议纪要〔2026〕1号', visitId: v.id });
    expect(rows[0].note).toContain('困难甲');
    // 因灾 goes under aid to members hit by disaster
    const d = await visit(l, b.id, { reason: '因灾', visitOn: '2026-07-03' });
    expect((await duesRows(l)).find((e) => e.id === d.expenseId)?.purpose).toBe('补助受灾党员和修缮受灾党员教育设施');
    await l.close();
  });

  it('a 党费 visit without an approval or an amount writes nothing', async () => {
    const { l, a } = await ledger();
    expect((await failure(visit(l, a.id, { approval: null }))).field).toBe('approval');
    expect((await failure(visit(l, a.id, { amountFen: 0, goods: '米、油' }))).field).toBe('amountFen');
    expect((await failure(visit(l, a.id, { visitOn: '2026-11-29' }))).field).toBe('visitOn');
    expect(await duesRows(l)).toHaveLength(0);
    expect(await l.call('care/list', { year: 2026 })).toHaveLength(0);
    await l.close();
  });

  it('editing the visit edits its expense; moving it to 行政 voids the expense; voiding the visit voids it; restoring brings both back', async () => {
    const { l, a } = await ledger();
    const v = await visit(l, a.id);
    const base = { visitOn: '2026-01-21', personKind: '党员', memberId: a.id, reason: '因病', visitors: '党委书记', amountFen: 80000, fundSource: '上级下拨党费', approval: '纪要2号' } as const;
    await l.call('care/update', { id: v.id, ...base });
    expect(await duesRows(l)).toMatchObject([{ id: v.expenseId, spentOn: '2026-01-21', amountFen: 80000, decidedBy: '纪要2号' }]);
    await l.call('care/update', { id: v.id, ...base, fundSource: '行政', approval: null });
    expect(await duesRows(l)).toHaveLength(0);
    expect((await l.call('care/list', { year: 2026 }))[0].expenseId).toBeNull();
    // the expense left behind cannot come back from the recycle bin on its own
    const bin = await l.call('recycle/list', {});
    const orphan = bin.find((r) => r.table === 'dues_expenses')!;
    expect((await failure(l.call('recycle/restore', { table: 'dues_expenses', id: orphan.id }))).message).toContain('走访慰问');
    const again = await l.call('care/update', { id: v.id, ...base });
    expect(again.expenseId).not.toBe(v.expenseId);
    await l.call('care/void', { id: v.id });
    expect(await duesRows(l)).toHaveLength(0);
    expect(await l.call('care/list', { year: 2026 })).toHaveLength(0);
    expect((await failure(l.call('recycle/restore', { table: 'dues_expenses', id: again.expenseId! }))).message).toContain('走访慰问');
    await l.call('recycle/restore', { table: 'care_visits', id: v.id });
    expect(await duesRows(l)).toMatchObject([{ id: again.expenseId, amountFen: 80000, visitId: v.id }]);
    await l.close();
  });

  it("appears in the year's 党费收缴使用情况公布 under its purpose", async () => {
    const { l, a, b } = await ledger();
    await visit(l, a.id);
    await visit(l, b.id, { visitOn: '2026-03-02', amountFen: 150000 });
    const text = docxText(await zipPart(bytes(await l.call('dues/export-publication', { year: 2026, date: '2026-11-28' })), 'word/document.xml'));
    expect(text).toContain('使用党费2000.00元');
    expect(text).toMatch(/补助生活困难党员\n2\n2000\.00/);
    await l.close();
  });

  it('stats count people once, visits each time, money in 分; the sentence of the summary', async () => {
    const { l, a, b } = await ledger();
    await visit(l, a.id);
    await visit(l, a.id, { visitOn: '2026-06-28', reason: '节日慰问（七一）', amountFen: 20000 });
    await visit(l, b.id, { visitOn: '2026-02-10', personKind: '党员家属', personName: '王某', relation: '母亲', fundSource: '工会', approval: null, amountFen: 0, goods: '慰问品一份' });
    const s = await l.call('care/stats', { from: '2026-01-01', to: '2026-06-30' });
    expect(s).toMatchObject({ people: 2, visits: 3, amountFen: 70000 });
    const h1 = await l.call('care/stats', { from: '2026-01-01', to: '2026-01-31' });
    expect(h1.sentence).toBe('走访慰问困难党员1人，发放慰问金500元');
    expect((await failure(l.call('care/stats', { from: '2026-02-01', to: '2026-01-01' }))).field).toBe('to');
    await l.close();
  });

  it('the 走访慰问登记表 reads back with the suggested columns, 元 amounts and the total', async () => {
    const { l, a, b } = await ledger();
    await visit(l, a.id);
    await visit(l, b.id, { visitOn: '2026-02-10', personKind: '党员家属', personName: '王某', relation: '母亲', fundSource: '工会', approval: null, amountFen: 30050 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes(await l.call('care/export', { year: 2026 }))) as never);
    const ws = wb.worksheets[0];
    expect(ws.getCell(1, 1).value).toBe('2026年度走访慰问登记表');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '姓名', '性别', '出生年月', '入党时间', '所在支部', '慰问类别', '困难情况', '慰问时间', '慰问人', '慰问金额（元）', '资金来源', '慰问品', '本人或家属签收', '审批（会议纪要号）', '备注']);
    expect(ws.getRow(4).getCell(2).value).toBe('困难甲');
    expect(ws.getRow(4).getCell(11).value).toBe(500);
    expect(ws.getRow(5).getCell(2).value).toBe('王某');
    expect(ws.getRow(5).getCell(16).value).toBe('党员困难乙的母亲');
    expect(ws.getRow(6).getCell(11).value).toBe(800.5);
    await l.close();
  });
});

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('party-ledger care', () => {
  it('care list, care stats { people, visits, amountFen } and export care', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const { l, a, b } = await ledger(db);
    await visit(l, a.id);
    await visit(l, b.id, { visitOn: '2026-03-05', amountFen: 150000 });
    await l.close();
    const list = cli(['care', 'list', '--year', '2026', '--db', db, '--json']);
    expect(list.code, list.err).toBe(0);
    expect((JSON.parse(list.out) as { personName: string }[]).map((v) => v.personName)).toEqual(['困难甲', '困难乙']);
    const stats = cli(['care', 'stats', '--from', '2026-01-01', '--to', '2026-12-31', '--db', db, '--json']);
    expect(JSON.parse(stats.out)).toEqual({ people: 2, visits: 2, amountFen: 200000 });
    const out = path.join(dir, '慰问.xlsx');
    const ex = cli(['export', 'care', '--year', '2026', '--out', out, '--db', db]);
    expect(ex.code, ex.err).toBe(0);
    expect(ex.out).toContain('走访慰问困难党员2人，发放慰问金2000元');
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  });
});
