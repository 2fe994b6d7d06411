/**
 * 不合格党员处置: the only writer of `disposal_cases` and `disposal_steps`. A case opens with the
 * 支委会's opinion and the 事前备案 to the 党委 (both dates required); no step, measure or result may
 * be dated before both. The measure 限期改正 gets its deadline from core/disposal/rules.ts. Nothing
 * here touches `members`: a confirmed 劝其退党 or 除名 is offered to the clerk as the roster's own
 * 离开花名册 (members/leave), prefilled (queries.ts `leaveOffer`).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { audit, softDelete, withTx, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { getSetting } from '../settings/service.ts';
import { deadlineOf, type Measure, type Result } from './rules.ts';
import { checkRating } from './triggers.ts';

export interface CaseInput {
  memberId: string;
  triggerKind: '民主评议不合格' | '情形';
  ratingId?: string | null;
  situation: string;
  opinionOn: string;
  filedOn: string;
  filedTo: string;
  note?: string | null;
}

type CaseRow = DB['disposal_cases'];

async function caseRow(tx: Tx, id: string): Promise<CaseRow> {
  const c = await tx.selectFrom('disposal_cases').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!c) throw new LedgerError('找不到这个处置案件，可能已被删除');
  return c;
}

/** A step, measure or result dated before the 支委会 opinion or the 事前备案 is refused, naming both. */
function afterBoth(c: Pick<CaseRow, 'opinion_on' | 'filed_on'>, day: string, what: string, field: string) {
  const first = c.opinion_on > c.filed_on ? c.opinion_on : c.filed_on;
  if (day < first) throw new LedgerError(`${what}（${day}）不能早于支委会提出处置意见（${c.opinion_on}）和向党委事前备案（${c.filed_on}）`, field);
}

const notFuture = (ctx: Ctx, day: string, what: string, field: string) => {
  if (day > ctx.platform.today()) throw new LedgerError(`${what} ${day} 晚于今天`, field);
};

export async function openCase(ctx: Ctx, c: CaseInput, outer?: Transaction<DB>): Promise<{ id: string }> {
  return withTx(ctx, outer, async (tx) => {
    const m = await tx.selectFrom('members').select(['id', 'name', 'party_status', 'left_type']).where('id', '=', c.memberId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!m) throw new LedgerError('找不到所选党员，可能已被删除', 'memberId');
    if (m.left_type) throw new LedgerError(`${m.name}已${m.left_type}，不在花名册上`, 'memberId');
    notFuture(ctx, c.opinionOn, '支委会意见日期', 'opinionOn');
    notFuture(ctx, c.filedOn, '事前备案日期', 'filedOn');
    if (c.triggerKind === '民主评议不合格') await checkRating(tx, c.memberId, c.ratingId);
    if (c.filedOn < c.opinionOn) throw new LedgerError('事前备案应在支委会提出处置意见之后', 'filedOn');
    const open = await tx.selectFrom('disposal_cases').select('id').where('member_id', '=', c.memberId).where('result', 'is', null).where('deleted_at', 'is', null).executeTakeFirst();
    if (open) throw new LedgerError(`${m.name}已有一个未结束的处置案件`, 'memberId');
    const now = ctx.platform.now();
    const row: CaseRow = {
      id: ctx.platform.newId(), member_id: c.memberId, trigger_kind: c.triggerKind, rating_id: c.triggerKind === '民主评议不合格' ? (c.ratingId ?? null) : null, situation: c.situation, opinion_on: c.opinionOn,
      filed_on: c.filedOn, filed_to: c.filedTo, measure: null, decided_on: null, approved_on: null, period_months: null, deadline: null, result: null, result_on: null,
      result_note: null, note: c.note ?? null, created_at: now, updated_at: now, deleted_at: null,
    };
    await tx.insertInto('disposal_cases').values(row).execute();
    await audit(tx, ctx, { entity: 'disposal_cases', entityId: row.id, action: '新增', summary: `对${m.name}启动不合格党员处置（${c.triggerKind}：${c.situation}）`, after: row });
    return { id: row.id };
  });
}

export interface Decision {
  measure: Measure;
  decidedOn: string;
  approvedOn?: string | null;
  /** 限期改正 only: months, 6 unless the decision says otherwise, at most 12 */
  periodMonths?: number | null;
}

export async function decideCase(ctx: Ctx, id: string, d: Decision, outer?: Transaction<DB>): Promise<{ deadline: string | null }> {
  return withTx(ctx, outer, async (tx) => {
    const before = await caseRow(tx, id);
    if (before.result) throw new LedgerError('处置已有结果，不能再改处置方式');
    notFuture(ctx, d.decidedOn, '决定日期', 'decidedOn');
    afterBoth(before, d.decidedOn, '处置决定', 'decidedOn');
    if (d.approvedOn) {
      notFuture(ctx, d.approvedOn, '批准日期', 'approvedOn');
      if (d.approvedOn < d.decidedOn) throw new LedgerError('党委批准日期不能早于支部决定日期', 'approvedOn');
    }
    let deadline: string | null = null;
    let months: number | null = null;
    if (d.measure === '限期改正') {
      months = d.periodMonths ?? 6;
      const from = (await getSetting<string>(tx, 'disposal.periodFrom')) === '批准' ? d.approvedOn : d.decidedOn;
      if (!from) throw new LedgerError('本单位的改正期限自党委批准之日起算，请填写批准日期', 'approvedOn');
      deadline = deadlineOf(from, months);
    }
    const after = { ...before, measure: d.measure, decided_on: d.decidedOn, approved_on: d.approvedOn ?? null, period_months: months, deadline, updated_at: ctx.platform.now() };
    await tx.updateTable('disposal_cases').set(after).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'disposal_cases', entityId: id, action: '修改', summary: `处置决定：${d.measure}${deadline ? `，改正期限至 ${deadline}` : ''}`, before, after });
    return { deadline };
  });
}

export async function addStep(ctx: Ctx, caseId: string, s: { step: string; doneOn: string; document?: string | null; note?: string | null }, outer?: Transaction<DB>): Promise<{ id: string }> {
  return withTx(ctx, outer, async (tx) => {
    const c = await caseRow(tx, caseId);
    notFuture(ctx, s.doneOn, '程序日期', 'doneOn');
    afterBoth(c, s.doneOn, `“${s.step}”`, 'doneOn');
    const row = { id: ctx.platform.newId(), case_id: caseId, step: s.step, done_on: s.doneOn, document: s.document ?? null, note: s.note ?? null, created_at: ctx.platform.now(), deleted_at: null };
    await tx.insertInto('disposal_steps').values(row).execute();
    await audit(tx, ctx, { entity: 'disposal_steps', entityId: row.id, action: '新增', summary: `处置程序：${s.step}（${s.doneOn}）`, after: row });
    return { id: row.id };
  });
}

export async function closeCase(ctx: Ctx, id: string, r: { result: Result; resultOn: string; note?: string | null }): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await caseRow(tx, id);
    if (before.result) throw new LedgerError(`该处置已于 ${before.result_on} 记为“${before.result}”`);
    notFuture(ctx, r.resultOn, '结果日期', 'resultOn');
    afterBoth(before, r.resultOn, '处置结果', 'resultOn');
    if (r.result !== '撤销处置' && !before.measure) throw new LedgerError('请先记录处置决定（限期改正、劝其退党或除名）', 'result');
    if (before.decided_on && r.resultOn < before.decided_on) throw new LedgerError('结果日期不能早于处置决定日期', 'resultOn');
    if ((r.result === '劝其退党' || r.result === '除名') && !before.approved_on) throw new LedgerError(`${r.result}须经党委批准：请先在处置决定中填写党委批准日期`, 'result');
    const after = { ...before, result: r.result, result_on: r.resultOn, result_note: r.note ?? null, updated_at: ctx.platform.now() };
    await tx.updateTable('disposal_cases').set(after).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'disposal_cases', entityId: id, action: '修改', summary: `处置结果：${r.result}（${r.resultOn}）`, before, after });
  });
  return { ok: true };
}

export async function deleteCase(ctx: Ctx, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'disposal_cases', id));
  return { ok: true };
}
