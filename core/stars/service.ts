/**
 * The hand-scored entries of 评星定级 (the only writer of `star_entries`): an indicator scored by hand
 * with its evidence (files as attachments of the entry), a deduction (how many times) or a one-vote veto,
 * one entry per branch-year and scheme item (saving again replaces it). Checked against the scheme the
 * year is rated by. And 命名 of a year's results (reviews.ts freezes them).
 */
import { audit, softDelete, type Tx } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { toTenths, type EntryKind } from './model.ts';
import { schemeForYear } from './scheme.ts';
import { scoreYear } from './score.ts';
import { nameReview } from './reviews.ts';

export interface EntryInput {
  year: number;
  branchId: string;
  kind: EntryKind;
  itemKey: string;
  points: number | null;
  times: number | null;
  evidence: string;
  note: string | null;
}

/** Sources an entry may score: only the hand-scored ones (every ledger-fed source, 整改 included, is counted from the ledger). */
const HAND_SCORED = new Set(['hand']);

export async function saveEntry(ctx: Ctx, e: EntryInput, tx?: Tx): Promise<{ id: string }> {
  const run = async (t: Tx) => {
    const scheme = (await schemeForYear(t, e.year)).values;
    const branch = await t.selectFrom('org_units').select(['id', 'name']).where('id', '=', e.branchId).where('kind', '=', '党支部').where('deleted_at', 'is', null).executeTakeFirst();
    if (!branch) throw new LedgerError('找不到这个党支部', 'branchId');
    let points = 0;
    let times = 1;
    let what = '';
    if (e.kind === 'indicator') {
      const ind = scheme.groups.flatMap((g) => g.indicators).find((i) => i.key === e.itemKey);
      if (!ind) throw new LedgerError(`评星方案中没有指标“${e.itemKey}”`, 'itemKey');
      if (!HAND_SCORED.has(ind.source)) throw new LedgerError(`“${ind.name}”由台账自动计分，不能手工评分`, 'itemKey');
      const p = e.points === null ? null : toTenths(e.points);
      if (p === null) throw new LedgerError('得分应为数字，最多保留一位小数', 'points');
      if (p < 0 || p > Math.round(ind.max * 10)) throw new LedgerError(`得分应在 0 至 ${ind.max} 分之间（“${ind.name}”满分 ${ind.max} 分）`, 'points');
      points = p;
      what = `${ind.name} ${e.points} 分`;
    } else if (e.kind === 'deduction') {
      const d = scheme.deductions.find((x) => x.key === e.itemKey);
      if (!d) throw new LedgerError(`评星方案中没有扣分项“${e.itemKey}”`, 'itemKey');
      if (!e.times || !Number.isInteger(e.times) || e.times < 1 || e.times > 99) throw new LedgerError('次数应为 1 至 99 的整数', 'times');
      times = e.times;
      what = `扣分：${d.name} ${times} 次`;
    } else {
      const v = scheme.vetoes.find((x) => x.key === e.itemKey);
      if (!v) throw new LedgerError(`评星方案中没有一票否决项“${e.itemKey}”`, 'itemKey');
      what = `一票否决：${v.name}`;
    }
    const evidence = e.evidence.trim();
    if (!evidence) throw new LedgerError('请写明评分依据及证明材料', 'evidence');
    const before = await t.selectFrom('star_entries').selectAll().where('year', '=', e.year).where('branch_id', '=', e.branchId).where('kind', '=', e.kind).where('item_key', '=', e.itemKey).where('deleted_at', 'is', null).executeTakeFirst();
    const now = ctx.platform.now();
    const cols = { points, times, evidence, note: e.note, updated_at: now };
    const id = before?.id ?? ctx.platform.newId();
    if (before) await t.updateTable('star_entries').set(cols).where('id', '=', id).execute();
    else await t.insertInto('star_entries').values({ id, year: e.year, branch_id: e.branchId, kind: e.kind, item_key: e.itemKey, ...cols, created_at: now, deleted_at: null }).execute();
    const after = await t.selectFrom('star_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await audit(t, ctx, { entity: 'star_entries', entityId: id, action: before ? '修改' : '新增', summary: `${branch.name}${e.year}年度评星：${what}`, before, after });
    return { id };
  };
  return tx ? run(tx) : ctx.db.transaction().execute(run);
}

export async function deleteEntry(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute((t) => softDelete(t, ctx, 'star_entries', id));
}

/** 命名 of the branches given (or every branch whose 公示 has run), with the stars of today's scoring. */
export async function nameYear(ctx: Ctx, q: { year: number; namedOn: string; branchIds?: string[] }, tx?: Tx): Promise<{ named: number }> {
  const run = async (t: Tx) => {
    const sc = await scoreYear(ctx, q.year, { tx: t });
    const ready = sc.branches.filter((b) => (q.branchIds ? q.branchIds.includes(b.branchId) : b.review?.publicityTo && !b.review.namedOn && b.review.publicityTo < q.namedOn));
    if (!ready.length) throw new LedgerError('没有公示期满、可以命名的党支部', 'namedOn');
    for (const b of ready) await nameReview(ctx, { year: q.year, branchId: b.branchId, namedOn: q.namedOn, stars: b.stars, score: b.score }, t);
    return { named: ready.length };
  };
  return tx ? run(tx) : ctx.db.transaction().execute(run);
}
