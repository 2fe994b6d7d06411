/**
 * The home card: this month's collection progress per branch and who is behind.
 * In a year whose dues are not yet fixed (January before the 年度核定) it asks
 * for the assessment instead: unassessed months are not owed, so nobody shows
 * as behind merely because the year turned, while last year's arrears remain.
 *
 * Only the month's cells are read (monthCell, the grid's own rule), so only the
 * year's standards and the month's payments are loaded, each from a covering
 * index (migration 2026-12-02T13 home_indexes), not the year's whole grid.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { monthCell } from './collect.ts';
import { yearMembers } from './year-facts.ts';
import { loadDuesSettings } from './settings.ts';
import { arrearsList } from './arrears.ts';
import { memoRead } from '../read-memo.ts';

export type Standard = { fromMonth: string; monthlyDueFen: number };

/** member → the year's standards, by from_month (what yearAssessments gives, only the two fields a cell reads). */
export async function yearStandards(tx: Tx, year: number): Promise<Map<string, Standard[]>> {
  const rows = await tx
    .selectFrom('dues_assessments')
    .select(['member_id', 'from_month', 'monthly_due_fen'])
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .orderBy('member_id')
    .orderBy('from_month')
    .execute();
  const out = new Map<string, Standard[]>();
  for (const r of rows) {
    const l = out.get(r.member_id);
    const s = { fromMonth: r.from_month, monthlyDueFen: r.monthly_due_fen };
    if (l) l.push(s);
    else out.set(r.member_id, [s]);
  }
  return out;
}

/** member → what the month's payment paid. */
async function monthPaid(tx: Tx, month: string): Promise<Map<string, { paidFen: number }>> {
  const rows = await tx.selectFrom('dues_payments').select(['member_id', 'paid_fen']).where('deleted_at', 'is', null).where('month', '=', month).execute();
  return new Map(rows.map((r) => [r.member_id, { paidFen: r.paid_fen }]));
}

/** Computed once while the ledger stands still (core/read-memo.ts: the home card and 本月待办 read the same one). */
export function duesOverview(ctx: Ctx, month?: string) {
  const m = month ?? ctx.platform.today().slice(0, 7);
  return memoRead(ctx.db, `dues/overview|${m}|${ctx.platform.today()}`, () => computeOverview(ctx, m));
}

async function computeOverview(ctx: Ctx, m: string) {
  const year = Number(m.slice(0, 4));
  const settings = await loadDuesSettings(ctx.db);
  const members = await yearMembers(ctx.db, year, settings);
  const standards = await yearStandards(ctx.db, year);
  const paid = await monthPaid(ctx.db, m);
  const today = ctx.platform.today();
  const branches = new Map<string, { branchId: string; branch: string; owed: number; paid: number; dueFen: number; paidFen: number; unpaid: { memberId: string; member: string }[] }>();
  let unassessed = 0;
  for (const mem of members) {
    const c = monthCell(mem, standards.get(mem.id), paid.get(mem.id) ?? null, m);
    if (c.dueFen === null && c.month >= mem.owedFrom && c.month <= mem.owedTo) unassessed++;
    // a month without a standard is not owed yet: it waits for the 年度核定
    if (!c.owed || c.dueFen === null) continue;
    // the month's count is of the roster as it stands: a member transferred out or gone by today is not counted as owing
    if (mem.left_type && mem.left_date && mem.left_date <= today) continue;
    const b = branches.get(mem.branch_id) ?? { branchId: mem.branch_id, branch: mem.branch_name, owed: 0, paid: 0, dueFen: 0, paidFen: 0, unpaid: [] };
    b.owed++;
    b.dueFen += c.dueFen;
    if (c.payment) {
      b.paid++;
      b.paidFen += c.payment.paidFen;
    } else b.unpaid.push({ memberId: mem.id, member: mem.name });
    branches.set(mem.branch_id, b);
  }
  const arrears = await arrearsList(ctx.db, m, { minMonths: settings.warnMonths });
  const list = [...branches.values()];
  // whether last year has standards to carry forward (沿用上年)
  const previous = await ctx.db.selectFrom('dues_assessments').select('id').where('year', '=', year - 1).where('deleted_at', 'is', null).limit(1).executeTakeFirst();
  return {
    month: m,
    /** the unit's warning threshold the arrears list starts at */
    warnMonths: settings.warnMonths,
    owed: list.reduce((a, b) => a + b.owed, 0),
    paid: list.reduce((a, b) => a + b.paid, 0),
    /** members who owe this month but have no standard for it yet */
    unassessed,
    /** the 年度核定 this year still needs: none at all yet (`yearAssessed` false), or some members missing */
    assessment: {
      year,
      yearAssessed: standards.size > 0,
      needed: unassessed > 0,
      /** 沿用上年: last year's standards exist and can be carried forward */
      carryForwardFrom: previous ? year - 1 : null,
    },
    branches: list,
    arrears,
  };
}
