/**
 * 党费收缴率 per branch and month: 实缴 against 应缴 of the months members owe,
 * by the dues area's own rules on the rows its year facts read (dues-facts.ts),
 * so the figures are the 党费收缴 grid's (tests/core/stats-equivalence.test.ts). A month
 * after the as-of month is not yet due: it shows no rate (a prepayment is still
 * counted in 实缴 of its month). A month without a standard (before the 年度核定)
 * is not owed, as on the collection grid.
 */
import type { Ctx } from '../context.ts';
import { owingMembers, rateCells, yearPaid } from './dues-facts.ts';
import { yearStandards } from '../dues/overview.ts';
import { asOfFor, MONTHS_OF, pct } from './common.ts';

export interface DuesMonthFigure {
  month: string;
  dueFen: number;
  paidFen: number;
  owedCount: number;
  paidCount: number;
  /** 实缴/应缴 in %, null when nothing was due or the month has not come */
  rate: number | null;
  /** the month is after the as-of month */
  future: boolean;
}

export interface DuesBranchFigure {
  branchId: string;
  branch: string;
  months: DuesMonthFigure[];
  /** up to the as-of month */
  dueFen: number;
  paidFen: number;
  rate: number | null;
}

export interface DuesStats {
  year: number;
  asOf: string;
  months: string[];
  /** the year has standards (年度核定 done for someone) */
  assessed: boolean;
  /** members owing in the year still without a standard */
  unassessed: number;
  branches: DuesBranchFigure[];
  total: { months: DuesMonthFigure[]; dueFen: number; paidFen: number; rate: number | null };
}

const emptyMonth = (month: string, future: boolean): DuesMonthFigure => ({ month, dueFen: 0, paidFen: 0, owedCount: 0, paidCount: 0, rate: null, future });

function close(months: DuesMonthFigure[]) {
  let due = 0;
  let paid = 0;
  for (const m of months) {
    m.rate = m.future ? null : pct(m.paidFen, m.dueFen);
    if (!m.future) {
      due += m.dueFen;
      paid += m.paidFen;
    }
  }
  return { dueFen: due, paidFen: paid, rate: pct(paid, due) };
}

export async function duesStats(ctx: Ctx, year: number, asOf?: string): Promise<DuesStats> {
  const day = asOfFor(year, ctx.platform.today(), asOf);
  const months = MONTHS_OF(year);
  const members = await owingMembers(ctx.db, year);
  const standards = await yearStandards(ctx.db, year);
  const paid = await yearPaid(ctx.db, year, members.map((m) => m.id));
  const cut = day.slice(0, 7);
  const branches = new Map<string, DuesBranchFigure & { sort: number }>();
  const total = months.map((m) => emptyMonth(m, m > cut));
  let unassessed = 0;
  for (const mem of members) {
    let b = branches.get(mem.branchId);
    if (!b) branches.set(mem.branchId, (b = { branchId: mem.branchId, branch: mem.branch, sort: mem.branchSort, months: months.map((m) => emptyMonth(m, m > cut)), dueFen: 0, paidFen: 0, rate: null }));
    let lacks = false;
    rateCells(mem, months, standards.get(mem.id), paid.get(mem.id)).forEach((c, k) => {
      if (c.inSpan && c.dueFen === null) lacks = true;
      // owed: in the span with a standard that is not 0 (免交)
      if (!c.inSpan || !c.dueFen) return;
      for (const target of [b.months[k], total[k]]) {
        target.dueFen += c.dueFen;
        target.owedCount++;
        if (c.paidFen !== null) {
          target.paidFen += c.paidFen;
          target.paidCount++;
        }
      }
    });
    if (lacks) unassessed++;
  }
  const list = [...branches.values()].sort((a, b) => a.sort - b.sort || a.branch.localeCompare(b.branch, 'zh'));
  const out: DuesBranchFigure[] = list.map(({ sort: _s, ...b }) => ({ ...b, ...close(b.months) }));
  return { year, asOf: day, months, assessed: standards.size > 0, unassessed, branches: out, total: { months: total, ...close(total) } };
}
