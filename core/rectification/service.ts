/**
 * The only writer of rect_plans, rect_items, rect_progress and rect_evidence. Every change is one
 * transaction with its audit row; the `…Tx` functions run inside a caller's transaction (the demo's).
 * 销号 needs the date, the 验收人 and at least one 佐证 (an attachment or a linked archive item).
 */
import type { Transaction } from 'kysely';
import type { DB, RectItemsTable } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { audit, softDelete, withTx, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { itemCode, type ItemInput, type PlanInput, type RectStatus } from './model.ts';

export async function planRow(tx: Tx, id: string) {
  const p = await tx.selectFrom('rect_plans').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!p) throw new LedgerError('找不到所选整改方案，可能已被删除', 'planId');
  return p;
}

export async function itemRow(tx: Tx, id: string): Promise<RectItemsTable> {
  const r = await tx.selectFrom('rect_items').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r) throw new LedgerError('找不到这条整改事项，可能已被删除', 'id');
  return r;
}

export async function createPlanTx(ctx: Ctx, tx: Transaction<DB>, p: PlanInput): Promise<{ id: string }> {
  const dup = await tx.selectFrom('rect_plans').select('id').where('name', '=', p.name).where('deleted_at', 'is', null).executeTakeFirst();
  if (dup) throw new LedgerError(`已有名为“${p.name}”的方案`, 'name');
  const aspects = [...new Set(p.aspects)];
  const now = ctx.platform.now();
  const row = { id: ctx.platform.newId(), kind: p.kind, name: p.name, doc_no: p.docNo ?? null, year: p.year, aspects: JSON.stringify(aspects), note: p.note ?? null, created_at: now, updated_at: now, deleted_at: null };
  await tx.insertInto('rect_plans').values(row).execute();
  await audit(tx, ctx, { entity: 'rect_plans', entityId: row.id, action: '新增', summary: `新建${p.kind === '工作要点' ? '工作要点' : '整改方案'}“${p.name}”`, after: row });
  return { id: row.id };
}

export const createPlan = (ctx: Ctx, p: PlanInput) => ctx.db.transaction().execute((tx) => createPlanTx(ctx, tx, p));

async function checkedFields(tx: Tx, ctx: Ctx, i: ItemInput) {
  const today = ctx.platform.today();
  const raisedOn = i.raisedOn ?? today;
  if (raisedOn > today) throw new LedgerError(`提出日期 ${raisedOn} 晚于今天`, 'raisedOn');
  if (i.dueOn && i.dueOn < raisedOn) throw new LedgerError(`整改时限 ${i.dueOn} 早于提出日期 ${raisedOn}`, 'dueOn');
  let kind: string = i.kind;
  if (i.planId) {
    const plan = await planRow(tx, i.planId);
    kind = plan.kind;
    const aspects = JSON.parse(plan.aspects) as string[];
    if (i.aspect && aspects.length && !aspects.includes(i.aspect)) throw new LedgerError(`方面“${i.aspect}”不在方案“${plan.name}”的方面中（${aspects.join('、')}）`, 'aspect');
  }
  return { raisedOn, kind };
}

export async function createItemTx(ctx: Ctx, tx: Transaction<DB>, i: ItemInput): Promise<{ id: string; code: string }> {
  const { raisedOn, kind } = await checkedFields(tx, ctx, i);
  if (i.linkKind && !i.linkKey) throw new LedgerError('缺少来源事项', 'linkKey');
  if (i.linkKind && i.linkKey) {
    const open = await tx.selectFrom('rect_items').select(['year', 'seq', 'kind']).where('link_kind', '=', i.linkKind).where('link_key', '=', i.linkKey).where('deleted_at', 'is', null).where('status', '!=', '已销号').executeTakeFirst();
    if (open) throw new LedgerError(`这个问题已在整改中（${itemCode(open.kind, open.year, open.seq)}）`, 'linkKey');
  }
  const year = Number(raisedOn.slice(0, 4));
  const last = await tx.selectFrom('rect_items').select((eb) => eb.fn.max('seq').as('m')).where('kind', '=', kind).where('year', '=', year).executeTakeFirst();
  const seq = Number(last?.m ?? 0) + 1;
  const now = ctx.platform.now();
  const row: RectItemsTable = {
    id: ctx.platform.newId(), plan_id: i.planId, kind, year, seq, source: i.source, aspect: i.aspect, title: i.title, cause: i.cause, measure: i.measure,
    goal: i.goal, leader: i.leader, owner_unit: i.ownerUnit, owner: i.owner, due_on: i.dueOn, status: i.dueOn ? '未启动' : '长期坚持', raised_on: raisedOn,
    closed_on: null, accepted_by: null, link_kind: i.linkKind, link_key: i.linkKind ? i.linkKey : null, note: i.note, created_at: now, updated_at: now, deleted_at: null,
  };
  await tx.insertInto('rect_items').values(row).execute();
  const code = itemCode(kind, year, seq);
  await audit(tx, ctx, { entity: 'rect_items', entityId: row.id, action: '新增', summary: `新增整改事项 ${code}“${i.title}”`, after: row });
  return { id: row.id, code };
}

export const createItem = (ctx: Ctx, i: ItemInput) => ctx.db.transaction().execute((tx) => createItemTx(ctx, tx, i));

export async function updateItem(ctx: Ctx, id: string, i: ItemInput): Promise<{ id: string }> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await itemRow(tx, id);
    const { raisedOn } = await checkedFields(tx, ctx, { ...i, raisedOn: i.raisedOn ?? before.raised_on });
    if ((i.planId ? (await planRow(tx, i.planId)).kind : before.kind) !== before.kind) throw new LedgerError('不能把整改事项移到工作要点（编号序列不同）', 'planId');
    if (before.status === '已销号' && i.dueOn !== before.due_on) throw new LedgerError('已销号的事项不能修改整改时限，请先撤销销号', 'dueOn');
    let status = before.status;
    if (status !== '已销号') status = !i.dueOn ? '长期坚持' : status === '长期坚持' ? '整改中' : status;
    const after: RectItemsTable = {
      ...before, plan_id: i.planId, source: i.source, aspect: i.aspect, title: i.title, cause: i.cause, measure: i.measure, goal: i.goal, leader: i.leader,
      owner_unit: i.ownerUnit, owner: i.owner, due_on: i.dueOn, raised_on: raisedOn, note: i.note, status, updated_at: ctx.platform.now(),
    };
    await tx.updateTable('rect_items').set(after).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'rect_items', entityId: id, action: '修改', summary: `修改整改事项 ${itemCode(before.kind, before.year, before.seq)}`, before, after });
  });
  return { id };
}

/** 未启动 / 整改中 / 待验收 / 长期坚持 by hand; 长期坚持 only without a 时限, the others only with one. */
export async function setStatusTx(ctx: Ctx, tx: Tx, id: string, status: Exclude<RectStatus, '已销号'>): Promise<void> {
  const before = await itemRow(tx, id);
  const code = itemCode(before.kind, before.year, before.seq);
  if (before.status === '已销号') throw new LedgerError(`${code} 已销号；如需重新整改，请先撤销销号`, 'status');
  if (status === '长期坚持' && before.due_on) throw new LedgerError('长期坚持的事项不设整改时限：请先清空整改时限', 'status');
  if (status !== '长期坚持' && !before.due_on) throw new LedgerError(`${status}的事项须有整改时限：请先填写整改时限`, 'status');
  const after = { ...before, status, updated_at: ctx.platform.now() };
  await tx.updateTable('rect_items').set({ status, updated_at: after.updated_at }).where('id', '=', id).execute();
  await audit(tx, ctx, { entity: 'rect_items', entityId: id, action: '修改', summary: `${code} 状态改为${status}`, before, after });
}

export const setStatus = (ctx: Ctx, id: string, status: Exclude<RectStatus, '已销号'>) => ctx.db.transaction().execute((tx) => setStatusTx(ctx, tx, id, status));

/** A dated progress note; the first one starts an item that was 未启动. */
export async function addProgressTx(ctx: Ctx, tx: Tx, id: string, onDate: string, text: string): Promise<{ id: string }> {
  const item = await itemRow(tx, id);
  if (onDate > ctx.platform.today()) throw new LedgerError(`日期 ${onDate} 晚于今天`, 'onDate');
  if (onDate < item.raised_on) throw new LedgerError(`日期 ${onDate} 早于问题提出日期 ${item.raised_on}`, 'onDate');
  const row = { id: ctx.platform.newId(), item_id: id, on_date: onDate, text, created_at: ctx.platform.now() };
  await tx.insertInto('rect_progress').values(row).execute();
  if (item.status === '未启动') await tx.updateTable('rect_items').set({ status: '整改中', updated_at: row.created_at }).where('id', '=', id).execute();
  await audit(tx, ctx, { entity: 'rect_progress', entityId: row.id, action: '新增', summary: `${itemCode(item.kind, item.year, item.seq)} 进展（${onDate}）：${text.slice(0, 40)}`, after: row });
  return { id: row.id };
}

export const addProgress = (ctx: Ctx, id: string, onDate: string, text: string) => ctx.db.transaction().execute((tx) => addProgressTx(ctx, tx, id, onDate, text));

/** Links an archive item as 佐证 (the archive item stays the archive's). */
export async function linkEvidenceTx(ctx: Ctx, tx: Tx, id: string, archiveItemId: string): Promise<void> {
  const item = await itemRow(tx, id);
  const a = await tx.selectFrom('archive_items').select(['id', 'title', 'voided_at']).where('id', '=', archiveItemId).executeTakeFirst();
  if (!a) throw new LedgerError('找不到所选档案', 'archiveItemId');
  if (a.voided_at) throw new LedgerError(`档案“${a.title}”已作废，不能作为佐证`, 'archiveItemId');
  const dup = await tx.selectFrom('rect_evidence').select('id').where('item_id', '=', id).where('archive_item_id', '=', archiveItemId).executeTakeFirst();
  if (dup) throw new LedgerError(`档案“${a.title}”已是佐证材料`, 'archiveItemId');
  const row = { id: ctx.platform.newId(), item_id: id, archive_item_id: archiveItemId, created_at: ctx.platform.now() };
  await tx.insertInto('rect_evidence').values(row).execute();
  await audit(tx, ctx, { entity: 'rect_evidence', entityId: row.id, action: '新增', summary: `${itemCode(item.kind, item.year, item.seq)} 关联佐证档案“${a.title}”`, after: row });
}

export const linkEvidence = (ctx: Ctx, id: string, archiveItemId: string) => ctx.db.transaction().execute((tx) => linkEvidenceTx(ctx, tx, id, archiveItemId));

export async function evidenceCount(tx: Tx, id: string): Promise<number> {
  const a = await tx.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'rect_items').where('entity_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  const e = await tx.selectFrom('rect_evidence as e').innerJoin('archive_items as a', 'a.id', 'e.archive_item_id').select((eb) => eb.fn.countAll<number>().as('n')).where('e.item_id', '=', id).where('a.voided_at', 'is', null).executeTakeFirst();
  return Number(a?.n ?? 0) + Number(e?.n ?? 0);
}

/** 销号: the date (not before the item was raised, not after today), the 验收人 and at least one 佐证. */
export async function closeItemTx(ctx: Ctx, tx: Tx, id: string, on: string, by: string): Promise<void> {
  const before = await itemRow(tx, id);
  const code = itemCode(before.kind, before.year, before.seq);
  if (before.status === '已销号') throw new LedgerError(`${code} 已于 ${before.closed_on} 销号`, 'id');
  if (!by.trim()) throw new LedgerError('销号须填写验收人', 'acceptedBy');
  if (on > ctx.platform.today()) throw new LedgerError(`销号日期 ${on} 晚于今天`, 'closedOn');
  if (on < before.raised_on) throw new LedgerError(`销号日期 ${on} 早于问题提出日期 ${before.raised_on}`, 'closedOn');
  if ((await evidenceCount(tx, id)) < 1) throw new LedgerError(`${code} 还没有佐证材料：请先添加附件或关联档案，再销号`, 'evidence');
  const after = { ...before, status: '已销号', closed_on: on, accepted_by: by.trim(), updated_at: ctx.platform.now() };
  await tx.updateTable('rect_items').set({ status: after.status, closed_on: on, accepted_by: after.accepted_by, updated_at: after.updated_at }).where('id', '=', id).execute();
  await audit(tx, ctx, { entity: 'rect_items', entityId: id, action: '销号', summary: `${code} 销号（${on}，验收人${after.accepted_by}）`, before, after });
}

export const closeItem = (ctx: Ctx, id: string, on: string, by: string) => ctx.db.transaction().execute((tx) => closeItemTx(ctx, tx, id, on, by));

/** 撤销销号: back to 待验收 (or 长期坚持 when it has no 时限). */
export async function reopenItem(ctx: Ctx, id: string, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await itemRow(tx, id);
    if (before.status !== '已销号') throw new LedgerError('该事项尚未销号', 'id');
    const after = { ...before, status: before.due_on ? '待验收' : '长期坚持', closed_on: null, accepted_by: null, updated_at: ctx.platform.now() };
    await tx.updateTable('rect_items').set(after).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'rect_items', entityId: id, action: '撤销销号', summary: `${itemCode(before.kind, before.year, before.seq)} 撤销销号：${reason}`, before, after });
  });
}

export async function deleteItem(ctx: Ctx, id: string): Promise<void> {
  await withTx(ctx, undefined, (tx) => softDelete(tx, ctx, 'rect_items', id));
}
