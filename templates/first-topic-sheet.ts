/**
 * 第一议题落实台账 (.xlsx): each meeting of the covered types in a period with
 * what it studied first (or 未记录), and the 落实率 below; core/study/export.ts
 * builds the model.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export type FirstTopicKey = 'no' | 'heldOn' | 'org' | 'type' | 'title' | 'on' | 'source' | 'how' | 'state';
export const FIRST_TOPIC_COLUMNS: readonly Column<FirstTopicKey>[] = [
  { key: 'no', header: '序号', width: 6, kind: 'count' },
  { key: 'heldOn', header: '会议日期', width: 14, kind: 'date' },
  { key: 'org', header: '组织', width: 22, kind: 'text', align: 'left' },
  { key: 'type', header: '会议类型', width: 16, kind: 'text' },
  { key: 'title', header: '第一议题学习内容', width: 36, kind: 'text', align: 'left' },
  { key: 'on', header: '讲话（指示）日期', width: 14, kind: 'date' },
  { key: 'source', header: '出处', width: 18, kind: 'text', align: 'left' },
  { key: 'how', header: '学习方式及落实情况', width: 30, kind: 'text', align: 'left' },
  { key: 'state', header: '落实情况', width: 10, kind: 'text' },
];

export interface FirstTopicSheetModel {
  title: string;
  subtitle: string;
  rows: SheetRow<FirstTopicKey>[];
  total: SheetRow<FirstTopicKey>;
  notes: string[];
}

export async function firstTopicWorkbook(m: FirstTopicSheetModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '第一议题落实台账', title: m.title, subtitle: m.subtitle, columns: FIRST_TOPIC_COLUMNS, rows: m.rows, footerRows: [m.total], notes: m.notes, landscape: true });
  return workbookBytes(wb);
}
