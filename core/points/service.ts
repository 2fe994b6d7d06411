/**
 * The only writer of `points_entries` and `points_exclusions`: the items a branch enters (a 加分 or 减分 item of
 * the scheme, with its reason; evidence is an attachment, entity 'points_entries', added after the entry
 * exists), the 支委会's approval (date, meeting reference, optionally the meeting's record), and the members
 * left out of a year's points. Every change in one transaction with its audit row.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { audit, softDelete, withTx, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { countAttachments } from '../attachments/service.ts';
import { loadPointsSettings } from './queries.ts';
import { schemeFor } from './scheme.ts';
import type { EntryRow } from './model.ts';

export interface NewEntry {
  memberId: string;
  itemKey: string;
  onDate: string;
  /** whole points, as a positive size; the item gives the sign; none: the item's points */
  points?: number | null;
  reason: string;
  note?: string | null;
}

export interface Approval {
  approvedOn: string;
  approvalRef: string;
  approvalActivityId?: string | null;
}

async function memberOf(tx: Tx, id: string) {
  const m = await tx.selectFrom('members').select(['id', 'name', 'branch_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!m) throw new LedgerError('找不到所选党员，可能已被删除', 'memberId');
  return m;
}

async function checked(tx: Tx, ctx: Ctx, e: NewEntry) {
  const member = await memberOf(tx, e.memberId);
  if (e.onDate > ctx.platform.today()) throw new LedgerError(`日期 ${e.onDate} 晚于今天`, 'onDate');
  const s = await loadPointsSettings(tx);
  const item = schemeFor(Number(e.onDate.slice(0, 4)), s.versions).values.items.find((i) => i.key === e.itemKey);
  if (!item) throw new LedgerError('积分方案中没有这个项目', 'itemKey');
  if (item.source.kind !== 'entry') throw new LedgerError(`“${item.name}”由台账自动计分，不能登记`, 'itemKey');
  const size = e.points ?? Math.abs(item.points);
  if (!Number.isInteger(size) || size < 1) throw new LedgerError('分值应为正整数', 'points');
  if (size > Math.abs(item.points)) throw new LedgerError(`“${item.name}”每次最多 ${Math.abs(item.points)} 分`, 'points');
  return { member, item, points: Math.sign(item.points) * size };
}

async function approvalChecked(tx: Tx, ctx: Ctx, onDate: string, a: Approval) {
  if (a.approvedOn < onDate) throw new LedgerError(`审核日期 ${a.approvedOn} 早于事项日期 ${onDate}`, 'approvedOn');
  if (a.approvedOn > ctx.platform.today()) throw new LedgerError(`审核日期 ${a.approvedOn} 晚于今天`, 'approvedOn');
  if (a.approvalActivityId) {
    const act = await tx.selectFrom('activities').select(['id', 'type']).where('id', '=', a.approvalActivityId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!act) throw new LedgerError('找不到所选的会议记录', 'approvalActivityId');
    if (act.type !== '支部委员会') throw new LedgerError(`所选会议是${act.type}，应为支部委员会`, 'approvalActivityId');
  }
}

export async function addEntry(ctx: Ctx, e: NewEntry, approval?: Approval | null, outer?: Transaction<DB>): Promise<{ id: string }> {
  const id = ctx.platform.newId();
  await withTx(ctx, outer, async (tx) => {
    const { member, item, points } = await checked(tx, ctx, e);
    if (approval) await approvalChecked(tx, ctx, e.onDate, approval);
    const now = ctx.platform.now();
    const row = {
      id, member_id: e.memberId, item_key: item.key, item_name: item.name, on_date: e.onDate, points, reason: e.reason,
      approved_on: approval?.approvedOn ?? null, approval_ref: approval?.approvalRef ?? null, approval_activity_id: approval?.approvalActivityId ?? null,
      note: e.note ?? null, created_at: now, updated_at: now, deleted_at: null,
    };
    await tx.insertInto('points_entries').values(row).execute();
    await audit(tx, ctx, { entity: 'points_entries', entityId: id, action: '新增', summary: `登记${member.name}的积分“${item.name}”${points > 0 ? '+' : ''}${points} 分（${e.onDate}）`, after: row });
  });
  return { id };
}

async function entryRow(tx: Tx, id: string) {
  const before = await tx.selectFrom('points_entries').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!before) throw new LedgerError('找不到这条积分登记，可能已被删除');
  return before;
}

export async function updateEntry(ctx: Ctx, id: string, e: NewEntry): Promise<{ id: string }> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await entryRow(tx, id);
    const { member, item, points } = await checked(tx, ctx, e);
    if (before.approved_on && before.approved_on < e.onDate) throw new LedgerError(`支委会已于 ${before.approved_on} 审核，事项日期不能晚于审核日期`, 'onDate');
    const after = { ...before, member_id: e.memberId, item_key: item.key, item_name: item.name, on_date: e.onDate, points, reason: e.reason, note: e.note ?? null, updated_at: ctx.platform.now() };
    await tx.updateTable('points_entries').set(after).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'points_entries', entityId: id, action: '修改', summary: `修改${member.name}的积分“${item.name}”`, before, after });
  });
  return { id };
}

/** The 支委会's approval; `null` withdraws it (the entry is shown again as 未审核, not counted). */
export async function approveEntry(ctx: Ctx, id: string, a: Approval | null): Promise<{ id: string }> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await entryRow(tx, id);
    if (a) await approvalChecked(tx, ctx, before.on_date, a);
    const after = { ...before, approved_on: a?.approvedOn ?? null, approval_ref: a?.approvalRef ?? null, approval_activity_id: a?.approvalActivityId ?? null, updated_at: ctx.platform.now() };
    await tx.updateTable('points_entries').set(after).where('id', '=', id).execute();
    const m = await memberOf(tx, before.member_id);
    await audit(tx, ctx, { entity: 'points_entries', entityId: id, action: '修改', summary: a ? `支委会审核${m.name}的积分“${before.item_name}”（${a.approvedOn} ${a.approvalRef}）` : `撤销${m.name}的积分“${before.item_name}”的审核`, before, after });
  });
  return { id };
}

export async function deleteEntry(ctx: Ctx, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'points_entries', id));
  return { ok: true };
}

export async function listEntries(ctx: Ctx, q: { year: number; memberId?: string; branchId?: string; pending?: boolean }): Promise<EntryRow[]> {
  let query = ctx.db
    .selectFrom('points_entries as e')
    .innerJoin('members as m', 'm.id', 'e.member_id')
    .innerJoin('org_units as o', 'o.id', 'm.branch_id')
    .select(['e.id', 'e.member_id', 'm.name', 'o.name as branch', 'e.item_key', 'e.item_name', 'e.on_date', 'e.points', 'e.reason', 'e.approved_on', 'e.approval_ref', 'e.approval_activity_id', 'e.note'])
    .where('e.deleted_at', 'is', null)
    .where('e.on_date', '>=', `${q.year}-01-01`)
    .where('e.on_date', '<=', `${q.year}-12-31`);
  if (q.memberId) query = query.where('e.member_id', '=', q.memberId);
  if (q.branchId) query = query.where('m.branch_id', '=', q.branchId);
  if (q.pending) query = query.where('e.approved_on', 'is', null);
  const rows = await query.orderBy('e.on_date', 'desc').orderBy('m.name').execute();
  const counts = await countAttachments(ctx.db, 'points_entries', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, memberId: r.member_id, name: r.name, branch: r.branch, itemKey: r.item_key, item: r.item_name, onDate: r.on_date, points: r.points, reason: r.reason,
    approvedOn: r.approved_on, approvalRef: r.approval_ref, approvalActivityId: r.approval_activity_id, note: r.note, attachments: counts.get(r.id) ?? 0,
  }));
}

export async function setExclusion(ctx: Ctx, x: { memberId: string; year: number; reason: string | null; note?: string | null }, outer?: Transaction<DB>): Promise<{ ok: true }> {
  await withTx(ctx, outer, async (tx) => {
    const m = await memberOf(tx, x.memberId);
    const s = await loadPointsSettings(tx);
    if (x.reason !== null && !s.exclusionReasons.includes(x.reason)) throw new LedgerError(`“${x.reason}”不在不参加积分的情形中（${s.exclusionReasons.join('、')}）`, 'reason');
    const before = await tx.selectFrom('points_exclusions').selectAll().where('member_id', '=', x.memberId).where('year', '=', x.year).where('deleted_at', 'is', null).executeTakeFirst();
    const now = ctx.platform.now();
    if (before) await softDelete(tx, ctx, 'points_exclusions', before.id);
    if (x.reason === null) return;
    const row = { id: ctx.platform.newId(), member_id: x.memberId, year: x.year, reason: x.reason, note: x.note ?? null, created_at: now, updated_at: now, deleted_at: null };
    await tx.insertInto('points_exclusions').values(row).execute();
    await audit(tx, ctx, { entity: 'points_exclusions', entityId: row.id, action: '新增', summary: `${m.name} ${x.year}年不参加积分（${x.reason}）`, after: row });
  });
  return { ok: true };
}
