/**
 * 党员党费核定表 (.xlsx), for signature: one sheet per branch (a member per row:
 * category, base, rate, monthly and yearly dues, the member's signature, notes;
 * the branch secretary and the committee sign under it), and for the whole
 * bureau a summary sheet first (a branch per row). Portrait A4, 12 pt text and
 * rows of at least 8 mm, so it prints readable after fitting to the width.
 * A branch sheet is read back by the 核定表 import (by header). Money in 分.
 */
import { addSheet, newWorkbook, workbookBytes, type Column } from './xlsx-sheet.ts';

export interface DuesAssessmentRow {
  name: string;
  category: string;
  baseFen: number;
  rate: string;
  monthlyFen: number;
  yearlyFen: number;
  note: string;
}

export interface DuesAssessmentBranchSheet {
  /** the sheet's tab, the branch's name */
  name: string;
  /** the branch's name, in the hidden column the import reads */
  branch: string;
  title: string;
  subtitle: string;
  rows: DuesAssessmentRow[];
  notes: string[];
}

export interface DuesAssessmentSummaryRow {
  branch: string;
  members: number;
  monthlyFen: number;
  yearlyFen: number;
  note: string;
}

export interface DuesAssessmentSheet {
  /** the bureau's summary (a branch per row), printed first; absent for one branch */
  summary: { title: string; subtitle: string; rows: DuesAssessmentSummaryRow[]; notes: string[] } | null;
  branches: DuesAssessmentBranchSheet[];
}

export type DuesAssessmentKey = 'no' | 'name' | 'category' | 'base' | 'rate' | 'monthly' | 'yearly' | 'sign' | 'note' | 'branch';

/** Text size and least row height of the signed sheets (8 mm after fitting). */
export const ASSESSMENT_FONT_PT = 12;
export const ASSESSMENT_ROW_PT = 30;

export const ASSESSMENT_COLUMNS: readonly Column<DuesAssessmentKey>[] = [
  { key: 'no', header: '序号', width: 5.5, kind: 'count' },
  { key: 'name', header: '姓名', width: 10, kind: 'text' },
  { key: 'category', header: '人员类别', width: 10, kind: 'text' },
  { key: 'base', header: '计算基数\n（税后）', width: 12, kind: 'money' },
  { key: 'rate', header: '缴纳比例', width: 8, kind: 'text' },
  { key: 'monthly', header: '每月应缴纳\n党费', width: 11, kind: 'money' },
  { key: 'yearly', header: '全年应缴纳\n党费', width: 11, kind: 'money' },
  { key: 'sign', header: '本人签名', width: 13, kind: 'text' },
  { key: 'note', header: '备注', width: 20, kind: 'text', align: 'left' },
  // hidden, not printed: the 核定表 import finds a member by name and branch (two members of the bureau may share a name)
  { key: 'branch', header: '所在党支部', width: 16, kind: 'text' },
];

type SummaryKey = 'no' | keyof DuesAssessmentSummaryRow | 'sign';
export const ASSESSMENT_SUMMARY_COLUMNS: readonly Column<SummaryKey>[] = [
  { key: 'no', header: '序号', width: 5.5, kind: 'count' },
  { key: 'branch', header: '党支部', width: 24, kind: 'text', align: 'left' },
  { key: 'members', header: '核定人数', width: 8, kind: 'count' },
  { key: 'monthlyFen', header: '每月应缴纳\n党费合计', width: 13, kind: 'money' },
  { key: 'yearlyFen', header: '全年应缴纳\n党费合计', width: 13, kind: 'money' },
  { key: 'sign', header: '支部书记签名', width: 13, kind: 'text' },
  { key: 'note', header: '备注', width: 23, kind: 'text', align: 'left' },
];

const signed = { landscape: false, fontSize: ASSESSMENT_FONT_PT, minRowHeight: ASSESSMENT_ROW_PT } as const;

export async function duesAssessmentWorkbook(m: DuesAssessmentSheet): Promise<Uint8Array> {
  const wb = newWorkbook();
  if (m.summary) {
    const s = m.summary;
    const sum = (k: 'members' | 'monthlyFen' | 'yearlyFen') => s.rows.reduce((a, r) => a + r[k], 0);
    addSheet(wb, {
      name: '汇总',
      title: s.title,
      subtitle: s.subtitle,
      columns: ASSESSMENT_SUMMARY_COLUMNS,
      rows: s.rows.map((r, i) => ({ no: i + 1, ...r, sign: '' })),
      footerRows: [{ no: '', branch: '合计', members: sum('members'), monthlyFen: sum('monthlyFen'), yearlyFen: sum('yearlyFen'), sign: '', note: '' }],
      notes: s.notes,
      ...signed,
    });
  }
  for (const b of m.branches) {
    const sum = (k: 'monthlyFen' | 'yearlyFen') => b.rows.reduce((a, r) => a + r[k], 0);
    const ws = addSheet(wb, {
      name: b.name.slice(0, 31),
      title: b.title,
      subtitle: b.subtitle,
      columns: ASSESSMENT_COLUMNS,
      rows: b.rows.map((r, i) => ({ no: i + 1, name: r.name, category: r.category, base: r.baseFen, rate: r.rate, monthly: r.monthlyFen, yearly: r.yearlyFen, sign: '', note: r.note, branch: b.branch })),
      footerRows: [{ no: '', name: '合计', category: '', rate: '', monthly: sum('monthlyFen'), yearly: sum('yearlyFen'), sign: '', note: '' }],
      notes: b.notes,
      ...signed,
    });
    ws.getColumn(ASSESSMENT_COLUMNS.length).hidden = true;
  }
  return workbookBytes(wb);
}
