/**
 * Training records (集中培训 / 网络培训): the only writer of `study_trainings`. The UI, the command line and
 * the demo all add records here, each change audited; the certificate is an attachment of the record
 * (core/attachments, entity 'study_trainings'), added by the caller after the record exists.
 */
import type { Ctx } from '../context.ts';
import { audit, softDelete, withTx, type Tx } from '../audit/service.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { LedgerError } from '../errors.ts';
import { countAttachments } from '../attachments/service.ts';
import { hoursOf, hoursText, toTenths, type TrainingKind, type TrainingRow } from './model.ts';

export interface NewTraining {
  memberId: string;
  kind: TrainingKind;
  startOn: string;
  endOn?: string | null;
  /** 学时, one decimal at most */
  hours: number;
  title: string;
  organizer?: string | null;
  note?: string | null;
}

async function checked(tx: Tx, ctx: Ctx, t: NewTraining) {
  const m = await tx.selectFrom('members').select(['id', 'name', 'join_date']).where('id', '=', t.memberId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!m) throw new LedgerError('找不到所选党员，可能已被删除', 'memberId');
  if (t.startOn > ctx.platform.today()) throw new LedgerError(`开始日期 ${t.startOn} 晚于今天：培训结束后再登记`, 'startOn');
  if (t.endOn && t.endOn < t.startOn) throw new LedgerError('结束日期早于开始日期', 'endOn');
  if (t.endOn && t.endOn.slice(0, 4) !== t.startOn.slice(0, 4))
    throw new LedgerError('培训跨年度：学时按年度分别计算，请按年度分成两条记录登记', 'endOn');
  const tenths = toTenths(t.hours);
  if (tenths === null) throw new LedgerError('学时最多保留一位小数', 'hours');
  if (tenths <= 0) throw new LedgerError('学时应大于 0', 'hours');
  return { member: m, tenths };
}

export async function addTraining(ctx: Ctx, t: NewTraining, outer?: Transaction<DB>): Promise<{ id: string }> {
  const id = ctx.platform.newId();
  await withTx(ctx, outer, async (tx) => {
    const { member, tenths } = await checked(tx, ctx, t);
    const now = ctx.platform.now();
    const row = {
      id, member_id: t.memberId, kind: t.kind, start_on: t.startOn, end_on: t.endOn ?? null, hours: tenths, title: t.title,
      organizer: t.organizer ?? null, note: t.note ?? null, created_at: now, updated_at: now, deleted_at: null,
    };
    await tx.insertInto('study_trainings').values(row).execute();
    await audit(tx, ctx, { entity: 'study_trainings', entityId: id, action: '新增', summary: `登记${member.name}的${t.kind}“${t.title}”（${t.startOn}，${hoursText(tenths)} 学时）`, after: row });
  });
  return { id };
}

export async function updateTraining(ctx: Ctx, id: string, t: NewTraining): Promise<{ id: string }> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('study_trainings').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!before) throw new LedgerError('找不到这条培训记录，可能已被删除');
    const { member, tenths } = await checked(tx, ctx, t);
    const after = { ...before, member_id: t.memberId, kind: t.kind, start_on: t.startOn, end_on: t.endOn ?? null, hours: tenths, title: t.title, organizer: t.organizer ?? null, note: t.note ?? null, updated_at: ctx.platform.now() };
    await tx.updateTable('study_trainings').set(after).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'study_trainings', entityId: id, action: '修改', summary: `修改${member.name}的${t.kind}“${t.title}”`, before, after });
  });
  return { id };
}

export async function deleteTraining(ctx: Ctx, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'study_trainings', id));
  return { ok: true };
}

export async function listTrainings(ctx: Ctx, q: { year: number; memberId?: string; branchId?: string }): Promise<TrainingRow[]> {
  let query = ctx.db
    .selectFrom('study_trainings as t')
    .innerJoin('members as m', 'm.id', 't.member_id')
    .innerJoin('org_units as o', 'o.id', 'm.branch_id')
    .select(['t.id', 't.member_id', 'm.name', 'o.name as branch', 't.kind', 't.start_on', 't.end_on', 't.hours', 't.title', 't.organizer', 't.note'])
    .where('t.deleted_at', 'is', null)
    .where('t.start_on', '>=', `${q.year}-01-01`)
    .where('t.start_on', '<=', `${q.year}-12-31`);
  if (q.memberId) query = query.where('t.member_id', '=', q.memberId);
  if (q.branchId) query = query.where('m.branch_id', '=', q.branchId);
  const rows = await query.orderBy('t.start_on', 'desc').orderBy('m.name').execute();
  const counts = await countAttachments(ctx.db, 'study_trainings', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, memberId: r.member_id, name: r.name, branch: r.branch, kind: r.kind as TrainingKind, startOn: r.start_on, endOn: r.end_on,
    hours: hoursOf(r.hours), title: r.title, organizer: r.organizer, note: r.note, attachments: counts.get(r.id) ?? 0,
  }));
}
