/**
 * The compliance heat map: 党组织 × 月份, read off the activities area's
 * compliance calendar (core/activities/compliance.ts), never recomputed. A
 * month shows every requirement whose period ends in it: the month's own
 * meetings, a quarter's in its last month, a year's in December (the deadline
 * a clerk works to). The cell's status is the worst of them; a month that has
 * not begun is 未到期 (or 不适用): never a to-do, even when a year's requirement
 * shown in December is already 待开展 — its item in the tooltip still says so,
 * and the to-do belongs to the month the clerk is in.
 */
import type { Ctx } from '../context.ts';
import { complianceCalendar, periodLabel, STATUS_LABEL, type CellStatus } from '../activities/compliance.ts';
import { FREQUENCY_LABEL } from '../activities/rules.ts';
import { asOfFor, MONTHS_OF } from './common.ts';

export interface HeatItem {
  type: string;
  /** e.g. 支部委员会（每月） */
  label: string;
  period: string;
  periodLabel: string;
  status: CellStatus;
  activityIds: string[];
  detail: string | null;
}

export interface HeatCell {
  orgId: string;
  month: string;
  status: CellStatus;
  statusLabel: string;
  items: HeatItem[];
}

export interface ComplianceHeat {
  year: number;
  asOf: string;
  months: string[];
  orgs: { id: string; name: string; kind: string }[];
  cells: HeatCell[];
  /** cells per status, for the legend */
  counts: Partial<Record<CellStatus, number>>;
  statusLabels: Record<CellStatus, string>;
}

/** Worst first: the order a cell's status is chosen in (the calendar's own order). */
export const HEAT_ORDER: CellStatus[] = ['missing', 'quorum-not-met', 'due', 'held-late', 'held', 'upcoming', 'before-start', 'n/a'];

/** The month a period's requirement is shown in: its last month. */
export function deadlineMonth(period: string): string {
  const q = /^(\d{4})-Q(\d)$/.exec(period);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3).padStart(2, '0')}`;
  if (/^\d{4}$/.test(period)) return `${period}-12`;
  return period;
}

export async function complianceHeat(ctx: Ctx, year: number, asOf?: string): Promise<ComplianceHeat> {
  const day = asOfFor(year, ctx.platform.today(), asOf);
  const cal = await complianceCalendar(ctx, year, day);
  const months = MONTHS_OF(year);
  const byKey = new Map<string, HeatItem[]>();
  for (const c of cal.cells) {
    const freq = c.period.includes('Q') ? 'quarter' : c.period.length === 7 ? 'month' : 'year';
    const k = `${c.orgId}|${deadlineMonth(c.period)}`;
    const item: HeatItem = { type: c.type, label: `${c.type}（${FREQUENCY_LABEL[freq]}）`, period: c.period, periodLabel: periodLabel(c.period), status: c.status, activityIds: c.activityIds, detail: c.detail };
    byKey.set(k, [...(byKey.get(k) ?? []), item]);
  }
  const cells: HeatCell[] = [];
  const counts: Partial<Record<CellStatus, number>> = {};
  const cut = day.slice(0, 7);
  for (const org of cal.orgs) {
    for (const month of months) {
      const items = byKey.get(`${org.id}|${month}`);
      if (!items?.length) continue;
      let status = HEAT_ORDER.find((s) => items.some((i) => i.status === s)) ?? 'n/a';
      if (month > cut) status = items.every((i) => i.status === 'n/a') ? 'n/a' : 'upcoming';
      cells.push({ orgId: org.id, month, status, statusLabel: STATUS_LABEL[status], items });
      counts[status] = (counts[status] ?? 0) + 1;
    }
  }
  return { year, asOf: day, months, orgs: cal.orgs.map((o) => ({ id: o.id, name: o.name, kind: o.kind })), cells, counts, statusLabels: STATUS_LABEL };
}
