/**
 * 民主评议党员 worksheets (core/evaluation/export.ts builds the models):
 * - the 民主测评表, one ballot for the meeting (evaluation.md 9.2 simple form): 序号 | 党员姓名 | 优秀 | 合格 |
 *   基本合格 | 不合格 (tick boxes) | 存在问题, a 预备党员's boxes struck through and "预备党员，不定等次" in 备注;
 *   portrait, rows tall enough to tick and write by hand;
 * - the 结果汇总表: per member the votes per grade and the grade, the ballots and the figures, one sheet per
 *   branch, with a 各支部汇总 sheet when the whole year is exported.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export type BallotKey = 'no' | 'name' | 'excellent' | 'qualified' | 'basic' | 'unqualified' | 'problems' | 'note';
export const TICK = '□';

const BALLOT_COLUMNS: readonly Column<BallotKey>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  { key: 'name', header: '党员姓名', width: 10, kind: 'text' },
  { key: 'excellent', header: '优秀', width: 6, kind: 'text' },
  { key: 'qualified', header: '合格', width: 6, kind: 'text' },
  { key: 'basic', header: '基本合格', width: 8, kind: 'text' },
  { key: 'unqualified', header: '不合格', width: 7, kind: 'text' },
  { key: 'problems', header: '存在问题', width: 26, kind: 'text', align: 'left' },
  { key: 'note', header: '备注', width: 14, kind: 'text' },
];

export interface BallotModel {
  title: string;
  subtitle: string;
  rows: SheetRow<BallotKey>[];
  notes: string[];
}

export async function ballotWorkbook(m: BallotModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '民主测评表', title: m.title, subtitle: m.subtitle, columns: BALLOT_COLUMNS, rows: m.rows, notes: m.notes, landscape: false, minRowHeight: 24 });
  return workbookBytes(wb);
}

export type ResultKey = 'no' | 'name' | 'status' | 'excellent' | 'qualified' | 'basic' | 'unqualified' | 'result' | 'problems';
const votes = (key: ResultKey, header: string): Column<ResultKey> => ({ key, header, width: 7, kind: 'count' });
const RESULT_COLUMNS: readonly Column<ResultKey>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  { key: 'name', header: '姓名', width: 9, kind: 'text' },
  { key: 'status', header: '党员类别', width: 8, kind: 'text' },
  votes('excellent', '优秀票'),
  votes('qualified', '合格票'),
  votes('basic', '基本合格票'),
  votes('unqualified', '不合格票'),
  { key: 'result', header: '评议等次', width: 18, kind: 'text' },
  { key: 'problems', header: '存在问题', width: 26, kind: 'text', align: 'left' },
];

export type BranchKey = 'no' | 'branch' | 'heldOn' | 'formal' | 'probationary' | 'excellent' | 'qualified' | 'basic' | 'unqualified' | 'limit' | 'note';
const BRANCH_COLUMNS: readonly Column<BranchKey>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  { key: 'branch', header: '党支部', width: 18, kind: 'text', align: 'left' },
  { key: 'heldOn', header: '评议日期', width: 14, kind: 'date' },
  { key: 'formal', header: '正式党员', width: 8, kind: 'count' },
  { key: 'probationary', header: '预备党员', width: 8, kind: 'count' },
  { key: 'excellent', header: '优秀', width: 6, kind: 'count' },
  { key: 'qualified', header: '合格', width: 6, kind: 'count' },
  { key: 'basic', header: '基本合格', width: 8, kind: 'count' },
  { key: 'unqualified', header: '不合格', width: 7, kind: 'count' },
  { key: 'limit', header: '优秀上限', width: 8, kind: 'count' },
  { key: 'note', header: '备注', width: 24, kind: 'text', align: 'left' },
];

export interface ResultSheet {
  name: string;
  title: string;
  subtitle: string;
  rows: SheetRow<ResultKey>[];
  total: SheetRow<ResultKey>;
  notes: string[];
}

export interface ResultsModel {
  overview: { title: string; subtitle: string; rows: SheetRow<BranchKey>[]; total: SheetRow<BranchKey>; notes: string[] } | null;
  branches: ResultSheet[];
}

function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '党支部';
  let n = base;
  for (let i = 2; used.has(n); i++) n = `${base}${i}`;
  used.add(n);
  return n;
}

export async function resultsWorkbook(m: ResultsModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  const used = new Set<string>();
  if (m.overview) {
    used.add('各支部汇总');
    addSheet(wb, { name: '各支部汇总', title: m.overview.title, subtitle: m.overview.subtitle, columns: BRANCH_COLUMNS, rows: m.overview.rows, footerRows: [m.overview.total], notes: m.overview.notes, fontSize: 10 });
  }
  for (const b of m.branches) addSheet(wb, { name: sheetName(b.name, used), title: b.title, subtitle: b.subtitle, columns: RESULT_COLUMNS, rows: b.rows, footerRows: [b.total], notes: b.notes, fontSize: 10 });
  return workbookBytes(wb);
}
