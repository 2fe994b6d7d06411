/**
 * Each member's 党员积分 of a calendar year: the scheme in force on its last day, the members in scope (on the
 * roster at the year's end, 预备党员 by setting, member categories and the year's exclusions left out with
 * their reason), the facts read through the other areas' own queries (attendance, dues, 学时, tests,
 * 民主评议) and this area's entries, scored by core/points/score.ts; ranks in each branch and the bureau.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import { branchIdByName } from '../hours/queries.ts';
import { attendanceOfYear, commonFacts, countedFacts, detailedFacts } from './facts.ts';
import { schemeFor, EXAMPLE_SCHEME, type PointsSchemeVersion } from './scheme.ts';
import { emptyGroups, ranks, scoreMember } from './score.ts';
import type { HonoursSetting, MemberPoints, PointsYear } from './model.ts';

export interface PointsQuery {
  year: number;
  branchId?: string;
  branch?: string;
  memberId?: string;
  /** every line with its source */
  lines?: boolean;
}

export interface PointsSettingValues {
  versions: PointsSchemeVersion[];
  exclusionReasons: string[];
  excludedCategories: string[];
  includeProbationary: boolean;
  honours: HonoursSetting;
}

export async function loadPointsSettings(tx: Tx): Promise<PointsSettingValues> {
  const [versions, exclusionReasons, excludedCategories, includeProbationary, honours] = await Promise.all([
    getSetting<PointsSchemeVersion[]>(tx, 'points.schemeVersions'),
    getSetting<string[]>(tx, 'points.exclusionReasons'),
    getSetting<string[]>(tx, 'points.excludedCategories'),
    getSetting<boolean>(tx, 'points.includeProbationary'),
    getSetting<HonoursSetting>(tx, 'points.honours'),
  ]);
  return { versions: versions ?? [], exclusionReasons: exclusionReasons ?? [], excludedCategories: excludedCategories ?? [], includeProbationary: includeProbationary !== false, honours };
}

/** `tx`: read inside the caller's transaction (the demo), else on the ledger. */
export async function yearPoints(ctx: Ctx, q: PointsQuery, tx?: Tx): Promise<PointsYear> {
  const db = tx ?? ctx.db;
  const { year } = q;
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const today = ctx.platform.today();
  const asOf = to < today ? to : today;
  const s = await loadPointsSettings(db);
  const scheme = schemeFor(year, s.versions);
  const items = scheme.values.items;
  const branchId = q.branchId ?? (q.branch ? await branchIdByName(db, q.branch) : undefined);

  const members = await db
    .selectFrom('members as m')
    .innerJoin('org_units as o', 'o.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.branch_id', 'o.name as branch', 'm.party_status', 'm.category'])
    .where('m.deleted_at', 'is', null)
    .where('m.join_date', '<=', to)
    .where((eb) => eb.or([eb('m.left_date', 'is', null), eb('m.left_date', '>', to)]))
    .orderBy('o.sort_order').orderBy('o.name').orderBy('m.join_date').orderBy('m.name')
    .execute();
  const exclusions = new Map<string, { reason: string; note: string | null }>();
  for (const e of await db.selectFrom('points_exclusions').select(['member_id', 'reason', 'note']).where('deleted_at', 'is', null).where('year', '=', year).execute()) exclusions.set(e.member_id, e);

  const inScope = new Set(members.filter((m) => (!branchId || m.branch_id === branchId) && (!q.memberId || m.id === q.memberId)).map((m) => m.id));
  const scope = { year, asOf, items };
  // totals and ranks for everyone from SQLite's counts; lines only for the members shown
  const attendance = await attendanceOfYear(db, scope);
  const withLines = q.lines || q.memberId;
  const common = await commonFacts(ctx, db, scope, attendance, !!withLines);
  const counted = await countedFacts(db, scope, common, attendance);
  const detailed = withLines ? await detailedFacts(db, scope, common, inScope.size === members.length ? null : inScope) : null;

  const base = scheme.values.base;
  const all: MemberPoints[] = members.map((m) => {
    const own = exclusions.get(m.id);
    const [excluded, excludedBy]: [string | null, MemberPoints['excludedBy']] = own
      ? [own.reason, 'member']
      : s.excludedCategories.includes(m.category) ? [m.category, 'category'] : !s.includeProbationary && m.party_status === '预备' ? ['预备党员', 'probationary'] : [null, null];
    const row: MemberPoints = {
      memberId: m.id, name: m.name, branchId: m.branch_id, branch: m.branch, partyStatus: m.party_status, excluded, excludedBy, ...(own ? { exclusionNote: own.note } : {}),
      base, plus: 0, minus: 0, total: 0, byGroup: emptyGroups(), pending: 0, rankInBranch: null, rankInBureau: null,
    };
    if (excluded) return row;
    const sc = scoreMember(base, items, counted.get(m.id) ?? [], false);
    Object.assign(row, { plus: sc.plus, minus: sc.minus, total: sc.total, byGroup: sc.byGroup, pending: sc.pending });
    if (detailed && inScope.has(m.id)) row.lines = scoreMember(base, items, detailed.get(m.id) ?? []).lines;
    return row;
  });
  const total = (r: MemberPoints) => (r.excluded ? null : r.total);
  for (const [r, n] of ranks(all, total)) r.rankInBureau = n;
  const byBranch = new Map<string, MemberPoints[]>();
  for (const r of all) {
    const list = byBranch.get(r.branchId);
    if (list) list.push(r);
    else byBranch.set(r.branchId, [r]);
  }
  for (const list of byBranch.values()) for (const [r, n] of ranks(list, total)) r.rankInBranch = n;

  return {
    year,
    scheme: { version: scheme.version, effectiveFrom: scheme.effectiveFrom, source: scheme.source, verified: scheme.verified, example: scheme === EXAMPLE_SCHEME, base },
    honours: s.honours,
    members: all.filter((r) => inScope.has(r.memberId)),
  };
}

/** The 评先树优 list by the setting: the first N (ties included) or everyone at or above the threshold, per branch or bureau. */
export function honoursList(y: PointsYear): MemberPoints[] {
  const h = y.honours;
  const scored = y.members.filter((m) => !m.excluded);
  if (h.mode === 'threshold') return scored.filter((m) => m.total >= h.threshold).sort((a, b) => b.total - a.total);
  const rank = (m: MemberPoints) => (h.scope === 'branch' ? m.rankInBranch : m.rankInBureau) ?? Infinity;
  const order = new Map<string, number>();
  for (const m of scored) if (!order.has(m.branchId)) order.set(m.branchId, order.size);
  const picked = scored.filter((m) => rank(m) <= h.count);
  return h.scope === 'branch' ? picked.sort((a, b) => order.get(a.branchId)! - order.get(b.branchId)! || rank(a) - rank(b)) : picked.sort((a, b) => rank(a) - rank(b));
}
