/**
 * The 中心组's year: the 学习安排 (numbered key topics) and the members beyond
 * the 党委 members. The only writer of study_plan_topics and study_group_members;
 * every change is audited in its transaction.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { postsOn } from '../org/roles.ts';
import { isCommitteePost } from '../org/roles.ts';
import type { StudyPlanTopicsTable } from '../../db/schema.ts';
import type { TopicInput } from './model.ts';

export interface PlanTopic {
  id: string;
  year: number;
  seq: number;
  title: string;
  month: number;
  form: string;
  lead: string | null;
  note: string | null;
}

const toTopic = (r: StudyPlanTopicsTable): PlanTopic => ({ id: r.id, year: r.year, seq: r.seq, title: r.title, month: r.month, form: r.form, lead: r.lead, note: r.note });

export async function planTopics(tx: Tx, year: number): Promise<PlanTopic[]> {
  const rows = await tx.selectFrom('study_plan_topics').selectAll().where('year', '=', year).where('deleted_at', 'is', null).orderBy('seq').orderBy('created_at').execute();
  return rows.map(toTopic);
}

/** A new topic at the end of the year's plan (inside the caller's transaction; the demo writes through it). */
export async function addTopicTx(tx: Tx, ctx: Ctx, t: TopicInput): Promise<PlanTopic> {
  const last = await tx.selectFrom('study_plan_topics').select((eb) => eb.fn.max('seq').as('seq')).where('year', '=', t.year).where('deleted_at', 'is', null).executeTakeFirst();
  const now = ctx.platform.now();
  const row: StudyPlanTopicsTable = { id: ctx.platform.newId(), year: t.year, seq: Number(last?.seq ?? 0) + 1, title: t.title, month: t.month, form: t.form, lead: t.lead ?? null, note: t.note ?? null, created_at: now, updated_at: now, deleted_at: null };
  await tx.insertInto('study_plan_topics').values(row).execute();
  await audit(tx, ctx, { entity: 'study_plan_topics', entityId: row.id, action: '新增', summary: `${t.year}年中心组学习安排增加专题${row.seq}“${t.title}”`, after: row });
  return toTopic(row);
}

export async function addTopic(ctx: Ctx, t: TopicInput): Promise<PlanTopic> {
  return ctx.db.transaction().execute((tx) => addTopicTx(tx, ctx, t));
}

export async function updateTopic(ctx: Ctx, id: string, t: TopicInput): Promise<PlanTopic> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('study_plan_topics').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!before) throw new LedgerError('找不到该学习专题，可能已被删除');
    if (before.year !== t.year) throw new LedgerError('专题不能移到另一年度的学习安排，请在该年度新增', 'year');
    const row = { ...before, title: t.title, month: t.month, form: t.form, lead: t.lead ?? null, note: t.note ?? null, updated_at: ctx.platform.now() };
    await tx.updateTable('study_plan_topics').set(row).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'study_plan_topics', entityId: id, action: '修改', summary: `修改${t.year}年中心组学习专题${before.seq}“${t.title}”`, before, after: row });
    return toTopic(row);
  });
}

export async function deleteTopic(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const used = await tx.selectFrom('activities').select('id').where('plan_topic_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (used) throw new LedgerError('已有学习记录关联该专题，请先在记录中取消关联再删除');
    await softDelete(tx, ctx, 'study_plan_topics', id);
  });
}

/** Renumbers the year's topics in the given order (every topic of the year, once). */
export async function reorderTopics(ctx: Ctx, year: number, ids: string[]): Promise<PlanTopic[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const current = await planTopics(tx, year);
    const known = new Set(current.map((t) => t.id));
    if (ids.length !== current.length || new Set(ids).size !== ids.length || ids.some((i) => !known.has(i))) throw new LedgerError(`专题顺序应列出${year}年学习安排的全部 ${current.length} 个专题，各一次`, 'ids');
    for (const [i, id] of ids.entries()) await tx.updateTable('study_plan_topics').set({ seq: i + 1, updated_at: ctx.platform.now() }).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'study_plan_topics', entityId: String(year), action: '修改', summary: `调整${year}年中心组学习安排的专题顺序`, before: current.map((t) => t.id), after: ids });
    return planTopics(tx, year);
  });
}

export interface GroupMember {
  /** null for a member from the 党委's posts (not removable here) */
  id: string | null;
  memberId: string | null;
  name: string;
  post: string;
  fromCommittee: boolean;
}

/** The committee's org id (the 党委), or null before setup. */
export async function committeeId(tx: Tx): Promise<string | null> {
  return (await tx.selectFrom('org_units').select('id').where('kind', '=', '党委').where('deleted_at', 'is', null).executeTakeFirst())?.id ?? null;
}

/**
 * The 中心组 of a year: the 党委 members holding a post on `day` (the year's
 * end, or today within the year), then the named others of that year.
 */
export async function groupMembers(ctx: Ctx, year: number): Promise<GroupMember[]> {
  const today = ctx.platform.today();
  const day = `${year}-12-31` < today ? `${year}-12-31` : today < `${year}-01-01` ? `${year}-01-01` : today;
  const cid = await committeeId(ctx.db);
  const order = ['书记', '副书记', '纪委书记'];
  const posts = (cid ? await postsOn(ctx.db, [cid], day) : []).filter((p) => isCommitteePost(p.role));
  posts.sort((a, b) => (order.indexOf(a.role) + 1 || 9) - (order.indexOf(b.role) + 1 || 9));
  const seen = new Set<string>();
  const out: GroupMember[] = [];
  for (const p of posts) {
    const k = p.memberId ?? p.personName;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ id: null, memberId: p.memberId, name: p.personName, post: `党委${p.role}`, fromCommittee: true });
  }
  const extras = await ctx.db.selectFrom('study_group_members').selectAll().where('year', '=', year).where('deleted_at', 'is', null).orderBy('sort_order').execute();
  for (const e of extras) out.push({ id: e.id, memberId: e.member_id, name: e.name, post: e.post ?? '', fromCommittee: false });
  return out;
}

export async function addGroupMemberTx(tx: Tx, ctx: Ctx, m: { year: number; name: string; post?: string | null; memberId?: string | null }): Promise<string> {
  const dup = await tx.selectFrom('study_group_members').select('id').where('year', '=', m.year).where('name', '=', m.name).where('deleted_at', 'is', null).executeTakeFirst();
  if (dup) throw new LedgerError(`“${m.name}”已在${m.year}年中心组成员中`, 'name');
  const last = await tx.selectFrom('study_group_members').select((eb) => eb.fn.max('sort_order').as('n')).where('year', '=', m.year).executeTakeFirst();
  const row = { id: ctx.platform.newId(), year: m.year, member_id: m.memberId ?? null, name: m.name, post: m.post ?? null, sort_order: Number(last?.n ?? 0) + 1, created_at: ctx.platform.now(), deleted_at: null };
  await tx.insertInto('study_group_members').values(row).execute();
  await audit(tx, ctx, { entity: 'study_group_members', entityId: row.id, action: '新增', summary: `${m.year}年中心组增加成员${m.name}`, after: row });
  return row.id;
}

export async function addGroupMember(ctx: Ctx, m: { year: number; name: string; post?: string | null; memberId?: string | null }): Promise<string> {
  return ctx.db.transaction().execute((tx) => addGroupMemberTx(tx, ctx, m));
}

export async function removeGroupMember(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'study_group_members', id));
}
