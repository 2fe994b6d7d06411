/**
 * The demo bureau and the checks the clerk relies on, on any day: each date
 * builds the demo on a fresh real-SQLite ledger with a pinned clock and asserts
 * that every check works and still finds the demo's deliberate gaps relative
 * to that date — year ends, New Year's Day, the end of February and a leap day.
 */
import { describe, expect, it } from 'vitest';
import { testLedger } from '../support/ledger.ts';

const DATES = ['2026-01-01', '2026-02-28', '2026-06-30', '2026-11-30', '2026-12-31', '2027-01-01', '2028-02-29'];

/** The gaps the activities demo plants in every year it covers: finding, period, the first day it is found. */
const PLANTED: [string, string, string][] = [
  ['治安大队党支部|支部委员会|missing', '03', '04-01'],
  ['治安大队党支部|支部委员会|missing', '07', '08-01'],
  ['东城派出所党支部|党课|missing', 'Q2', '07-01'],
  ['西城派出所党支部|支部党员大会|quorum-not-met', 'Q2', '06-26'],
  ['南关派出所党支部|支部委员会|held-late', '08', '09-02'],
];
const key = (f: { branch: string; rule: { type: string }; period: string; status: string }) => `${f.branch}|${f.rule.type}|${f.status}@${f.period}`;
const planted = ([k, period]: (typeof PLANTED)[number], y: number) => `${k}@${y}-${period}`;

describe.each(DATES)('the demo bureau on %s', (today) => {
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const monthNo = Number(today.slice(5, 7));
  // the demo fixes each year's dues on 8 January; before that the new year is not yet assessed
  const assessed = today >= `${year}-01-08`;
  const lastAssessed = assessed ? month : `${year - 1}-12`;

  it('builds, and every check and home-page card works and finds the planted gaps', async () => {
    const l = await testLedger({ today, demo: true });
    try {
      // compliance check: last year's gaps always, this year's once their period is over
      const last = (await l.call('activities/check', { year: year - 1 })).map(key);
      for (const p of PLANTED) expect(last).toContain(planted(p, year - 1));
      const current = (await l.call('activities/check', { year })).map(key);
      for (const p of PLANTED) {
        if (today >= `${year}-${p[2]}`) expect(current).toContain(planted(p, year));
        else expect(current).not.toContain(planted(p, year));
      }
      expect(current.filter((k) => k.endsWith(`@${year}-${String(monthNo + 1).padStart(2, '0')}`))).toEqual([]);
      const cal = await l.call('activities/calendar', { year });
      expect(cal.cells.some((c) => c.type === '支部委员会' && c.period === month && c.status === 'due')).toBe(true);
      const todo = await l.call('activities/todo', {});
      expect(todo.asOf).toBe(today);
      expect(todo.orgs.length).toBeGreaterThan(0);

      // dues arrears: one member 6 months behind (需支部研究), one 4, one 3, ending at the last assessed month
      const arrears = await l.call('dues/arrears', { asOf: month });
      const behind = arrears.filter((a) => a.consecutiveUnpaidMonths >= 3);
      expect(behind.map((a) => [a.consecutiveUnpaidMonths, a.severity, a.months.at(-1)])).toEqual([
        [6, 'critical', lastAssessed],
        [4, 'warning', lastAssessed],
        [3, 'warning', lastAssessed],
      ]);
      expect(behind.every((a) => a.owedFen > 0)).toBe(true);
      // no month is claimed before it is assessed
      expect(arrears.every((a) => a.months.every((m) => m <= lastAssessed))).toBe(true);
      if (!assessed) {
        expect(arrears).toHaveLength(3);
        expect(behind.every((a) => a.unassessedMonths.join() === month)).toBe(true);
      }

      // the home page's dues card
      const ov = await l.call('dues/overview', {});
      expect(ov.month).toBe(month);
      expect(ov.arrears.map((a) => a.consecutiveUnpaidMonths)).toEqual([6, 4, 3]);
      expect(ov.assessment).toMatchObject({ year, yearAssessed: assessed, needed: !assessed });
      // 沿用上年 is offered whenever last year has standards (the demo's twelve months reach into it except in December)
      expect(ov.assessment.carryForwardFrom).toBe(monthNo === 12 ? null : year - 1);
      if (assessed) {
        expect(ov.owed).toBeGreaterThan(90);
        expect(ov.paid).toBeLessThan(ov.owed);
        expect(ov.paid).toBeGreaterThan(ov.owed / 2);
      } else {
        expect([ov.owed, ov.paid, ov.branches.length]).toEqual([0, 0, 0]);
        expect(ov.unassessed).toBeGreaterThan(90);
      }

      // development: the overdue talk with the applicant (谈话 within a month of the application)
      const rem = await l.call('development/reminders', {});
      expect(rem.month).toBe(month);
      const talk = rem.items.find((r) => r.kind === '已逾期' && r.stepName.includes('谈话'));
      expect(talk?.latest && talk.latest < today).toBe(true);
      expect((await l.call('development/list', {})).length).toBeGreaterThan(10);

      // transfers: the letter sent 45 days ago whose receipt has not come back
      const alerts = await l.call('transfers/alerts', {});
      expect(alerts.openOut).toBe(1);
      expect(alerts.alerts.some((a) => a.message.includes('尚未收到回执'))).toBe(true);
      const counts = await l.call('transfers/counts', { from: `${year}-01-01`, to: `${year}-12-31` });
      // the demo's letter out is dated 45 days ago, its transfer in three months ago: counted when they fall in this year
      const outYear = Number(new Date(Date.parse(today) - 45 * 86_400_000).toISOString().slice(0, 4));
      const expected = { in: monthNo > 3 ? 1 : 0, out: outYear === year ? 1 : 0 };
      expect(counts).toMatchObject({ ...expected, text: `转入党员${expected.in}名，转出${expected.out}名` });

      // the roster card
      expect((await l.call('members/list', { pageSize: 1 })).total).toBeGreaterThanOrEqual(99);
      expect((await l.call('org/tree', {})).length).toBe(1);
    } finally {
      await l.close();
    }
  });
});
