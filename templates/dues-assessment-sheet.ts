/**
 * 党员党费核定表 (.xlsx): a member per row with the pay items counted, the
 * base, rate, monthly and yearly dues, the date fixed and the approval, for
 * signature. It is read back by the 核定表 import (by header). Money in 分.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export interface DuesAssessmentRow {
  name: string;
  branch: string;
  category: string;
  /** per `itemNames`, 分 */
  itemsFen: (number | null)[];
  baseFen: number;
  rate: string;
  monthlyFen: number;
  yearlyFen: number;
  fixedOn: string;
  approved: string;
  note: string;
}

export interface DuesAssessmentSheet {
  title: string;
  subtitle: string;
  /** the pay items that count toward the base, one column each */
  itemNames: string[];
  rows: DuesAssessmentRow[];
  notes: string[];
}

type ItemKey = `item${number}`;
export type DuesAssessmentKey = 'no' | 'name' | 'branch' | 'category' | ItemKey | 'base' | 'rate' | 'monthly' | 'yearly' | 'fixedOn' | 'approved' | 'sign' | 'note';

const itemKey = (i: number): ItemKey => `item${i}`;

export const assessmentColumns = (itemNames: readonly string[]): Column<DuesAssessmentKey>[] => [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  { key: 'name', header: '姓名', width: 9, kind: 'text' },
  { key: 'branch', header: '所在党支部', width: 16, kind: 'text', align: 'left' },
  { key: 'category', header: '人员类别', width: 8, kind: 'text' },
  ...itemNames.map((header, i): Column<DuesAssessmentKey> => ({ key: itemKey(i), header, width: 9, kind: 'money' })),
  { key: 'base', header: '计算基数（税后）', width: 11, kind: 'money' },
  { key: 'rate', header: '缴纳比例', width: 7, kind: 'text' },
  { key: 'monthly', header: '每月应缴纳党费', width: 10, kind: 'money' },
  { key: 'yearly', header: '全年应缴纳党费', width: 10, kind: 'money' },
  { key: 'fixedOn', header: '核定日期', width: 11, kind: 'date' },
  { key: 'approved', header: '审批', width: 17, kind: 'text' },
  { key: 'sign', header: '本人签名', width: 9, kind: 'text' },
  { key: 'note', header: '备注', width: 18, kind: 'text', align: 'left' },
];

const items = (values: readonly (number | null)[]): SheetRow<DuesAssessmentKey> => Object.fromEntries(values.map((v, i) => [itemKey(i), v]));

export async function duesAssessmentWorkbook(m: DuesAssessmentSheet): Promise<Uint8Array> {
  const wb = newWorkbook();
  const sum = (k: 'monthlyFen' | 'yearlyFen') => m.rows.reduce((a, r) => a + r[k], 0);
  addSheet(wb, {
    name: '党费核定表',
    title: m.title,
    subtitle: m.subtitle,
    columns: assessmentColumns(m.itemNames),
    rows: m.rows.map((r, i) => ({
      no: i + 1, name: r.name, branch: r.branch, category: r.category, ...items(r.itemsFen), base: r.baseFen, rate: r.rate,
      monthly: r.monthlyFen, yearly: r.yearlyFen, fixedOn: r.fixedOn, approved: r.approved, sign: '', note: r.note,
    })),
    footerRows: [{ no: '', name: '合计', branch: '', category: '', rate: '', monthly: sum('monthlyFen'), yearly: sum('yearlyFen'), fixedOn: '', approved: '', sign: '', note: '' }],
    notes: m.notes,
  });
  return workbookBytes(wb);
}
