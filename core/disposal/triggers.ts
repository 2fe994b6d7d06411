/**
 * The 处置 trigger from 民主评议: the year's members rated 不合格, read through the evaluation area's
 * contract (core/evaluation/queries.ts yearRatings), with the rating's id for the case's link.
 */
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { yearRatings } from '../evaluation/queries.ts';

export interface FailedRating {
  ratingId: string;
  year: number;
  memberId: string;
  name: string;
  branch: string;
}

export async function failedRatings(tx: Tx, year: number): Promise<FailedRating[]> {
  const failed = (await yearRatings(tx, year)).filter((r) => r.grade === '不合格');
  if (!failed.length) return [];
  const ids = failed.map((r) => r.memberId);
  const rows = await tx
    .selectFrom('evaluation_ratings as r')
    .innerJoin('evaluations as e', 'e.id', 'r.evaluation_id')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .innerJoin('org_units as o', 'o.id', 'e.branch_id')
    .select(['r.id', 'r.member_id', 'm.name', 'o.name as branch'])
    .where('e.year', '=', year)
    .where('e.deleted_at', 'is', null)
    .where('r.grade', '=', '不合格')
    .where('r.member_id', 'in', ids)
    .execute();
  return rows.map((r) => ({ ratingId: r.id, year, memberId: r.member_id, name: r.name, branch: r.branch }));
}

/** A case started from a rating must name a 不合格 rating of that member. */
export async function checkRating(tx: Tx, memberId: string, ratingId: string | null | undefined): Promise<void> {
  if (!ratingId) throw new LedgerError('请选择该党员被评为不合格的民主评议', 'ratingId');
  const r = await tx
    .selectFrom('evaluation_ratings as r')
    .innerJoin('evaluations as e', 'e.id', 'r.evaluation_id')
    .select(['r.member_id', 'r.grade', 'e.year'])
    .where('r.id', '=', ratingId)
    .where('e.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!r || r.member_id !== memberId || r.grade !== '不合格') throw new LedgerError('所选民主评议中该党员不是“不合格”等次', 'ratingId');
}
