/**
 * Read-only: the payments for the months of a year, with whether each was paid on time and in full, for the
 * areas that reward it (core/points). On time: paid on or before the last day of the month it is for (a
 * month paid ahead, 预交 or 按季, is on time; a 补交 after the month is not). In full: paid ≥ due. Writes nothing.
 */
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

export async function paidMonths(tx: Tx, year: number): Promise<PaidMonth[]> {
  const rows = await tx
    .selectFrom('dues_payments')
    .select(['id', 'member_id', 'month', 'paid_on', 'due_fen', 'paid_fen', 'pay_kind'])
    .where('deleted_at', 'is', null)
    .where('month', '>=', `${year}-01`)
    .where('month', '<=', `${year}-12`)
    .orderBy('month')
    .orderBy('paid_on')
    .execute();
  return rows.map((r) => {
    const end = `${r.month}-${String(daysInMonth(Number(r.month.slice(0, 4)), Number(r.month.slice(5, 7)))).padStart(2, '0')}`;
    return {
      paymentId: r.id, memberId: r.member_id, month: r.month, paidOn: r.paid_on, dueFen: r.due_fen, paidFen: r.paid_fen, payKind: r.pay_kind,
      onTime: r.paid_on <= end, full: r.paid_fen >= r.due_fen,
    };
  });
}
