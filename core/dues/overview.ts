/**
 * The home card: this month's collection progress per branch and who is behind.
 * In a year whose dues are not yet fixed (January before the 年度核定) it asks
 * for the assessment instead: unassessed months are not owed, so nobody shows
 * as behind merely because the year turned, while last year's arrears remain.
 */
import type { Ctx } from '../context.ts';
import { collectionRows, loadYearFacts } from './collect.ts';
import { arrearsList } from './arrears.ts';

export async function duesOverview(ctx: Ctx, month?: string) {
  const m = month ?? ctx.platform.today().slice(0, 7);
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
    // a month without a standard is not owed yet: it waits for the 年度核定
    if (!c.owed || c.dueFen === null) return;
    // the month's count is of the roster as it stands: a member transferred out or gone by today is not counted as owing
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
  // whether last year has standards to carry forward (沿用上年)
  const previous = await ctx.db.selectFrom('dues_assessments').select('id').where('year', '=', year - 1).where('deleted_at', 'is', null).limit(1).executeTakeFirst();
  return {
    month: m,
    /** the unit's warning threshold the arrears list starts at */
    warnMonths: f.settings.warnMonths,
    owed: list.reduce((a, b) => a + b.owed, 0),
    paid: list.reduce((a, b) => a + b.paid, 0),
    /** members who owe this month but have no standard for it yet */
    unassessed,
    /** the 年度核定 this year still needs: none at all yet (`yearAssessed` false), or some members missing */
    assessment: {
      year,
      yearAssessed: f.standards.size > 0,
      needed: unassessed > 0,
      /** 沿用上年: last year's standards exist and can be carried forward */
      carryForwardFrom: previous ? year - 1 : null,
    },
    branches: list,
    arrears,
  };
}
