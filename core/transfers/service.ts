/**
 * 组织关系转接. Going out: the next letter number, the dues month from the dues
 * ledger (or the clerk), the validity and the receipt date; the member leaves
 * the roster as 转出 through the member service. Coming in: the incoming letter
 * is recorded and the member added or put back on a branch roster.
 *
 * The member service opens its own transactions, so a transfer is two steps:
 * every check first, then the roster change, then the transfer row; if the
 * second step fails the roster change is undone (and both are in the log).
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { addDays, addMonths, monthOf, yearsBetween } from '../dates.ts';
import { getSetting } from '../settings/service.ts';
import { createMember, getMember, leaveRoster, rejoinRoster } from '../members/service.ts';
import type { Member, MemberInput } from '../members/model.ts';
import { normalizeIdNumber } from '../members/idcard.ts';
import { rowToTransfer, type Direction, type Transfer } from './model.ts';
import { formatLetterNo, SETTING_KEYS, transferRules } from './rules.ts';
import { lastPaidMonth } from '../dues/queries.ts';

function query(tx: Tx) {
  return tx
    .selectFrom('transfers as t')
    .innerJoin('org_units as b', 'b.id', 't.branch_id')
    .selectAll('t')
    .select('b.name as branch_name')
    .where('t.deleted_at', 'is', null);
}

export async function getTransfer(ctx: Ctx, id: string, tx: Tx = ctx.db): Promise<Transfer> {
  const row = await query(tx).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw new LedgerError('找不到该转接记录，可能已被删除');
  return rowToTransfer(row, ctx.platform.today());
}

export interface TransferQuery {
  year?: number;
  direction?: Direction;
  /** only those whose receipt is still open (not received / not sent) */
  openOnly?: boolean;
  search?: string;
}

export async function listTransfers(ctx: Ctx, q: TransferQuery = {}): Promise<Transfer[]> {
  let sel = query(ctx.db);
  if (q.year) sel = sel.where('t.transfer_date', '>=', `${q.year}-01-01`).where('t.transfer_date', '<=', `${q.year}-12-31`);
  if (q.direction) sel = sel.where('t.direction', '=', q.direction);
  if (q.openOnly) sel = sel.where('t.receipt_on', 'is', null);
  if (q.search?.trim()) {
    const like = `%${q.search.trim()}%`;
    sel = sel.where((eb) => eb.or([eb('t.member_name', 'like', like), eb('t.letter_no', 'like', like), eb('t.from_org', 'like', like), eb('t.to_org', 'like', like)]));
  }
  const rows = await sel.orderBy('t.transfer_date', 'desc').orderBy('t.letter_no', 'desc').execute();
  return rows.map((r) => rowToTransfer(r, ctx.platform.today()));
}

/** The next free serial for letters issued in `year`; numbers of deleted letters are not reused. */
export async function nextLetterNo(tx: Tx, year: number): Promise<{ seq: number; letterNo: string }> {
  const r = await tx
    .selectFrom('transfers')
    .select((eb) => eb.fn.max('letter_seq').as('m'))
    .where('direction', '=', '转出')
    .where('letter_year', '=', year)
    .executeTakeFirst();
  const seq = Number(r?.m ?? 0) + 1;
  return { seq, letterNo: formatLetterNo(await getSetting<string>(tx, SETTING_KEYS.letterNoPattern), year, seq) };
}

/** The name of our side as printed on letters: the unit and the branch ("临江分局刑侦大队党支部"). */
export async function ourOrgName(tx: Tx, branchName: string): Promise<string> {
  const committee = (await getSetting<string>(tx, 'org.committeeName')) || (await getSetting<string>(tx, 'org.unitName')) || '';
  const unit = (await getSetting<string>(tx, 'org.unitName')) || committee.replace(/^中共/, '').replace(/委员会$/, '');
  return `${unit}${branchName}`;
}

// ---------------------------------------------------------------- transfer out

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
  const roles = await tx
    .selectFrom('org_roles as r')
    .innerJoin('org_units as u', 'u.id', 'r.org_id')
    .select(['r.role', 'u.name'])
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
  };
}

export async function transferOut(ctx: Ctx, input: TransferOutInput): Promise<Transfer> {
  const plan = await planTransferOut(ctx, input);
  if (!plan.duesPaidTo) throw new LedgerError('党费台账中没有该同志的缴费记录，请填写“党费已交到”的年月', 'duesPaidTo');
  const member = await getMember(ctx.db, input.memberId);
  await leaveRoster(ctx, member.id, { leftType: '转出', leftDate: input.transferDate, leftReason: `组织关系转往${input.toOrg}（介绍信第${plan.letterNo}号）` });
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      const year = Number(input.transferDate.slice(0, 4));
      const { seq, letterNo } = await nextLetterNo(tx, year);
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
  } catch (e) {
    await rejoinRoster(ctx, member.id, member.branchId);
    throw e;
  }
}

// ---------------------------------------------------------------- transfer in

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

async function checkTransferIn(ctx: Ctx, input: TransferInInput): Promise<{ branchName: string; former: Member | null }> {
  const today = ctx.platform.today();
  if (input.letterDate > today) throw new LedgerError('“介绍信日期”不能晚于今天', 'letterDate');
  if (input.transferDate > today) throw new LedgerError('“报到日期”不能晚于今天', 'transferDate');
  if (input.transferDate < input.letterDate) throw new LedgerError('“报到日期”不能早于介绍信日期', 'transferDate');
  const branch = await ctx.db.selectFrom('org_units').select(['name', 'kind']).where('id', '=', input.branchId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!branch || branch.kind !== '党支部') throw new LedgerError('请选择要编入的党支部', 'branchId');
  if (input.duesStartMonth && input.duesPaidTo && input.duesStartMonth <= input.duesPaidTo)
    throw new LedgerError(`“党费起交月份”应晚于介绍信上的“党费已交到” ${input.duesPaidTo}`, 'duesStartMonth');
  const dup = await ctx.db
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
    const former = await getMember(ctx.db, input.memberId);
    if (!former.leftType) throw new LedgerError(`${former.name}仍在册，不能重复转入`, 'memberId');
    if (former.leftType !== '转出') throw new LedgerError(`${former.name}是因“${former.leftType}”离开的，不能按转入恢复`, 'memberId');
    if (former.leftDate && input.transferDate < former.leftDate) throw new LedgerError(`“报到日期”不能早于该同志转出的日期 ${former.leftDate}`, 'transferDate');
    return { branchName: branch.name, former };
  }
  if (!input.member) throw new LedgerError('请填写转入党员的基本信息', 'member');
  const known = await ctx.db
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
  const { branchName, former } = await checkTransferIn(ctx, input);
  const rules = await transferRules(ctx.db);
  let member: Member;
  if (former) member = await rejoinRoster(ctx, former.id, input.branchId);
  else member = await createMember(ctx, { ...input.member!, branchId: input.branchId });
  try {
    return await ctx.db.transaction().execute(async (tx) => {
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
  } catch (e) {
    if (former) await leaveRoster(ctx, former.id, { leftType: '转出', leftDate: former.leftDate!, leftReason: former.leftReason });
    else
      await ctx.db.transaction().execute(async (tx) => {
        await tx.deleteFrom('members').where('id', '=', member.id).execute();
        await audit(tx, ctx, { entity: 'members', entityId: member.id, action: '删除', summary: `转入登记失败，撤销新增党员“${member.name}”`, before: member });
      });
    throw e;
  }
}

// ---------------------------------------------------------------- receipts

/** 转出: the day the receipt came back; 转入: the day we sent ours. `null` clears a wrong entry. */
export async function recordReceipt(ctx: Ctx, id: string, receiptOn: string | null, note: string | null): Promise<Transfer> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await getTransfer(ctx, id, tx);
    if (receiptOn) {
      if (receiptOn > ctx.platform.today()) throw new LedgerError('“回执日期”不能晚于今天', 'receiptOn');
      if (receiptOn < before.letterDate) throw new LedgerError(`“回执日期”不能早于介绍信日期 ${before.letterDate}`, 'receiptOn');
    }
    await tx.updateTable('transfers').set({ receipt_on: receiptOn, receipt_note: note, updated_at: ctx.platform.now() }).where('id', '=', id).execute();
    const after = await getTransfer(ctx, id, tx);
    const what = before.direction === '转出' ? (receiptOn ? `收到回执（${receiptOn}）` : '撤销回执登记') : receiptOn ? `寄回回执（${receiptOn}）` : '撤销寄回回执登记';
    await audit(tx, ctx, { entity: 'transfers', entityId: id, action: '修改', summary: `介绍信第${before.letterNo}号（${before.memberName}）${what}`, before, after });
    return after;
  });
}

/**
 * Cancels a transfer-out entered by mistake: the record goes to the recycle bin
 * and the member is back on the branch roster. The letter number is not reused.
 */
export async function cancelTransferOut(ctx: Ctx, id: string): Promise<void> {
  const t = await getTransfer(ctx, id);
  if (t.direction !== '转出') throw new LedgerError('只能撤销转出；转入记录请在回收站中处理');
  if (t.receiptOn) throw new LedgerError('已收到回执的转出不能撤销');
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'transfers', id));
  const m = await getMember(ctx.db, t.memberId);
  if (m.leftType === '转出' && m.leftDate === t.transferDate) await rejoinRoster(ctx, m.id, t.branchId);
}

// ---------------------------------------------------------------- counts and alerts

export interface TransferCounts {
  from: string;
  to: string;
  in: number;
  out: number;
  text: string;
}

/** "转入党员1名，转出1名" for a period, for work summaries. */
export async function transferCounts(ctx: Ctx, from: string, to: string): Promise<TransferCounts> {
  if (to < from) throw new LedgerError('结束日期不能早于开始日期', 'to');
  const rows = await ctx.db
    .selectFrom('transfers')
    .select(['direction', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('transfer_date', '>=', from)
    .where('transfer_date', '<=', to)
    .groupBy('direction')
    .execute();
  const n = (d: string) => Number(rows.find((r) => r.direction === d)?.n ?? 0);
  return { from, to, in: n('转入'), out: n('转出'), text: `转入党员${n('转入')}名，转出${n('转出')}名` };
}

/** Party Constitution: 6 months without a valid reason of not transferring (no life, no dues) → 自行脱党, decided by the 支部大会. */
export const NON_TRANSFER_MONTHS = 6;

export interface TransferAlert {
  transferId: string;
  level: 'error' | 'warning' | 'info';
  message: string;
}

/** What the clerk should chase: receipts overdue, letters expired without a receipt, our own receipts to send. */
export async function transferAlerts(ctx: Ctx): Promise<{ alerts: TransferAlert[]; openOut: number; openIn: number }> {
  const open = await listTransfers(ctx, { openOnly: true });
  const today = ctx.platform.today();
  const alerts: TransferAlert[] = [];
  for (const t of open) {
    const who = `${t.memberName}（介绍信第${t.letterNo}号）`;
    if (t.direction === '转出' && today > addMonths(t.transferDate, NON_TRANSFER_MONTHS))
      alerts.push({
        transferId: t.id,
        level: 'error',
        message: `${who}转往${t.toOrg}已超过 ${NON_TRANSFER_MONTHS} 个月仍未收到回执，请核实是否已报到；无正当理由连续 ${NON_TRANSFER_MONTHS} 个月不转接组织关系的，按党章规定由支部大会研究处理（本系统不自动处理）`,
      });
    else if (t.status === '回执逾期') alerts.push({ transferId: t.id, level: 'error', message: `${who}转往${t.toOrg}，回执应于 ${t.receiptDueOn} 前寄回，已逾期 ${t.overdueDays} 天，请与接收单位联系` });
    else if (t.status === '已过有效期') alerts.push({ transferId: t.id, level: 'warning', message: `${who}介绍信已于 ${t.expiresOn} 过有效期，尚未收到回执，请核实是否已报到（接收前仍由本单位管理）` });
    else if (t.status === '回执逾期未寄') alerts.push({ transferId: t.id, level: 'error', message: `${who}自${t.fromOrg}转入，本单位应于 ${t.receiptDueOn} 前寄回回执，已逾期 ${t.overdueDays} 天` });
    else if (t.status === '待寄回执') alerts.push({ transferId: t.id, level: 'info', message: `${who}自${t.fromOrg}转入，请于 ${t.receiptDueOn} 前寄回回执` });
  }
  const order = { error: 0, warning: 1, info: 2 };
  alerts.sort((a, b) => order[a.level] - order[b.level]);
  return { alerts, openOut: open.filter((t) => t.direction === '转出').length, openIn: open.filter((t) => t.direction === '转入').length };
}
