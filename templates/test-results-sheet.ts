/**
 * 测试成绩统计表 and 抽测名单 (政治理论测试, core/tests/export.ts builds the models):
 * the scores of one test with each person's 党支部 or 部门 and whether they passed
 * (a 补考 beside the failed first attempt), then the figures a summary quotes in
 * total and by branch and 部门; and the names of a draw with its seed.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

const text = <K extends string>(key: K, header: string, width: number, align?: 'left'): Column<K> => ({ key, header, width, kind: 'text', align });
const count = <K extends string>(key: K, header: string, width = 8): Column<K> => ({ key, header, width, kind: 'count' });
const percent = <K extends string>(key: K, header: string, width = 8): Column<K> => ({ key, header, width, kind: 'percent' });

export type ResultKey = 'no' | 'name' | 'identity' | 'branch' | 'department' | 'score' | 'passed' | 'note';
export const RESULT_COLUMNS: readonly Column<ResultKey>[] = [
  count('no', '序号', 6),
  text('name', '姓名', 10),
  text('identity', '身份', 8),
  text('branch', '所在党支部', 20, 'left'),
  text('department', '部门', 16, 'left'),
  { key: 'score', header: '成绩', width: 8, kind: 'text' },
  text('passed', '是否合格', 9),
  text('note', '备注', 30, 'left'),
];

export type FigureKey = 'group' | 'name' | 'participants' | 'members' | 'nonMembers' | 'passed' | 'passRate' | 'average' | 'max' | 'min';
export const FIGURE_COLUMNS: readonly Column<FigureKey>[] = [
  text('group', '统计方式', 10),
  text('name', '党支部／部门', 22, 'left'),
  count('participants', '参加人数'),
  count('members', '其中党员'),
  count('nonMembers', '非党员'),
  count('passed', '合格人数'),
  percent('passRate', '合格率', 9),
  { key: 'average', header: '平均分', width: 8, kind: 'text' },
  { key: 'max', header: '最高分', width: 8, kind: 'text' },
  { key: 'min', header: '最低分', width: 8, kind: 'text' },
];

export interface TestResultsModel {
  title: string;
  subtitle: string;
  results: SheetRow<ResultKey>[];
  figures: SheetRow<FigureKey>[];
  total: SheetRow<FigureKey>;
  notes: string[];
}

export async function testResultsWorkbook(m: TestResultsModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '成绩', title: m.title, subtitle: m.subtitle, columns: RESULT_COLUMNS, rows: m.results, notes: m.notes, landscape: false });
  addSheet(wb, { name: '统计', title: `${m.title}（统计）`, subtitle: m.subtitle, columns: FIGURE_COLUMNS, rows: m.figures, footerRows: [m.total], notes: m.notes });
  return workbookBytes(wb);
}

export type DrawKey = 'no' | 'name' | 'branch' | 'department' | 'signature';
export const DRAW_COLUMNS: readonly Column<DrawKey>[] = [
  count('no', '序号', 6),
  text('name', '姓名', 12),
  text('branch', '所在党支部', 22, 'left'),
  text('department', '部门', 18, 'left'),
  text('signature', '签到', 14),
];

export interface DrawListModel {
  title: string;
  subtitle: string;
  rows: SheetRow<DrawKey>[];
  notes: string[];
}

export async function drawListWorkbook(m: DrawListModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '抽测名单', title: m.title, subtitle: m.subtitle, columns: DRAW_COLUMNS, rows: m.rows, notes: m.notes, landscape: false, minRowHeight: 23 });
  return workbookBytes(wb);
}
