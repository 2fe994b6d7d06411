/**
 * 党员积分登记表 and 党员积分公示表 of one branch (core/points/export.ts builds the model), evaluation.md 9.4
 * [V11 附件3/附件4]: the 登记表 of a month, each member's lines of the month and the running total, signed by
 * the member (本人签字) and checked by the 党小组组长 (党小组组长核对), rows tall enough to sign; the 公示表 the
 * branch posts, each member's points by group to the month's end and the rank in the branch.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export type RegisterKey = 'no' | 'name' | 'status' | 'items' | 'plus' | 'minus' | 'month' | 'total' | 'sign' | 'check' | 'note';
export type NoticeKey = 'no' | 'name' | 'base' | 'study' | 'life' | 'dues' | 'role' | 'discipline' | 'total' | 'rank' | 'note';

const REGISTER: readonly Column<RegisterKey>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  { key: 'name', header: '姓名', width: 9, kind: 'text' },
  { key: 'status', header: '身份', width: 7, kind: 'text' },
  { key: 'items', header: '本月积分事项（项目、分值、来源）', width: 46, kind: 'text', align: 'left' },
  { key: 'plus', header: '本月加分', width: 8, kind: 'count' },
  { key: 'minus', header: '本月减分', width: 8, kind: 'count' },
  { key: 'month', header: '本月得分', width: 8, kind: 'count' },
  { key: 'total', header: '累计积分', width: 8, kind: 'count' },
  { key: 'sign', header: '本人签字', width: 10, kind: 'text' },
  { key: 'check', header: '党小组组长核对', width: 10, kind: 'text' },
  { key: 'note', header: '备注', width: 16, kind: 'text', align: 'left' },
];

const NOTICE: readonly Column<NoticeKey>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  { key: 'name', header: '姓名', width: 9, kind: 'text' },
  { key: 'base', header: '基础分', width: 7, kind: 'count' },
  { key: 'study', header: '学习', width: 7, kind: 'count' },
  { key: 'life', header: '组织生活', width: 8, kind: 'count' },
  { key: 'dues', header: '党费', width: 7, kind: 'count' },
  { key: 'role', header: '作用发挥', width: 8, kind: 'count' },
  { key: 'discipline', header: '纪律', width: 7, kind: 'count' },
  { key: 'total', header: '累计积分', width: 8, kind: 'count' },
  { key: 'rank', header: '支部排名', width: 8, kind: 'count' },
  { key: 'note', header: '备注', width: 24, kind: 'text', align: 'left' },
];

export const REGISTER_COLUMNS = REGISTER;
export const NOTICE_COLUMNS = NOTICE;

export interface PointsSheetsModel {
  register: { title: string; subtitle: string; rows: SheetRow<RegisterKey>[]; notes: string[] };
  notice: { title: string; subtitle: string; rows: SheetRow<NoticeKey>[]; notes: string[] };
}

export async function pointsWorkbook(m: PointsSheetsModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '积分登记表', title: m.register.title, subtitle: m.register.subtitle, columns: REGISTER, rows: m.register.rows, notes: m.register.notes, fontSize: 9.5, minRowHeight: 28 });
  addSheet(wb, { name: '积分公示表', title: m.notice.title, subtitle: m.notice.subtitle, columns: NOTICE, rows: m.notice.rows, notes: m.notice.notes, landscape: false, fontSize: 10 });
  return workbookBytes(wb);
}
