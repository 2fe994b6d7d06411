/** The home card: this month's collection progress per branch and who is behind. */
import type { Ctx } from '../context.ts';
import { collectionRows, loadYearFacts } from './collect.ts';
import { arrearsList } from './arrears.ts';

export async function duesOverview(ctx: Ctx, month?: string) {
  const m = month ?? ctx.platform.today().slice(0, 7);
  const f = await loadYearFacts(ctx.db, Number(m.slice(0, 4)));
  const rows = collectionRows(f);
  const idx = Number(m.slice(5, 7)) - 1;
  const branches = new Map<string, { branchId: string; branch: string; owed: number; paid: number; dueFen: number; paidFen: number }>();
  rows.forEach((r, i) => {
    const mem = f.members[i];
    const c = r.cells[idx];
    if (!c.owed) return;
    const b = branches.get(mem.branch_id) ?? { branchId: mem.branch_id, branch: mem.branch_name, owed: 0, paid: 0, dueFen: 0, paidFen: 0 };
    b.owed++;
    b.dueFen += c.dueFen ?? 0;
    if (c.payment) {
      b.paid++;
      b.paidFen += c.payment.paidFen;
    }
    branches.set(mem.branch_id, b);
  });
  const arrears = await arrearsList(ctx.db, m, { minMonths: f.settings.warnMonths });
  const list = [...branches.values()];
  return {
    month: m,
    /** the unit's warning threshold the arrears list starts at */
    warnMonths: f.settings.warnMonths,
    owed: list.reduce((a, b) => a + b.owed, 0),
    paid: list.reduce((a, b) => a + b.paid, 0),
    unassessed: rows.filter((r, i) => r.cells[idx].dueFen === null && r.cells[idx].month >= f.members[i].owedFrom && r.cells[idx].month <= f.members[i].owedTo).length,
    branches: list,
    arrears,
  };
}
