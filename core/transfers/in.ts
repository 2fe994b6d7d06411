/**
 * 转入: the incoming letter is recorded and the member added to a branch roster,
 * or, for a former member who transferred out, put back on one. Every check, the
 * roster change, the transfer row and their audit rows are one transaction.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit, type Tx } from '../audit/service.ts';
import { addMonths, monthOf } from '../../common/dates.ts';
import { createMember, getMember, rejoinRoster } from '../members/service.ts';
import type { Member, MemberInput } from '../members/model.ts';
import { normalizeIdNumber } from '../members/idcard.ts';
import type { Transfer } from './model.ts';
import { transferRules } from './rules.ts';
import { ourOrgName } from './numbering.ts';
import { getTransfer } from './queries.ts';

export interface TransferInInput {
  mode: 'new' | 'rejoin';
  /** mode 'new': the member's details (branchId is taken from `branchId`) */
  member?: Omit<MemberInput, 'branchId'> | null;
  /** mode 'rejoin': a former member who left the roster */
  memberId?: string | null;
  branchId: string;
  letterNo: string;
  fromOrg: string;
  letterDate: string;
  /** the day the member reported (报到) */
  transferDate: string;
  duesPaidTo?: string | null;
  duesStartMonth?: string | null;
  note?: string | null;
}

/** Dues start the month after the month the letter says is paid; without it, the reporting month. */
export function defaultDuesStart(duesPaidTo: string | null, transferDate: string): string {
  return duesPaidTo ? monthOf(addMonths(`${duesPaidTo}-01`, 1)) : monthOf(transferDate);
}

export async function checkTransferIn(ctx: Ctx, input: TransferInInput, tx: Tx): Promise<{ branchName: string; former: Member | null }> {
  const today = ctx.platform.today();
  if (input.letterDate > today) throw new LedgerError('“介绍信日期”不能晚于今天', 'letterDate');
  if (input.transferDate > today) throw new LedgerError('“报到日期”不能晚于今天', 'transferDate');
  if (input.transferDate < input.letterDate) throw new LedgerError('“报到日期”不能早于介绍信日期', 'transferDate');
  const branch = await tx.selectFrom('org_units').select(['name', 'kind']).where('id', '=', input.branchId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!branch || branch.kind !== '党支部') throw new LedgerError('请选择要编入的党支部', 'branchId');
  if (input.duesStartMonth && input.duesPaidTo && input.duesStartMonth <= input.duesPaidTo)
    throw new LedgerError(`“党费起交月份”应晚于介绍信上的“党费已交到” ${input.duesPaidTo}`, 'duesStartMonth');
  const dup = await tx
    .selectFrom('transfers')
    .select('member_name')
    .where('direction', '=', '转入')
    .where('letter_no', '=', input.letterNo)
    .where('from_org', '=', input.fromOrg)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (dup) throw new LedgerError(`${input.fromOrg}第${input.letterNo}号介绍信已登记过（${dup.member_name}）`, 'letterNo');
  if (input.mode === 'rejoin') {
    if (!input.memberId) throw new LedgerError('请选择要恢复的原党员', 'memberId');
    const former = await getMember(tx, input.memberId);
    if (!former.leftType) throw new LedgerError(`${former.name}仍在册，不能重复转入`, 'memberId');
    if (former.leftType !== '转出') throw new LedgerError(`${former.name}是因“${former.leftType}”离开的，不能按转入恢复`, 'memberId');
    if (former.leftDate && input.transferDate < former.leftDate) throw new LedgerError(`“报到日期”不能早于该同志转出的日期 ${former.leftDate}`, 'transferDate');
    return { branchName: branch.name, former };
  }
  if (!input.member) throw new LedgerError('请填写转入党员的基本信息', 'member');
  const known = await tx
    .selectFrom('members')
    .select(['name', 'left_type', 'left_date'])
    .where('id_number', '=', normalizeIdNumber(input.member.idNumber))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (known?.left_type === '转出')
    throw new LedgerError(`${known.name}曾于 ${known.left_date} 从本单位转出，请选择“原党员转回”恢复其记录`, 'idNumber');
  return { branchName: branch.name, former: null };
}

export async function transferIn(ctx: Ctx, input: TransferInInput): Promise<Transfer> {
  return ctx.db.transaction().execute(async (tx) => {
    const { branchName, former } = await checkTransferIn(ctx, input, tx);
    const rules = await transferRules(tx);
    const member = former ? await rejoinRoster(ctx, former.id, input.branchId, tx) : await createMember(ctx, { ...input.member!, branchId: input.branchId }, tx);
    const id = ctx.platform.newId();
    const now = ctx.platform.now();
    const duesPaidTo = input.duesPaidTo || null;
    await tx
      .insertInto('transfers')
      .values({
        id,
        direction: '转入',
        letter_no: input.letterNo,
        letter_year: null,
        letter_seq: null,
        member_id: member.id,
        member_name: member.name,
        party_status: member.partyStatus,
        branch_id: input.branchId,
        from_org: input.fromOrg,
        to_org: await ourOrgName(tx, branchName),
        letter_date: input.letterDate,
        transfer_date: input.transferDate,
        validity_days: null,
        expires_on: null,
        dues_paid_to: duesPaidTo,
        dues_source: duesPaidTo ? 'clerk' : null,
        dues_start_month: input.duesStartMonth || defaultDuesStart(duesPaidTo, input.transferDate),
        receipt_due_on: addMonths(input.transferDate, rules.receiptMonths),
        receipt_on: null,
        receipt_note: null,
        in_mode: input.mode,
        member_phone: member.phone,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    const t = await getTransfer(ctx, id, tx);
    await audit(tx, ctx, {
      entity: 'transfers',
      entityId: id,
      action: '新增',
      summary: `登记转入：${member.name}自${input.fromOrg}转入${branchName}（介绍信第${input.letterNo}号）`,
      after: t,
    });
    return t;
  });
}
