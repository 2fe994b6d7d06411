/**
 * Reading tests back: the list of a year, one test's results (with the 补考 that
 * followed a failed result and the first attempt a 补考 makes up for), and the
 * figures a summary quotes: participants, passed, 合格率, 平均分 (half-up, one
 * decimal), highest and lowest, in total and by branch or 部门.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { getSetting } from '../settings/service.ts';
import { averageOf, averageText, passRateOf, percentText, points, type ResultRow, type TestKind, type TestRow } from './model.ts';

type TestRecord = { id: string; name: string; test_date: string; kind: string; pass_mark: number; full_mark: number; draw_id: string | null; source_file: string | null; note: string | null };

export interface Figures {
  participants: number;
  members: number;
  nonMembers: number;
  passed: number;
  passRate: number | null;
  average: number | null;
  max: number | null;
  min: number | null;
}

export interface GroupFigures extends Figures {
  name: string;
}

export interface TestStats extends Figures {
  test: TestRow;
  byBranch: GroupFigures[];
  byDepartment: GroupFigures[];
  /** 全局共99名民警参加全员普测，合格率100%，平均分97.6 */
  sentence: string;
}

export function figuresOf(scores: readonly { score: number; isMember: boolean }[], passMark: number): Figures {
  const tenths = scores.map((s) => s.score);
  const passed = scores.filter((s) => s.score >= passMark).length;
  return {
    participants: scores.length,
    members: scores.filter((s) => s.isMember).length,
    nonMembers: scores.filter((s) => !s.isMember).length,
    passed,
    passRate: passRateOf(passed, scores.length),
    average: averageOf(tenths),
    max: tenths.length ? points(Math.max(...tenths)) : null,
    min: tenths.length ? points(Math.min(...tenths)) : null,
  };
}

async function testRecord(ctx: Ctx, id: string): Promise<TestRecord> {
  const t = await ctx.db.selectFrom('political_tests').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!t) throw new LedgerError('找不到这次测试，可能已被删除');
  return t;
}

const headOf = (t: TestRecord, f: Pick<Figures, 'participants' | 'passed' | 'passRate' | 'average'>): TestRow => ({
  id: t.id, name: t.name, testDate: t.test_date, kind: t.kind as TestKind, passMark: points(t.pass_mark), fullMark: points(t.full_mark), drawId: t.draw_id,
  sourceFile: t.source_file, note: t.note, participants: f.participants, passed: f.passed, passRate: f.passRate, average: f.average,
});

export async function listTests(ctx: Ctx, q: { year?: number }): Promise<TestRow[]> {
  let query = ctx.db.selectFrom('political_tests').selectAll().where('deleted_at', 'is', null);
  if (q.year) query = query.where('test_date', '>=', `${q.year}-01-01`).where('test_date', '<=', `${q.year}-12-31`);
  const tests = await query.orderBy('test_date', 'desc').orderBy('created_at', 'desc').execute();
  if (!tests.length) return [];
  const scores = await ctx.db
    .selectFrom('political_test_results')
    .select(['test_id', 'score', 'member_id'])
    .where('test_id', 'in', tests.map((t) => t.id))
    .execute();
  const byTest = new Map<string, { score: number; isMember: boolean }[]>();
  for (const s of scores) {
    const list = byTest.get(s.test_id) ?? [];
    list.push({ score: s.score, isMember: s.member_id !== null });
    byTest.set(s.test_id, list);
  }
  return tests.map((t) => headOf(t, figuresOf(byTest.get(t.id) ?? [], t.pass_mark)));
}

export async function testResults(ctx: Ctx, id: string): Promise<{ test: TestRow; results: ResultRow[] }> {
  const t = await testRecord(ctx, id);
  const rows = await ctx.db
    .selectFrom('political_test_results as r')
    .leftJoin('org_units as o', 'o.id', 'r.branch_id')
    .select(['r.id', 'r.row_no', 'r.member_id', 'r.name', 'r.department', 'r.branch_id', 'o.name as branch', 'r.police_no', 'r.score', 'r.first_result_id'])
    .where('r.test_id', '=', id)
    .orderBy('r.row_no')
    .execute();
  const firstIds = rows.map((r) => r.first_result_id).filter((x): x is string => !!x);
  const linked = await ctx.db
    .selectFrom('political_test_results as r')
    .innerJoin('political_tests as t', 't.id', 'r.test_id')
    .select(['r.id', 'r.first_result_id', 'r.score', 't.id as testId', 't.name as testName', 't.test_date as testDate', 't.pass_mark as passMark'])
    .where('t.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('r.id', 'in', firstIds.length ? firstIds : ['']), eb('r.first_result_id', 'in', rows.length ? rows.map((r) => r.id) : [''])]))
    .execute();
  const byId = new Map(linked.map((l) => [l.id, l]));
  const retakeOf = new Map(linked.filter((l) => l.first_result_id).map((l) => [l.first_result_id!, l]));
  const results: ResultRow[] = rows.map((r) => {
    const f = r.first_result_id ? byId.get(r.first_result_id) : undefined;
    const k = retakeOf.get(r.id);
    return {
      id: r.id, row: r.row_no, memberId: r.member_id, isMember: r.member_id !== null, name: r.name, department: r.department, branchId: r.branch_id, branch: r.branch ?? null,
      policeNo: r.police_no, score: points(r.score), passed: r.score >= t.pass_mark,
      firstAttempt: f ? { resultId: f.id, testId: f.testId, testName: f.testName, testDate: f.testDate, score: points(f.score) } : null,
      retake: k ? { resultId: k.id, testId: k.testId, testName: k.testName, testDate: k.testDate, score: points(k.score), passed: k.score >= k.passMark } : null,
    };
  });
  const fig = figuresOf(rows.map((r) => ({ score: r.score, isMember: r.member_id !== null })), t.pass_mark);
  return { test: headOf(t, fig), results };
}

function groups(rows: { score: number; isMember: boolean; key: string }[], passMark: number): GroupFigures[] {
  const by = new Map<string, { score: number; isMember: boolean }[]>();
  for (const r of rows) by.set(r.key, [...(by.get(r.key) ?? []), r]);
  // the named groups in Chinese order, then 非党员 / 未填部门 last
  const last = (n: string) => (n === '非党员' || n === '未填部门' ? 1 : 0);
  return [...by.entries()].map(([name, list]) => ({ name, ...figuresOf(list, passMark) })).sort((a, b) => last(a.name) - last(b.name) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}

export async function testStats(ctx: Ctx, id: string): Promise<TestStats> {
  const t = await testRecord(ctx, id);
  const rows = await ctx.db
    .selectFrom('political_test_results as r')
    .leftJoin('org_units as o', 'o.id', 'r.branch_id')
    .select(['r.score', 'r.member_id', 'r.department', 'o.name as branch'])
    .where('r.test_id', '=', id)
    .execute();
  const scores = rows.map((r) => ({ score: r.score, isMember: r.member_id !== null }));
  const fig = figuresOf(scores, t.pass_mark);
  const word = (await getSetting<string>(ctx.db, 'tests.participantWord')) || '民警';
  const head = headOf(t, fig);
  return {
    ...fig,
    test: head,
    byBranch: groups(rows.map((r, i) => ({ ...scores[i], key: r.branch ?? '非党员' })), t.pass_mark),
    byDepartment: groups(rows.map((r, i) => ({ ...scores[i], key: r.department || '未填部门' })), t.pass_mark),
    sentence: summarySentence(head.kind, fig, word),
  };
}

/** The sentence a work summary quotes, as the example summary words it. */
export function summarySentence(kind: TestKind, f: Figures, word = '民警'): string {
  const tail = `合格率${percentText(f.passRate)}，平均分${averageText(f.average)}`;
  if (kind === '全员普测') return `全局共${f.participants}名${word}参加全员普测，${tail}`;
  return `${kind}共${f.participants}人参加，${tail}`;
}
