/**
 * core/read-memo.ts: a read is computed once while the ledger stands still, and again after any write — through
 * the same connection (total_changes) or another one on the same file (data_version); callers get copies.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { memoRead } from '../../core/read-memo.ts';
import { testLedger, tempDir } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';

function counter() {
  let n = 0;
  return { compute: async () => ({ run: ++n, list: [1, 2, 3] }), runs: () => n };
}

describe('memoRead', () => {
  it('computes once while nothing is written, and hands each caller its own copy', async () => {
    const l = await testLedger();
    const c = counter();
    const a = await memoRead(l.ctx.db, 'k', c.compute);
    a.list.push(4);
    const b = await memoRead(l.ctx.db, 'k', c.compute);
    expect(c.runs()).toBe(1);
    expect(b).toEqual({ run: 1, list: [1, 2, 3] });
    // another key is another read
    await memoRead(l.ctx.db, 'k2', c.compute);
    expect(c.runs()).toBe(2);
    await l.close();
  });

  it('computes concurrent callers of one key once', async () => {
    const l = await testLedger();
    const c = counter();
    const all = await Promise.all([1, 2, 3].map(() => memoRead(l.ctx.db, 'k', c.compute)));
    expect(c.runs()).toBe(1);
    expect(all.map((x) => x.run)).toEqual([1, 1, 1]);
    await l.close();
  });

  it('computes again after a write through the same connection, even one inside a transaction', async () => {
    const l = await testLedger();
    const c = counter();
    await memoRead(l.ctx.db, 'k', c.compute);
    await l.ctx.db.insertInto('settings').values({ key: 'memo.test', value_json: '1', updated_at: '2026-11-28' }).execute();
    expect((await memoRead(l.ctx.db, 'k', c.compute)).run).toBe(2);
    await l.ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('settings').values({ key: 'memo.test2', value_json: '1', updated_at: '2026-11-28' }).execute();
      // the transaction sees its own write, and so does the memo of its connection
      expect((await memoRead(tx, 'k', c.compute)).run).toBe(3);
    });
    expect((await memoRead(l.ctx.db, 'k', c.compute)).run).toBe(4);
    await l.close();
  });

  it('computes again after a commit by another connection to the same file (the command line beside the app)', async () => {
    const file = path.join(tempDir(), 'ledger.sqlite');
    const l = await testLedger({ file });
    const c = counter();
    await memoRead(l.ctx.db, 'k', c.compute);
    expect((await memoRead(l.ctx.db, 'k', c.compute)).run).toBe(1);
    const other = new Database(file);
    other.prepare("insert into settings (key, value_json, updated_at) values ('memo.other', '1', '2026-11-28')").run();
    other.close();
    expect((await memoRead(l.ctx.db, 'k', c.compute)).run).toBe(2);
    await l.close();
  });

  it('does not keep a failed read', async () => {
    const l = await testLedger();
    let n = 0;
    const flaky = async () => {
      if (++n === 1) throw new Error('第一次失败');
      return n;
    };
    await expect(memoRead(l.ctx.db, 'k', flaky)).rejects.toThrow('第一次失败');
    expect(await memoRead(l.ctx.db, 'k', flaky)).toBe(2);
    await l.close();
  });

  it('the home card and 本月待办 see a payment at once', async () => {
    const l = await testLedger({ today: '2026-11-26' });
    const b = await bureau(l, { branches: 1 });
    const m = await member(l, b.branchIds[0], { name: '张一' });
    await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, baseFen: 500_000 }] });
    const unpaid = await l.call('dues/overview', {});
    expect(unpaid.branches[0]).toMatchObject({ owed: 1, paid: 0, unpaid: [{ memberId: m.id }] });
    expect((await l.call('desk/todo', {})).items.some((i) => i.id === `dues:arrears:${m.id}`)).toBe(true);
    await l.call('dues/pay', { memberId: m.id, months: Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`), paidOn: '2026-11-20', method: '现金', consentRef: '支委会同意补交' });
    expect((await l.call('dues/overview', {})).branches[0]).toMatchObject({ owed: 1, paid: 1, unpaid: [] });
    expect((await l.call('desk/todo', {})).items.filter((i) => i.id.startsWith('dues:'))).toEqual([]);
    await l.close();
  });

  it('统计分析 sees a payment and a new member at once (its charts are memoized reads)', async () => {
    const l = await testLedger({ today: '2026-11-26' });
    const b = await bureau(l, { branches: 1 });
    const m = await member(l, b.branchIds[0], { name: '张一' });
    await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, baseFen: 500_000 }] });
    const before = await l.call('stats/dues', { year: 2026 });
    expect(before.total.paidFen).toBe(0);
    expect((await l.call('stats/dues', { year: 2026 })).total).toEqual(before.total);
    await l.call('dues/pay', { memberId: m.id, months: ['2026-11'], paidOn: '2026-11-20', method: '现金' });
    expect((await l.call('stats/dues', { year: 2026 })).total.paidFen).toBeGreaterThan(0);
    const people = (await l.call('stats/members', { year: 2026 })).total;
    await member(l, b.branchIds[0], { name: '李二' });
    expect((await l.call('stats/members', { year: 2026 })).total).toBe(people + 1);
    await l.close();
  });
});
