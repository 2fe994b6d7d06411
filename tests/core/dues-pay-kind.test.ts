/**
 * 缴纳方式 (现金/转账/代缴) apart from 缴纳类型 (按月/按季/补交/预交), and the type
 * follows the dates: an on-time payment is not 补交, a month paid after it is
 * 补交, before it 预交. The rule (common/dues-pay.ts), what dues/pay stores, and the
 * migration that splits the old single column, on real SQLite.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { payKindFor, payKindProblem, suggestedPayKind } from '../../common/dues-pay.ts';
import { openLedger } from '../../db/connect.ts';
import { migrations } from '../../db/migrations/index.ts';
import { failure, tempDir, testLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';

describe('缴纳类型 follows the dates', () => {
  it('paid within its month: 按月; after: 补交; before: 预交; 按季 for months of the payment’s quarter', () => {
    expect(payKindFor('2026-11', '2026-11-30')).toBe('按月');
    expect(payKindFor('2026-11', '2026-11-01')).toBe('按月');
    expect(payKindFor('2026-10', '2026-11-01')).toBe('补交');
    expect(payKindFor('2025-12', '2026-01-02')).toBe('补交');
    expect(payKindFor('2026-12', '2026-11-30')).toBe('预交');
    expect(payKindFor('2026-01', '2026-03-05', true)).toBe('按季');
    expect(payKindFor('2026-03', '2026-01-05', true)).toBe('按季');
    expect(payKindFor('2026-04', '2026-03-05', true)).toBe('预交');
    expect(payKindFor('2025-12', '2026-03-05', true)).toBe('补交');
  });

  it('a chosen type that contradicts the dates is named; 按月 always fits; the suggestion is the dates’ own type', () => {
    expect(payKindProblem('补交', ['2026-11'], '2026-11-20')).toBe('2026年11月按期缴纳，不是补交');
    expect(payKindProblem('补交', ['2026-12'], '2026-11-20')).toBe('2026年12月尚未过去，不是补交');
    expect(payKindProblem('预交', ['2026-10'], '2026-11-20')).toBe('2026年10月已经过去，不是预交');
    expect(payKindProblem('预交', ['2026-11'], '2026-11-20')).toBe('2026年11月按期缴纳，不是预交');
    expect(payKindProblem('按季', ['2026-07'], '2026-11-20')).toMatch(/不是按季/);
    expect(payKindProblem('按月', ['2026-01', '2026-12'], '2026-11-20')).toBeNull();
    expect(payKindProblem('预交', ['2026-11', '2026-12'], '2026-11-20')).toBeNull();
    expect(payKindProblem('预交', ['2026-10', '2026-11'], '2026-11-20')).toBe('2026年10月已经过去，不是预交');
    expect(payKindProblem('补交', ['2026-09', '2026-10'], '2026-11-20')).toBeNull();
    expect(suggestedPayKind(['2026-09', '2026-10'], '2026-11-20')).toBe('补交');
    expect(suggestedPayKind(['2026-12'], '2026-11-20')).toBe('预交');
    expect(suggestedPayKind(['2026-11'], '2026-11-20')).toBe('按月');
    expect(suggestedPayKind(['2026-10', '2026-11'], '2026-11-20')).toBe('按月');
  });
});

describe('dues/pay keeps 缴纳方式 and 缴纳类型 apart', () => {
  async function ledger() {
    const l = await testLedger({ today: '2026-11-28' });
    const b = await bureau(l);
    const m = await member(l, b.branchId, { name: '张三' });
    await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, baseFen: 510000 }] });
    await l.call('dues/assess-save', { year: 2027, entries: [{ memberId: m.id, baseFen: 510000 }] });
    return { l, m, b };
  }

  it('each month is stored with the type its dates give, whatever the method', async () => {
    const { l, m, b } = await ledger();
    const ps = await l.call('dues/pay', { memberId: m.id, months: ['2026-10', '2026-11', '2026-12'], paidOn: '2026-11-20', method: '转账', payKind: '按月' });
    expect(ps.map((p) => [p.month, p.method, p.payKind])).toEqual([['2026-10', '转账', '补交'], ['2026-11', '转账', '按月'], ['2026-12', '转账', '预交']]);
    // no type sent: the dates decide as well
    const [jan] = await l.call('dues/pay', { memberId: m.id, months: ['2027-01'], paidOn: '2026-11-21', method: '代缴', payerName: '李四' });
    expect([jan.method, jan.payKind]).toEqual(['代缴', '预交']);
    const grid = await l.call('dues/collection-grid', { branchId: b.branchId, year: 2026 });
    expect(grid.methods).toEqual(['现金', '转账', '代缴']);
    expect(grid.rows[0].cells.find((c) => c.month === '2026-11')?.payment).toMatchObject({ method: '转账', payKind: '按月' });
    const { rows } = await l.call('audit/log', { entity: 'dues_payments', pageSize: 2 });
    expect(rows.at(-1)!.summary).toContain('（转账，补交、按月、预交，2026-11-20）');
    await l.close();
  });

  it('an on-time payment is not 补交, nor a past month 预交: refused naming 缴纳类型', async () => {
    const { l, m } = await ledger();
    const late = await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-11'], paidOn: '2026-11-20', method: '现金', payKind: '补交' }));
    expect(late.message).toBe('2026年11月按期缴纳，不是补交');
    expect(late.field).toBe('payKind');
    expect((await failure(l.call('dues/pay', { memberId: m.id, months: ['2026-10'], paidOn: '2026-11-20', method: '现金', payKind: '预交' }))).message).toBe('2026年10月已经过去，不是预交');
    // a type is not a method any more
    expect((await failure(l.invoke('dues/pay', { memberId: m.id, months: ['2026-10'], paidOn: '2026-11-20', method: '补交' }))).message).toBe('“缴纳方式”应为 现金、转账、代缴 之一');
    const q = await l.call('dues/pay', { memberId: m.id, months: ['2026-07', '2026-08', '2026-09'], paidOn: '2026-09-05', method: '现金', payKind: '按季' });
    expect(q.map((p) => p.payKind)).toEqual(['按季', '按季', '按季']);
    await l.close();
  });
});

describe('migration 2026-12-02T05-00-00_dues_pay_kind', () => {
  it('adds pay_kind, backfills it from the dates (按季 kept), and marks a method that was a type or unknown as 未记录', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const names = Object.keys(migrations).sort();
    const at = names.indexOf('2026-12-02T05-00-00_dues_pay_kind');
    expect(at).toBeGreaterThan(0);
    const older = Object.fromEntries(names.slice(0, at).map((n) => [n, migrations[n]]));
    await (await openLedger(file, { migrations: older })).db.destroy();
    // rows as the program before the split wrote them (raw SQL on purpose; members stand in without the foreign keys)
    const raw = new Database(file);
    raw.pragma('foreign_keys = OFF');
    const insert = raw.prepare(
      `insert into dues_payments (id, member_id, branch_id, month, due_fen, paid_fen, paid_on, method, created_at, updated_at) values (?, ?, 'b', ?, 3000, 3000, ?, ?, '2026-01-01', '2026-01-01')`,
    );
    const old: [string, string, string, string][] = [
      ['on-time', '2026-05', '2026-05-10', '补交'],
      ['late', '2026-04', '2026-05-10', '补交'],
      ['early', '2026-06', '2026-05-10', '预交'],
      ['cash', '2026-05', '2026-05-10', '现金'],
      ['cash-late', '2026-03', '2026-05-10', '转账'],
      ['proxy', '2026-05', '2026-05-10', '代缴'],
      ['quarter', '2026-02', '2026-01-06', '按季'],
      ['odd', '2026-05', '2026-05-10', '支付宝'],
    ];
    for (const [id, month, paidOn, method] of old) insert.run(id, `m-${id}`, month, paidOn, method);
    raw.close();
    const upgraded = await openLedger(file);
    expect(upgraded.applied).toContain('2026-12-02T05-00-00_dues_pay_kind');
    const rows = await upgraded.db.selectFrom('dues_payments').select(['id', 'method', 'pay_kind']).orderBy('id').execute();
    await upgraded.db.destroy();
    expect(Object.fromEntries(rows.map((r) => [r.id, `${r.method}/${r.pay_kind}`]))).toEqual({
      'on-time': '未记录/按月',
      late: '未记录/补交',
      early: '未记录/预交',
      cash: '现金/按月',
      'cash-late': '转账/补交',
      proxy: '代缴/按月',
      quarter: '未记录/按季',
      odd: '未记录/按月',
    });
  });
});
