/**
 * The home page's reads in their faster shape give what the earlier shape gave (issue 11 benchmark):
 * - the quorum judged from head counts (quorumMetFromCounts, what the calendar counts in SQL) is assessQuorum's verdict;
 * - the compliance calendar's meetings carry the quorum assessQuorum finds on their attendance lines;
 * - dues/overview, which reads only its month's cells, equals the overview built from the year's whole grid.
 */
import { describe, expect, it } from 'vitest';
import { assessQuorum, quorumMetFromCounts, type QuorumAttendee } from '../../common/quorum.ts';
import { ATTENDANCE_STATUSES, DECISION_KINDS } from '../../common/enums.ts';
import { seeded } from '../../core/demo/random.ts';
import { loadActivities } from '../../core/activities/compliance-load.ts';
import { attendanceOf, activityOptions } from '../../core/activities/service.ts';
import { rowToInput } from '../../core/activities/model.ts';
import { collectionRows, loadYearFacts } from '../../core/dues/collect.ts';
import { arrearsList } from '../../core/dues/arrears.ts';
import type { Ctx } from '../../core/context.ts';
import { testLedger } from '../support/ledger.ts';

describe('quorumMetFromCounts', () => {
  it('gives assessQuorum’s verdict for every type, decision kind and setting, on random attendance', () => {
    const rng = seeded(11);
    let judged = 0;
    for (let i = 0; i < 3000; i++) {
      const n = rng.int(0, 12);
      const attendance: QuorumAttendee[] = Array.from({ length: n }, (_, k) => ({
        memberName: `党员${k}`,
        partyStatus: rng.chance(0.2) ? '预备' : '正式',
        status: rng.chance(0.6) ? '出席' : rng.pick(ATTENDANCE_STATUSES),
        writtenOpinion: rng.chance(0.1),
      }));
      const type = rng.pick(['支部党员大会', '支部委员会', '民主生活会', '党小组会', '党课']);
      const decisionKind = rng.pick(DECISION_KINDS);
      const o = { halfInclusive: rng.chance(0.5) };
      const present = (a: QuorumAttendee) => a.status === '出席';
      const counts = {
        due: n,
        present: attendance.filter(present).length,
        dueVoting: attendance.filter((a) => a.partyStatus !== '预备').length,
        presentVoting: attendance.filter((a) => a.partyStatus !== '预备' && present(a)).length,
      };
      const expected = assessQuorum({ type, decisionKind, attendance }, o).met;
      if (expected !== null) judged++;
      expect(quorumMetFromCounts(type, decisionKind, counts, o)).toBe(expected);
    }
    // both verdicts and the "no rule / no attendance" case were met
    expect(judged).toBeGreaterThan(1000);
  });
});

/** dues/overview as it was built before issue 11's benchmark: from the year's whole grid. */
async function overviewFromGrid(ctx: Ctx, m: string) {
  const year = Number(m.slice(0, 4));
  const f = await loadYearFacts(ctx.db, year);
  const rows = collectionRows(f);
  const idx = Number(m.slice(5, 7)) - 1;
  const today = ctx.platform.today();
  const branches = new Map<string, { branchId: string; branch: string; owed: number; paid: number; dueFen: number; paidFen: number; unpaid: { memberId: string; member: string }[] }>();
  let unassessed = 0;
  rows.forEach((r, i) => {
    const mem = f.members[i];
    const c = r.cells[idx];
    if (c.dueFen === null && c.month >= mem.owedFrom && c.month <= mem.owedTo) unassessed++;
    if (!c.owed || c.dueFen === null) return;
    if (mem.left_type && mem.left_date && mem.left_date <= today) return;
    const b = branches.get(mem.branch_id) ?? { branchId: mem.branch_id, branch: mem.branch_name, owed: 0, paid: 0, dueFen: 0, paidFen: 0, unpaid: [] };
    b.owed++;
    b.dueFen += c.dueFen;
    if (c.payment) {
      b.paid++;
      b.paidFen += c.payment.paidFen;
    } else b.unpaid.push({ memberId: mem.id, member: mem.name });
    branches.set(mem.branch_id, b);
  });
  const arrears = await arrearsList(ctx.db, m, { minMonths: f.settings.warnMonths });
  const list = [...branches.values()];
  const previous = await ctx.db.selectFrom('dues_assessments').select('id').where('year', '=', year - 1).where('deleted_at', 'is', null).limit(1).executeTakeFirst();
  return {
    month: m,
    warnMonths: f.settings.warnMonths,
    owed: list.reduce((a, b) => a + b.owed, 0),
    paid: list.reduce((a, b) => a + b.paid, 0),
    unassessed,
    assessment: { year, yearAssessed: f.standards.size > 0, needed: unassessed > 0, carryForwardFrom: previous ? year - 1 : null },
    branches: list,
    arrears,
  };
}

describe('the home page on the demo ledger', () => {
  it('dues/overview of each month of two years equals the overview built from the whole grid', async () => {
    const l = await testLedger({ today: '2026-11-28', demo: true });
    let behind = 0;
    for (const year of [2025, 2026])
      for (let mo = 1; mo <= 12; mo++) {
        const m = `${year}-${String(mo).padStart(2, '0')}`;
        const got = await l.call('dues/overview', { month: m });
        expect(got).toEqual(await overviewFromGrid(l.ctx, m));
        behind += got.owed - got.paid;
      }
    // months with members behind and with arrears were compared, not only empty ones
    expect(behind).toBeGreaterThan(0);
    expect((await l.call('dues/overview', {})).arrears.length).toBeGreaterThan(0);
    await l.close();
  });

  it('the calendar’s meetings carry the quorum assessQuorum finds on their attendance lines', async () => {
    const l = await testLedger({ today: '2026-11-28', demo: true });
    const o = await activityOptions(l.ctx.db);
    let judged = 0;
    let missed = 0;
    for (const year of [2025, 2026]) {
      const acts = await loadActivities(l.ctx.db, year);
      const rows = await l.ctx.db.selectFrom('activities').selectAll().where('id', 'in', acts.map((a) => a.id)).execute();
      const quorumTypes = ['支部党员大会', '支部委员会', '民主生活会'];
      const att = await attendanceOf(l.ctx.db, rows.map((r) => r.id));
      const expected = new Map(rows.map((r) => [r.id, quorumTypes.includes(r.type) && att.get(r.id) ? assessQuorum(rowToInput(r, att.get(r.id)!), o).met : null]));
      for (const a of acts) {
        // a 党课 counted again for the 党委 carries no quorum
        const want = a.orgId === rows.find((r) => r.id === a.id)!.org_id ? expected.get(a.id) : null;
        expect([a.id, a.quorumMet]).toEqual([a.id, want]);
        if (want !== null) judged++;
        if (want === false) missed++;
      }
    }
    expect(judged).toBeGreaterThan(20);
    // the demo plants meetings below quorum: both verdicts were compared
    expect(missed).toBeGreaterThan(0);
    await l.close();
  });
});
