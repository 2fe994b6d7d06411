/**
 * The 民主评议 grades of a year as points facts, read through the evaluation area's own query
 * (core/evaluation/queries.ts `yearRatings`); 预备党员 (no grade) and members who took no part give no fact.
 * The contract carries no date, so the line is dated on the year's last day (or today, in a running year).
 */
import type { Tx } from '../audit/service.ts';
import { yearRatings } from '../evaluation/queries.ts';
import type { Fact } from './score.ts';

export async function ratingFacts(tx: Tx, year: number, asOf: string): Promise<Map<string, Fact[]>> {
  const out = new Map<string, Fact[]>();
  for (const r of await yearRatings(tx, year)) {
    if (!r.grade || !r.tookPart) continue;
    out.set(r.memberId, [...(out.get(r.memberId) ?? []), { kind: 'rating', grade: r.grade, date: asOf, id: null, text: `${year}年民主评议党员：${r.grade}` }]);
  }
  return out;
}
