/**
 * What the compliance calendar (compliance.ts) reads: the organizations it judges and the year's meetings that
 * count, each with whether it met its quorum. The quorum is judged from head counts that SQLite adds up
 * (quorumMetFromCounts, the same rule assessQuorum applies to the attendance lines), so a year's calendar reads
 * one row per meeting instead of every attendance line.
 */
import { sql } from 'kysely';
import type { Tx } from '../audit/service.ts';
import { quorumMetFromCounts, type QuorumCounts } from '../../common/quorum.ts';
import { DECISION_KINDS, type DecisionKind } from '../../common/enums.ts';
import { activityOptions } from './service.ts';
import type { CalendarOrg } from './compliance.ts';

export interface CountedActivity {
  id: string;
  orgId: string;
  groupId: string | null;
  type: string;
  heldOn: string;
  /** YYYY-MM it counts for */
  month: string;
  quorumMet: boolean | null;
}

export async function loadOrgs(tx: Tx): Promise<(CalendarOrg & { establishedOn: string | null })[]> {
  const units = await tx.selectFrom('org_units').select(['id', 'name', 'kind', 'parent_id', 'established_on', 'sort_order']).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').execute();
  const groups = new Map<string, { id: string; name: string }[]>();
  for (const u of units) if (u.kind === '党小组' && u.parent_id) groups.set(u.parent_id, [...(groups.get(u.parent_id) ?? []), { id: u.id, name: u.name }]);
  // a 党小组 without a member on the roster is not judged
  const manned = new Set(
    (await tx.selectFrom('members').select('group_id').distinct().where('deleted_at', 'is', null).where('left_type', 'is', null).where('group_id', 'is not', null).execute()).map((r) => r.group_id),
  );
  for (const [k, l] of groups) groups.set(k, l.filter((g) => manned.has(g.id)));
  const committees = units.filter((u) => u.kind === '党委');
  const branches = units.filter((u) => u.kind === '党支部');
  return [...committees, ...branches].map((u) => ({ id: u.id, name: u.name, kind: u.kind, groups: groups.get(u.id) ?? [], establishedOn: u.established_on }));
}

const QUORUM_TYPES = ['支部党员大会', '支部委员会', '民主生活会'];

/** 应到/实到 (all, and voting: anyone not 预备) of the meetings held in [from, to] whose type has a quorum rule. */
async function quorumCounts(tx: Tx, from: string, to: string): Promise<Map<string, QuorumCounts>> {
  // attendance lines of the chosen meetings only (an IN list, so SQLite seeks them by activity, never scans every line)
  const ids = tx
    .selectFrom('activities')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .where('type', 'in', QUORUM_TYPES);
  const rows = await tx
    .selectFrom('activity_attendance as t')
    .select([
      't.activity_id as id',
      sql<number>`count(*)`.as('due'),
      sql<number>`sum(t.status = '出席')`.as('present'),
      sql<number>`sum(t.party_status is not '预备')`.as('due_voting'),
      sql<number>`sum(t.party_status is not '预备' and t.status = '出席')`.as('present_voting'),
    ])
    .where('t.activity_id', 'in', ids)
    .groupBy('t.activity_id')
    .execute();
  return new Map(rows.map((r) => [r.id, { due: Number(r.due), present: Number(r.present), dueVoting: Number(r.due_voting), presentVoting: Number(r.present_voting) }]));
}

export async function loadActivities(tx: Tx, year: number): Promise<CountedActivity[]> {
  // A meeting held early next year may count for December (counts_for).
  const [from, to] = [`${year}-01-01`, `${year + 1}-12-31`];
  const rows = await tx
    .selectFrom('activities')
    .select(['id', 'org_id', 'group_id', 'type', 'held_on', 'counts_for', 'decision_kind', 'speaker'])
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .execute();
  const inYear = rows.filter((r) => (r.counts_for ?? r.held_on.slice(0, 7)).startsWith(String(year)));
  const [counts, o] = [await quorumCounts(tx, from, to), await activityOptions(tx)];
  const counted: CountedActivity[] = inYear.map((r) => {
    const c = QUORUM_TYPES.includes(r.type) ? counts.get(r.id) : undefined;
    const kind: DecisionKind = (DECISION_KINDS as readonly string[]).includes(r.decision_kind) ? (r.decision_kind as DecisionKind) : '一般';
    const quorumMet = c ? quorumMetFromCounts(r.type, kind, c, { halfInclusive: o.halfInclusive }) : null;
    return { id: r.id, orgId: r.org_id, groupId: r.group_id, type: r.type, heldOn: r.held_on, month: r.counts_for ?? r.held_on.slice(0, 7), quorumMet };
  });
  // 条例第十六条: a 党课 the 党委书记 gives in a branch also counts for the 党委's yearly 党课.
  const secretaries = await tx
    .selectFrom('org_roles as r')
    .innerJoin('org_units as o', 'o.id', 'r.org_id')
    .select(['r.org_id', 'r.person_name', 'r.start_on', 'r.end_on'])
    .where('o.kind', '=', '党委')
    .where('r.role', '=', '书记')
    .where('r.deleted_at', 'is', null)
    .where('o.deleted_at', 'is', null)
    .execute();
  for (const r of inYear) {
    if (r.type !== '党课' || !r.speaker) continue;
    for (const s of secretaries) {
      if (s.org_id === r.org_id || s.person_name !== r.speaker.trim()) continue;
      if ((s.start_on && s.start_on > r.held_on) || (s.end_on && s.end_on <= r.held_on)) continue;
      counted.push({ id: r.id, orgId: s.org_id, groupId: null, type: r.type, heldOn: r.held_on, month: r.counts_for ?? r.held_on.slice(0, 7), quorumMet: null });
    }
  }
  return counted;
}
