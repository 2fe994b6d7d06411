/**
 * The new year on the demo bureau (2027-01-05): dues for 2027 are not yet fixed,
 * so the home card asks for the 年度核定 (沿用上年 offered) instead of listing
 * everyone as behind; last year's real arrears remain; the compliance calendar
 * is on 2027 with January due; the 2026 books and reports still open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testLedger, zipPart, type TestLedger } from '../support/ledger.ts';

const TODAY = '2027-01-05';
const bytes = (f: { contentBase64: string }) => new Uint8Array(Buffer.from(f.contentBase64, 'base64'));

describe('the demo bureau on 5 January 2027', () => {
  let l: TestLedger;
  beforeAll(async () => {
    l = await testLedger({ today: TODAY, demo: true });
  });
  afterAll(() => l.close());

  it('asks for the 2027 年度核定, offering to carry 2026 forward, and counts no January as owed', async () => {
    const ov = await l.call('dues/overview', {});
    expect(ov.month).toBe('2027-01');
    expect(ov.assessment).toEqual({ year: 2027, yearAssessed: false, needed: true, carryForwardFrom: 2026 });
    expect(ov.unassessed).toBeGreaterThan(90);
    expect([ov.owed, ov.paid, ov.branches]).toEqual([0, 0, []]);
  });

  it('keeps 2026’s real arrears and does not flood the list with the unassessed month', async () => {
    const all = await l.call('dues/arrears', { asOf: '2027-01' });
    expect(all.map((a) => [a.consecutiveUnpaidMonths, a.months[0], a.months.at(-1), a.unassessedMonths])).toEqual([
      [6, '2026-07', '2026-12', ['2027-01']],
      [4, '2026-09', '2026-12', ['2027-01']],
      [3, '2026-10', '2026-12', ['2027-01']],
    ]);
    // the 2026 amounts are owed in full
    const y2026 = await l.call('dues/arrears', { asOf: '2026-12' });
    expect(all.map((a) => a.owedFen)).toEqual(y2026.filter((a) => a.consecutiveUnpaidMonths >= 3).map((a) => a.owedFen));
  });

  it('after 沿用上年, January is owed by everyone and the laggards are one month further behind', async () => {
    const l2 = await testLedger({ today: TODAY, demo: true });
    try {
      const carried = await l2.call('dues/assess-carry', { year: 2027 });
      expect(carried.created).toBeGreaterThan(90);
      const ov = await l2.call('dues/overview', {});
      expect(ov.assessment).toMatchObject({ yearAssessed: true, needed: false });
      expect(ov.owed).toBeGreaterThan(90);
      expect(ov.paid).toBe(0);
      expect(ov.arrears.map((a) => [a.consecutiveUnpaidMonths, a.months.at(-1)])).toEqual([
        [7, '2027-01'],
        [5, '2027-01'],
        [4, '2027-01'],
      ]);
    } finally {
      await l2.close();
    }
  });

  it('opens the compliance calendar on 2027 with January due and nothing missing yet', async () => {
    const cal = await l.call('activities/calendar', { year: 2027 });
    const jan = cal.cells.filter((c) => c.type === '支部委员会' && c.period === '2027-01');
    expect(jan.length).toBe(11);
    expect(jan.filter((c) => c.status === 'due').length).toBeGreaterThan(5);
    expect(cal.cells.some((c) => c.status === 'missing')).toBe(false);
    const todo = await l.call('activities/todo', {});
    expect(JSON.stringify(todo)).toContain('支部委员会');
  });

  it('still has 2026: its calendar with last year’s gaps, its record book and its dues reports', async () => {
    const cal = await l.call('activities/calendar', { year: 2026 });
    expect(cal.cells.some((c) => c.status === 'due')).toBe(false);
    expect(cal.cells.filter((c) => c.status === 'held').length).toBeGreaterThan(300);
    expect(cal.cells.filter((c) => c.status === 'missing').map((c) => c.period)).toEqual(expect.arrayContaining(['2026-03', '2026-07', '2026-Q2']));
    const branch = (await l.call('org/branches', {})).find((b) => b.name === '机关第一党支部')!;
    const book = await zipPart(bytes(await l.call('activities/export-record-book', { orgId: branch.id, year: 2026 })), 'word/document.xml');
    expect(book).toContain('2026年12月');
    const grid = await l.call('dues/collection-grid', { branchId: branch.id, year: 2026 });
    expect(grid.months.at(-1)!.paidCount).toBeGreaterThan(0);
    expect((await l.call('dues/export-report', { year: 2026, quarter: 4 })).fileName).toContain('2026');
  });
});
