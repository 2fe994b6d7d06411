/**
 * Where a development file meets the member roster: the 支部大会 makes the
 * person a 预备党员 of the branch (join date = the meeting; dues start then),
 * 转正 makes them 正式 with the end of the 预备期 as 转正 date (党龄 counts
 * from it). Runs inside the caller's transaction, with audit rows.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit, type Tx } from '../audit/service.ts';
import { checkMember, getMember } from '../members/service.ts';
import { memberToColumns, type MemberInput } from '../members/model.ts';
import { probationEnd } from './engine.ts';
import type { RuleSet } from './rulesets.ts';
import type { DevFile, StepRecord } from './model.ts';

function memberInput(f: DevFile, joinDate: string, base?: MemberInput): MemberInput {
  return {
    ...(base ?? { workStartDate: null, policeType: null, policeRank: null, groupId: null, note: null }),
    name: f.name,
    gender: f.gender,
    ethnicity: f.ethnicity,
    birthDate: f.birthDate,
    idNumber: f.idNumber,
    nativePlace: f.nativePlace,
    education: f.education,
    joinDate,
    fullDate: null,
    partyStatus: '预备',
    category: f.category,
    workUnit: f.workUnit,
    position: f.position,
    phone: f.phone,
    branchId: f.branchId,
  } as MemberInput;
}

export async function acceptAsProbationary(tx: Tx, ctx: Ctx, f: DevFile, meetingDate: string): Promise<void> {
  const now = ctx.platform.now();
  if (f.memberId) {
    const before = await getMember(tx, f.memberId);
    if (before.joinDate === meetingDate) return;
    const input = { ...before, joinDate: meetingDate };
    await checkMember(tx, ctx, input, before.id);
    await tx.updateTable('members').set({ join_date: meetingDate, updated_at: now }).where('id', '=', before.id).execute();
    await audit(tx, ctx, { entity: 'members', entityId: before.id, action: '修改', summary: `更正预备党员“${before.name}”的入党日期为 ${meetingDate}（支部大会日期）`, before, after: await getMember(tx, before.id) });
    return;
  }
  const existing = await tx.selectFrom('members').selectAll().where('id_number', '=', f.idNumber).where('deleted_at', 'is', null).executeTakeFirst();
  if (existing && !existing.left_type && existing.party_status !== '预备') throw new LedgerError(`公民身份号码与在册正式党员“${existing.name}”相同`);
  let memberId: string;
  if (existing && !existing.left_type) {
    // Already on the roster as 预备党员 (entered or imported before the file): link it; the join date is the meeting's.
    const before = await getMember(tx, existing.id);
    if (before.branchId !== f.branchId) throw new LedgerError(`预备党员“${before.name}”在册于“${before.branchName}”，与发展档案的支部不同，请先核对`);
    memberId = existing.id;
    if (before.joinDate !== meetingDate) {
      await checkMember(tx, ctx, { ...before, joinDate: meetingDate }, memberId);
      await tx.updateTable('members').set({ join_date: meetingDate, updated_at: now }).where('id', '=', memberId).execute();
    }
    await audit(tx, ctx, { entity: 'members', entityId: memberId, action: '修改', summary: `在册预备党员“${before.name}”与发展档案关联（支部大会 ${meetingDate}）`, before, after: await getMember(tx, memberId) });
  } else if (existing) {
    // Someone who left the roster before (e.g. 取消预备党员资格 earlier) is taken up again; history stays in the log.
    const before = await getMember(tx, existing.id);
    const input = memberInput(f, meetingDate, before);
    await checkMember(tx, ctx, input, existing.id);
    await tx.updateTable('members').set({ ...memberToColumns(input), left_type: null, left_date: null, left_reason: null, updated_at: now }).where('id', '=', existing.id).execute();
    memberId = existing.id;
    await audit(tx, ctx, { entity: 'members', entityId: memberId, action: '修改', summary: `“${f.name}”经支部大会接收为预备党员（${meetingDate}），重新编入“${f.branchName}”`, before, after: await getMember(tx, memberId) });
  } else {
    const input = memberInput(f, meetingDate);
    input.note = '由发展档案转入';
    await checkMember(tx, ctx, input, null);
    memberId = ctx.platform.newId();
    await tx.insertInto('members').values({ id: memberId, ...memberToColumns(input), left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null }).execute();
    await audit(tx, ctx, { entity: 'members', entityId: memberId, action: '新增', summary: `“${f.name}”经支部大会接收为预备党员（${meetingDate}），编入“${f.branchName}”`, after: await getMember(tx, memberId) });
  }
  await tx.updateTable('development_files').set({ member_id: memberId, updated_at: now }).where('id', '=', f.id).execute();
}

export async function convertToFull(tx: Tx, ctx: Ctx, f: DevFile, steps: StepRecord[], rules: RuleSet): Promise<void> {
  if (!f.memberId) throw new LedgerError('该档案尚未编入党员花名册，不能转正');
  const s15 = steps.find((s) => s.step === 15)!;
  const fullDate = probationEnd(s15.date, rules, f.extensionMonths);
  const before = await getMember(tx, f.memberId);
  if (before.partyStatus === '正式' && before.fullDate === fullDate) return;
  if (before.leftType) throw new LedgerError(`该党员已于 ${before.leftDate} ${before.leftType}，不能转正`);
  await checkMember(tx, ctx, { ...before, partyStatus: '正式', fullDate }, before.id);
  await tx.updateTable('members').set({ party_status: '正式', full_date: fullDate, updated_at: ctx.platform.now() }).where('id', '=', before.id).execute();
  await audit(tx, ctx, { entity: 'members', entityId: before.id, action: '修改', summary: `预备党员“${before.name}”转为正式党员，转正日期 ${fullDate}`, before, after: await getMember(tx, before.id) });
}

export async function setMemberGroup(tx: Tx, ctx: Ctx, memberId: string, groupId: string): Promise<void> {
  const before = await getMember(tx, memberId);
  if (before.groupId === groupId) return;
  await checkMember(tx, ctx, { ...before, groupId }, memberId);
  await tx.updateTable('members').set({ group_id: groupId, updated_at: ctx.platform.now() }).where('id', '=', memberId).execute();
  await audit(tx, ctx, { entity: 'members', entityId: memberId, action: '修改', summary: `“${before.name}”编入党小组`, before, after: await getMember(tx, memberId) });
}

/** A probationary member who leaves the file (not approved, status cancelled) leaves the roster too. */
export async function leaveWithMember(tx: Tx, ctx: Ctx, memberId: string, leave: { leftType: string; leftDate: string; leftReason: string }): Promise<void> {
  const before = await getMember(tx, memberId);
  if (before.leftType || before.partyStatus !== '预备') return;
  await tx.updateTable('members').set({ left_type: leave.leftType, left_date: leave.leftDate, left_reason: leave.leftReason, updated_at: ctx.platform.now() }).where('id', '=', memberId).execute();
  await audit(tx, ctx, { entity: 'members', entityId: memberId, action: '离开', summary: `预备党员“${before.name}”${leave.leftType}（${leave.leftDate}），离开党员花名册`, before, after: await getMember(tx, memberId) });
}
