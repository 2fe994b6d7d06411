/**
 * 月收缴: a branch's members × months, and recording a payment. Each member
 * pays each month on their own initiative (2008 第十二条); with the branch's
 * consent a member may pay quarterly, through someone else, or make up months.
 * 补交 and 预交 are generally limited to 6 months, so beyond that the clerk
 * records the branch's consent; an amount other than the standard needs a reason.
 */
import type { Ctx } from '../context.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { yuan } from './calc.ts';
import { loadDuesSettings } from './settings.ts';
import { standardFor, yearAssessments, type Assessment } from './assess.ts';
import { firstDueMonth, lastDueMonth, monthIndex, monthLabel, yearMonths } from './months.ts';
import type { DuesPaymentsTable } from '../../db/schema.ts';
import { transferInStarts } from './queries.ts';
import { loadYearFacts, rowToPayment, type Payment, type YearFacts } from './year-facts.ts';

// The year's facts are loaded in year-facts.ts; re-exported for the readers that have always found them here (overview, remit, the renderer's Payment type).
export { loadYearFacts, type Payment, type YearFacts } from './year-facts.ts';

/** A voluntary one-off payment of 1000 元 or more is 大额党费 and goes wholly to the Centre. */
export const LARGE_VOLUNTARY_FEN = 100_000;

import { PAY_METHODS, type PayMethod } from '../../common/enums.ts';
import { payKindFor, payKindProblem, type PayKind } from '../../common/dues-pay.ts';
export { PAY_METHODS, type PayMethod } from '../../common/enums.ts';

export interface GridCell {
  month: string;
  /** the member owes this month (member then, not exempt) */
  owed: boolean;
  dueFen: number | null;
  payment: Payment | null;
}

export interface CollectionRow {
  memberId: string;
  name: string;
  category: string;
  partyStatus: string;
  leftType: string | null;
  leftDate: string | null;
  standardFen: number | null;
  cells: GridCell[];
  dueTotalFen: number;
  paidTotalFen: number;
}

/**
 * A month prepaid before the standard rose was paid at the old amount; the
 * difference is paid at the next payment (P13). `months`: paid months whose
 * payment was made under a lower standard than the one now in force;
 * `shortFen`: what the paid months still lack against the standards now in
 * force, net of any extra paid since (0 when nothing is lacking).
 */
export function raisedShortfall(row: Pick<CollectionRow, 'cells'>): { shortFen: number; months: string[] } {
  let short = 0;
  const months: string[] = [];
  for (const c of row.cells) {
    if (!c.payment || c.dueFen === null) continue;
    short += c.dueFen - c.payment.paidFen;
    if (c.payment.dueFen < c.dueFen) months.push(c.month);
  }
  return { shortFen: Math.max(0, short), months };
}

/**
 * One member's cell for one month (the grid's, and the home card's, which reads only this month): owed within the
 * member's span unless the standard in force is 0 (exempt); no standard yet (dueFen null) waits for the 年度核定.
 */
export function monthCell<P>(
  m: { owedFrom: string; owedTo: string },
  standards: readonly Pick<Assessment, 'fromMonth' | 'monthlyDueFen'>[] | undefined,
  payment: P | null,
  month: string,
): { month: string; owed: boolean; dueFen: number | null; payment: P | null; inSpan: boolean } {
  const inSpan = month >= m.owedFrom && month <= m.owedTo;
  const s = inSpan ? standardFor(standards, month) : null;
  const dueFen = s ? s.monthlyDueFen : null;
  return { month, owed: inSpan && dueFen !== 0, dueFen, payment, inSpan };
}

export function collectionRows(f: YearFacts): CollectionRow[] {
  const months = yearMonths(f.year);
  return f.members.map((m) => {
    const std = f.standards.get(m.id);
    const pays = f.payments.get(m.id);
    let dueTotal = 0;
    let paidTotal = 0;
    const cells = months.map((month) => {
      const { inSpan, ...cell } = monthCell(m, std, pays?.get(month) ?? null, month);
      if (inSpan && cell.dueFen) dueTotal += cell.dueFen;
      if (cell.payment) paidTotal += cell.payment.paidFen;
      return cell;
    });
    return {
      memberId: m.id,
      name: m.name,
      category: m.category,
      partyStatus: m.party_status,
      leftType: m.left_type,
      leftDate: m.left_date,
      standardFen: std?.at(-1)?.monthlyDueFen ?? null,
      cells,
      dueTotalFen: dueTotal,
      paidTotalFen: paidTotal,
    };
  });
}

export async function collectionGrid(tx: Tx, branchId: string, year: number) {
  const f = await loadYearFacts(tx, year, branchId);
  const rows = collectionRows(f);
  const months = yearMonths(year).map((month, i) => ({
    month,
    dueFen: rows.reduce((s, r) => s + (r.cells[i].owed ? (r.cells[i].dueFen ?? 0) : 0), 0),
    paidFen: rows.reduce((s, r) => s + (r.cells[i].payment?.paidFen ?? 0), 0),
    owedCount: rows.filter((r) => r.cells[i].owed).length,
    paidCount: rows.filter((r) => r.cells[i].owed && r.cells[i].payment).length,
  }));
  return { year, branchId, methods: [...PAY_METHODS], rows, months };
}

export interface PayInput {
  memberId: string;
  months: string[];
  paidOn: string;
  method: PayMethod;
  /** 缴纳类型 the clerk chose; each month's stored type follows its dates (common/dues-pay.ts) */
  payKind?: PayKind | null;
  /** per month; default: the standard */
  amountFen?: number | null;
  payerName?: string | null;
  receiptNo?: string | null;
  collector?: string | null;
  reason?: string | null;
  consentRef?: string | null;
  note?: string | null;
}

export async function recordPayments(ctx: Ctx, input: PayInput): Promise<Payment[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const s = await loadDuesSettings(tx);
    const m = await tx
      .selectFrom('members')
      .select(['id', 'name', 'branch_id', 'join_date', 'left_type', 'left_date'])
      .where('id', '=', input.memberId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!m) throw new LedgerError('找不到该党员，可能已被删除', 'memberId');
    if (!input.months.length) throw new LedgerError('请选择缴纳的月份', 'months');
    if (input.paidOn > ctx.platform.today()) throw new LedgerError('“缴纳日期”不能晚于今天', 'paidOn');
    if (input.method === '代缴' && !input.payerName?.trim()) throw new LedgerError('代缴请填写代缴人姓名', 'payerName');
    const first = firstDueMonth({ ...m, dues_start: (await transferInStarts(tx, [m.id])).get(m.id) ?? null }, s);
    const last = lastDueMonth(m);
    const paidMonth = input.paidOn.slice(0, 7);
    const months = [...new Set(input.months)].sort();
    const problem = input.payKind ? payKindProblem(input.payKind, months, input.paidOn) : null;
    if (problem) throw new LedgerError(problem, 'payKind');
    const out: Payment[] = [];
    const stdCache = new Map<number, Map<string, Assessment[]>>();
    // the voluntary extra of this one payment, over all its months (第十一条: 一次性自愿多缴纳 1000 元以上)
    let extraFen = 0;
    for (const month of months) {
      const label = monthLabel(month);
      if (month < first) throw new LedgerError(`${m.name}自${monthLabel(first)}起缴纳党费，${label}不需缴纳`, 'months');
      if (last && month > last) throw new LedgerError(`${m.name}${m.left_type}于 ${m.left_date}，${label}不在本支部缴纳`, 'months');
      const lag = monthIndex(paidMonth) - monthIndex(month);
      if (!input.consentRef?.trim()) {
        if (lag > s.arrearsLimitMonths)
          throw new LedgerError(`补交${label}已超过 ${s.arrearsLimitMonths} 个月（一般不超过 ${s.arrearsLimitMonths} 个月），请填写支部同意的记录`, 'consentRef');
        if (-lag > s.prepayLimitMonths)
          throw new LedgerError(`预交到${label}超过 ${s.prepayLimitMonths} 个月（一般不超过 ${s.prepayLimitMonths} 个月），请填写支部同意的记录`, 'consentRef');
      }
      const year = Number(month.slice(0, 4));
      if (!stdCache.has(year)) stdCache.set(year, await yearAssessments(tx, year, [m.id]));
      const std = standardFor(stdCache.get(year)!.get(m.id), month);
      if (!std) throw new LedgerError(`${m.name}尚未核定 ${year} 年党费标准，请先在“年度核定”中核定`, 'months');
      const paid = input.amountFen ?? std.monthlyDueFen;
      if (!Number.isSafeInteger(paid) || paid < 0) throw new LedgerError('“实缴金额”应为非负金额', 'amountFen');
      extraFen += Math.max(0, paid - std.monthlyDueFen);
      if (extraFen >= LARGE_VOLUNTARY_FEN)
        throw new LedgerError(
          `一次性自愿多交 ${yuan(extraFen)} 元，达到 1000 元的按大额党费办理：全部上缴中央，由基层党委收取、经省级党委组织部门转交中组部（中组发〔2008〕3号 第十一条），请不要登记为${months.length > 1 ? '' : `${label}的`}月度党费`,
          'amountFen',
        );
      if (paid !== std.monthlyDueFen && !input.reason?.trim())
        throw new LedgerError(`${label}实缴 ${yuan(paid)} 元与核定标准 ${yuan(std.monthlyDueFen)} 元不同，请注明原因`, 'reason');
      const dup = await tx.selectFrom('dues_payments').select('id').where('member_id', '=', m.id).where('month', '=', month).where('deleted_at', 'is', null).executeTakeFirst();
      if (dup) throw new LedgerError(`${m.name}${label}的党费已登记；如需更正，请先删除原记录`, 'months');
      const now = ctx.platform.now();
      const row: DuesPaymentsTable = {
        id: ctx.platform.newId(),
        member_id: m.id,
        branch_id: m.branch_id,
        month,
        due_fen: std.monthlyDueFen,
        paid_fen: paid,
        paid_on: input.paidOn,
        method: input.method,
        pay_kind: payKindFor(month, input.paidOn, input.payKind === '按季'),
        payer_name: input.payerName?.trim() || null,
        receipt_no: input.receiptNo?.trim() || null,
        collector: input.collector?.trim() || null,
        reason: input.reason?.trim() || null,
        consent_ref: input.consentRef?.trim() || null,
        note: input.note?.trim() || null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      };
      await tx.insertInto('dues_payments').values(row).execute();
      out.push(rowToPayment(row));
    }
    const total = out.reduce((a, p) => a + p.paidFen, 0);
    await audit(tx, ctx, {
      entity: 'dues_payments',
      entityId: out[0].id,
      action: '新增',
      summary: `登记${m.name}党费：${months.map(monthLabel).join('、')}，共 ${yuan(total)} 元（${input.method}，${[...new Set(out.map((p) => p.payKind))].join('、')}，${input.paidOn}）`,
      after: out,
    });
    return out;
  });
}

export async function deletePayment(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'dues_payments', id));
}
