/**
 * The view model of the 党费收缴情况季度统计表 (templates/dues-quarter-sheet.ts): branches of the quarter and its months.
 * One basis on every sheet: money counts in the period it belongs to (a remittance by its 所属期间, whenever it
 * was made), and the date it was remitted is shown beside it.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import type { DuesQuarterSheet, QuarterBranchRow, QuarterMonthRow } from '../../templates/dues-quarter-sheet.ts';
import { yuan } from './calc.ts';
import { collectionRows, type CollectionRow } from './collect.ts';
import { loadYearFacts } from './year-facts.ts';
import { arrearsList } from './arrears.ts';
import { listRemittances, reconcile, type ReconRow, type Remittance } from './remit.ts';
import { monthLabel, quarterMonths } from './months.ts';
import { pct, unitNames } from './reports-common.ts';
import { chineseDate } from '../../common/labels.ts';
import { tight } from '../../common/spacing.ts';

const QUARTER = '一二三四';

/** The distinct remittance dates, '2026年10月10日' or '2026年10月8日、10月10日'. */
export function remittedOnText(rs: readonly Pick<Remittance, 'remittedOn'>[]): string {
  const days = [...new Set(rs.map((r) => r.remittedOn))].sort();
  return days.map((d, i) => (i > 0 && d.slice(0, 4) === days[i - 1].slice(0, 4) ? chineseDate(d).slice(5) : chineseDate(d))).join('、');
}

/** A remittance's 所属期间 in words: '2026年7月至9月', or '2026年7月' for one month. */
const periodText = (r: Pick<Remittance, 'periodFrom' | 'periodTo'>) =>
  r.periodFrom === r.periodTo ? monthLabel(r.periodFrom) : `${monthLabel(r.periodFrom)}至${r.periodTo.slice(0, 4) === r.periodFrom.slice(0, 4) ? `${Number(r.periodTo.slice(5))}月` : monthLabel(r.periodTo)}`;

function monthRow(cr: CollectionRow[], m: string, remits: Remittance[]): QuarterMonthRow {
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
  // a month's row carries only remittances of that one month; a quarter's remittance is on the quarter's row
  const of = (level: string) => remits.filter((r) => r.level === level && r.periodFrom === m && r.periodTo === m);
  const sumOf = (rs: Remittance[]) => (rs.length ? rs.reduce((a, r) => a + r.amountFen, 0) : null);
  return {
    month: monthLabel(m), owed, paid: paidN, dueFen: due, paidFen: paid, rate: pct(paid, due),
    branchRemittedFen: sumOf(of('支部')), committeeRemittedFen: sumOf(of('党委')), remittedOn: remittedOnText([...of('支部'), ...of('党委')]),
  };
}

export async function quarterModel(ctx: Ctx, year: number, quarter: number): Promise<DuesQuarterSheet> {
  if (quarter < 1 || quarter > 4) throw new LedgerError('季度应为 1 至 4', 'quarter');
  const { unit, committee } = await unitNames(ctx);
  const months = quarterMonths(year, quarter);
  const [from, to] = [months[0], months[2]];
  const recon = await reconcile(ctx.db, from, to);
  // the same remittances reconcile counts: those whose 所属期间 starts in the quarter
  const remits = await listRemittances(ctx.db, from, to);
  const arrears = await arrearsList(ctx.db, to);
  const f = await loadYearFacts(ctx.db, year);
  const warn = f.settings.warnMonths;
  const upperBody = f.settings.upperBodyName;
  const branchRows = recon.rows.filter((r) => r.level === '支部');
  const arrearsBy = (id: string) => arrears.filter((a) => a.branchId === id && a.consecutiveUnpaidMonths >= warn).length;
  const rows = branchRows.map((r): QuarterBranchRow => ({
    orgName: r.orgName, members: r.members, dueFen: r.dueFen, collectedFen: r.collectedFen, rate: pct(r.collectedFen, r.dueFen),
    arrears: arrearsBy(r.orgId), remittedFen: r.remittedFen, remittedOn: remittedOnText(remits.filter((x) => x.level === '支部' && x.fromOrgId === r.orgId)),
    heldFen: r.heldFen, problems: tight(r.problems.join('；')),
  }));
  const sum = (k: keyof ReconRow) => branchRows.reduce((a, r) => a + (r[k] as number), 0);
  const total: QuarterBranchRow = {
    orgName: '合计', members: sum('members'), dueFen: sum('dueFen'), collectedFen: sum('collectedFen'), rate: pct(sum('collectedFen'), sum('dueFen')),
    arrears: rows.reduce((a, r) => a + r.arrears, 0), remittedFen: sum('remittedFen'), remittedOn: '', heldFen: sum('heldFen'), problems: '',
  };
  const cr = collectionRows(f);
  const monthRows = months.map((m) => monthRow(cr, m, remits));
  const branchRemits = remits.filter((r) => r.level === '支部');
  const upRemits = remits.filter((r) => r.level === '党委');
  const monthTotal: QuarterMonthRow = {
    month: '本季度合计',
    owed: null,
    paid: null,
    dueFen: monthRows.reduce((a, r) => a + r.dueFen, 0),
    paidFen: monthRows.reduce((a, r) => a + r.paidFen, 0),
    rate: pct(monthRows.reduce((a, r) => a + r.paidFen, 0), monthRows.reduce((a, r) => a + r.dueFen, 0)),
    branchRemittedFen: branchRemits.reduce((a, r) => a + r.amountFen, 0),
    committeeRemittedFen: upRemits.reduce((a, r) => a + r.amountFen, 0),
    remittedOn: remittedOnText(remits),
  };
  const committeeRow = recon.rows.find((r) => r.level === '党委');
  const q = QUARTER[quarter - 1];
  const range = `${year}年第${q}季度（${monthLabel(from)}至${monthLabel(to)}）`;
  const signatures = '填表人：                    审核人：                    填报日期：';
  const basis = `说明：上缴金额按所属期间统计，本季度党费无论何时上缴均计入本季度，并注明上缴日期${remits.some((r) => r.remittedOn > `${to}-31`) ? '（本季度党费于季度结束后上缴）' : ''}。`;
  const received = committeeRow
    ? `分局党委收到各支部上缴本季度党费${yuan(committeeRow.collectedFen)}元${branchRemits.length ? `（${[...new Set(branchRemits.map(periodText))].join('、')}，${remittedOnText(branchRemits)}上缴）` : ''}，上缴${upperBody}${yuan(committeeRow.remittedFen)}元${upRemits.length ? `（${remittedOnText(upRemits)}上缴）` : ''}，应缴${yuan(committeeRow.expectedRemitFen)}元${committeeRow.differenceFen ? `，${tight(committeeRow.problems.join('；'))}` : ''}。`
    : '';
  return {
    title: `党费收缴情况季度统计表`,
    subtitle: `填报单位：${committee}　　${range}　　单位：元`,
    warnMonths: warn,
    upperBody,
    rows,
    total,
    months: {
      title: `${unit}党费月度统计`,
      subtitle: `填报单位：${committee}　　${range}　　单位：元`,
      rows: monthRows,
      total: monthTotal,
      notes: [basis, signatures],
    },
    notes: [received, basis, signatures].filter(Boolean),
  };
}
