/** 年度转入党员登记表 and 年度转出党员登记表 (.xlsx): one sheet each, A4 landscape, repeated header. */
import { addSheet, newWorkbook, workbookBytes, type Column } from './xlsx-sheet.ts';

/** What both registers show of the person. */
export interface TransferPerson {
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  partyStatus: string;
}

export interface TransferInRow extends TransferPerson {
  fromOrg: string;
  letterNo: string;
  letterDate: string;
  transferDate: string;
  branchName: string;
  duesPaidTo: string;
  duesStartMonth: string;
  /** 回执寄回日期, or '未寄' / '逾期未寄' */
  receipt: string;
  note: string;
}

export interface TransferOutRow extends TransferPerson {
  branchName: string;
  toOrg: string;
  transferDate: string;
  letterNo: string;
  validityDays: string;
  duesPaidTo: string;
  /** 回执收到日期, or '未收' / '逾期未收' */
  receipt: string;
  note: string;
}

export interface TransferRegisterSheet<R> {
  title: string;
  subtitle: string;
  rows: R[];
  footer: string;
}

export interface TransferRegistersModel {
  transferIn: TransferRegisterSheet<TransferInRow>;
  transferOut: TransferRegisterSheet<TransferOutRow>;
}

const PERSON: readonly Column<'no' | keyof TransferPerson>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'text' },
  { key: 'name', header: '姓名', width: 9, kind: 'text' },
  { key: 'gender', header: '性别', width: 5, kind: 'text' },
  { key: 'birthDate', header: '出生日期', width: 12, kind: 'date' },
  { key: 'ethnicity', header: '民族', width: 6, kind: 'text' },
  { key: 'partyStatus', header: '党员状态', width: 7, kind: 'text' },
];

export const OUT_COLUMNS: readonly Column<'no' | keyof TransferOutRow>[] = [
  ...PERSON,
  { key: 'branchName', header: '原所在支部', width: 18, kind: 'text', align: 'left' },
  { key: 'toOrg', header: '转往党组织', width: 34, kind: 'text', align: 'left' },
  { key: 'transferDate', header: '转出日期', width: 12, kind: 'date' },
  { key: 'letterNo', header: '介绍信编号', width: 10, kind: 'id' },
  { key: 'validityDays', header: '有效期（天）', width: 7, kind: 'text' },
  { key: 'duesPaidTo', header: '党费交至', width: 9, kind: 'text' },
  { key: 'receipt', header: '回执收到日期', width: 12, kind: 'date' },
  { key: 'note', header: '备注', width: 14, kind: 'text', align: 'left' },
];

export const IN_COLUMNS: readonly Column<'no' | keyof TransferInRow>[] = [
  ...PERSON,
  { key: 'fromOrg', header: '原所在党组织', width: 34, kind: 'text', align: 'left' },
  { key: 'letterNo', header: '介绍信编号', width: 10, kind: 'id' },
  { key: 'letterDate', header: '介绍信日期', width: 12, kind: 'date' },
  { key: 'transferDate', header: '报到日期', width: 12, kind: 'date' },
  { key: 'branchName', header: '编入支部', width: 18, kind: 'text', align: 'left' },
  { key: 'duesPaidTo', header: '党费交至', width: 9, kind: 'text' },
  { key: 'duesStartMonth', header: '党费起交月份', width: 9, kind: 'text' },
  { key: 'receipt', header: '回执寄回日期', width: 12, kind: 'date' },
  { key: 'note', header: '备注', width: 14, kind: 'text', align: 'left' },
];

const numbered = <R extends object>(rows: R[]) => rows.map((r, i) => ({ no: String(i + 1), ...r }));

export async function transferRegistersWorkbook(m: TransferRegistersModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  const { transferIn: i, transferOut: o } = m;
  addSheet(wb, { name: '转入党员登记表', title: i.title, subtitle: i.subtitle, columns: IN_COLUMNS, rows: numbered(i.rows), notes: [i.footer] });
  addSheet(wb, { name: '转出党员登记表', title: o.title, subtitle: o.subtitle, columns: OUT_COLUMNS, rows: numbered(o.rows), notes: [o.footer] });
  return workbookBytes(wb);
}
