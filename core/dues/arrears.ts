/**
 * 欠缴: consecutive months unpaid up to a chosen month. Warn at 3 (local
 * practice), flag "需支部研究" at 6: six consecutive months unpaid without a
 * valid reason is treated as 自行脱党 (2008 第十三条), but only the 支部大会 can
 * decide on 除名, with upper approval, so the app never changes a member's
 * status itself.
 *
 * A member is tracked from their first standard in the ledger (no standard, no
 * claim), from the first due month (预备党员: the 支部大会 month), and up to the
 * month of transfer out. A month whose standard is 0 (approved exemption)
 * counts as settled. A month of a year for which the member has no standard yet
 * (the new year before its 年度核定) is not owed but "not yet assessed": it is
 * listed apart and skipped, so the earlier year's real arrears still count and
 * nobody is in arrears merely because January came. Nothing before the month
 * of the 台账启用日期 (core/settings/start-date.ts) is owed: a ledger started in
 * December does not find ten months unpaid for a member entered yesterday.
 */
import type { Tx } from '../audit/service.ts';
import { loadDuesSettings } from './settings.ts';
import { transferInStarts } from './queries.ts';
import { ledgerStartMonth } from '../settings/start-date.ts';
import { addMonth, firstDueMonth, lastDueMonth, monthIndex, monthFromIndex } from './months.ts';

export type Severity = 'notice' | 'warning' | 'critical';

export interface ArrearsRow {
  memberId: string;
  member: string;
  branchId: string;
  branch: string;
  consecutiveUnpaidMonths: number;
  months: string[];
  owedFen: number;
  severity: Severity;
  /** 需支部研究 when critical */
  action: string;
  lastPaidMonth: string | null;
  leftType: string | null;
  /** months in the run's span whose year has no standard for the member yet (not owed until assessed) */
  unassessedMonths: string[];
}

export interface ArrearsOptions {
  branchId?: string | null;
  /** only rows with at least this many months (default 1) */
  minMonths?: number;
}

const WINDOW = 24;

export async function arrearsList(tx: Tx, asOf: string, opts: ArrearsOptions = {}): Promise<ArrearsRow[]> {
  const s = await loadDuesSettings(tx);
  const windowStart = addMonth(asOf, -WINDOW + 1);
  // per member, two index seeks: the first standard in the ledger (tracking start) and the latest paid month ≤ asOf
  let mq = tx
    .selectFrom('members as m')
    .innerJoin('org_units as b', 'b.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.join_date', 'm.left_type', 'm.left_date', 'm.branch_id', 'b.name as branch_name', 'b.sort_order'])
    .select((eb) => [
      eb
        .selectFrom('dues_assessments as a')
        .select((e2) => e2.fn.min('a.from_month').as('x'))
        .whereRef('a.member_id', '=', 'm.id')
        .where('a.deleted_at', 'is', null)
        .where('a.from_month', '<=', asOf)
        .as('tracked_from'),
      eb
        .selectFrom('dues_payments as p')
        .select((e2) => e2.fn.max('p.month').as('x'))
        .whereRef('p.member_id', '=', 'm.id')
        .where('p.deleted_at', 'is', null)
        .where('p.month', '<=', asOf)
        .as('last_paid'),
    ])
    .where('m.deleted_at', 'is', null)
    .where('m.join_date', '<=', `${asOf}-31`)
    // on the roster, or transferred out within the last year (they owe up to the transfer month)
    .where((eb) => eb.or([eb('m.left_type', 'is', null), eb.and([eb('m.left_type', '=', '转出'), eb('m.left_date', '>=', `${addMonth(asOf, -11)}-01`)])]));
  if (opts.branchId) mq = mq.where('m.branch_id', '=', opts.branchId);
  const members = await mq.orderBy('b.sort_order').orderBy('m.join_date').orderBy('m.id').execute();
  if (!members.length) return [];

  // standards of the window's years (for amounts and exemptions)
  const fromYear = Number(windowStart.slice(0, 4));
  const stdRows = await tx
    .selectFrom('dues_assessments')
    .select(['member_id', 'from_month', 'monthly_due_fen'])
    .where('deleted_at', 'is', null)
    .where('year', '>=', fromYear)
    .where('year', '<=', Number(asOf.slice(0, 4)))
    .orderBy('member_id')
    .orderBy('from_month')
    .execute();
  const stds = new Map<string, { from: string; fen: number }[]>();
  const assessedYears = new Map<string, Set<string>>();
  for (const r of stdRows) {
    const ys = assessedYears.get(r.member_id) ?? new Set<string>();
    ys.add(r.from_month.slice(0, 4));
    assessedYears.set(r.member_id, ys);
    const l = stds.get(r.member_id) ?? [];
    l.push({ from: r.from_month, fen: r.monthly_due_fen });
    stds.set(r.member_id, l);
  }
  const dueAt = (id: string, month: string): number | null => {
    let fen: number | null = null;
    const y = month.slice(0, 4);
    for (const x of stds.get(id) ?? []) if (x.from <= month && x.from.slice(0, 4) === y) fen = x.fen;
    return fen;
  };

  const transferStarts = await transferInStarts(tx);
  const ledgerStart = await ledgerStartMonth(tx, `${asOf}-01`);
  const out: ArrearsRow[] = [];
  const pending: { m: (typeof members)[number]; start: string; end: string }[] = [];
  for (const m of members) {
    const tracked = m.tracked_from as string | null;
    if (!tracked) continue;
    const first = firstDueMonth({ ...m, dues_start: transferStarts.get(m.id) ?? null }, s);
    const last = lastDueMonth(m);
    const end = last && last < asOf ? last : asOf;
    const start = [tracked, first, ledgerStart].sort().at(-1)!;
    if (start > end) continue;
    pending.push({ m, start, end });
  }

  const min = Math.max(1, opts.minMonths ?? 1);
  for (const { m, start, end } of pending) {
    const lp = (m.last_paid as string | null) ?? null;
    const months: string[] = [];
    const unassessed: string[] = [];
    const years = assessedYears.get(m.id);
    let owed = 0;
    for (let i = monthIndex(end); i >= monthIndex(start); i--) {
      const month = monthFromIndex(i);
      if (lp && month <= lp) break;
      const inWindow = month >= windowStart;
      if (inWindow && !years?.has(month.slice(0, 4))) {
        unassessed.push(month);
        continue;
      }
      const fen = inWindow ? dueAt(m.id, month) : null;
      if (fen === 0) break; // approved exemption: nothing owed, the run stops here
      months.push(month);
      owed += fen ?? 0;
    }
    if (months.length < min) continue;
    const n = months.length;
    const severity: Severity = n >= s.criticalMonths ? 'critical' : n >= s.warnMonths ? 'warning' : 'notice';
    out.push({
      memberId: m.id,
      member: m.name,
      branchId: m.branch_id,
      branch: m.branch_name,
      consecutiveUnpaidMonths: n,
      months: months.reverse(),
      owedFen: owed,
      severity,
      action:
        severity === 'critical'
          ? `连续 ${n} 个月未缴纳党费，需支部研究（无正当理由连续 6 个月不缴纳党费的，按自行脱党处理，须经支部大会讨论决定并报上级党组织批准）`
          : severity === 'warning'
            ? `连续 ${n} 个月未缴纳党费，应提醒并限期缴纳`
            : '',
      lastPaidMonth: lp,
      leftType: m.left_type,
      unassessedMonths: unassessed.reverse(),
    });
  }
  return out.sort((a, b) => b.consecutiveUnpaidMonths - a.consecutiveUnpaidMonths || 0);
}
