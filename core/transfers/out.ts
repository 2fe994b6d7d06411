/**
 * 转出: the next letter number, the dues month from the dues ledger (or the
 * clerk), the validity and the receipt date; the member leaves the roster as
 * 转出 through the member service. Issuing a letter and cancelling a mistaken
 * one are each one transaction: the roster change, the letter row and their
 * audit rows are written together or not at all.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { addDays, addMonths, monthOf, yearsBetween } from '../../common/dates.ts';
import { getMember, leaveRoster, rejoinRoster } from '../members/service.ts';
import type { Member } from '../members/model.ts';
import { lastPaidMonth } from '../dues/queries.ts';
import type { Transfer } from './model.ts';
import { transferRules } from './rules.ts';
import { nextLetterNo, ourOrgName } from './numbering.ts';
import { getTransfer } from './queries.ts';

export interface TransferOutInput {
  memberId: string;
  toOrg: string;
  transferDate: string;
  validityDays?: number | null;
  /** YYYY-MM; required when the dues ledger has nothing for the member */
  duesPaidTo?: string | null;
  memberPhone?: string | null;
  note?: string | null;
}

export interface TransferOutPlan {
  member: { id: string; name: string; gender: string; age: number; ethnicity: string; partyStatus: string; branchName: string; phone: string | null };
  letterNo: string;
  fromOrg: string;
  validityDays: number;
  expiresOn: string;
  receiptDueOn: string;
  /** From the dues ledger, or null when the clerk must supply it. */
  ledgerDuesPaidTo: string | null;
  duesPaidTo: string | null;
  duesSource: 'ledger' | 'clerk' | null;
  /** Things the clerk should know but that do not stop the letter. */
  warnings: string[];
  /** The warnings other than the two below, which the wizard shows with their action (the command line prints `warnings`). */
  otherWarnings: string[];
  /** Dues behind the transfer month: the member's branch, for the link to 党费收缴 (null when paid up). */
  duesBehind: { branchId: string; paidTo: string; dueTo: string } | null;
  /** Posts the member holds, to end in place once the letter is issued (org/roles/end). */
  posts: { id: string; orgName: string; role: string }[];
}

/** Everything a transfer-out would do, checked, without writing: the wizard shows it before the clerk confirms. */
export async function planTransferOut(ctx: Ctx, input: Omit<TransferOutInput, 'toOrg'> & { toOrg?: string }, tx: Tx = ctx.db): Promise<TransferOutPlan> {
  const today = ctx.platform.today();
  const rules = await transferRules(tx);
  let m: Member;
  try {
    m = await getMember(tx, input.memberId);
  } catch {
    throw new LedgerError('所选党员不存在', 'memberId');
  }
  if (m.leftType) throw new LedgerError(`${m.name}已于 ${m.leftDate} ${m.leftType}，不在册`, 'memberId');
  if (input.transferDate > today) throw new LedgerError('“转接日期”不能晚于今天（介绍信在党员离开当天开具）', 'transferDate');
  if (input.transferDate < m.joinDate) throw new LedgerError(`“转接日期”不能早于入党日期 ${m.joinDate}`, 'transferDate');
  const validityDays = input.validityDays ?? rules.validityDaysDefault;
  if (!Number.isInteger(validityDays) || validityDays < 1) throw new LedgerError('“有效期（天）”应为正整数', 'validityDays');
  if (validityDays > rules.validityDaysMax)
    throw new LedgerError(`“有效期（天）”不能超过 ${rules.validityDaysMax} 天（本单位规则，可在单位设置中调整）`, 'validityDays');
  const expiresOn = addDays(input.transferDate, validityDays);
  const ledger = await lastPaidMonth(tx, m.id);
  const supplied = input.duesPaidTo || null;
  if (ledger && supplied && supplied !== ledger)
    throw new LedgerError(`党费台账显示该同志党费已交到 ${ledger}，与填写的 ${supplied} 不一致；请先在党费台账中登记`, 'duesPaidTo');
  const duesPaidTo = ledger ?? supplied;
  const warnings: string[] = [];
  const transferMonth = monthOf(input.transferDate);
  if (duesPaidTo && duesPaidTo < transferMonth) warnings.push(`党费只交到 ${duesPaidTo}，按规定应交到转出当月（${transferMonth}），请先补交`);
  if (duesPaidTo && duesPaidTo > monthOf(addMonths(input.transferDate, 6))) throw new LedgerError('“党费已交到”超出转出月份 6 个月以上，预交一般不超过 6 个月', 'duesPaidTo');
  if (duesPaidTo && duesPaidTo < monthOf(m.joinDate)) throw new LedgerError('“党费已交到”不能早于入党月份', 'duesPaidTo');
  const otherWarnings = warnings.filter((w) => !w.startsWith('党费只交到'));
  const roles = await tx
    .selectFrom('org_roles as r')
    .innerJoin('org_units as u', 'u.id', 'r.org_id')
    .select(['r.id', 'r.role', 'u.name'])
    .where('r.member_id', '=', m.id)
    .where('r.end_on', 'is', null)
    .where('r.deleted_at', 'is', null)
    .execute();
  for (const r of roles) warnings.push(`该同志现任${r.name}${r.role}，转出后请到“组织架构”办理卸任`);
  const { letterNo } = await nextLetterNo(tx, Number(input.transferDate.slice(0, 4)));
  return {
    member: {
      id: m.id,
      name: m.name,
      gender: m.gender,
      age: yearsBetween(m.birthDate, input.transferDate),
      ethnicity: m.ethnicity,
      partyStatus: m.partyStatus,
      branchName: m.branchName,
      phone: m.phone,
    },
    letterNo,
    fromOrg: await ourOrgName(tx, m.branchName),
    validityDays,
    expiresOn,
    receiptDueOn: addMonths(expiresOn, rules.receiptMonths),
    ledgerDuesPaidTo: ledger,
    duesPaidTo,
    duesSource: ledger ? 'ledger' : supplied ? 'clerk' : null,
    warnings,
    otherWarnings,
    duesBehind: duesPaidTo && duesPaidTo < transferMonth ? { branchId: m.branchId, paidTo: duesPaidTo, dueTo: transferMonth } : null,
    posts: roles.map((r) => ({ id: r.id, orgName: r.name, role: r.role })),
  };
}

export async function transferOut(ctx: Ctx, input: TransferOutInput): Promise<Transfer> {
  return ctx.db.transaction().execute(async (tx) => {
    const plan = await planTransferOut(ctx, input, tx);
    if (!plan.duesPaidTo) throw new LedgerError('党费台账中没有该同志的缴费记录，请填写“党费已交到”的年月', 'duesPaidTo');
    const member = await getMember(tx, input.memberId);
    const year = Number(input.transferDate.slice(0, 4));
    const { seq, letterNo } = await nextLetterNo(tx, year);
    await leaveRoster(ctx, member.id, { leftType: '转出', leftDate: input.transferDate, leftReason: `组织关系转往${input.toOrg}（介绍信第${letterNo}号）` }, tx);
    const id = ctx.platform.newId();
    const now = ctx.platform.now();
    await tx
      .insertInto('transfers')
      .values({
        id,
        direction: '转出',
        letter_no: letterNo,
        letter_year: year,
        letter_seq: seq,
        member_id: member.id,
        member_name: member.name,
        party_status: member.partyStatus,
        branch_id: member.branchId,
        from_org: plan.fromOrg,
        to_org: input.toOrg,
        letter_date: input.transferDate,
        transfer_date: input.transferDate,
        validity_days: plan.validityDays,
        expires_on: plan.expiresOn,
        dues_paid_to: plan.duesPaidTo,
        dues_source: plan.duesSource,
        dues_start_month: null,
        receipt_due_on: plan.receiptDueOn,
        receipt_on: null,
        receipt_note: null,
        in_mode: null,
        member_phone: input.memberPhone ?? member.phone,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    const t = await getTransfer(ctx, id, tx);
    await audit(tx, ctx, { entity: 'transfers', entityId: id, action: '新增', summary: `开具组织关系介绍信第${letterNo}号：${member.name}转往${input.toOrg}`, after: t });
    return t;
  });
}

/**
 * Cancels a transfer-out entered by mistake: the record goes to the recycle bin
 * and the member is back on the branch roster. The letter number is not reused.
 */
export async function cancelTransferOut(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const t = await getTransfer(ctx, id, tx);
    if (t.direction !== '转出') throw new LedgerError('只能撤销转出；转入记录请在回收站中处理');
    if (t.receiptOn) throw new LedgerError('已收到回执的转出不能撤销');
    await softDelete(tx, ctx, 'transfers', id);
    const m = await getMember(tx, t.memberId);
    if (m.leftType === '转出' && m.leftDate === t.transferDate) await rejoinRoster(ctx, m.id, t.branchId, tx);
  });
}
