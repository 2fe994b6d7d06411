/**
 * The workflow of a branch-year: 自评 → 党委考评 → 审核 → 公示 (days, the scheme's, default 5) → 命名, each
 * with its date, in order; 命名 only after the 公示 has run its days, and it freezes the stars and score
 * of that day (the next year's 升星/降星 compares with them). The only writer of `star_reviews`.
 */
import type { Tx } from '../audit/service.ts';
import { audit } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { addDays } from '../../common/dates.ts';
import { LedgerError } from '../errors.ts';
import type { StarReviewsTable } from '../../db/schema.ts';
import { pointsText, toTenths } from './model.ts';

export interface Review {
  selfOn: string | null;
  selfScore: number | null;
  committeeOn: string | null;
  auditOn: string | null;
  publicityFrom: string | null;
  publicityDays: number | null;
  /** the last day of the 公示 */
  publicityTo: string | null;
  namedOn: string | null;
  namedStars: number | null;
  namedScore: number | null;
  note: string | null;
  stage: string;
}

export interface ReviewInput {
  year: number;
  branchId: string;
  selfOn: string | null;
  selfScore: number | null;
  committeeOn: string | null;
  auditOn: string | null;
  publicityFrom: string | null;
  publicityDays: number | null;
  note: string | null;
}

const lastDay = (from: string | null, days: number | null) => (from && days ? addDays(from, days - 1) : null);

function stageOf(r: Omit<Review, 'stage'>, today: string): string {
  if (r.namedOn) return '已命名';
  if (r.publicityFrom && r.publicityTo) return today > r.publicityTo ? '公示期满，待命名' : today >= r.publicityFrom ? '公示中' : '待公示';
  if (r.auditOn) return '已审核，待公示';
  if (r.committeeOn) return '党委已考评，待审核';
  if (r.selfOn) return '已自评，待党委考评';
  return '未开始';
}

function toReview(r: StarReviewsTable, today: string): Review {
  const base = {
    selfOn: r.self_on, selfScore: r.self_score === null ? null : r.self_score / 10, committeeOn: r.committee_on, auditOn: r.audit_on,
    publicityFrom: r.publicity_from, publicityDays: r.publicity_days, publicityTo: lastDay(r.publicity_from, r.publicity_days),
    namedOn: r.named_on, namedStars: r.named_stars, namedScore: r.named_score === null ? null : r.named_score / 10, note: r.note,
  };
  return { ...base, stage: stageOf(base, today) };
}

export async function loadReviews(tx: Tx, year: number, today = '9999-12-31'): Promise<Map<string, Review>> {
  const rows = await tx.selectFrom('star_reviews').selectAll().where('year', '=', year).execute();
  return new Map(rows.map((r) => [r.branch_id, toReview(r, today)]));
}

const ORDER: [keyof ReviewInput, string][] = [['selfOn', '自评日期'], ['committeeOn', '党委考评日期'], ['auditOn', '审核日期'], ['publicityFrom', '公示开始日期']];

function check(r: ReviewInput, named: boolean): void {
  let prev: { on: string; label: string } | null = null;
  for (const [k, label] of ORDER) {
    const on = r[k] as string | null;
    if (!on) {
      const later = ORDER.slice(ORDER.findIndex(([x]) => x === k) + 1).find(([x]) => r[x]);
      if (later) throw new LedgerError(`填写“${later[1]}”前应先填写“${label}”`, k);
      continue;
    }
    if (!on.startsWith(String(r.year)) && !on.startsWith(String(r.year + 1))) throw new LedgerError(`“${label}”应在${r.year}年或${r.year + 1}年`, k);
    if (prev && on < prev.on) throw new LedgerError(`“${label}”不能早于“${prev.label}”（${prev.on}）`, k);
    prev = { on, label };
  }
  if (r.publicityFrom && !r.publicityDays) throw new LedgerError('请填写公示天数', 'publicityDays');
  if (r.selfScore !== null && toTenths(r.selfScore) === null) throw new LedgerError('自评得分最多保留一位小数', 'selfScore');
  if (named) throw new LedgerError('已命名的评星结果不能再修改流程日期', 'namedOn');
}

export async function saveReview(ctx: Ctx, r: ReviewInput, tx?: Tx): Promise<Review> {
  const run = async (t: Tx) => {
    const branch = await t.selectFrom('org_units').select(['id', 'name']).where('id', '=', r.branchId).where('kind', '=', '党支部').where('deleted_at', 'is', null).executeTakeFirst();
    if (!branch) throw new LedgerError('找不到这个党支部', 'branchId');
    const before = await t.selectFrom('star_reviews').selectAll().where('year', '=', r.year).where('branch_id', '=', r.branchId).executeTakeFirst();
    check(r, !!before?.named_on);
    const now = ctx.platform.now();
    const cols = {
      self_on: r.selfOn, self_score: r.selfScore === null ? null : toTenths(r.selfScore), committee_on: r.committeeOn, audit_on: r.auditOn,
      publicity_from: r.publicityFrom, publicity_days: r.publicityFrom ? r.publicityDays : null, note: r.note, updated_at: now,
    };
    if (before) await t.updateTable('star_reviews').set(cols).where('id', '=', before.id).execute();
    else await t.insertInto('star_reviews').values({ id: ctx.platform.newId(), year: r.year, branch_id: r.branchId, ...cols, named_on: null, named_stars: null, named_score: null, created_at: now }).execute();
    const after = await t.selectFrom('star_reviews').selectAll().where('year', '=', r.year).where('branch_id', '=', r.branchId).executeTakeFirstOrThrow();
    await audit(t, ctx, { entity: 'star_reviews', entityId: after.id, action: before ? '修改' : '新增', summary: `${branch.name}${r.year}年度评星定级流程`, before, after });
    return toReview(after, ctx.platform.today());
  };
  return tx ? run(tx) : ctx.db.transaction().execute(run);
}

/** 命名: the 公示 must have run its days; freezes the stars and score given (those of the day's scoring). */
export async function nameReview(ctx: Ctx, q: { year: number; branchId: string; namedOn: string; stars: number; score: number }, tx: Tx): Promise<void> {
  const r = await tx.selectFrom('star_reviews').selectAll().where('year', '=', q.year).where('branch_id', '=', q.branchId).executeTakeFirst();
  const to = r && lastDay(r.publicity_from, r.publicity_days);
  if (!r || !to) throw new LedgerError('尚未公示，不能命名（请先填写公示开始日期和天数）', 'namedOn');
  if (r.named_on) throw new LedgerError(`已于${r.named_on}命名`, 'namedOn');
  if (q.namedOn <= to) throw new LedgerError(`公示期至${to}，命名日期应在公示期满之后`, 'namedOn');
  if (q.namedOn > ctx.platform.today()) throw new LedgerError('命名日期不能晚于今天', 'namedOn');
  const named = { named_on: q.namedOn, named_stars: q.stars, named_score: Math.round(q.score * 10), updated_at: ctx.platform.now() };
  await tx.updateTable('star_reviews').set(named).where('id', '=', r.id).execute();
  await audit(tx, ctx, { entity: 'star_reviews', entityId: r.id, action: '修改', summary: `${q.year}年度评星定级命名：${q.stars}星（${pointsText(named.named_score)}分）`, before: r, after: { ...r, ...named } });
}
