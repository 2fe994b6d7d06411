/**
 * 走访慰问: the only writer of `care_visits`. A visit paid from 党费 is also a 党费使用 record
 * (dues_expenses), written through the dues service's transaction-level functions in the same
 * transaction; the visit keeps the expense's id, and editing or voiding the visit edits or voids the
 * expense with it. The signed receipt is an attachment of the visit (entity 'care_visits').
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { audit, restore, softDelete, withTx, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { yuan } from '../../common/money.ts';
import { deleteExpenseTx, insertExpenseTx, updateExpenseTx, VISIT_NOTE_PREFIX, type ExpenseInput } from '../dues/spending.ts';
import { duesPurposeOf, fromDues, type CareReason, type FundSource, type PersonKind } from './model.ts';

export interface VisitInput {
  visitOn: string;
  personKind: PersonKind;
  memberId?: string | null;
  personName?: string | null;
  relation?: string | null;
  reason: CareReason;
  circumstances?: string | null;
  visitors: string;
  amountFen: number;
  goods?: string | null;
  fundSource: FundSource;
  approval?: string | null;
  note?: string | null;
}

const FIELDS = { date: 'visitOn', decided: 'approval' };

async function checked(tx: Tx, ctx: Ctx, v: VisitInput) {
  if (v.visitOn > ctx.platform.today()) throw new LedgerError(`慰问日期 ${v.visitOn} 晚于今天：走访后再登记`, 'visitOn');
  let member: { id: string; name: string } | undefined;
  if (v.personKind !== '其他') {
    if (!v.memberId) throw new LedgerError(v.personKind === '党员' ? '请选择慰问的党员' : '请选择家属所属的党员', 'memberId');
    member = await tx.selectFrom('members').select(['id', 'name']).where('id', '=', v.memberId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!member) throw new LedgerError('找不到所选党员，可能已被删除', 'memberId');
  }
  const personName = v.personKind === '党员' ? member!.name : (v.personName ?? '').trim();
  if (!personName) throw new LedgerError('请填写慰问对象的姓名', 'personName');
  if (!v.amountFen && !v.goods) throw new LedgerError('请填写慰问金额或慰问品', 'amountFen');
  if (fromDues(v.fundSource)) {
    if (v.amountFen <= 0) throw new LedgerError('从党费列支的慰问须填写金额（慰问品按购买金额填写）', 'amountFen');
    if (!v.approval) throw new LedgerError('党费使用须经党委集体研究决定，请填写审批的会议纪要号', 'approval');
  }
  return { memberId: member?.id ?? null, personName };
}

function expenseOf(v: VisitInput, personName: string): ExpenseInput {
  return {
    spentOn: v.visitOn, purpose: duesPurposeOf(v.reason), amountFen: v.amountFen, decidedBy: v.approval ?? null, voucherNo: null,
    note: `${VISIT_NOTE_PREFIX}${personName}（${v.reason}，${v.fundSource}）`,
  };
}

const rowOf = (v: VisitInput, memberId: string | null, personName: string) => ({
  visit_on: v.visitOn, person_kind: v.personKind, member_id: memberId, person_name: personName, relation: v.personKind === '党员家属' ? (v.relation ?? null) : null,
  reason: v.reason, circumstances: v.circumstances ?? null, visitors: v.visitors, amount_fen: v.amountFen, goods: v.goods ?? null,
  fund_source: v.fundSource, approval: v.approval ?? null, note: v.note ?? null,
});

export async function addVisit(ctx: Ctx, v: VisitInput, outer?: Transaction<DB>): Promise<{ id: string; expenseId: string | null }> {
  return withTx(ctx, outer, async (tx) => {
    const { memberId, personName } = await checked(tx, ctx, v);
    const expenseId = fromDues(v.fundSource) ? (await insertExpenseTx(tx, ctx, expenseOf(v, personName), FIELDS)).id : null;
    const now = ctx.platform.now();
    const row = { id: ctx.platform.newId(), ...rowOf(v, memberId, personName), expense_id: expenseId, created_at: now, updated_at: now, deleted_at: null };
    await tx.insertInto('care_visits').values(row).execute();
    await audit(tx, ctx, { entity: 'care_visits', entityId: row.id, action: '新增', summary: `登记走访慰问：${personName}（${v.reason}，${v.visitOn}，${yuan(v.amountFen)} 元，${v.fundSource}）`, after: row });
    return { id: row.id, expenseId };
  });
}

export async function updateVisit(ctx: Ctx, id: string, v: VisitInput): Promise<{ id: string; expenseId: string | null }> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('care_visits').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!before) throw new LedgerError('找不到这条走访慰问记录，可能已被作废');
    const { memberId, personName } = await checked(tx, ctx, v);
    let expenseId = before.expense_id;
    if (fromDues(v.fundSource)) {
      if (expenseId) await updateExpenseTx(tx, ctx, expenseId, expenseOf(v, personName), FIELDS);
      else expenseId = (await insertExpenseTx(tx, ctx, expenseOf(v, personName), FIELDS)).id;
    } else if (expenseId) {
      await deleteExpenseTx(tx, ctx, expenseId);
      expenseId = null;
    }
    const after = { ...before, ...rowOf(v, memberId, personName), expense_id: expenseId, updated_at: ctx.platform.now() };
    await tx.updateTable('care_visits').set(after).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'care_visits', entityId: id, action: '修改', summary: `修改走访慰问：${personName}（${v.visitOn}）`, before, after });
    return { id, expenseId };
  });
}

/** 作废: the visit and its 党费使用 record go to the recycle bin together. */
export async function voidVisit(ctx: Ctx, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (tx) => {
    const v = await tx.selectFrom('care_visits').select('expense_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!v) throw new LedgerError('找不到这条走访慰问记录，可能已被作废');
    if (v.expense_id) await deleteExpenseTx(tx, ctx, v.expense_id);
    await softDelete(tx, ctx, 'care_visits', id);
  });
  return { ok: true };
}

/** A visit restored from the recycle bin brings its 党费使用 record back with it. */
export async function restoreVisitExpense(tx: Transaction<DB>, ctx: Ctx, id: string): Promise<void> {
  const v = await tx.selectFrom('care_visits').select('expense_id').where('id', '=', id).executeTakeFirst();
  if (!v?.expense_id) return;
  const e = await tx.selectFrom('dues_expenses').select('deleted_at').where('id', '=', v.expense_id).executeTakeFirst();
  if (e?.deleted_at) await restore(tx, ctx, 'dues_expenses', v.expense_id);
}
