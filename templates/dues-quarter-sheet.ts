/**
 * 党费收缴情况季度统计表 (.xlsx): a row per branch (due, collected, rate,
 * arrears, remitted with its date, held) with a total, and a second sheet of
 * the quarter's months (collected and remitted, 《党费缴纳登记表》) whose total
 * row agrees with the first sheet. Money in 分, printed in 元.
 */
import { addSheet, newWorkbook, workbookBytes, type Column } from './xlsx-sheet.ts';

export interface QuarterBranchRow {
  orgName: string;
  members: number;
  dueFen: number;
  collectedFen: number;
  /** 收缴率, e.g. '98.5%' */
  rate: string;
  /** members behind `warnMonths` months or more */
  arrears: number;
  /** remitted for the quarter's months (by 所属期间, whenever made) */
  remittedFen: number;
  /** when it was remitted, '2026年10月10日' */
  remittedOn: string;
  heldFen: number;
  problems: string;
}

export interface QuarterMonthRow {
  /** '2026年7月', or '本季度合计' */
  month: string;
  owed: number | null;
  paid: number | null;
  dueFen: number;
  paidFen: number;
  rate: string;
  /** remittances whose 所属期间 is this row's month (the total row: the quarter's); null when none */
  branchRemittedFen: number | null;
  committeeRemittedFen: number | null;
  remittedOn: string;
}

export interface DuesQuarterSheet {
  title: string;
  subtitle: string;
  /** the unit's arrears warning threshold, named in a header */
  warnMonths: number;
  /** the body the committee remits to, named in a header */
  upperBody: string;
  rows: QuarterBranchRow[];
  total: QuarterBranchRow;
  months: { title: string; subtitle: string; rows: QuarterMonthRow[]; total: QuarterMonthRow; notes: string[] };
  notes: string[];
}

type BranchKey = 'no' | keyof QuarterBranchRow;

export const quarterColumns = (warnMonths: number): Column<BranchKey>[] => [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  { key: 'orgName', header: '党支部', width: 20, kind: 'text', align: 'left' },
  { key: 'members', header: '应缴人数', width: 7, kind: 'count' },
  { key: 'dueFen', header: '应缴金额', width: 11, kind: 'money' },
  { key: 'collectedFen', header: '实缴金额', width: 11, kind: 'money' },
  { key: 'rate', header: '收缴率', width: 8, kind: 'text' },
  { key: 'arrears', header: `欠缴${warnMonths}个月以上人数`, width: 9, kind: 'count' },
  { key: 'remittedFen', header: '上缴党委', width: 11, kind: 'money' },
  { key: 'remittedOn', header: '上缴日期', width: 16, kind: 'text' },
  { key: 'heldFen', header: '支部结存', width: 10, kind: 'money' },
  { key: 'problems', header: '差异说明', width: 20, kind: 'text', align: 'left' },
];

export const quarterMonthColumns = (upperBody: string): Column<keyof QuarterMonthRow>[] => [
  { key: 'month', header: '月份', width: 14, kind: 'text' },
  { key: 'owed', header: '应缴人数', width: 10, kind: 'count' },
  { key: 'paid', header: '已缴人数', width: 10, kind: 'count' },
  { key: 'dueFen', header: '应缴金额', width: 12, kind: 'money' },
  { key: 'paidFen', header: '实缴金额', width: 12, kind: 'money' },
  { key: 'rate', header: '收缴率', width: 9, kind: 'text' },
  { key: 'branchRemittedFen', header: '支部上缴党委', width: 14, kind: 'money' },
  { key: 'committeeRemittedFen', header: `党委上缴${upperBody}`, width: 14, kind: 'money' },
  { key: 'remittedOn', header: '上缴日期', width: 24, kind: 'text' },
];

export async function duesQuarterWorkbook(m: DuesQuarterSheet): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, {
    name: '季度统计',
    title: m.title,
    subtitle: m.subtitle,
    columns: quarterColumns(m.warnMonths),
    rows: m.rows.map((r, i) => ({ no: i + 1, ...r })),
    footerRows: [{ no: '', ...m.total }],
    notes: m.notes,
  });
  addSheet(wb, {
    name: '月度统计',
    title: m.months.title,
    subtitle: m.months.subtitle,
    columns: quarterMonthColumns(m.upperBody),
    rows: m.months.rows,
    footerRows: [m.months.total],
    notes: m.months.notes,
  });
  return workbookBytes(wb);
}
