/**
 * Activity records: create, change, list, read, delete (recycle bin), and the
 * attendance list suggested from the roster. Every change is audited in its
 * transaction. The entry day (entered_on) is set by the ledger when a record is
 * created and never changed, so a 补记 cannot be hidden.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { contains } from '../search.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import { countAttachments, listAttachments } from '../attachments/service.ts';
import type { ActivitiesTable, ActivityAttendanceTable } from '../../db/schema.ts';
import { ACTIVITY_TYPES, activityTitle, isLateEntry, rowToInput, type Activity, type ActivityInput, type ActivitySummary, type AttendanceEntry } from './model.ts';
import { assessQuorum, type QuorumOptions } from '../../common/quorum.ts';
import { SETTINGS } from './rules.ts';
import { inChunks } from '../../db/chunks.ts';
import { assertIntegrity } from './integrity-load.ts';
import { rosterOfOrgOn, statusOn } from './roster.ts';
import { postsOn } from '../org/service.ts';
import { checkStudyFields, studyColumns } from './study-fields.ts';

export interface ActivityOptions {
  halfInclusive: boolean;
  graceDays: number;
}

export async function activityOptions(tx: Tx): Promise<ActivityOptions> {
  return { halfInclusive: await getSetting<boolean>(tx, SETTINGS.halfInclusive), graceDays: await getSetting<number>(tx, SETTINGS.lateEntryGraceDays) };
}

export async function activityTypes(tx: Tx): Promise<string[]> {
  const custom = (await getSetting<string[]>(tx, SETTINGS.customTypes)) ?? [];
  return [...ACTIVITY_TYPES, ...custom.filter((t) => !(ACTIVITY_TYPES as readonly string[]).includes(t))];
}

export interface ActivityQuery {
  orgId?: string;
  type?: string;
  from?: string;
  to?: string;
  search?: string;
}

/** Attendance rows of many activities, grouped by activity id. */
export async function attendanceOf(tx: Tx, ids: string[]): Promise<Map<string, ActivityAttendanceTable[]>> {
  const out = new Map<string, ActivityAttendanceTable[]>();
  await inChunks(ids, 500, async (chunk) => {
    const rows = await tx.selectFrom('activity_attendance').selectAll().where('activity_id', 'in', chunk).orderBy('activity_id').orderBy('sort_order').execute();
    for (const r of rows) {
      const l = out.get(r.activity_id);
      if (l) l.push(r);
      else out.set(r.activity_id, [r]);
    }
  });
  return out;
}

export type Joined = ActivitiesTable & { org_name: string; group_name: string | null };

function summarize(r: Joined, att: ActivityAttendanceTable[], o: ActivityOptions, attachments: number): ActivitySummary {
  const input = rowToInput(r, att);
  const quorum = assessQuorum(input, { halfInclusive: o.halfInclusive } satisfies QuorumOptions);
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    groupId: r.group_id,
    groupName: r.group_name,
    type: r.type,
    heldOn: r.held_on,
    startTime: r.start_time,
    endTime: r.end_time,
    topic: r.topic,
    place: r.place,
    hostName: r.host_name,
    enteredOn: r.entered_on,
    late: isLateEntry(r.held_on, r.entered_on, o.graceDays),
    due: quorum.due,
    present: quorum.present,
    quorum,
    attachmentCount: attachments,
  };
}

function baseQuery(tx: Tx) {
  return tx
    .selectFrom('activities as a')
    .innerJoin('org_units as o', 'o.id', 'a.org_id')
    .leftJoin('org_units as g', 'g.id', 'a.group_id')
    .selectAll('a')
    .select(['o.name as org_name', 'g.name as group_name'])
    .where('a.deleted_at', 'is', null);
}

/** The filtered, not yet ordered query of the list (shared with the paged list in page.ts). */
export function filteredActivities(tx: Tx, q: ActivityQuery) {
  let query = baseQuery(tx);
  if (q.orgId) query = query.where((eb) => eb.or([eb('a.org_id', '=', q.orgId!), eb('a.group_id', '=', q.orgId!)]));
  if (q.type) query = query.where('a.type', '=', q.type);
  if (q.from) query = query.where('a.held_on', '>=', q.from);
  if (q.to) query = query.where('a.held_on', '<=', q.to);
  if (q.search?.trim()) {
    const t = q.search.trim();
    query = query.where((eb) => eb.or([contains('a.topic', t), contains('a.content', t), contains('a.place', t), contains('a.host_name', t)]));
  }
  return query;
}

/** Newest first; the one order of the list, whole or paged. */
export function newestFirst(query: ReturnType<typeof filteredActivities>) {
  return query.orderBy('a.held_on', 'desc').orderBy('a.start_time', 'desc').orderBy('a.id');
}

export async function queryActivities(tx: Tx, q: ActivityQuery): Promise<Joined[]> {
  return newestFirst(filteredActivities(tx, q)).execute();
}

export async function listActivities(ctx: Ctx, q: ActivityQuery): Promise<ActivitySummary[]> {
  return summaries(ctx, await queryActivities(ctx.db, q));
}

/** List rows with their attendance, quorum and attachment counts. */
export async function summaries(ctx: Ctx, rows: Joined[]): Promise<ActivitySummary[]> {
  const ids = rows.map((r) => r.id);
  const [att, files, o] = await Promise.all([attendanceOf(ctx.db, ids), countAttachments(ctx.db, 'activities', ids), activityOptions(ctx.db)]);
  return rows.map((r) => summarize(r, att.get(r.id) ?? [], o, files.get(r.id) ?? 0));
}

export async function getActivity(ctx: Ctx, id: string): Promise<Activity> {
  const r = await baseQuery(ctx.db).where('a.id', '=', id).executeTakeFirst();
  if (!r) throw new LedgerError('找不到该组织生活记录，可能已被删除');
  const att = (await attendanceOf(ctx.db, [id])).get(id) ?? [];
  const attachments = await listAttachments(ctx.db, 'activities', id);
  const s = summarize(r, att, await activityOptions(ctx.db), attachments.length);
  return { ...rowToInput(r, att), ...s, createdAt: r.created_at, updatedAt: r.updated_at, attachments };
}

export async function checkInput(tx: Tx, ctx: Ctx, a: ActivityInput): Promise<void> {
  const org = await tx.selectFrom('org_units').select(['id', 'kind', 'name']).where('id', '=', a.orgId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!org) throw new LedgerError('所选组织不存在', 'orgId');
  if (org.kind === '党小组') throw new LedgerError('党小组会请选择所在党支部，再选择党小组', 'orgId');
  if (a.groupId) {
    const g = await tx.selectFrom('org_units').select(['parent_id']).where('id', '=', a.groupId).where('kind', '=', '党小组').where('deleted_at', 'is', null).executeTakeFirst();
    if (!g || g.parent_id !== a.orgId) throw new LedgerError(`所选党小组不属于${org.name}`, 'groupId');
  }
  if (a.type === '党小组会' && !a.groupId) throw new LedgerError('党小组会需要选择党小组', 'groupId');
  await checkStudyFields(tx, { ...a, orgKind: org.kind });
  const types = await activityTypes(tx);
  if (!types.includes(a.type)) throw new LedgerError(`活动类型“${a.type}”不在列表中（可在单位设置中增加自定义类型）`, 'type');
  if (a.heldOn > ctx.platform.today()) throw new LedgerError('会议日期不能晚于今天：尚未召开的会议不能记录', 'heldOn');
  if (a.startTime && a.endTime && a.endTime < a.startTime) throw new LedgerError('结束时间早于开始时间', 'endTime');
  if (a.countsFor && a.countsFor > a.heldOn.slice(0, 7)) throw new LedgerError('计入月份不能晚于会议所在月份', 'countsFor');
  const seen = new Set<string>();
  for (const e of a.attendance) {
    const key = e.memberId ?? `name:${e.memberName}`;
    if (seen.has(key)) throw new LedgerError(`出席名单中“${e.memberName}”重复`, 'attendance');
    seen.add(key);
    if (e.status !== '出席' && (e.late || e.leftEarly)) throw new LedgerError(`“${e.memberName}”未出席，不能标记迟到或早退`, 'attendance');
  }
}

const POST_ORDER = ['书记', '副书记', '组长', '副组长', '组织委员', '宣传委员', '纪检委员', '青年委员', '委员'];

/**
 * The post a person held on a day in the meeting's organization (for a
 * 党小组会 the group's post first: its leader is 组长), or null when the roles
 * table has none for that day.
 */
export async function postOnDay(tx: Tx, a: Pick<ActivityInput, 'orgId' | 'groupId' | 'type' | 'heldOn'>, name: string | null): Promise<string | null> {
  if (!name?.trim()) return null;
  const orgIds = a.type === '党小组会' && a.groupId ? [a.groupId, a.orgId] : [a.orgId];
  const posts = (await postsOn(tx, orgIds, a.heldOn)).filter((p) => p.personName === name.trim());
  for (const org of orgIds) {
    const mine = posts.filter((p) => p.orgId === org).sort((x, y) => POST_ORDER.indexOf(x.role) - POST_ORDER.indexOf(y.role));
    if (mine.length) return mine[0].role;
  }
  return null;
}

/** The host's and recorder's posts as held on the meeting day where the roles table has them; a typed post stays where it has none. */
export async function withPostsOnDay(tx: Tx, a: ActivityInput): Promise<ActivityInput> {
  const [hostPost, recorderPost] = await Promise.all([postOnDay(tx, a, a.hostName), postOnDay(tx, a, a.recorderName)]);
  return { ...a, hostPost: hostPost ?? a.hostPost, recorderPost: recorderPost ?? a.recorderPost };
}

export interface SuggestedPeople {
  hostName: string | null;
  hostPost: string | null;
  recorderName: string | null;
  recorderPost: string | null;
}

const RECORDER_ORDER = ['组织委员', '宣传委员', '纪检委员', '青年委员', '委员', '副书记'];

/**
 * Host and recorder to start from, as held on the meeting day: the 书记 (a
 * 党小组会: the 组长) hosts; the recorder is a committee member present at the
 * meeting (the 组织委员 where present), never one marked absent, never the host.
 */
export async function suggestedPeople(tx: Tx, q: { orgId: string; groupId?: string | null; type: string; heldOn: string; attendance: Pick<AttendanceEntry, 'memberId' | 'memberName' | 'status'>[] }): Promise<SuggestedPeople> {
  const group = q.type === '党小组会' && q.groupId ? q.groupId : null;
  const posts = await postsOn(tx, group ? [group, q.orgId] : [q.orgId], q.heldOn);
  const absent = (name: string, memberId: string | null) => q.attendance.some((e) => e.status !== '出席' && (memberId && e.memberId ? e.memberId === memberId : e.memberName === name));
  const listed = (name: string, memberId: string | null) => !q.attendance.length || q.attendance.some((e) => (memberId && e.memberId ? e.memberId === memberId : e.memberName === name));
  const hostRoles = group ? ['组长'] : ['书记', '副书记'];
  const hostOrg = group ?? q.orgId;
  const host = hostRoles.map((r) => posts.find((p) => p.orgId === hostOrg && p.role === r && !absent(p.personName, p.memberId))).find(Boolean);
  const candidates = posts
    .filter((p) => p.orgId === q.orgId && RECORDER_ORDER.includes(p.role) && p.personName !== host?.personName && !absent(p.personName, p.memberId) && listed(p.personName, p.memberId))
    .sort((a, b) => RECORDER_ORDER.indexOf(a.role) - RECORDER_ORDER.indexOf(b.role));
  const recorder = candidates[0];
  return { hostName: host?.personName ?? null, hostPost: host?.role ?? null, recorderName: recorder?.personName ?? null, recorderPost: recorder?.role ?? null };
}

function toRow(ctx: Ctx, id: string, a: ActivityInput, enteredOn: string, createdAt: string): ActivitiesTable {
  return {
    id,
    org_id: a.orgId,
    group_id: a.groupId,
    type: a.type,
    held_on: a.heldOn,
    start_time: a.startTime,
    end_time: a.endTime,
    counts_for: a.countsFor && a.countsFor !== a.heldOn.slice(0, 7) ? a.countsFor : null,
    place: a.place,
    host_name: a.hostName,
    host_post: a.hostPost,
    recorder_name: a.recorderName,
    recorder_post: a.recorderPost,
    topic: a.topic,
    speaker: a.speaker,
    decision_kind: a.decisionKind,
    agenda_json: JSON.stringify(a.agenda),
    content: a.content,
    votes_json: JSON.stringify(a.votes),
    resolutions_json: JSON.stringify(a.resolutions),
    tasks_json: JSON.stringify(a.tasks),
    guests_json: JSON.stringify(a.guests),
    entered_on: enteredOn,
    note: a.note,
    ...studyColumns(a),
    created_at: createdAt,
    updated_at: ctx.platform.now(),
    deleted_at: null,
  };
}

export function attendanceRows(ctx: Ctx, activityId: string, list: AttendanceEntry[]): ActivityAttendanceTable[] {
  return list.map((e, i) => ({
    id: ctx.platform.newId(),
    activity_id: activityId,
    member_id: e.memberId,
    member_name: e.memberName,
    party_status: e.partyStatus,
    status: e.status,
    late: e.late ? 1 : 0,
    left_early: e.leftEarly ? 1 : 0,
    reason: e.reason,
    written_opinion: e.writtenOpinion ? 1 : 0,
    sort_order: i,
  }));
}

async function writeAttendance(tx: Tx, ctx: Ctx, id: string, list: AttendanceEntry[]): Promise<void> {
  await tx.deleteFrom('activity_attendance').where('activity_id', '=', id).execute();
  const rows = attendanceRows(ctx, id, list);
  await inChunks(rows, 200, (chunk) => tx.insertInto('activity_attendance').values(chunk).execute());
}

export async function createActivity(ctx: Ctx, a: ActivityInput): Promise<Activity> {
  const id = await ctx.db.transaction().execute((tx) => createActivityTx(tx, ctx, a));
  return getActivity(ctx, id);
}

/**
 * A new record inside the caller's transaction (the demo's steps write through
 * it). `enteredOn` is today for the clerk; the demo passes the meeting day, as
 * its records were written at the time.
 */
export async function createActivityTx(tx: Tx, ctx: Ctx, a: ActivityInput, enteredOn = ctx.platform.today()): Promise<string> {
  const id = ctx.platform.newId();
  await checkInput(tx, ctx, a);
  a = await withPostsOnDay(tx, a);
  await assertIntegrity(tx, null, a);
  const row = toRow(ctx, id, a, enteredOn, ctx.platform.now());
  await tx.insertInto('activities').values(row).execute();
  await writeAttendance(tx, ctx, id, a.attendance);
  const late = isLateEntry(row.held_on, row.entered_on, (await activityOptions(tx)).graceDays) ? '（补记）' : '';
  await audit(tx, ctx, { entity: 'activities', entityId: id, action: '新增', summary: `记录${a.heldOn} ${activityTitle(a.type, a.topic)}${late}`, after: { ...row, attendance: a.attendance } });
  return id;
}

export async function updateActivity(ctx: Ctx, id: string, a: ActivityInput): Promise<Activity> {
  await ctx.db.transaction().execute((tx) => updateActivityTx(tx, ctx, id, a));
  return getActivity(ctx, id);
}

export async function updateActivityTx(tx: Tx, ctx: Ctx, id: string, a: ActivityInput): Promise<void> {
  const before = await tx.selectFrom('activities').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!before) throw new LedgerError('找不到该组织生活记录，可能已被删除');
  await checkInput(tx, ctx, a);
  a = await withPostsOnDay(tx, a);
  await assertIntegrity(tx, id, a);
  const beforeAtt = (await attendanceOf(tx, [id])).get(id) ?? [];
  const row = toRow(ctx, id, a, before.entered_on, before.created_at);
  await tx.updateTable('activities').set(row).where('id', '=', id).execute();
  await writeAttendance(tx, ctx, id, a.attendance);
  await audit(tx, ctx, {
    entity: 'activities',
    entityId: id,
    action: '修改',
    summary: `修改${a.heldOn} ${activityTitle(a.type, a.topic)}的记录`,
    before: { ...before, attendance: beforeAtt },
    after: { ...row, attendance: a.attendance },
  });
}

export async function deleteActivity(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'activities', id));
}

/**
 * Who is due at a meeting on a day, as an attendance list with everyone
 * present: the branch roster (支部党员大会 and most types), the committee
 * (支委会; for the 党委: its members), or the 党小组 (党小组会).
 * A member whose full-membership date is after the day counts as 预备.
 */
export async function suggestedAttendance(ctx: Ctx, q: { orgId: string; type: string; groupId?: string | null; heldOn: string }): Promise<AttendanceEntry[]> {
  const org = await ctx.db.selectFrom('org_units').select(['id', 'kind']).where('id', '=', q.orgId).executeTakeFirst();
  if (!org) throw new LedgerError('所选组织不存在', 'orgId');
  const committeeOnly = q.type === '支部委员会' || org.kind !== '党支部';
  if (q.type === '谈心谈话') return [];
  if (committeeOnly) {
    const roles = await ctx.db
      .selectFrom('org_roles as r')
      .leftJoin('members as m', 'm.id', 'r.member_id')
      .select(['r.member_id', 'r.person_name', 'r.role', 'm.party_status', 'm.full_date'])
      .where('r.org_id', '=', q.orgId)
      .where('r.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('r.start_on', 'is', null), eb('r.start_on', '<=', q.heldOn)]))
      .where((eb) => eb.or([eb('r.end_on', 'is', null), eb('r.end_on', '>', q.heldOn)]))
      .execute();
    const seen = new Set<string>();
    return roles
      .filter((r) => {
        const k = r.member_id ?? r.person_name;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .map((r) => ({
        memberId: r.member_id,
        memberName: r.person_name,
        partyStatus: r.party_status ? statusOn({ partyStatus: r.party_status, fullDate: r.full_date }, q.heldOn) : '正式',
        status: '出席',
        late: false,
        leftEarly: false,
        reason: null,
        writtenOpinion: false,
      }));
  }
  const roster = await rosterOfOrgOn(ctx.db, q.orgId, q.heldOn, q.type === '党小组会' ? q.groupId : null);
  return roster.map((m) => ({ ...m, status: '出席', late: false, leftEarly: false, reason: null, writtenOpinion: false }));
}
