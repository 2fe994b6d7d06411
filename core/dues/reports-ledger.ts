/** The view model of the 党费收缴台账 (templates/dues-ledger-sheet.ts): one per branch-year, or one per branch for the whole bureau. */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import type { DuesLedgerRow, DuesLedgerSheet } from '../../templates/dues-ledger-sheet.ts';
import { ratePercent } from './calc.ts';
import { collectionRows, type CollectionRow } from './collect.ts';
import { loadYearFacts, type YearFacts } from './year-facts.ts';
import type { Assessment } from './assess.ts';
import { yearMonths } from './months.ts';
import { unitNames } from './reports-common.ts';

function ledgerRow(r: CollectionRow, std: Assessment | undefined): DuesLedgerRow {
  const notes: string[] = [];
  if (r.leftType) notes.push(`${r.leftDate?.slice(0, 7)}${r.leftType}`);
  if (r.partyStatus === '预备') notes.push('预备党员');
  const diffs = r.cells.filter((c) => c.payment && c.payment.reason).map((c) => `${Number(c.month.slice(5))}月：${c.payment!.reason}`);
  notes.push(...diffs);
  return {
    name: r.name,
    category: r.category,
    baseFen: std ? std.baseFen : null,
    rate: std ? ratePercent(std.rateBasisPoints) : '',
    standardFen: r.standardFen,
    months: r.cells.map((c) => (c.payment ? c.payment.paidFen : c.owed ? null : '—')),
    dueFen: r.dueTotalFen,
    paidFen: r.paidTotalFen,
    note: notes.join('；'),
  };
}

export async function ledgerModel(ctx: Ctx, branchId: string, year: number): Promise<DuesLedgerSheet> {
  const b = await ctx.db.selectFrom('org_units').select(['id', 'name']).where('id', '=', branchId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!b) throw new LedgerError('找不到该党支部', 'branchId');
  const { unit } = await unitNames(ctx);
  return ledgerFromFacts(await loadYearFacts(ctx.db, year, branchId), b.name, unit);
}

/** The whole bureau: one ledger per branch from a single load of the year. */
export async function bureauLedgerModels(ctx: Ctx, year: number): Promise<DuesLedgerSheet[]> {
  const { unit } = await unitNames(ctx);
  const f = await loadYearFacts(ctx.db, year);
  const branches = await ctx.db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', '党支部').where('deleted_at', 'is', null).orderBy('sort_order').execute();
  return branches
    .map((b) => {
      const members = f.members.filter((m) => m.branch_id === b.id);
      return members.length ? ledgerFromFacts({ ...f, members }, b.name, unit) : null;
    })
    .filter((m): m is DuesLedgerSheet => m !== null);
}

function ledgerFromFacts(f: YearFacts, branchName: string, unit: string): DuesLedgerSheet {
  const year = f.year;
  const rows = collectionRows(f).map((r) => ledgerRow(r, f.standards.get(r.memberId)?.at(-1)));
  const paidIn = (cell: DuesLedgerRow['months'][number]) => (typeof cell === 'number' ? cell : 0);
  return {
    title: `${branchName}党费收缴台账`,
    subtitle: `${unit}　${year}年度　　单位：元`,
    branchName,
    year,
    rows,
    totals: {
      monthsFen: yearMonths(year).map((_, i) => rows.reduce((a, r) => a + paidIn(r.months[i]), 0)),
      dueFen: rows.reduce((a, r) => a + r.dueFen, 0),
      paidFen: rows.reduce((a, r) => a + r.paidFen, 0),
    },
    notes: ['说明：各月栏填实缴金额，空白为未缴，“—”为不需缴纳（尚未入党、已转出或批准免交）。党员缴纳党费时在“本人签名”栏签名。', '收缴人：                    支部书记（审核）：                    日期：'],
  };
}
