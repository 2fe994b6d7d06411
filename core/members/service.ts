/** Reading and changing the member roster; every change is audited in its transaction. */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { contains } from '../search.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { audit, softDelete, withTx, type Tx } from '../audit/service.ts';
import { memberLabels, memberProblems, memberToColumns, rowToMember, type Member, type MemberInput } from './model.ts';
import { normalizeIdNumber } from './idcard.ts';
import { resolveIdNumber } from './privacy.ts';

export interface MemberQuery {
  search?: string;
  branchId?: string;
  partyStatus?: string;
  category?: string;
  /** 'active' (default): on the roster; 'left': left the roster; 'all' */
  scope?: 'active' | 'left' | 'all';
  sortBy?: 'name' | 'birthDate' | 'joinDate' | 'branch' | 'idNumber';
  sortDir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const SORT_COLUMNS = {
  name: 'm.name',
  birthDate: 'm.birth_date',
  joinDate: 'm.join_date',
  branch: 'b.sort_order',
  idNumber: 'm.id_number',
} as const;

function baseQuery(tx: Tx) {
  return tx
    .selectFrom('members as m')
    .innerJoin('org_units as b', 'b.id', 'm.branch_id')
    .leftJoin('org_units as g', 'g.id', 'm.group_id')
    .where('m.deleted_at', 'is', null);
}

export async function listMembers(ctx: Ctx, q: MemberQuery): Promise<{ total: number; rows: Member[] }> {
  let query = baseQuery(ctx.db);
  const scope = q.scope ?? 'active';
  if (scope === 'active') query = query.where('m.left_type', 'is', null);
  if (scope === 'left') query = query.where('m.left_type', 'is not', null);
  if (q.branchId) query = query.where((eb) => eb.or([eb('m.branch_id', '=', q.branchId!), eb('b.parent_id', '=', q.branchId!)]));
  if (q.partyStatus) query = query.where('m.party_status', '=', q.partyStatus);
  if (q.category) query = query.where('m.category', '=', q.category);
  if (q.search?.trim()) {
    const t = q.search.trim();
    query = query.where((eb) => eb.or([contains('m.name', t), contains('m.id_number', t), contains('m.phone', t), contains('m.position', t)]));
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const dir = q.sortDir ?? 'asc';
  const pageSize = q.pageSize ?? 20;
  const page = Math.max(1, q.page ?? 1);
  const rows = await query
    .selectAll('m')
    .select(['b.name as branch_name', 'g.name as group_name'])
    .orderBy(SORT_COLUMNS[q.sortBy ?? 'branch'], dir)
    .orderBy('m.join_date', 'asc')
    .orderBy('m.id', 'asc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows: rows.map(rowToMember) };
}

export async function getMember(tx: Tx, id: string): Promise<Member> {
  const row = await baseQuery(tx).selectAll('m').select(['b.name as branch_name', 'g.name as group_name']).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw new LedgerError('找不到该党员，可能已被删除');
  return rowToMember(row);
}

/** Throws one LedgerError naming the first bad field; `details` carries all of them. */
export async function checkMember(tx: Tx, ctx: Ctx, m: MemberInput, selfId: string | null): Promise<void> {
  const problems = memberProblems(m, ctx.platform.today());
  const branch = await tx.selectFrom('org_units').select(['id', 'kind']).where('id', '=', m.branchId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!branch) problems.push({ field: 'branchId', message: '所选支部不存在' });
  if (m.groupId) {
    const g = await tx.selectFrom('org_units').select(['parent_id', 'kind']).where('id', '=', m.groupId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!g || g.kind !== '党小组' || g.parent_id !== m.branchId) problems.push({ field: 'groupId', message: '党小组不属于所选支部' });
  }
  const dup = await tx
    .selectFrom('members')
    .select(['id', 'name', 'deleted_at'])
    .where('id_number', '=', normalizeIdNumber(m.idNumber))
    .executeTakeFirst();
  if (dup && dup.id !== selfId)
    problems.push({ field: 'idNumber', message: `与党员“${dup.name}”重复${dup.deleted_at ? '（该党员在回收站中，可先恢复）' : ''}` });
  if (problems.length) {
    const p = problems[0];
    throw new LedgerError(`“${memberLabels[p.field]}”${p.message}`, p.field, problems);
  }
}

export async function createMember(ctx: Ctx, m: MemberInput, outer?: Transaction<DB>): Promise<Member> {
  return withTx(ctx, outer, async (tx) => {
    await checkMember(tx, ctx, m, null);
    const id = ctx.platform.newId();
    const now = ctx.platform.now();
    await tx.insertInto('members').values({ id, ...memberToColumns(m), left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null }).execute();
    const created = await getMember(tx, id);
    await audit(tx, ctx, { entity: 'members', entityId: id, action: '新增', summary: `新增党员“${m.name}”`, after: created });
    return created;
  });
}

export async function updateMember(ctx: Ctx, id: string, m: MemberInput, outer?: Transaction<DB>): Promise<Member> {
  return withTx(ctx, outer, async (tx) => {
    const before = await getMember(tx, id);
    // The form shows the number masked; sent back untouched, it means "keep the stored one".
    m = { ...m, idNumber: resolveIdNumber(m.idNumber, before.idNumber) };
    await checkMember(tx, ctx, m, id);
    await tx.updateTable('members').set({ ...memberToColumns(m), updated_at: ctx.platform.now() }).where('id', '=', id).execute();
    const after = await getMember(tx, id);
    await audit(tx, ctx, { entity: 'members', entityId: id, action: '修改', summary: `修改党员“${m.name}”的信息`, before, after });
    return after;
  });
}

export interface Leave {
  leftType: string;
  leftDate: string;
  leftReason: string | null;
}

export async function leaveRoster(ctx: Ctx, id: string, leave: Leave, outer?: Transaction<DB>): Promise<Member> {
  return withTx(ctx, outer, async (tx) => {
    const before = await getMember(tx, id);
    if (before.leftType) throw new LedgerError(`该党员已于 ${before.leftDate} ${before.leftType}`);
    if (leave.leftDate > ctx.platform.today()) throw new LedgerError('“离开日期”不能晚于今天', 'leftDate');
    if (leave.leftDate < before.joinDate) throw new LedgerError('“离开日期”不能早于入党日期', 'leftDate');
    return markLeft(tx, ctx, before, leave, `党员“${before.name}”${leave.leftType}（${leave.leftDate}）`);
  });
}

async function markLeft(tx: Tx, ctx: Ctx, before: Member, leave: Leave, summary: string): Promise<Member> {
  await tx
    .updateTable('members')
    .set({ left_type: leave.leftType, left_date: leave.leftDate, left_reason: leave.leftReason, updated_at: ctx.platform.now() })
    .where('id', '=', before.id)
    .execute();
  const after = await getMember(tx, before.id);
  await audit(tx, ctx, { entity: 'members', entityId: before.id, action: '离开', summary, before, after });
  return after;
}

/** Puts a member who left (e.g. transferred out and back) on a branch roster again; history stays in the log. */
export async function rejoinRoster(ctx: Ctx, id: string, branchId: string, outer?: Transaction<DB>): Promise<Member> {
  return withTx(ctx, outer, async (tx) => {
    const before = await getMember(tx, id);
    if (!before.leftType) throw new LedgerError('该党员仍在册，无需恢复');
    await tx
      .updateTable('members')
      .set({ left_type: null, left_date: null, left_reason: null, branch_id: branchId, group_id: null, updated_at: ctx.platform.now() })
      .where('id', '=', id)
      .execute();
    const after = await getMember(tx, id);
    await audit(tx, ctx, { entity: 'members', entityId: id, action: '修改', summary: `党员“${before.name}”重新编入“${after.branchName}”`, before, after });
    return after;
  });
}

export async function deleteMember(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'members', id));
}

// ── Changes a development file makes to the roster (发展党员: 接收预备党员, 编入党小组, 转正, 取消预备党员资格) ──

/** One checked, audited change of a stored member; `left` puts a member who left back on the roster. */
async function change(tx: Tx, ctx: Ctx, before: Member, next: MemberInput, summary: string, left?: 'rejoin'): Promise<Member> {
  await checkMember(tx, ctx, next, before.id);
  const back = left === 'rejoin' ? { left_type: null, left_date: null, left_reason: null } : {};
  await tx.updateTable('members').set({ ...memberToColumns(next), ...back, updated_at: ctx.platform.now() }).where('id', '=', before.id).execute();
  const after = await getMember(tx, before.id);
  await audit(tx, ctx, { entity: 'members', entityId: before.id, action: '修改', summary, before, after });
  return after;
}

/** What a development file knows of the person; the rest of the record stays as it was (or empty for a new one). */
export type ApplicantFields = Omit<MemberInput, 'workStartDate' | 'policeType' | 'policeRank' | 'groupId' | 'note' | 'joinDate' | 'fullDate' | 'partyStatus'>;

export interface Admission {
  /** the roster record the file is already linked to, if any */
  linkedId: string | null;
  person: ApplicantFields;
  branchName: string;
  /** the 支部大会 that accepted the person: the join date */
  meetingDate: string;
  /** the note of a record created by the admission */
  note: string | null;
}

/**
 * The 支部大会 makes the person a 预备党员 of the branch: the linked record's join date is corrected,
 * a 预备党员 already on the roster is linked, someone who left is taken up again, or a record is created.
 */
export async function admitProbationary(ctx: Ctx, a: Admission, outer?: Transaction<DB>): Promise<Member> {
  return withTx(ctx, outer, async (tx) => {
    const { person: p, meetingDate } = a;
    if (a.linkedId) {
      const before = await getMember(tx, a.linkedId);
      if (before.joinDate === meetingDate) return before;
      return change(tx, ctx, before, { ...before, joinDate: meetingDate }, `更正预备党员“${before.name}”的入党日期为 ${meetingDate}（支部大会日期）`);
    }
    const fresh: MemberInput = { ...p, joinDate: meetingDate, fullDate: null, partyStatus: '预备', workStartDate: null, policeType: null, policeRank: null, groupId: null, note: a.note };
    const existing = await tx.selectFrom('members').select(['id', 'name', 'left_type', 'party_status']).where('id_number', '=', normalizeIdNumber(p.idNumber)).where('deleted_at', 'is', null).executeTakeFirst();
    if (existing && !existing.left_type && existing.party_status !== '预备') throw new LedgerError(`公民身份号码与在册正式党员“${existing.name}”相同`);
    if (existing && !existing.left_type) {
      // Already on the roster as 预备党员 (entered or imported before the file): link it; the join date is the meeting's.
      const before = await getMember(tx, existing.id);
      if (before.branchId !== p.branchId) throw new LedgerError(`预备党员“${before.name}”在册于“${before.branchName}”，与发展档案的支部不同，请先核对`);
      const summary = `在册预备党员“${before.name}”与发展档案关联（支部大会 ${meetingDate}）`;
      if (before.joinDate !== meetingDate) return change(tx, ctx, before, { ...before, joinDate: meetingDate }, summary);
      await audit(tx, ctx, { entity: 'members', entityId: before.id, action: '修改', summary, before, after: before });
      return before;
    }
    if (existing) {
      // Someone who left the roster before (e.g. 取消预备党员资格 earlier) is taken up again; history stays in the log.
      const before = await getMember(tx, existing.id);
      const next: MemberInput = { ...before, ...p, joinDate: meetingDate, fullDate: null, partyStatus: '预备' };
      return change(tx, ctx, before, next, `“${p.name}”经支部大会接收为预备党员（${meetingDate}），重新编入“${a.branchName}”`, 'rejoin');
    }
    await checkMember(tx, ctx, fresh, null);
    const id = ctx.platform.newId();
    const now = ctx.platform.now();
    await tx.insertInto('members').values({ id, ...memberToColumns(fresh), left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null }).execute();
    const created = await getMember(tx, id);
    await audit(tx, ctx, { entity: 'members', entityId: id, action: '新增', summary: `“${p.name}”经支部大会接收为预备党员（${meetingDate}），编入“${a.branchName}”`, after: created });
    return created;
  });
}

/** 转正: the 预备党员 becomes 正式 with the end of the 预备期 as 转正 date (党龄 counts from it). */
export async function convertToFullMember(ctx: Ctx, id: string, fullDate: string, outer?: Transaction<DB>): Promise<Member> {
  return withTx(ctx, outer, async (tx) => {
    const before = await getMember(tx, id);
    if (before.partyStatus === '正式' && before.fullDate === fullDate) return before;
    if (before.leftType) throw new LedgerError(`该党员已于 ${before.leftDate} ${before.leftType}，不能转正`);
    return change(tx, ctx, before, { ...before, partyStatus: '正式', fullDate }, `预备党员“${before.name}”转为正式党员，转正日期 ${fullDate}`);
  });
}

export async function assignGroup(ctx: Ctx, id: string, groupId: string, outer?: Transaction<DB>): Promise<Member> {
  return withTx(ctx, outer, async (tx) => {
    const before = await getMember(tx, id);
    if (before.groupId === groupId) return before;
    return change(tx, ctx, before, { ...before, groupId }, `“${before.name}”编入党小组`);
  });
}

/** A 预备党员 whose file ends (not approved, 取消预备党员资格) leaves the roster; anyone else is left as is. */
export async function probationaryLeaves(ctx: Ctx, id: string, leave: Leave, outer?: Transaction<DB>): Promise<Member> {
  return withTx(ctx, outer, async (tx) => {
    const before = await getMember(tx, id);
    if (before.leftType || before.partyStatus !== '预备') return before;
    return markLeft(tx, ctx, before, leave, `预备党员“${before.name}”${leave.leftType}（${leave.leftDate}），离开党员花名册`);
  });
}
