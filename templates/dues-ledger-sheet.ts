/**
 * 党费收缴台账 (.xlsx, one sheet per branch-year): a member per row, the base,
 * rate and monthly standard, twelve month cells, the year's due and paid, the
 * member's signature; narrow enough to print at 9 pt or more with rows of 8 mm. The
 * template owns the model and the columns; money comes in 分 and prints in 元.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

/** A month cell: 分 paid, '—' not owed (not yet a member, transferred out, exempt), null owed and unpaid. */
export type LedgerMonth = number | '—' | null;

export interface DuesLedgerRow {
  name: string;
  category: string;
  /** 月工资收入: the computed after-tax base, 分 */
  baseFen: number | null;
  /** 执行标准: '1.5%', or '定额' */
  rate: string;
  standardFen: number | null;
  /** January to December */
  months: LedgerMonth[];
  dueFen: number;
  paidFen: number;
  note: string;
}

export interface DuesLedgerSheet {
  title: string;
  subtitle: string;
  branchName: string;
  year: number;
  rows: DuesLedgerRow[];
  totals: { monthsFen: number[]; dueFen: number; paidFen: number };
  notes: string[];
}

type MonthKey = `m${number}`;
export type DuesLedgerKey = 'no' | 'name' | 'category' | 'base' | 'rate' | 'standard' | MonthKey | 'due' | 'paid' | 'sign' | 'note';

const monthKey = (i: number): MonthKey => `m${i + 1}`;

/** The columns of the 党费收缴台账表 (reference §1.14, P22). */
export const DUES_LEDGER_COLUMNS: readonly Column<DuesLedgerKey>[] = [
  { key: 'no', header: '序号', width: 4.5, kind: 'count' },
  { key: 'name', header: '姓名', width: 9, kind: 'text' },
  { key: 'category', header: '人员\n类别', width: 6.5, kind: 'text' },
  { key: 'base', header: '月工资收入\n（计算基数）', width: 10, kind: 'money' },
  { key: 'rate', header: '执行\n标准', width: 6, kind: 'text' },
  { key: 'standard', header: '月缴纳标准', width: 8.5, kind: 'money' },
  ...Array.from({ length: 12 }, (_, i): Column<DuesLedgerKey> => ({ key: monthKey(i), header: `${i + 1}月`, width: 6.5, kind: 'money' })),
  { key: 'due', header: '全年应缴', width: 9, kind: 'money' },
  { key: 'paid', header: '全年实缴', width: 9, kind: 'money' },
  { key: 'sign', header: '本人签名', width: 10, kind: 'text' },
  { key: 'note', header: '备注', width: 9, kind: 'text', align: 'left' },
];

/** Least height of a member's row, pt: 8 mm once the sheet is fitted to the page width (members sign in it). */
export const LEDGER_ROW_PT = 28;

const months = (cells: readonly (number | string | null)[]): SheetRow<DuesLedgerKey> => Object.fromEntries(cells.map((v, i) => [monthKey(i), v]));

export async function duesLedgerWorkbook(m: DuesLedgerSheet | DuesLedgerSheet[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const one of Array.isArray(m) ? m : [m]) {
    addSheet(wb, {
      name: (one.branchName || '党费收缴台账').slice(0, 31),
      title: one.title,
      subtitle: one.subtitle,
      columns: DUES_LEDGER_COLUMNS,
      rows: one.rows.map((r, i) => ({ no: i + 1, name: r.name, category: r.category, base: r.baseFen, rate: r.rate, standard: r.standardFen, ...months(r.months), due: r.dueFen, paid: r.paidFen, sign: '', note: r.note })),
      footerRows: [{ no: '', name: '合计', category: '', rate: '', ...months(one.totals.monthsFen), due: one.totals.dueFen, paid: one.totals.paidFen, sign: '', note: '' }],
      notes: one.notes,
      minRowHeight: LEDGER_ROW_PT,
    });
  }
  return workbookBytes(wb);
}
