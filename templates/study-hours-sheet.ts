/**
 * 学时登记表 (core/hours/export.ts builds the model): a 汇总 sheet of every member with their branch,
 * then one sheet per branch so that a clerk prints one branch per page. Each row: the member, the
 * role the rule follows, the join date (no pro-rating for a member who joined mid-year), the hours by
 * source, the total, what the rule asks and whether it is met (hours in 学时, as the subtitle says).
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export type HoursKey = 'no' | 'name' | 'branch' | 'role' | 'joinDate' | 'meeting' | 'central' | 'online' | 'imported' | 'total' | 'required' | 'centralCount' | 'status' | 'note';

const text = (key: HoursKey, header: string, width: number, align?: 'left'): Column<HoursKey> => ({ key, header, width, kind: 'text', align });
// hours are written as numbers (31.5), so the sheet can be added up; kind 'text' keeps them as given
const hours = (key: HoursKey, header: string, width = 8): Column<HoursKey> => ({ key, header, width, kind: 'text' });

const COLUMNS: readonly Column<HoursKey>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  text('name', '姓名', 9),
  text('branch', '所在党支部', 16, 'left'),
  text('role', '身份', 7),
  { key: 'joinDate', header: '入党日期', width: 13, kind: 'date' },
  hours('meeting', '会议学习', 9),
  hours('central', '集中培训', 9),
  hours('online', '网络培训', 9),
  hours('imported', '网络学习', 9),
  hours('total', '合计'),
  hours('required', '应达'),
  { key: 'centralCount', header: '集中培训次数', width: 7, kind: 'count' },
  text('status', '是否达标', 10),
  text('note', '备注', 28, 'left'),
];

export const HOURS_COLUMNS = COLUMNS;

export interface HoursSheetModel {
  title: string;
  subtitle: string;
  all: SheetRow<HoursKey>[];
  branches: { name: string; subtitle: string; rows: SheetRow<HoursKey>[]; total: SheetRow<HoursKey> }[];
  notes: string[];
}

/** Worksheet names: at most 31 characters, none of : \ / ? * [ ], each once. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '党支部';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base}${i}`;
  used.add(n);
  return n;
}

export async function studyHoursWorkbook(m: HoursSheetModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  const used = new Set(['汇总']);
  addSheet(wb, { name: '汇总', title: m.title, subtitle: m.subtitle, columns: COLUMNS, rows: m.all, notes: m.notes, fontSize: 9.5 });
  const perBranch = COLUMNS.filter((c) => c.key !== 'branch');
  for (const b of m.branches)
    addSheet(wb, { name: sheetName(b.name, used), title: `${b.name}${m.title}`, subtitle: b.subtitle, columns: perBranch, rows: b.rows, footerRows: [b.total], notes: m.notes, fontSize: 9.5 });
  return workbookBytes(wb);
}
