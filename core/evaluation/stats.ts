/**
 * The figures a work summary quotes: "评议党员98名，评为优秀28名、合格68名、基本合格1名、不合格1名"
 * — over the branches that held an evaluation in the year (or one branch), formal members who took
 * part, with the 预备党员 who took part and got no grade named apart.
 */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { GRADES, excellentLimit, gradeSchemeOn, type Grade } from './rules.ts';

export interface EvaluationStats {
  year: number;
  branches: number;
  /** formal members who took part */
  evaluated: number;
  probationary: number;
  absent: number;
  unrated: number;
  ratings: Record<Grade, number>;
  byBranch: { branchId: string; branch: string; heldOn: string; formalMembers: number; ratings: Record<Grade, number>; excellentLimit: number; over: boolean }[];
  sentence: string;
}

export async function evaluationStats(ctx: Ctx, q: { year: number; branchId?: string }): Promise<EvaluationStats> {
  let query = ctx.db
    .selectFrom('evaluation_ratings as r')
    .innerJoin('evaluations as e', 'e.id', 'r.evaluation_id')
    .innerJoin('org_units as o', 'o.id', 'e.branch_id')
    .select(['e.branch_id', 'o.name as branch', 'o.sort_order', 'e.held_on', 'r.grade', 'r.took_part', 'r.party_status'])
    .where('e.year', '=', q.year)
    .where('e.deleted_at', 'is', null);
  if (q.branchId) query = query.where('e.branch_id', '=', q.branchId);
  const rows = await query.orderBy('o.sort_order').execute();
  const zero = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  const ratings = zero();
  const by = new Map<string, EvaluationStats['byBranch'][number]>();
  let evaluated = 0, probationary = 0, absent = 0, unrated = 0;
  for (const r of rows) {
    const b = by.get(r.branch_id) ?? { branchId: r.branch_id, branch: r.branch, heldOn: r.held_on, formalMembers: 0, ratings: zero(), excellentLimit: 0, over: false };
    by.set(r.branch_id, b);
    if (r.party_status === '正式') b.formalMembers++;
    if (!r.took_part) absent++;
    else if (r.party_status === '预备') probationary++;
    else {
      evaluated++;
      if (r.grade) {
        ratings[r.grade as Grade]++;
        b.ratings[r.grade as Grade]++;
      } else unrated++;
    }
  }
  for (const b of by.values()) {
    b.excellentLimit = excellentLimit(b.formalMembers, gradeSchemeOn(b.heldOn));
    b.over = b.ratings['优秀'] > b.excellentLimit;
  }
  const word = (await getSetting<string>(ctx.db, 'evaluation.memberWord')) || '党员';
  const graded = GRADES.filter((g) => ratings[g] > 0 || g === '优秀' || g === '合格').map((g) => `${g}${ratings[g]}名`);
  const sentence = rows.length
    ? `评议${word}${evaluated}名，评为${graded.join('、')}${probationary ? `；${probationary}名预备党员参加评议，不定等次` : ''}`
    : `${q.year}年尚未登记民主评议党员`;
  return { year: q.year, branches: by.size, evaluated, probationary, absent, unrated, ratings, byBranch: [...by.values()], sentence };
}
