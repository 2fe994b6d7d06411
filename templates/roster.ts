/** 党员花名册 (.xlsx): title with the unit name, standard columns, A4 landscape, repeated header. */
import { addSheet, newWorkbook, workbookBytes, type SheetColumn } from './xlsx-sheet.ts';

export interface RosterModel {
  title: string;
  subtitle: string;
  rows: string[][];
  footer: string;
}

export const ROSTER_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 5 },
  { header: '姓名', width: 9 },
  { header: '性别', width: 5 },
  { header: '民族', width: 6 },
  { header: '出生日期', width: 11 },
  { header: '公民身份号码', width: 21, text: true },
  { header: '籍贯', width: 10 },
  { header: '学历', width: 9 },
  { header: '参加工作时间', width: 11 },
  { header: '入党日期', width: 11 },
  { header: '转正日期', width: 11 },
  { header: '党员状态', width: 6 },
  { header: '人员类别', width: 7 },
  { header: '工作单位及职务', width: 30, align: 'left' },
  { header: '联系电话', width: 13, text: true },
  { header: '所在支部', width: 17, align: 'left' },
  { header: '党小组', width: 14 },
  { header: '备注', width: 12, align: 'left' },
];

export async function rosterWorkbook(m: RosterModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '党员花名册', title: m.title, subtitle: m.subtitle, columns: ROSTER_COLUMNS, rows: m.rows, notes: [m.footer] });
  return workbookBytes(wb);
}
