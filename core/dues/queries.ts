/**
 * Small read-only dues queries other areas use (transfers: "党费已交到 X年X月").
 * A month is fully paid when its payment record covers the standard due then.
 */
import type { Tx } from '../audit/service.ts';

/** Latest 'YYYY-MM' fully paid by the member (paid ≥ due), or null when none. */
export async function lastPaidMonth(tx: Tx, memberId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('dues_payments')
    .select((eb) => eb.fn.max('month').as('month'))
    .where('member_id', '=', memberId)
    .where('deleted_at', 'is', null)
    .whereRef('paid_fen', '>=', 'due_fen')
    .executeTakeFirst();
  return (row?.month as string | null | undefined) ?? null;
}
