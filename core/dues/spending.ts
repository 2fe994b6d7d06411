/**
 * The committee's use of dues (党费使用记录, dues_expenses) and the yearly
 * publication to the members (dues_publications): the records, and what the
 * 公布 and the 自查报告 report of them.
 */
import type { Ctx } from '../context.ts';
import { audit, type Tx } from '../audit/service.ts';
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
}

export type ExpenseInput = Omit<Expense, 'id'>;

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
  const rows = await tx.selectFrom('dues_expenses').selectAll().where('deleted_at', 'is', null).where('spent_on', '>=', from).where('spent_on', '<=', to).orderBy('spent_on').execute();
  return rows.map((r) => ({ id: r.id, spentOn: r.spent_on, purpose: r.purpose, amountFen: r.amount_fen, decidedBy: r.decided_by, voucherNo: r.voucher_no, note: r.note }));
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

export async function saveExpense(ctx: Ctx, e: ExpenseInput): Promise<{ id: string }> {
  if (e.spentOn > ctx.platform.today()) throw new LedgerError('“支出日期”不能晚于今天', 'spentOn');
  if (!e.decidedBy) throw new LedgerError('党费使用须经党委集体研究决定，请填写会议或批准记录', 'decidedBy');
  return ctx.db.transaction().execute(async (tx) => {
    const now = ctx.platform.now();
    const row = { id: ctx.platform.newId(), spent_on: e.spentOn, purpose: e.purpose, amount_fen: e.amountFen, decided_by: e.decidedBy, voucher_no: e.voucherNo, note: e.note, created_at: now, updated_at: now, deleted_at: null };
    await tx.insertInto('dues_expenses').values(row).execute();
    await audit(tx, ctx, { entity: 'dues_expenses', entityId: row.id, action: '新增', summary: `登记党费使用：${e.purpose} ${yuan(e.amountFen)} 元（${e.spentOn}）`, after: row });
    return { id: row.id };
  });
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
