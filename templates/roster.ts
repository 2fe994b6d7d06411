/** 党员花名册 (.xlsx): title with the unit name, standard columns, A4 landscape, repeated header. */
import { addSheet, newWorkbook, workbookBytes, type Column } from './xlsx-sheet.ts';

/** One member, already formatted (dates ISO, empty strings for what is not known). */
export interface RosterRow {
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  /** masked when the unit's setting asks for it */
  idNumber: string;
  nativePlace: string;
  education: string;
  workStartDate: string;
  joinDate: string;
  fullDate: string;
  partyStatus: string;
  category: string;
  workUnit: string;
  phone: string;
  branchName: string;
  groupName: string;
  note: string;
}

export interface RosterModel {
  title: string;
  subtitle: string;
  rows: RosterRow[];
  footer: string;
}

export const ROSTER_COLUMNS: readonly Column<'no' | keyof RosterRow>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'text' },
  { key: 'name', header: '姓名', width: 9, kind: 'text' },
  { key: 'gender', header: '性别', width: 5, kind: 'text' },
  { key: 'ethnicity', header: '民族', width: 6, kind: 'text' },
  { key: 'birthDate', header: '出生日期', width: 12, kind: 'date' },
  { key: 'idNumber', header: '公民身份号码', width: 21, kind: 'id' },
  { key: 'nativePlace', header: '籍贯', width: 10, kind: 'text' },
  { key: 'education', header: '学历', width: 9, kind: 'text' },
  { key: 'workStartDate', header: '参加工作时间', width: 12, kind: 'date' },
  { key: 'joinDate', header: '入党日期', width: 12, kind: 'date' },
  { key: 'fullDate', header: '转正日期', width: 12, kind: 'date' },
  { key: 'partyStatus', header: '党员状态', width: 6, kind: 'text' },
  { key: 'category', header: '人员类别', width: 7, kind: 'text' },
  { key: 'workUnit', header: '工作单位及职务', width: 30, kind: 'text', align: 'left' },
  { key: 'phone', header: '联系电话', width: 13, kind: 'id' },
  { key: 'branchName', header: '所在支部', width: 17, kind: 'text', align: 'left' },
  { key: 'groupName', header: '党小组', width: 14, kind: 'text' },
  { key: 'note', header: '备注', width: 12, kind: 'text', align: 'left' },
];

export async function rosterWorkbook(m: RosterModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '党员花名册', title: m.title, subtitle: m.subtitle, columns: ROSTER_COLUMNS, rows: m.rows.map((r, i) => ({ no: String(i + 1), ...r })), notes: [m.footer] });
  return workbookBytes(wb);
}
