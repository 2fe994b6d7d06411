/**
 * 党员积分 of the whole roster in batched reads (the bench's ≤ 500 ms): the year's attendance is read in one
 * scan for both the 学时 and the meeting items, from the covering index, and the totals from SQLite's counts
 * are the totals of every line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testLedger, type TestLedger } from '../support/ledger.ts';
import { yearPoints } from '../../core/points/queries.ts';
import { loadHoursSettings, meetingTotals, yearHours } from '../../core/hours/queries.ts';

let l: TestLedger;
beforeAll(async () => { l = await testLedger({ today: '2026-11-28', demo: true }); }, 120_000);
afterAll(async () => { await l?.close(); });

describe('points in batches', () => {
  it('totals and ranks from the counted reading equal those of every line', async () => {
    const counted = await yearPoints(l.ctx, { year: 2026 });
    const lined = await yearPoints(l.ctx, { year: 2026, lines: true });
    const pick = (y: typeof counted) => y.members.map((m) => [m.memberId, m.total, m.plus, m.minus, m.byGroup, m.rankInBranch, m.rankInBureau, m.excluded]);
    expect(pick(counted)).toEqual(pick(lined));
    expect(counted.members.filter((m) => !m.excluded && m.total > 60).length).toBeGreaterThan(50);
    for (const m of lined.members) if (!m.excluded) expect(m.total).toBe(m.base + (m.lines ?? []).reduce((a, x) => a + x.awarded, 0));
  });

  it('the 学时 from the shared scan equal the 学时 read alone', async () => {
    const settings = await loadHoursSettings(l.ctx.db);
    const totals = await meetingTotals(l.ctx.db, 2026, settings, ['主题党日', '支部党员大会']);
    expect(new Set(totals.map((t) => t.type)).has('主题党日')).toBe(true);
    const alone = await yearHours(l.ctx, { year: 2026 });
    const shared = await yearHours(l.ctx, { year: 2026 }, undefined, { settings, totals });
    expect(shared).toEqual(alone);
    expect(alone.members.some((m) => m.meetingTenths > 0)).toBe(true);
  });

  it('the attendance and the dues months are read from covering indexes', async () => {
    const plan = async (q: string) => (await sql<{ detail: string }>`${sql.raw(`explain query plan ${q}`)}`.execute(l.ctx.db)).rows.map((r) => r.detail).join('\n');
    expect(await plan(`with m as materialized (select id, type from activities where deleted_at is null and held_on >= '2026-01-01' and held_on <= '2026-12-31' and type in ('党课', '主题党日')) select t.member_id, m.type, count(*) from activity_attendance t join m on m.id = t.activity_id where t.status = '出席' and t.member_id is not null group by t.member_id, m.type`))
      .toContain('COVERING INDEX activity_attendance_activity_status_member');
    expect(await plan(`select member_id, count(*) from dues_payments where deleted_at is null and month >= '2026-01' and month <= '2026-12' and paid_fen >= due_fen and paid_on <= month || '-31' group by member_id`))
      .toContain('dues_payments_month_paid_on');
  });
});
