/**
 * Where a development file meets the member roster: the 支部大会 makes the
 * person a 预备党员 of the branch (join date = the meeting; dues start then),
 * 转正 makes them 正式 with the end of the 预备期 as 转正 date (党龄 counts
 * from it). The roster itself is written only by the members service; this
 * file says what each step asks of it. Runs inside the caller's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { admitProbationary, assignGroup, convertToFullMember, probationaryLeaves, type ApplicantFields, type Leave } from '../members/service.ts';
import { probationEnd } from './engine.ts';
import type { RuleSet } from './rulesets.ts';
import type { DevFile, StepRecord } from './model.ts';

function applicant(f: DevFile): ApplicantFields {
  return {
    name: f.name,
    gender: f.gender,
    ethnicity: f.ethnicity,
    birthDate: f.birthDate,
    idNumber: f.idNumber,
    nativePlace: f.nativePlace,
    education: f.education,
    category: f.category,
    workUnit: f.workUnit,
    position: f.position,
    phone: f.phone,
    branchId: f.branchId,
  };
}

/** Step 15: the person is on the roster as 预备党员 from the meeting, and the file is linked to the record. */
export async function acceptAsProbationary(tx: Transaction<DB>, ctx: Ctx, f: DevFile, meetingDate: string): Promise<void> {
  const m = await admitProbationary(ctx, { linkedId: f.memberId, person: applicant(f), branchName: f.branchName, meetingDate, note: '由发展档案转入' }, tx);
  if (!f.memberId) await tx.updateTable('development_files').set({ member_id: m.id, updated_at: ctx.platform.now() }).where('id', '=', f.id).execute();
}

/** Step 24: 转正 on the day the 预备期 (with any extension) ends. */
export async function convertToFull(tx: Transaction<DB>, ctx: Ctx, f: DevFile, steps: StepRecord[], rules: RuleSet): Promise<void> {
  if (!f.memberId) throw new LedgerError('该档案尚未编入党员花名册，不能转正');
  const s15 = steps.find((s) => s.step === 15)!;
  await convertToFullMember(ctx, f.memberId, probationEnd(s15.date, rules, f.extensionMonths), tx);
}

/** Step 19 (编入党支部和党小组): the group the 预备党员 joins. */
export async function setMemberGroup(tx: Transaction<DB>, ctx: Ctx, memberId: string, groupId: string): Promise<void> {
  await assignGroup(ctx, memberId, groupId, tx);
}

/** A probationary member who leaves the file (not approved, status cancelled) leaves the roster too. */
export async function leaveWithMember(tx: Transaction<DB>, ctx: Ctx, memberId: string, leave: Leave): Promise<void> {
  await probationaryLeaves(ctx, memberId, leave, tx);
}
