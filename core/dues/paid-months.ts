/**
 * Read-only: the payments for the months of a year, with whether each was paid on time and in full, for the
 * areas that reward it (core/points). On time: paid on or before the last day of the month it is for (a
 * month paid ahead, 预交 or 按季, is on time; a 补交 after the month is not). In full: paid ≥ due. Writes nothing.
 */
import { sql } from 'kysely';
import type { Tx } from '../audit/service.ts';
import { daysInMonth } from '../../common/dates.ts';

export interface PaidMonth {
  paymentId: string;
  memberId: string;
  month: string;
  paidOn: string;
  dueFen: number;
  paidFen: number;
  payKind: string;
  onTime: boolean;
  full: boolean;
}

/** `memberIds`: only these members' payments (at most 500 are filtered in SQL). */
export async function paidMonths(tx: Tx, year: number, memberIds?: readonly string[]): Promise<PaidMonth[]> {
  let q = tx
    .selectFrom('dues_payments')
    .select(['id', 'member_id', 'month', 'paid_on', 'due_fen', 'paid_fen', 'pay_kind'])
    .where('deleted_at', 'is', null)
    .where('month', '>=', `${year}-01`)
    .where('month', '<=', `${year}-12`);
  if (memberIds && memberIds.length <= 500) q = q.where('member_id', 'in', memberIds.length ? [...memberIds] : ['']);
  const rows = await q.orderBy('month').orderBy('paid_on').execute();
  return rows.map((r) => {
    const end = `${r.month}-${String(daysInMonth(Number(r.month.slice(0, 4)), Number(r.month.slice(5, 7)))).padStart(2, '0')}`;
    return {
      paymentId: r.id, memberId: r.member_id, month: r.month, paidOn: r.paid_on, dueFen: r.due_fen, paidFen: r.paid_fen, payKind: r.pay_kind,
      onTime: r.paid_on <= end, full: r.paid_fen >= r.due_fen,
    };
  });
}

/** How many months of the year each member paid on time and in full (the rule of `paidMonths`), counted by SQLite. */
export async function onTimeMonthCounts(tx: Tx, year: number): Promise<Map<string, number>> {
  const rows = await tx
    .selectFrom('dues_payments')
    .select(['member_id', sql<number>`count(*)`.as('n')])
    .where('deleted_at', 'is', null)
    .where('month', '>=', `${year}-01`)
    .where('month', '<=', `${year}-12`)
    // an ISO day of the month sorts at or before its month's "-31", a day of the next month after it
    .where(sql<boolean>`paid_fen >= due_fen and paid_on <= month || '-31'`)
    .groupBy('member_id')
    .execute();
  return new Map(rows.map((r) => [r.member_id, Number(r.n)]));
}
