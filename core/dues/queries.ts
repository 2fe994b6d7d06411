/**
 * Small read-only dues queries other areas use (transfers: "党费已交到 X年X月").
 * A month is fully paid when its payment record covers the standard due then.
 */
import type { Tx } from '../audit/service.ts';

/**
 * Members who transferred in pay here from the month the 转入 record names
 * (transfers.dues_start_month); before that they paid where they came from.
 */
export async function transferInStarts(tx: Tx, memberIds?: string[]): Promise<Map<string, string>> {
  let q = tx
    .selectFrom('transfers')
    .select(['member_id', 'dues_start_month', 'transfer_date'])
    .where('direction', '=', '转入')
    .where('deleted_at', 'is', null)
    .where('dues_start_month', 'is not', null);
  if (memberIds) q = q.where('member_id', 'in', memberIds.length ? memberIds : ['']);
  const out = new Map<string, string>();
  for (const r of await q.orderBy('transfer_date').execute()) out.set(r.member_id, r.dues_start_month!);
  return out;
}

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
