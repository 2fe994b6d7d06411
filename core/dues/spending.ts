/**
 * The committee's use of dues (党费使用记录, dues_expenses) and the yearly
 * publication to the members (dues_publications): the records, and what the
 * 公布 and the 自查报告 report of them.
 */
import type { Ctx } from '../context.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { yuan } from './calc.ts';
import { getSetting, setSetting } from '../settings/service.ts';

export const EXPENSE_PURPOSES = ['培训党员', '订阅或购买党报党刊、党员教育资料和设备', '表彰先进基层党组织和优秀党员', '补助生活困难党员', '补助受灾党员和修缮受灾党员教育设施', '其他经批准的用途'] as const;

export interface Expense {
  id: string;
  spentOn: string;
  purpose: string;
  amountFen: number;
  decidedBy: string | null;
  voucherNo: string | null;
  note: string | null;
  /** the 走访慰问 record this use of dues belongs to (care_visits): it is edited and voided there, never on its own */
  visitId?: string | null;
}

export type ExpenseInput = Omit<Expense, 'id' | 'visitId'>;

export interface Publication {
  id: string;
  year: number;
  publishedOn: string;
  medium: string;
  note: string | null;
}

const inYear = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export async function listExpenses(tx: Tx, year: number): Promise<Expense[]> {
  const [from, to] = inYear(year);
  const rows = await tx
    .selectFrom('dues_expenses as e')
    .leftJoin('care_visits as v', (j) => j.onRef('v.expense_id', '=', 'e.id').on('v.deleted_at', 'is', null))
    .selectAll('e')
    .select('v.id as visit_id')
    .where('e.deleted_at', 'is', null)
    .where('e.spent_on', '>=', from)
    .where('e.spent_on', '<=', to)
    .orderBy('e.spent_on')
    .execute();
  return rows.map((r) => ({ id: r.id, spentOn: r.spent_on, purpose: r.purpose, amountFen: r.amount_fen, decidedBy: r.decided_by, voucherNo: r.voucher_no, note: r.note, visitId: r.visit_id }));
}

/** The year's spending by purpose: the 公布 and 自查报告 tables. */
export async function expensesByPurpose(tx: Tx, year: number): Promise<{ purpose: string; amountFen: number; count: number }[]> {
  const [from, to] = inYear(year);
  const rows = await tx
    .selectFrom('dues_expenses')
    .select(['purpose', (eb) => eb.fn.sum<number>('amount_fen').as('fen'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('spent_on', '>=', from)
    .where('spent_on', '<=', to)
    .groupBy('purpose')
    .execute();
  return rows.map((e) => ({ purpose: e.purpose, amountFen: Number(e.fen), count: Number(e.n) }));
}

function checkExpense(ctx: Ctx, e: ExpenseInput, field: ExpenseFields = { date: 'spentOn', decided: 'decidedBy' }) {
  if (e.spentOn > ctx.platform.today()) throw new LedgerError('“支出日期”不能晚于今天', field.date);
  if (!e.decidedBy) throw new LedgerError('党费使用须经党委集体研究决定，请填写会议或批准记录', field.decided);
  if (!(EXPENSE_PURPOSES as readonly string[]).includes(e.purpose)) throw new LedgerError('请选择规定的党费用途', 'purpose');
  if (!Number.isInteger(e.amountFen) || e.amountFen <= 0) throw new LedgerError('党费使用金额应大于 0', 'amountFen');
}

/** Field names of the caller's form, for the messages of a use of dues written on another record's behalf (走访慰问). */
export interface ExpenseFields {
  date: string;
  decided: string;
}

/**
 * One use of dues inside the caller's transaction: the dues form (saveExpense) and the 走访慰问
 * paid from 党费 (core/care/service.ts) both write through here.
 */
export async function insertExpenseTx(tx: Tx, ctx: Ctx, e: ExpenseInput, fields?: ExpenseFields): Promise<{ id: string }> {
  checkExpense(ctx, e, fields);
  const now = ctx.platform.now();
  const row = { id: ctx.platform.newId(), spent_on: e.spentOn, purpose: e.purpose, amount_fen: e.amountFen, decided_by: e.decidedBy, voucher_no: e.voucherNo, note: e.note, created_at: now, updated_at: now, deleted_at: null };
  await tx.insertInto('dues_expenses').values(row).execute();
  await audit(tx, ctx, { entity: 'dues_expenses', entityId: row.id, action: '新增', summary: `登记党费使用：${e.purpose} ${yuan(e.amountFen)} 元（${e.spentOn}）`, after: row });
  return { id: row.id };
}

/** Changes a use of dues inside the caller's transaction (a 走访慰问 edited: its date, amount, approval). */
export async function updateExpenseTx(tx: Tx, ctx: Ctx, id: string, e: ExpenseInput, fields?: ExpenseFields): Promise<void> {
  checkExpense(ctx, e, fields);
  const before = await tx.selectFrom('dues_expenses').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!before) throw new LedgerError('找不到对应的党费使用记录，可能已被删除');
  const after = { ...before, spent_on: e.spentOn, purpose: e.purpose, amount_fen: e.amountFen, decided_by: e.decidedBy, voucher_no: e.voucherNo, note: e.note, updated_at: ctx.platform.now() };
  await tx.updateTable('dues_expenses').set(after).where('id', '=', id).execute();
  await audit(tx, ctx, { entity: 'dues_expenses', entityId: id, action: '修改', summary: `修改党费使用：${e.purpose} ${yuan(e.amountFen)} 元（${e.spentOn}）`, before, after });
}

/** The note a use of dues written for a 走访慰问 starts with: such a record comes back from the recycle bin only with its visit. */
export const VISIT_NOTE_PREFIX = '走访慰问：';

/** Restoring a use of dues from the recycle bin: one that belonged to a 走访慰问 comes back only with the visit (core/care restores it). */
export async function checkExpenseRestore(tx: Tx, id: string): Promise<void> {
  const e = await tx.selectFrom('dues_expenses').select('note').where('id', '=', id).executeTakeFirst();
  if (!e?.note?.startsWith(VISIT_NOTE_PREFIX)) return;
  const live = await tx.selectFrom('care_visits').select('id').where('expense_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!live) throw new LedgerError('这笔党费使用是走访慰问记录的一部分：请在回收站恢复那条走访慰问记录（党费使用随之恢复），或在走访慰问中重新登记');
}

/** Voids a use of dues inside the caller's transaction (to the recycle bin). */
export async function deleteExpenseTx(tx: Tx, ctx: Ctx, id: string): Promise<void> {
  await softDelete(tx, ctx, 'dues_expenses', id);
}

export async function saveExpense(ctx: Ctx, e: ExpenseInput): Promise<{ id: string }> {
  checkExpense(ctx, e);
  return ctx.db.transaction().execute((tx) => insertExpenseTx(tx, ctx, e));
}

/** The year's publications, in date order. */
export async function listPublications(tx: Tx, year: number): Promise<Publication[]> {
  const rows = await tx.selectFrom('dues_publications').selectAll().where('year', '=', year).where('deleted_at', 'is', null).orderBy('published_on').execute();
  return rows.map((r) => ({ id: r.id, year: r.year, publishedOn: r.published_on, medium: r.medium, note: r.note }));
}

export async function savePublication(ctx: Ctx, p: { year: number; publishedOn: string; medium: string; note: string | null }): Promise<{ id: string }> {
  if (p.publishedOn > ctx.platform.today()) throw new LedgerError('“公布日期”不能晚于今天', 'publishedOn');
  return ctx.db.transaction().execute(async (tx) => {
    const row = { id: ctx.platform.newId(), year: p.year, published_on: p.publishedOn, medium: p.medium, note: p.note, created_at: ctx.platform.now(), deleted_at: null };
    await tx.insertInto('dues_publications').values(row).execute();
    await audit(tx, ctx, { entity: 'dues_publications', entityId: row.id, action: '新增', summary: `登记 ${p.year} 年度党费收缴使用情况已于 ${p.publishedOn} 通过${p.medium}公布`, after: row });
    return { id: row.id };
  });
}

/** The committee's balance on 1 January of `year` from the books before the ledger (上年结转 of the 公布 and 自查报告 start from it). */
export interface OpeningBalance {
  year: number;
  amountFen: number;
}

export const OPENING_BALANCE_KEY = 'dues.openingBalance';

export async function getOpeningBalance(tx: Tx): Promise<OpeningBalance | null> {
  return (await getSetting<OpeningBalance | null>(tx, OPENING_BALANCE_KEY)) ?? null;
}

export async function saveOpeningBalance(ctx: Ctx, b: OpeningBalance): Promise<OpeningBalance> {
  await ctx.db.transaction().execute((tx) => setSetting(tx, ctx, OPENING_BALANCE_KEY, b));
  return b;
}
