/** Reading transfers: one record, the filtered list, and the in/out counts of a period for work summaries. */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { contains } from '../search.ts';
import type { Tx } from '../audit/service.ts';
import { rowToTransfer, type Direction, type Transfer } from './model.ts';

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
    const t = q.search.trim();
    sel = sel.where((eb) => eb.or([contains('t.member_name', t), contains('t.letter_no', t), contains('t.from_org', t), contains('t.to_org', t)]));
  }
  const rows = await sel.orderBy('t.transfer_date', 'desc').orderBy('t.letter_no', 'desc').execute();
  return rows.map((r) => rowToTransfer(r, ctx.platform.today()));
}

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
