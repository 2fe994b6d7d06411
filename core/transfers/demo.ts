/**
 * Demo transfers: one member of 治安大队党支部 transferred out 45 days ago whose
 * receipt has not come back (the letter has expired, so the dashboard shows a
 * reminder), and one member received from another sub-bureau three months ago
 * whose receipt we sent back.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { addDays, addMonths, addYears, fmt, monthOf } from '../../common/dates.ts';
import { makeIdNumber } from '../members/idcard.ts';
import { lastPaidMonth } from '../dues/queries.ts';
import { checkTransferIn, defaultDuesStart } from './in.ts';
import { planTransferOut } from './out.ts';
import { createMember, getMember, leaveRoster } from '../members/service.ts';
import { nextLetterNo, ourOrgName } from './numbering.ts';
import { NATIONAL_TRANSFER_RULES } from './rules.ts';

export async function demoTransfers(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const now = ctx.platform.now();
  const rules = NATIONAL_TRANSFER_RULES.values;
  const base = {
    letter_year: null, letter_seq: null, validity_days: null, expires_on: null, dues_paid_to: null, dues_source: null, dues_start_month: null,
    receipt_on: null, receipt_note: null, in_mode: null, member_phone: null, note: null, created_at: now, updated_at: now, deleted_at: null,
  };

  // Out: a member without a committee role in the fourth branch.
  const branch = state.branches[3] ?? state.branches[0];
  const leaver = branch.members.find((m, i) => i >= 4 && m.partyStatus === '正式' && m.category === '在职') ?? branch.members[branch.members.length - 1];
  const outDate = addDays(today, -45);
  const toOrg = '中共江城市公安局江北分局委员会';
  // every check a clerk's 转出 meets (on the roster, dates, validity, dues month from the ledger or the clerk)
  const duesPaidTo = (await lastPaidMonth(tx, leaver.id)) ?? monthOf(outDate);
  const plan = await planTransferOut(ctx, { memberId: leaver.id, toOrg, transferDate: outDate, duesPaidTo }, tx);
  const row = await getMember(tx, leaver.id);
  const year = Number(outDate.slice(0, 4));
  const { seq, letterNo } = await nextLetterNo(tx, year);
  await leaveRoster(ctx, leaver.id, { leftType: '转出', leftDate: outDate, leftReason: `组织关系转往${toOrg}（介绍信第${letterNo}号）` }, tx);
  const expiresOn = plan.expiresOn;
  await tx
    .insertInto('transfers')
    .values({
      ...base,
      id: ctx.platform.newId(),
      direction: '转出',
      letter_no: letterNo,
      letter_year: year,
      letter_seq: seq,
      member_id: leaver.id,
      member_name: row.name,
      party_status: row.partyStatus,
      branch_id: branch.id,
      from_org: plan.fromOrg,
      to_org: toOrg,
      letter_date: outDate,
      transfer_date: outDate,
      validity_days: plan.validityDays,
      expires_on: expiresOn,
      dues_paid_to: plan.duesPaidTo,
      dues_source: plan.duesSource,
      receipt_due_on: plan.receiptDueOn,
      member_phone: row.phone,
      note: '工作调动',
    })
    .execute();
  branch.members = branch.members.filter((m) => m.id !== leaver.id);

  // In: a new member from another sub-bureau, in the first 派出所 branch.
  const target = state.branches.find((b) => b.name.includes('派出所')) ?? state.branches[0];
  const inDate = addMonths(today, -3);
  const thisYear = Number(today.slice(0, 4));
  const birth = fmt(thisYear - rng.int(28, 40), rng.int(1, 12), rng.int(1, 28));
  const joinDate = addDays(addYears(birth, 23), rng.int(0, 300));
  const name = '欧阳晓峰';
  const inPaid = monthOf(addDays(inDate, -2));
  const inLetterNo = `${thisYear}${String(rng.int(10, 60)).padStart(3, '0')}`;
  const fromOrg = '江城市公安局江南分局巡特警大队党支部';
  const member = {
    name, gender: '男', ethnicity: '汉族', birthDate: birth, idNumber: makeIdNumber('420102', birth, 977, true), nativePlace: '湖北武汉',
    education: '大学本科', workStartDate: addYears(birth, 22), joinDate, fullDate: addYears(joinDate, 1), partyStatus: '正式', category: '在职',
    workUnit: target.name.replace(/党支部$/, ''), policeType: '派出所', position: '社区民警', policeRank: '二级警司', phone: '13871234567', groupId: null, note: null,
  };
  // the checks of a clerk's 转入, then the member through the members service
  await checkTransferIn(ctx, { mode: 'new', member, branchId: target.id, letterNo: inLetterNo, fromOrg, letterDate: addDays(inDate, -2), transferDate: inDate, duesPaidTo: inPaid }, tx);
  const { id } = await createMember(ctx, { ...member, branchId: target.id }, tx);
  await tx
    .insertInto('transfers')
    .values({
      ...base,
      id: ctx.platform.newId(),
      direction: '转入',
      letter_no: inLetterNo,
      member_id: id,
      member_name: name,
      party_status: '正式',
      branch_id: target.id,
      from_org: fromOrg,
      to_org: await ourOrgName(tx, target.name),
      letter_date: addDays(inDate, -2),
      transfer_date: inDate,
      validity_days: 30,
      expires_on: addDays(inDate, 28),
      dues_paid_to: inPaid,
      dues_source: 'clerk',
      dues_start_month: defaultDuesStart(inPaid, inDate),
      receipt_due_on: addMonths(inDate, rules.receiptMonths),
      receipt_on: addDays(inDate, 6),
      receipt_note: '邮寄',
      in_mode: 'new',
      member_phone: '13871234567',
      note: '工作调动',
    })
    .execute();
  target.members.push({ id, name, joinDate, partyStatus: '正式', category: '在职' });
}
