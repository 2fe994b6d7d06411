/**
 * Ratings by branch from a workbook: 姓名 (and 身份证号 when two members share a name) and 等次, the header found
 * in the first 10 rows by variants (the score import's, core/tests/headers.ts). Each row is matched to a member
 * (core/tests/match.ts), who must be on the roster of their branch on its meeting day; the rows of a branch
 * become (or update) that branch's evaluation of the year, on its 民主评议党员 meeting. Grades of an older
 * scheme (好/中/差) are mapped with a warning (rules.ts LEGACY_GRADES); a 预备党员 with a grade, an unknown
 * grade, a branch without the meeting are problems by row. All or nothing: any problem and nothing is written.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { readWorkbook, type ReadOptions } from '../xlsx/parse.ts';
import { filled, halfWidthCompact, idNumberOf, textOf, type CellReading } from '../xlsx/cells.ts';
import { SCORE_VARIANTS } from '../tests/headers.ts';
import { matchRow, rosterOn } from '../tests/match.ts';
import { rosterOfOrgOn, type RosterEntry } from '../activities/roster.ts';
import { GRADES, LEGACY_GRADES, type Grade } from './rules.ts';
import { evaluationView, meetingsOf } from './queries.ts';
import { saveEvaluationTx, type RatingInput } from './service.ts';

type Col = 'name' | 'grade' | 'idNumber' | 'phone' | 'reason' | 'problems';
const GRADE_NAMES = ['等次', '评议等次', '评定等次', '评议结果', '测评结果', '等级', '评议等级', '民主评议等次'];
const REASON_NAMES = ['未参加原因', '未参加评议原因', '缺席原因'];
const PROBLEM_NAMES = ['存在问题', '主要问题', '存在的问题'];
const withColons = (names: string[]) => [...names, ...names.flatMap((n) => [`${n}：`, `${n}:`])];
const VARIANTS: Record<Col, string[]> = {
  name: SCORE_VARIANTS.name,
  idNumber: SCORE_VARIANTS.idNumber,
  phone: SCORE_VARIANTS.phone,
  grade: withColons(GRADE_NAMES),
  reason: withColons(REASON_NAMES),
  problems: withColons(PROBLEM_NAMES),
};
const NO_GRADE = ['预备党员，不定等次', '预备党员,不定等次', '不定等次', '预备党员'];
const ABSENT = ['未参加', '未参评', '未参加评议'];

export interface EvaluationProblem {
  row: number;
  column: string;
  message: string;
}

export interface EvaluationImportPreview {
  sheetName: string;
  headerRow: number;
  rows: { row: number; name: string; branch: string | null; grade: Grade | null; result: string; ok: boolean }[];
  problems: EvaluationProblem[];
  warnings: EvaluationProblem[];
  branches: { branch: string; heldOn: string; rows: number; ratings: Record<Grade, number> }[];
}

const text = (r: CellReading | undefined) => {
  const t = textOf(r, { compact: true });
  return t.ok ? t.value.trim() : '';
};

type Read = { grade: Grade | null; absent: boolean; warning?: string } | { problem: string };
function readGrade(raw: string): Read {
  const s = halfWidthCompact(raw).replace(/\s/g, '');
  if (!s || NO_GRADE.includes(s)) return { grade: null, absent: false };
  if (ABSENT.includes(s)) return { grade: null, absent: true };
  if ((GRADES as readonly string[]).includes(s)) return { grade: s as Grade, absent: false };
  const legacy = LEGACY_GRADES[s];
  if (legacy) return { grade: legacy.grade, absent: false, warning: legacy.warning };
  return { problem: `“${raw}”不是等次：应为 优秀、合格、基本合格 或 不合格` };
}

async function parse(ctx: Ctx, bytes: Uint8Array, year: number, read: ReadOptions) {
  const sheet = await readWorkbook(bytes, { variants: VARIANTS, requireAll: ['name', 'grade'] }, read);
  if (!sheet) throw new LedgerError('没有找到表头：工作表前 10 行中应有“姓名”和“等次”两列');
  const today = ctx.platform.today();
  const roster = await rosterOn(ctx.db, `${year}-12-31` < today ? `${year}-12-31` : today);
  const problems: EvaluationProblem[] = [];
  const warnings: EvaluationProblem[] = [];
  const rows: EvaluationImportPreview['rows'] = [];
  const byBranch = new Map<string, { heldOn: string; activityId: string | null; roster: RosterEntry[]; lines: (RatingInput & { row: number })[] }>();
  const day = new Map<string, { heldOn: string; activityId: string | null; roster: RosterEntry[] } | null>();
  const seen = new Map<string, number>();
  for (const sr of sheet.rows) {
    const c = sr.cells as Partial<Record<Col, CellReading>>;
    if (!Object.values(c).some(filled)) continue;
    const r = sr.row;
    const mine: EvaluationProblem[] = [];
    const name = text(c.name);
    if (!name) mine.push({ row: r, column: '姓名', message: '未填写姓名' });
    const g = readGrade(text(c.grade));
    if ('problem' in g) mine.push({ row: r, column: '等次', message: g.problem });
    else if (g.warning) warnings.push({ row: r, column: '等次', message: g.warning });
    const idr = idNumberOf(c.idNumber);
    if (!idr.ok) mine.push({ row: r, column: '身份证号', message: idr.problem });
    let branch: string | null = null;
    let result = 'problem' in g ? '' : g.absent ? '未参加' : g.grade ?? '不定等次';
    if (name) {
      const m = matchRow(roster, { name, idNumber: idr.ok ? idr.value : '', phone: halfWidthCompact(text(c.phone)), department: '' });
      if (m.kind === 'member') {
        const p = m.person;
        branch = roster.branchName.get(p.branchId) ?? null;
        const first = seen.get(p.id);
        if (first !== undefined) mine.push({ row: r, column: '姓名', message: `与第 ${first} 行是同一人（${name}），请合并为一行` });
        else seen.set(p.id, r);
        if (!day.has(p.branchId)) {
          const existing = await evaluationView(ctx.db, { year, branchId: p.branchId });
          const heldOn = existing.id ? existing.heldOn : (await meetingsOf(ctx.db, p.branchId, year))[0]?.heldOn ?? null;
          day.set(p.branchId, heldOn ? { heldOn, activityId: existing.activityId, roster: await rosterOfOrgOn(ctx.db, p.branchId, heldOn) } : null);
        }
        const d = day.get(p.branchId);
        const entry = d?.roster.find((x) => x.memberId === p.id);
        if (!d) mine.push({ row: r, column: '姓名', message: `${branch}${year}年没有民主评议党员会议记录：请先在组织生活中记录这次会议` });
        else if (!entry) mine.push({ row: r, column: '姓名', message: `${name}不在${branch}${d.heldOn}民主评议时的名册中` });
        else if (!('problem' in g)) {
          const reason = text(c.reason);
          if (entry.partyStatus === '预备' && g.grade) mine.push({ row: r, column: '等次', message: `${name}是预备党员：预备党员，不定等次` });
          if (g.absent && !reason) mine.push({ row: r, column: '未参加原因', message: `请填写${name}未参加评议的原因` });
          if (!g.absent && !g.grade && entry.partyStatus === '正式') mine.push({ row: r, column: '等次', message: `${name}是正式党员，未填写等次` });
          if (entry.partyStatus === '预备' && !g.absent) result = '预备党员，不定等次';
          if (!mine.length) {
            const b = byBranch.get(p.branchId) ?? { ...d, lines: [] };
            byBranch.set(p.branchId, b);
            b.lines.push({ row: r, memberId: p.id, grade: g.grade, tookPart: !g.absent, absenceReason: g.absent ? reason : null, problems: text(c.problems) || null });
          }
        }
      } else if (m.kind === 'problem') mine.push({ row: r, column: m.column, message: roster.byName.has(name) ? m.message : `花名册中没有“${name}”，请核对姓名` });
    }
    rows.push({ row: r, name, branch, grade: 'problem' in g ? null : g.grade, result, ok: mine.length === 0 });
    problems.push(...mine);
  }
  const preview: EvaluationImportPreview = {
    sheetName: sheet.sheetName, headerRow: sheet.headerRow, rows, problems, warnings,
    branches: [...byBranch.entries()].map(([id, b]) => ({
      branch: roster.branchName.get(id) ?? '', heldOn: b.heldOn, rows: b.lines.length,
      ratings: Object.fromEntries(GRADES.map((gr) => [gr, b.lines.filter((l) => l.grade === gr).length])) as Record<Grade, number>,
    })),
  };
  return { preview, byBranch };
}

export interface EvaluationImportInput {
  bytes: Uint8Array;
  fileName: string;
  year: number;
}

export async function previewEvaluationImport(ctx: Ctx, input: EvaluationImportInput, read: ReadOptions = {}): Promise<EvaluationImportPreview> {
  return (await parse(ctx, input.bytes, input.year, read)).preview;
}

/** All or nothing: with any problem nothing is written and every problem is returned by row. */
export async function importEvaluation(ctx: Ctx, input: EvaluationImportInput, read: ReadOptions = {}): Promise<EvaluationImportPreview & { written: boolean }> {
  const { preview, byBranch } = await parse(ctx, input.bytes, input.year, read);
  if (preview.problems.length) return { ...preview, written: false };
  if (!byBranch.size) throw new LedgerError('文件中没有评议等次：表头下面没有数据行');
  await ctx.db.transaction().execute(async (tx) => {
    for (const [branchId, b] of byBranch) {
      const current = await evaluationView(tx, { year: input.year, branchId });
      const given = new Map(b.lines.map((l) => [l.memberId, l]));
      // lines already recorded and not in the file stay as they are
      const kept: RatingInput[] = current.id ? current.lines.filter((l) => !given.has(l.memberId)).map((l) => ({ memberId: l.memberId, grade: l.grade, tookPart: l.tookPart, absenceReason: l.absenceReason, votes: l.votes, problems: l.problems })) : [];
      const fromFile = b.lines.map(({ row: _row, ...l }) => ({ ...l, votes: current.lines.find((x) => x.memberId === l.memberId)?.votes ?? null }));
      const steps = current.id ? current.steps : [];
      await saveEvaluationTx(tx, ctx, {
        year: input.year, branchId, activityId: b.activityId, heldOn: b.heldOn, ballotsIssued: current.ballotsIssued, ballotsReturned: current.ballotsReturned,
        ballotsInvalid: current.ballotsInvalid, ballotsBlank: current.ballotsBlank, steps, note: current.note ?? `从“${input.fileName}”导入`, ratings: [...kept, ...fromFile],
      });
    }
  });
  return { ...preview, written: true };
}
