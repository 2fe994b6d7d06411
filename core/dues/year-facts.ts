/**
 * The facts of a dues year, loaded once for every grid, ledger and report:
 * the members owing in the year (current branch) and their span, their
 * standards, their payments.
 */
import type { Tx } from '../audit/service.ts';
import type { DuesPaymentsTable } from '../../db/schema.ts';
import { loadDuesSettings, type DuesSettings } from './settings.ts';
import { owedSpan, yearAssessments, type Assessment } from './assess.ts';
import { transferInStarts } from './queries.ts';
import { ledgerStartMonth } from '../settings/start-date.ts';

export interface Payment {
  id: string;
  memberId: string;
  branchId: string;
  month: string;
  dueFen: number;
  paidFen: number;
  paidOn: string;
  /** 缴纳方式: 现金 | 转账 | 代缴 | 未记录 */
  method: string;
  /** 缴纳类型: 按月 | 按季 | 补交 | 预交 */
  payKind: string;
  payerName: string | null;
  receiptNo: string | null;
  collector: string | null;
  reason: string | null;
  consentRef: string | null;
  note: string | null;
}

export function rowToPayment(r: DuesPaymentsTable): Payment {
  return {
    id: r.id,
    memberId: r.member_id,
    branchId: r.branch_id,
    month: r.month,
    dueFen: r.due_fen,
    paidFen: r.paid_fen,
    paidOn: r.paid_on,
    method: r.method,
    payKind: r.pay_kind,
    payerName: r.payer_name,
    receiptNo: r.receipt_no,
    collector: r.collector,
    reason: r.reason,
    consentRef: r.consent_ref,
    note: r.note,
  };
}

export interface FactMember {
  id: string;
  name: string;
  category: string;
  party_status: string;
  join_date: string;
  left_type: string | null;
  left_date: string | null;
  branch_id: string;
  branch_name: string;
  branch_sort: number;
  owedFrom: string;
  owedTo: string;
}

export interface YearFacts {
  year: number;
  settings: DuesSettings;
  members: FactMember[];
  standards: Map<string, Assessment[]>;
  /** memberId → month → payment */
  payments: Map<string, Map<string, Payment>>;
}

/** The members owing in the year (current branch, optionally one branch), each with the span of months owed. */
export async function yearMembers(tx: Tx, year: number, settings: DuesSettings, branchId?: string | null): Promise<FactMember[]> {
  let q = tx
    .selectFrom('members as m')
    .innerJoin('org_units as b', 'b.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.category', 'm.party_status', 'm.join_date', 'm.left_type', 'm.left_date', 'm.branch_id', 'b.name as branch_name', 'b.sort_order as branch_sort'])
    .where('m.deleted_at', 'is', null)
    .where('m.join_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('m.left_date', 'is', null), eb('m.left_date', '>=', `${year}-01-01`)]));
  if (branchId) q = q.where('m.branch_id', '=', branchId);
  const rows = await q.orderBy('b.sort_order').orderBy('m.join_date').orderBy('m.id').execute();
  const starts = await transferInStarts(tx);
  // nothing before the 台账启用日期's month is owed (the member still shows, with those months not owed)
  const ledgerStart = await ledgerStartMonth(tx, `${year}-01-01`);
  const members: FactMember[] = [];
  for (const r of rows) {
    const span = owedSpan({ ...r, dues_start: starts.get(r.id) ?? null }, year, settings);
    if (span) members.push({ ...r, owedFrom: span.from < ledgerStart ? ledgerStart : span.from, owedTo: span.to });
  }
  return members;
}

/**
 * Everything a year's grid, ledger or report needs, in three queries: members
 * owing in the year (current branch), their standards, their payments.
 */
export async function loadYearFacts(tx: Tx, year: number, branchId?: string | null): Promise<YearFacts> {
  const settings = await loadDuesSettings(tx);
  const members = await yearMembers(tx, year, settings, branchId);
  const byBranch = !!branchId && members.length <= 900;
  const ids = members.map((m) => m.id);
  const standards = byBranch ? await yearAssessments(tx, year, ids) : await yearAssessments(tx, year);
  let pq = tx
    .selectFrom('dues_payments')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('month', '>=', `${year}-01`)
    .where('month', '<=', `${year}-12`);
  if (byBranch) pq = pq.where('member_id', 'in', ids.length ? ids : ['']);
  const payments = new Map<string, Map<string, Payment>>();
  for (const p of await pq.execute()) {
    let mm = payments.get(p.member_id);
    if (!mm) payments.set(p.member_id, (mm = new Map()));
    mm.set(p.month, rowToPayment(p));
  }
  return { year, settings, members, standards, payments };
}
