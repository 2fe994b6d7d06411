/**
 * The dues workbooks: 党费收缴台账 (branch-year), 党费收缴情况季度统计表, and
 * 党员党费核定表. Models in, bytes out; A4 landscape via xlsx-sheet.
 */
import { addSheet, newWorkbook, workbookBytes, type SheetColumn } from './xlsx-sheet.ts';

const MONEY = '0.00';

export interface DuesLedgerSheet {
  title: string;
  subtitle: string;
  rows: { name: string; category: string; base: number | null; rate: string; standard: number | null; months: (number | string | null)[]; due: number; paid: number; note: string }[];
  totals: { months: number[]; due: number; paid: number };
  notes: string[];
}

export async function duesLedgerWorkbook(m: DuesLedgerSheet | DuesLedgerSheet[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const one of Array.isArray(m) ? m : [m]) ledgerSheet(wb, one);
  return workbookBytes(wb);
}

function ledgerSheet(wb: ReturnType<typeof newWorkbook>, m: DuesLedgerSheet & { branchName?: string }): void {
  const columns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '姓名', width: 9 },
    { header: '人员类别', width: 7 },
    { header: '月工资收入（计算基数）', width: 11, numFmt: MONEY, align: 'right' },
    { header: '执行标准', width: 6 },
    { header: '月缴纳标准', width: 9, numFmt: MONEY, align: 'right' },
    ...Array.from({ length: 12 }, (_, i): SheetColumn => ({ header: `${i + 1}月`, width: 7.5, numFmt: MONEY, align: 'right' })),
    { header: '全年应缴', width: 9.5, numFmt: MONEY, align: 'right' },
    { header: '全年实缴', width: 9.5, numFmt: MONEY, align: 'right' },
    { header: '本人签名', width: 10 },
    { header: '备注', width: 16, align: 'left' },
  ];
  addSheet(wb, {
    name: (m.branchName ?? '党费收缴台账').slice(0, 31),
    title: m.title,
    subtitle: m.subtitle,
    columns,
    rows: m.rows.map((r, i) => [i + 1, r.name, r.category, r.base, r.rate, r.standard, ...r.months, r.due, r.paid, '', r.note]),
    footerRows: [['', '合计', '', null, '', null, ...m.totals.months, m.totals.due, m.totals.paid, '', '']],
    notes: m.notes,
  });
}

export interface DuesQuarterSheet {
  title: string;
  subtitle: string;
  columns: string[];
  rows: (string | number)[][];
  total: (string | number)[];
  months: { title: string; columns: string[]; rows: (string | number)[][] };
  notes: string[];
}

export async function duesQuarterWorkbook(m: DuesQuarterSheet): Promise<Uint8Array> {
  const widths = [5, 22, 8, 11, 11, 8, 10, 11, 10, 26];
  const money = new Set([3, 4, 7, 8]);
  const wb = newWorkbook();
  addSheet(wb, {
    name: '季度统计',
    title: m.title,
    subtitle: m.subtitle,
    columns: m.columns.map((header, i) => ({ header, width: widths[i] ?? 10, numFmt: money.has(i) ? MONEY : undefined, align: i === 1 || i === 9 ? 'left' : money.has(i) ? 'right' : 'center' })),
    rows: m.rows,
    footerRows: [m.total],
    notes: m.notes,
  });
  addSheet(wb, {
    name: '月度统计',
    title: m.months.title,
    columns: m.months.columns.map((header, i) => ({ header, width: i === 0 ? 14 : i >= 6 ? 16 : 12, numFmt: i === 3 || i === 4 || i >= 6 ? MONEY : undefined, align: i === 3 || i === 4 || i >= 6 ? 'right' : 'center' })),
    rows: m.months.rows,
  });
  return workbookBytes(wb);
}

export interface DuesAssessmentSheet {
  title: string;
  subtitle: string;
  itemNames: string[];
  rows: { name: string; branch: string; category: string; items: (number | null)[]; base: number; rate: string; monthly: number; yearly: number; fixedOn: string; approved: string; note: string }[];
  notes: string[];
}

export async function duesAssessmentWorkbook(m: DuesAssessmentSheet): Promise<Uint8Array> {
  const columns: SheetColumn[] = [
    { header: '序号', width: 5 },
    { header: '姓名', width: 9 },
    { header: '所在党支部', width: 16, align: 'left' },
    { header: '人员类别', width: 8 },
    ...m.itemNames.map((n): SheetColumn => ({ header: n, width: 9, numFmt: MONEY, align: 'right' })),
    { header: '计算基数（税后）', width: 11, numFmt: MONEY, align: 'right' },
    { header: '交纳比例', width: 7 },
    { header: '每月应交纳党费', width: 10, numFmt: MONEY, align: 'right' },
    { header: '全年应交纳党费', width: 10, numFmt: MONEY, align: 'right' },
    { header: '核定日期', width: 11 },
    { header: '审批', width: 17 },
    { header: '本人签名', width: 9 },
    { header: '备注', width: 18, align: 'left' },
  ];
  const wb = newWorkbook();
  addSheet(wb, {
    name: '党费核定表',
    title: m.title,
    subtitle: m.subtitle,
    columns,
    rows: m.rows.map((r, i) => [i + 1, r.name, r.branch, r.category, ...r.items, r.base, r.rate, r.monthly, r.yearly, r.fixedOn, r.approved, '', r.note]),
    footerRows: [['', '合计', '', '', ...m.itemNames.map(() => null), null, '', m.rows.reduce((a, r) => Math.round((a + r.monthly) * 100) / 100, 0), m.rows.reduce((a, r) => Math.round((a + r.yearly) * 100) / 100, 0), '', '', '', '']],
    notes: m.notes,
  });
  return workbookBytes(wb);
}
