/**
 * Scores from a quiz tool's workbook into a new test: every row is checked first
 * (the score a number within 0…full mark, one decimal at most; each person once;
 * each row a member of the roster or a named non-member with their 部门; for a 补考,
 * an earlier failed attempt to link to), and the test is written only when no row
 * has a problem: all or nothing, in one transaction. The sheet is read by the roster
 * import's reader (core/xlsx: streamed, bounded, in a worker).
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { inChunks } from '../../db/chunks.ts';
import { readWorkbook, type ReadOptions } from '../xlsx/parse.ts';
import { filled, halfWidthCompact, idNumberOf, textOf } from '../xlsx/cells.ts';
import type { CellReading } from '../xlsx/cells.ts';
import { SCORE_COLUMN_LABELS, SCORE_VARIANTS, type ScoreCol } from './headers.ts';
import { matchRow, memberDepartment, rosterOn, type Resolution } from './match.ts';
import { findFirstAttempts, type Person } from './retakes.ts';
import { scoreText, toTenths, type TestKind } from './model.ts';

export const MAX_LISTED_PROBLEMS = 200;

export interface ScoreProblem {
  row: number;
  column: string;
  message: string;
}

export interface ScoreRowPreview {
  row: number;
  name: string;
  score: number | null;
  isMember: boolean;
  matchedBy: string | null;
  branch: string | null;
  department: string | null;
  ok: boolean;
}

export interface ScorePreview {
  sheetName: string;
  headerRow: number;
  recognized: string[];
  ignored: string[];
  rows: ScoreRowPreview[];
  problems: ScoreProblem[];
  problemCount: number;
  /** rows the clerk resolves: a name not on the roster, or shared by several members */
  unmatched: { row: number; name: string }[];
  validCount: number;
  invalidCount: number;
  members: number;
  nonMembers: number;
}

export interface TestHead {
  name: string;
  date: string;
  kind: TestKind;
  /** points */
  pass: number;
  full: number;
  drawId?: string;
  note?: string;
}

interface ValidRow extends Person {
  row: number;
  department: string | null;
  branchId: string | null;
  policeNo: string | null;
  phone: string | null;
  idNumber: string | null;
  score: number;
  firstResultId: string | null;
}

const text = (r: CellReading | undefined) => {
  const t = textOf(r, { compact: true });
  return t.ok ? t.value.trim() : '';
};

function readScore(r: CellReading | undefined, fullTenths: number): { tenths: number } | { problem: string } {
  if (!filled(r)) return { problem: '未填写成绩' };
  let v: number;
  if (r!.t === 'number') v = r!.v;
  else {
    const t = textOf(r);
    if (!t.ok) return { problem: t.problem };
    const s = halfWidthCompact(t.value).replace(/分$/, '');
    if (!/^\d+(\.\d+)?$/.test(s)) return { problem: `“${t.value}”不是数字` };
    v = Number(s);
  }
  const tenths = toTenths(v);
  if (tenths === null) return { problem: `${v} 的小数超过一位` };
  if (tenths < 0 || tenths > fullTenths) return { problem: `${v} 不在 0 至 ${scoreText(fullTenths)} 分之间` };
  return { tenths };
}

async function parse(ctx: Ctx, bytes: Uint8Array, head: TestHead, resolve: Map<number, Resolution>, read: ReadOptions, listAll = false) {
  const sheet = await readWorkbook(bytes, { variants: SCORE_VARIANTS, requireAll: ['name', 'score'] }, read);
  if (!sheet) throw new LedgerError('没有找到表头：工作表前 10 行中应有“姓名”和“成绩”（或“得分”“总分”）两列');
  const cols = sheet.columns as Partial<Record<ScoreCol, number>>;
  const fullTenths = toTenths(head.full)!;
  const roster = await rosterOn(ctx.db, head.date);
  const problems: ScoreProblem[] = [];
  const rows: ScoreRowPreview[] = [];
  const unmatched: ScorePreview['unmatched'] = [];
  const valid: ValidRow[] = [];
  const seen = new Map<string, number>();
  for (const sr of sheet.rows) {
    const c = sr.cells as Partial<Record<ScoreCol, CellReading>>;
    if (!Object.values(c).some(filled)) continue;
    const r = sr.row;
    const mine: ScoreProblem[] = [];
    const name = text(c.name);
    if (!name) mine.push({ row: r, column: '姓名', message: '未填写姓名' });
    else if (name.length > 30) mine.push({ row: r, column: '姓名', message: '姓名超过 30 字' });
    const score = readScore(c.score, fullTenths);
    if ('problem' in score) mine.push({ row: r, column: SCORE_COLUMN_LABELS.score, message: score.problem });
    const idr = idNumberOf(c.idNumber);
    const idNumber = idr.ok ? idr.value : '';
    if (!idr.ok) mine.push({ row: r, column: '身份证号', message: idr.problem });
    const phone = halfWidthCompact(text(c.phone));
    const policeNo = halfWidthCompact(text(c.policeNo)) || null;
    const department = text(c.department).slice(0, 50);
    let isMember = false;
    let matchedBy: string | null = null;
    let person: Person | null = null;
    let branchId: string | null = null;
    let dept: string | null = department || null;
    if (name) {
      const m = matchRow(roster, { name, idNumber, phone, department }, resolve.get(r));
      if (m.kind === 'problem') {
        mine.push({ row: r, column: m.column, message: m.message });
        if (m.unmatched) unmatched.push({ row: r, name });
      } else if (m.kind === 'member') {
        isMember = true;
        matchedBy = m.by;
        branchId = m.person.branchId;
        dept = department || memberDepartment(roster, m.person);
        person = { memberId: m.person.id, name: m.person.name, department: dept, policeNo };
      } else {
        matchedBy = '非党员';
        dept = m.department;
        person = { memberId: null, name, department: dept, policeNo };
      }
    }
    if (person) {
      const key = person.memberId ? `m:${person.memberId}` : policeNo ? `p:${policeNo}` : `n:${person.name}|${person.department}`;
      const first = seen.get(key);
      if (first !== undefined) mine.push({ row: r, column: '姓名', message: `与第 ${first} 行是同一人（${person.name}），一次测试每人只有一个成绩` });
      else seen.set(key, r);
    }
    rows.push({ row: r, name, score: 'tenths' in score ? score.tenths / 10 : null, isMember, matchedBy, branch: branchId ? (roster.branchName.get(branchId) ?? null) : null, department: dept, ok: mine.length === 0 });
    if (mine.length) problems.push(...mine);
    else if (person && 'tenths' in score)
      valid.push({ ...person, row: r, department: dept, branchId, policeNo, phone: phone || null, idNumber: idNumber || null, score: score.tenths, firstResultId: null });
  }
  if (head.kind === '补考' && valid.length) {
    const firsts = await findFirstAttempts(ctx.db, valid, head.date);
    for (const v of valid) {
      const f = firsts.get(v);
      if (f) v.firstResultId = f;
      else problems.push({ row: v.row, column: '姓名', message: `没有找到${v.name}在 ${head.date} 之前未合格的测试成绩：补考只登记首次未合格的人员` });
    }
    problems.sort((a, b) => a.row - b.row);
  }
  const bad = new Set(problems.map((p) => p.row));
  for (const row of rows) row.ok = !bad.has(row.row);
  const ok = valid.filter((v) => !bad.has(v.row));
  const preview: ScorePreview = {
    sheetName: sheet.sheetName,
    headerRow: sheet.headerRow,
    recognized: (Object.keys(cols) as ScoreCol[]).map((k) => SCORE_COLUMN_LABELS[k]),
    ignored: sheet.unknown.slice(0, 30),
    rows,
    problems: listAll ? problems : problems.slice(0, MAX_LISTED_PROBLEMS),
    problemCount: problems.length,
    unmatched,
    validCount: ok.length,
    invalidCount: rows.filter((r) => !r.ok).length,
    members: ok.filter((v) => v.memberId).length,
    nonMembers: ok.filter((v) => !v.memberId).length,
  };
  return { preview, valid: ok };
}

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  head: TestHead;
  resolve?: { row: number; memberId?: string; department?: string }[];
}

const resolutions = (list: ImportInput['resolve']) => new Map((list ?? []).map((r) => [r.row, { memberId: r.memberId, department: r.department?.trim() || undefined }]));

export async function previewScores(ctx: Ctx, input: ImportInput, read: ReadOptions = {}): Promise<ScorePreview> {
  return (await parse(ctx, input.bytes, input.head, resolutions(input.resolve), read)).preview;
}

export interface ImportOutcome extends ScorePreview {
  written: boolean;
  testId: string | null;
}

/** All or nothing: with any problem, nothing is written and every problem is returned by row (not only the first 200). */
export async function importScores(ctx: Ctx, input: ImportInput, read: ReadOptions = {}): Promise<ImportOutcome> {
  const { head } = input;
  const { preview, valid } = await parse(ctx, input.bytes, head, resolutions(input.resolve), read, true);
  if (preview.problemCount) return { ...preview, written: false, testId: null };
  if (!valid.length) throw new LedgerError('文件中没有成绩：表头下面没有数据行');
  const testId = ctx.platform.newId();
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.platform.now();
    await tx
      .insertInto('political_tests')
      .values({
        id: testId, name: head.name, test_date: head.date, kind: head.kind, pass_mark: toTenths(head.pass)!, full_mark: toTenths(head.full)!,
        draw_id: head.drawId ?? null, source_file: input.fileName, note: head.note ?? null, created_at: now, updated_at: now, deleted_at: null,
      })
      .execute();
    const values = valid.map((v) => ({
      id: ctx.platform.newId(), test_id: testId, row_no: v.row, member_id: v.memberId, name: v.name, department: v.department, branch_id: v.branchId,
      police_no: v.policeNo, phone: v.phone, id_number: v.idNumber, score: v.score, first_result_id: v.firstResultId, created_at: now,
    }));
    await inChunks(values, 200, (chunk) => tx.insertInto('political_test_results').values(chunk).execute());
    await audit(tx, ctx, {
      entity: 'political_tests',
      entityId: testId,
      action: '导入',
      summary: `从“${input.fileName}”导入${head.kind}“${head.name}”（${head.date}）成绩：党员 ${preview.members} 人，非党员 ${preview.nonMembers} 人`,
      after: { name: head.name, date: head.date, kind: head.kind, pass: head.pass, full: head.full, rows: valid.length },
    });
  });
  return { ...preview, written: true, testId };
}
