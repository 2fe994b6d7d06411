/**
 * 评星定级结果汇总表 (.xlsx; core/stars/export.ts builds the model): one row per branch with each indicator
 * group's points, deductions, total, stars, the stars named the year before and 升星/降星; then every
 * branch's score lines with where each point came from.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

const text = (key: string, header: string, width: number, align?: 'left'): Column => ({ key, header, width, kind: 'text', align });

export interface StarsSheetModel {
  title: string;
  subtitle: string;
  /** the indicator groups, in order: their column headers ("领导班子（15）") */
  groups: string[];
  /** keys no, branch, g0…gN, deduction, score, stars, previous, change, note */
  rows: SheetRow[];
  detail: SheetRow[];
  notes: string[];
}

export const DETAIL_COLUMNS: readonly Column[] = [
  text('branch', '党支部', 20, 'left'),
  text('group', '类别', 10),
  text('item', '指标／扣分／否决项', 22, 'left'),
  text('max', '满分', 7),
  text('points', '得分', 7),
  text('source', '来源', 22, 'left'),
  text('fact', '依据', 50, 'left'),
];

export async function starsWorkbook(m: StarsSheetModel): Promise<Uint8Array> {
  const columns: Column[] = [
    { key: 'no', header: '序号', width: 6, kind: 'count' },
    text('branch', '党支部', 20, 'left'),
    ...m.groups.map((g, i) => text(`g${i}`, g, 11)),
    text('deduction', '扣分', 7),
    text('score', '总分', 8),
    text('stars', '星级', 8),
    text('previous', '上年星级', 9),
    text('change', '升降', 7),
    text('note', '说明', 30, 'left'),
  ];
  const wb = newWorkbook();
  addSheet(wb, { name: '汇总', title: m.title, subtitle: m.subtitle, columns, rows: m.rows, notes: m.notes });
  addSheet(wb, { name: '评分明细', title: `${m.title}（评分明细）`, subtitle: m.subtitle, columns: DETAIL_COLUMNS, rows: m.detail, notes: m.notes });
  return workbookBytes(wb);
}
