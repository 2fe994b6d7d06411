/**
 * The slim facts of a dues year for the 党费收缴率 chart, read in SQL and kept
 * to the columns the rate needs. The rules are the dues area's own (who owes
 * which months: `owedSpan` with the transfer-in start and the 台账启用日期;
 * which standard holds in a month: `standardFor`), applied to the same rows
 * `loadYearFacts` (core/dues/year-facts.ts) reads, so the figures stay the
 * 党费收缴 grid's; only the loading is lighter: no full payment or assessment
 * rows, and each member's payments of the year come back as one short text
 * (`month,paid;…`) instead of a dozen row objects.
 */
import { sql } from 'kysely';
import type { Tx } from '../audit/service.ts';
import { loadDuesSettings } from '../dues/settings.ts';
import { owedSpan } from '../dues/assess.ts';
import { transferInStarts } from '../dues/queries.ts';
import { ledgerStartMonth } from '../settings/start-date.ts';
import type { Standard } from '../dues/overview.ts';

export interface OwingMember {
  id: string;
  branchId: string;
  branch: string;
  branchSort: number;
  owedFrom: string;
  owedTo: string;
}

/** What a member's cell of a month holds for the rate: the standard's monthly due (null: none yet) and the payment. */
export interface RateCell {
  inSpan: boolean;
  dueFen: number | null;
  /** paid in the month, null when nothing was recorded */
  paidFen: number | null;
}

/** Members owing in the year (current branch), in the collection grid's order: branch, join date, id. */
export async function owingMembers(tx: Tx, year: number): Promise<OwingMember[]> {
  const settings = await loadDuesSettings(tx);
  const rows = await tx
    .selectFrom('members as m')
    .innerJoin('org_units as b', 'b.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.category', 'm.join_date', 'm.left_type', 'm.left_date', 'm.branch_id', 'b.name as branch_name', 'b.sort_order as branch_sort'])
    .where('m.deleted_at', 'is', null)
    .where('m.join_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('m.left_date', 'is', null), eb('m.left_date', '>=', `${year}-01-01`)]))
    .orderBy('b.sort_order')
    .orderBy('m.join_date')
    .orderBy('m.id')
    .execute();
  const starts = await transferInStarts(tx);
  const ledgerStart = await ledgerStartMonth(tx, `${year}-01-01`);
  const out: OwingMember[] = [];
  for (const r of rows) {
    const span = owedSpan({ ...r, dues_start: starts.get(r.id) ?? null }, year, settings);
    if (span) out.push({ id: r.id, branchId: r.branch_id, branch: r.branch_name, branchSort: r.branch_sort, owedFrom: span.from < ledgerStart ? ledgerStart : span.from, owedTo: span.to });
  }
  return out;
}

/** Each member's payments of the year: member id → 实缴 per month (index 0–11, null: none), from one short text per member. */
export async function yearPaid(tx: Tx, year: number, memberIds: string[]): Promise<Map<string, (number | null)[]>> {
  const out = new Map<string, (number | null)[]>();
  if (!memberIds.length) return out;
  const rows = await sql<{ id: string; paid: string | null }>`
    select m.value as id,
      (select group_concat(substr(p.month, 6, 2) || ',' || p.paid_fen, ';') from dues_payments p
        where p.member_id = m.value and p.deleted_at is null and p.month >= ${`${year}-01`} and p.month <= ${`${year}-12`}) as paid
    from json_each(${JSON.stringify(memberIds)}) m`.execute(tx);
  for (const r of rows.rows) {
    if (!r.paid) continue;
    const months: (number | null)[] = Array(12).fill(null);
    for (const part of r.paid.split(';')) months[Number(part.slice(0, 2)) - 1] = Number(part.slice(3));
    out.set(r.id, months);
  }
  return out;
}

/** A member's twelve cells, as the grid's `collectionRows` makes them. */
export function rateCells(m: OwingMember, months: string[], std: Standard[] | undefined, paid: (number | null)[] | undefined): RateCell[] {
  return months.map((month, k) => {
    const inSpan = month >= m.owedFrom && month <= m.owedTo;
    // the standard in force: the last whose first month is not after this one (dues `standardFor`)
    let s: Standard | null = null;
    if (inSpan) for (const a of std ?? []) if (a.fromMonth <= month) s = a;
    return { inSpan, dueFen: s ? s.monthlyDueFen : null, paidFen: paid?.[k] ?? null };
  });
}
