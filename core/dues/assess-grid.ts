/** 年度核定, the grid: every member owing dues in a year with the year's standards and last year's. Reads only. */
import type { Tx } from '../audit/service.ts';
import { loadDuesSettings } from './settings.ts';
import { transferInStarts } from './queries.ts';
import { owedSpan, rowToAssessment, type Assessment } from './assess-rules.ts';

export async function yearAssessments(tx: Tx, year: number, memberIds?: string[]): Promise<Map<string, Assessment[]>> {
  let q = tx.selectFrom('dues_assessments').selectAll().where('year', '=', year).where('deleted_at', 'is', null);
  if (memberIds) q = q.where('member_id', 'in', memberIds.length ? memberIds : ['']);
  const rows = await q.orderBy('member_id').orderBy('from_month').execute();
  const out = new Map<string, Assessment[]>();
  for (const r of rows) {
    const list = out.get(r.member_id) ?? [];
    list.push(rowToAssessment(r));
    out.set(r.member_id, list);
  }
  return out;
}

export interface GridRow {
  memberId: string;
  name: string;
  branchId: string;
  branchName: string;
  memberCategory: string;
  partyStatus: string;
  joinDate: string;
  leftType: string | null;
  leftDate: string | null;
  owedFrom: string;
  owedTo: string;
  standards: Assessment[];
  previous: Assessment | null;
}

/** Every member owing dues in the year (optionally one branch), with the year's standards and last year's. */
export async function assessmentGrid(tx: Tx, year: number, branchId?: string | null): Promise<GridRow[]> {
  const s = await loadDuesSettings(tx);
  let q = tx
    .selectFrom('members as m')
    .innerJoin('org_units as b', 'b.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.category', 'm.party_status', 'm.join_date', 'm.left_type', 'm.left_date', 'm.branch_id', 'b.name as branch_name', 'b.sort_order'])
    .where('m.deleted_at', 'is', null)
    .where('m.join_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('m.left_date', 'is', null), eb('m.left_date', '>=', `${year}-01-01`)]));
  if (branchId) q = q.where('m.branch_id', '=', branchId);
  const members = await q.orderBy('b.sort_order').orderBy('m.join_date').orderBy('m.id').execute();
  const ids = members.map((m) => m.id);
  const cur = ids.length > 900 ? await yearAssessments(tx, year) : await yearAssessments(tx, year, ids);
  const prev = ids.length > 900 ? await yearAssessments(tx, year - 1) : await yearAssessments(tx, year - 1, ids);
  const starts = await transferInStarts(tx);
  const out: GridRow[] = [];
  for (const m of members) {
    const span = owedSpan({ ...m, dues_start: starts.get(m.id) ?? null }, year, s);
    if (!span) continue;
    out.push({
      memberId: m.id,
      name: m.name,
      branchId: m.branch_id,
      branchName: m.branch_name,
      memberCategory: m.category,
      partyStatus: m.party_status,
      joinDate: m.join_date,
      leftType: m.left_type,
      leftDate: m.left_date,
      owedFrom: span.from,
      owedTo: span.to,
      standards: cur.get(m.id) ?? [],
      previous: prev.get(m.id)?.at(-1) ?? null,
    });
  }
  return out;
}
