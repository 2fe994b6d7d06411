/** The view model of the 党费收缴情况季度统计表 (templates/dues-quarter-sheet.ts): branches of the quarter and its months. */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import type { DuesQuarterSheet, QuarterBranchRow, QuarterMonthRow } from '../../templates/dues-quarter-sheet.ts';
import { yuan } from './calc.ts';
import { collectionRows, type CollectionRow } from './collect.ts';
import { loadYearFacts } from './year-facts.ts';
import { arrearsList } from './arrears.ts';
import { reconcile, type ReconRow } from './remit.ts';
import { monthLabel, quarterMonths } from './months.ts';
import { pct, unitNames } from './reports-common.ts';

const QUARTER = '一二三四';

/** What was remitted in each month, by level (the monthly register shows collected and remitted, 《党费缴纳登记表》). */
async function remittedByMonth(tx: Tx, from: string, to: string): Promise<(month: string, level: string) => number> {
  const remitted = await tx
    .selectFrom('dues_remittances')
    .select(['level', 'amount_fen', 'remitted_on'])
    .where('deleted_at', 'is', null)
    .where('remitted_on', '>=', `${from}-01`)
    .where('remitted_on', '<=', `${to}-31`)
    .execute();
  return (m, level) => remitted.filter((r) => r.level === level && r.remitted_on.startsWith(m)).reduce((a, r) => a + r.amount_fen, 0);
}

function monthRow(cr: CollectionRow[], m: string, remittedIn: (month: string, level: string) => number): QuarterMonthRow {
  const i = Number(m.slice(5)) - 1;
  let due = 0, paid = 0, owed = 0, paidN = 0;
  for (const r of cr) {
    const c = r.cells[i];
    if (c.owed) {
      owed++;
      due += c.dueFen ?? 0;
      if (c.payment) paidN++;
    }
    if (c.payment) paid += c.payment.paidFen;
  }
  return { month: monthLabel(m), owed, paid: paidN, dueFen: due, paidFen: paid, rate: pct(paid, due), branchRemittedFen: remittedIn(m, '支部'), committeeRemittedFen: remittedIn(m, '党委') };
}

export async function quarterModel(ctx: Ctx, year: number, quarter: number): Promise<DuesQuarterSheet> {
  if (quarter < 1 || quarter > 4) throw new LedgerError('季度应为 1 至 4', 'quarter');
  const { unit, committee } = await unitNames(ctx);
  const months = quarterMonths(year, quarter);
  const recon = await reconcile(ctx.db, months[0], months[2]);
  const arrears = await arrearsList(ctx.db, months[2]);
  const f = await loadYearFacts(ctx.db, year);
  const warn = f.settings.warnMonths;
  const upperBody = f.settings.upperBodyName;
  const branchRows = recon.rows.filter((r) => r.level === '支部');
  const arrearsBy = (id: string) => arrears.filter((a) => a.branchId === id && a.consecutiveUnpaidMonths >= warn).length;
  const rows = branchRows.map((r): QuarterBranchRow => ({
    orgName: r.orgName, members: r.members, dueFen: r.dueFen, collectedFen: r.collectedFen, rate: pct(r.collectedFen, r.dueFen),
    arrears: arrearsBy(r.orgId), remittedFen: r.remittedFen, heldFen: r.heldFen, problems: r.problems.join('；'),
  }));
  const sum = (k: keyof ReconRow) => branchRows.reduce((a, r) => a + (r[k] as number), 0);
  const total: QuarterBranchRow = {
    orgName: '合计', members: sum('members'), dueFen: sum('dueFen'), collectedFen: sum('collectedFen'), rate: pct(sum('collectedFen'), sum('dueFen')),
    arrears: rows.reduce((a, r) => a + r.arrears, 0), remittedFen: sum('remittedFen'), heldFen: sum('heldFen'), problems: '',
  };
  const cr = collectionRows(f);
  const remittedIn = await remittedByMonth(ctx.db, months[0], months[2]);
  const committeeRow = recon.rows.find((r) => r.level === '党委');
  const q = QUARTER[quarter - 1];
  return {
    title: `党费收缴情况季度统计表`,
    subtitle: `填报单位：${committee}　　${year}年第${q}季度（${monthLabel(months[0])}至${monthLabel(months[2])}）　　单位：元`,
    warnMonths: warn,
    upperBody,
    rows,
    total,
    months: { title: `${unit}党费月度统计（${year}年第${q}季度）`, rows: months.map((m) => monthRow(cr, m, remittedIn)) },
    notes: [
      committeeRow
        ? `分局党委本季度收到各支部上缴 ${yuan(committeeRow.collectedFen)} 元，上缴${upperBody} ${yuan(committeeRow.remittedFen)} 元（应缴 ${yuan(committeeRow.expectedRemitFen)} 元${committeeRow.differenceFen ? `，${committeeRow.problems.join('；')}` : ''}）。`
        : '',
      '填表人：                    审核人：                    填报日期：',
    ].filter(Boolean),
  };
}
