/** 年度转入党员登记表 and 年度转出党员登记表 (.xlsx): one sheet each, A4 landscape, repeated header. */
import { addSheet, newWorkbook, workbookBytes, type SheetColumn } from './xlsx-sheet.ts';

export interface TransferRegisterSheet {
  title: string;
  subtitle: string;
  rows: string[][];
  footer: string;
}

export interface TransferRegistersModel {
  transferIn: TransferRegisterSheet;
  transferOut: TransferRegisterSheet;
}

export const OUT_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 5 },
  { header: '姓名', width: 9 },
  { header: '性别', width: 5 },
  { header: '出生日期', width: 11 },
  { header: '民族', width: 6 },
  { header: '党员状态', width: 7 },
  { header: '原所在支部', width: 18, align: 'left' },
  { header: '转往党组织', width: 34, align: 'left' },
  { header: '转出日期', width: 11 },
  { header: '介绍信编号', width: 10, text: true },
  { header: '有效期（天）', width: 7 },
  { header: '党费交至', width: 9 },
  { header: '回执收到日期', width: 11 },
  { header: '备注', width: 14, align: 'left' },
];

export const IN_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 5 },
  { header: '姓名', width: 9 },
  { header: '性别', width: 5 },
  { header: '出生日期', width: 11 },
  { header: '民族', width: 6 },
  { header: '党员状态', width: 7 },
  { header: '原所在党组织', width: 34, align: 'left' },
  { header: '介绍信编号', width: 10, text: true },
  { header: '介绍信日期', width: 11 },
  { header: '报到日期', width: 11 },
  { header: '编入支部', width: 18, align: 'left' },
  { header: '党费交至', width: 9 },
  { header: '党费起交月份', width: 9 },
  { header: '回执寄回日期', width: 11 },
  { header: '备注', width: 14, align: 'left' },
];

export async function transferRegistersWorkbook(m: TransferRegistersModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '转入党员登记表', title: m.transferIn.title, subtitle: m.transferIn.subtitle, columns: IN_COLUMNS, rows: m.transferIn.rows, notes: [m.transferIn.footer] });
  addSheet(wb, { name: '转出党员登记表', title: m.transferOut.title, subtitle: m.transferOut.subtitle, columns: OUT_COLUMNS, rows: m.transferOut.rows, notes: [m.transferOut.footer] });
  return workbookBytes(wb);
}
