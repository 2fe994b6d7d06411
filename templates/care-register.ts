/**
 * 走访慰问登记表 (core/care/export.ts builds the model). No standard form exists; the columns are the
 * reference's suggested list (../shared/reference/evaluation.md 9.5): the person, the 慰问类别 and
 * 困难情况, when, who visited, the money (分 printed as 元) and goods, the fund, the signature, the approval.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export type CareKey = 'no' | 'name' | 'gender' | 'birth' | 'joined' | 'branch' | 'reason' | 'circumstances' | 'visitOn' | 'visitors' | 'amount' | 'fund' | 'goods' | 'signed' | 'approval' | 'note';

const text = (key: CareKey, header: string, width: number, align?: 'left'): Column<CareKey> => ({ key, header, width, kind: 'text', align });

export const CARE_COLUMNS: readonly Column<CareKey>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  text('name', '姓名', 9),
  text('gender', '性别', 5),
  text('birth', '出生年月', 9),
  text('joined', '入党时间', 9),
  text('branch', '所在支部', 14, 'left'),
  text('reason', '慰问类别', 10),
  text('circumstances', '困难情况', 18, 'left'),
  { key: 'visitOn', header: '慰问时间', width: 13, kind: 'date' },
  text('visitors', '慰问人', 12, 'left'),
  { key: 'amount', header: '慰问金额（元）', width: 13, kind: 'money' },
  text('fund', '资金来源', 10),
  text('goods', '慰问品', 12, 'left'),
  text('signed', '本人或家属签收', 12),
  text('approval', '审批（会议纪要号）', 17, 'left'),
  text('note', '备注', 14, 'left'),
];

export interface CareRegisterModel {
  title: string;
  subtitle: string;
  rows: SheetRow<CareKey>[];
  total: SheetRow<CareKey>;
  notes: string[];
}

export async function careRegisterWorkbook(m: CareRegisterModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '走访慰问登记表', title: m.title, subtitle: m.subtitle, columns: CARE_COLUMNS, rows: m.rows, footerRows: [m.total], notes: m.notes, fontSize: 9.5, minRowHeight: 28 });
  return workbookBytes(wb);
}
