/**
 * Read-only: every member's results of the tests held in a year, passed or not (score ≥ the test's pass
 * mark), for the areas that reward a pass (core/points). Scores in tenths. Writes nothing.
 */
import type { Tx } from '../audit/service.ts';

export interface MemberTestResult {
  resultId: string;
  testId: string;
  memberId: string;
  testName: string;
  testDate: string;
  kind: string;
  score: number;
  passMark: number;
  passed: boolean;
}

export async function memberTestResults(tx: Tx, year: number): Promise<MemberTestResult[]> {
  const rows = await tx
    .selectFrom('political_test_results as r')
    .innerJoin('political_tests as t', 't.id', 'r.test_id')
    .select(['r.id', 'r.test_id', 'r.member_id', 't.name', 't.test_date', 't.kind', 'r.score', 't.pass_mark'])
    .where('t.deleted_at', 'is', null)
    .where('r.member_id', 'is not', null)
    .where('t.test_date', '>=', `${year}-01-01`)
    .where('t.test_date', '<=', `${year}-12-31`)
    .orderBy('t.test_date')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    resultId: r.id, testId: r.test_id, memberId: r.member_id!, testName: r.name, testDate: r.test_date, kind: r.kind, score: r.score, passMark: r.pass_mark, passed: r.score >= r.pass_mark,
  }));
}
