/**
 * Each member's 学时 of a calendar year, from three sources: the meetings they attended (the counted
 * types, by start and end time or a fixed number per type, setting `hours.meetingTypes`), the training
 * records the clerk entered, and the imported online-study records; then the rule of the year (32, or
 * 56 with at least one 集中培训 for a 书记 or 班子成员). SQLite adds up the attendance (grouped by the
 * meeting's type and times, so a year of a large roster is read as a few thousand rows, not every line).
 * Everything is integer tenths of a 学时.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { getSetting } from '../settings/service.ts';
import { hoursRuleFor, type HoursRuleVersion } from './rules.ts';
import { hoursText, minuteOfDay, tenthsOfMinutes, type HoursRole, type HoursYear, type MeetingCount, type MemberHours } from './model.ts';

/** The committee posts the 56 rule binds (a 党小组's 组长 is not one). */
const COMMITTEE_KINDS = ['党委', '党总支', '党支部'];
const GROUP_POSTS = ['组长', '副组长'];

export interface HoursQuery {
  year: number;
  branchId?: string;
  /** a branch by name (the command line's --branch) */
  branch?: string;
  short?: boolean;
}

export async function branchIdByName(tx: Tx, name: string): Promise<string> {
  const rows = await tx.selectFrom('org_units').select(['id', 'name', 'short_name']).where('deleted_at', 'is', null).where('kind', '=', '党支部').execute();
  const hit = rows.find((r) => r.name === name) ?? rows.find((r) => r.short_name === name);
  if (!hit) throw new LedgerError(`没有名为“${name}”的党支部`, 'branch');
  return hit.id;
}

export interface HoursSettingValues {
  types: Record<string, MeetingCount>;
  minutesPerHour: number;
  roleDate: 'any' | 'yearEnd';
  prorate: boolean;
  versions: HoursRuleVersion[];
}

/** The unit's 学时 settings, with the defaults where a value is unusable. */
export async function loadHoursSettings(tx: Tx): Promise<HoursSettingValues> {
  const [types, minutesPerHour, roleDate, versions, prorate] = await Promise.all([
    getSetting<Record<string, MeetingCount>>(tx, 'hours.meetingTypes'),
    getSetting<number>(tx, 'hours.minutesPerHour'),
    getSetting<'any' | 'yearEnd'>(tx, 'hours.roleDate'),
    getSetting<HoursRuleVersion[]>(tx, 'hours.ruleVersions'),
    getSetting<boolean>(tx, 'hours.prorate'),
  ]);
  return { types: types ?? {}, minutesPerHour: minutesPerHour > 0 ? minutesPerHour : 60, roleDate, versions: versions ?? [], prorate: prorate === true };
}

/** The 学时 rule that judges a year (the unit's versions over the national one), without counting anyone's hours. */
export async function yearRule(tx: Tx, year: number): Promise<HoursRuleVersion> {
  return hoursRuleFor(year, (await loadHoursSettings(tx)).versions);
}

/** Tenths of one meeting of a type with these times; null: a 'time' type without usable times. */
export function meetingTenths(count: MeetingCount | undefined, start: string | null, end: string | null, minutesPerHour: number): number | null {
  if (count === undefined) return 0;
  if (typeof count === 'number') return Math.round(count * 10);
  const [s, e] = [minuteOfDay(start), minuteOfDay(end)];
  if (s === null || e === null || e <= s) return null;
  return tenthsOfMinutes(e - s, minutesPerHour);
}

const minutesOf = (col: string) => sql.raw(`(cast(substr(${col}, 1, 2) as integer) * 60 + cast(substr(${col}, 4, 2) as integer))`);
const isTime = (col: string) => sql.raw(`${col} glob '[0-9][0-9]:[0-9][0-9]*'`);

/** meetingTenths in SQL, per attendance line: a fixed number, or the times half-up to a tenth; null for a 'time' type without usable times. */
function meetingTenthsSql(types: Record<string, MeetingCount>, minutesPerHour: number) {
  const [s, e] = [minutesOf('a.start_time'), minutesOf('a.end_time')];
  // integers written into the statement: a bound JS number may arrive as REAL, and the division must stay integer (floor)
  const mph = Math.max(1, Math.round(minutesPerHour));
  const byTime = sql`case when ${isTime('a.start_time')} and ${isTime('a.end_time')} and ${e} > ${s} then (2 * (${e} - ${s}) * 10 + ${sql.lit(mph)}) / ${sql.lit(2 * mph)} end`;
  const cases = Object.entries(types).map(([type, count]) => sql`when ${type} then ${typeof count === 'number' ? sql.lit(Math.round(count * 10)) : byTime}`);
  return sql<number | null>`(case a.type ${sql.join(cases, sql` `)} else 0 end)`;
}

type Acc = { meeting: number; meetings: number; untimed: number; central: number; online: number; imported: number; centralCount: number };
const acc = (): Acc => ({ meeting: 0, meetings: 0, untimed: 0, central: 0, online: 0, imported: 0, centralCount: 0 });

/** One member's attendance (出席) of one meeting type in a year: how many, their 学时 in tenths by the 学时 setting, and how many had no usable times. */
export interface MeetingTotal {
  memberId: string;
  type: string;
  n: number;
  tenths: number;
  untimed: number;
}

/**
 * Every member's attendance of the year per meeting type, in one scan of the attendance lines: the types the
 * 学时 setting counts plus `alsoTypes` (other areas counting attendance, core/points, read the same scan and
 * pass it back to yearHours, so that a year of a large roster is read once). Members on no roster included.
 */
export async function meetingTotals(tx: Tx, year: number, s: HoursSettingValues, alsoTypes: readonly string[] = []): Promise<MeetingTotal[]> {
  const types = [...new Set([...Object.keys(s.types), ...alsoTypes])];
  if (!types.length) return [];
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  // SQLite works out each meeting's tenths once (meetingTenthsSql, the same rule as meetingTenths; 0 for a type
  // the setting does not count) in a materialized list of the year's meetings, then adds them up per member and type
  const tenths = meetingTenthsSql(s.types, s.minutesPerHour);
  const rows = await tx
    .with(
      (cte) => cte('m').materialized(),
      (db) => db.selectFrom('activities as a').select(['a.id', 'a.type', tenths.as('tenths')]).where('a.deleted_at', 'is', null).where('a.held_on', '>=', from).where('a.held_on', '<=', to).where('a.type', 'in', types),
    )
    .selectFrom('activity_attendance as t')
    .innerJoin('m', 'm.id', 't.activity_id')
    .select(['t.member_id', 'm.type', sql<number>`count(*)`.as('n'), sql<number | null>`sum(m.tenths)`.as('tenths'), sql<number>`sum(m.tenths is null)`.as('untimed')])
    .where('t.status', '=', '出席')
    .where('t.member_id', 'is not', null)
    .groupBy(['t.member_id', 'm.type'])
    .execute();
  return rows.map((r) => ({ memberId: r.member_id!, type: r.type, n: Number(r.n), tenths: Number(r.tenths ?? 0), untimed: Number(r.untimed) }));
}

/**
 * `tx`: read inside the caller's transaction (the demo), else on the ledger. `pre`: the settings and the
 * year's meetingTotals when the caller has read them already (core/points), else read here.
 */
export async function yearHours(ctx: Ctx, q: HoursQuery, tx?: Tx, pre?: { settings: HoursSettingValues; totals: readonly MeetingTotal[] }): Promise<HoursYear> {
  const db = tx ?? ctx.db;
  const { year } = q;
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const branchId = q.branchId ?? (q.branch ? await branchIdByName(db, q.branch) : undefined);
  const s = pre?.settings ?? (await loadHoursSettings(db));
  const rule = hoursRuleFor(year, s.versions);
  // on the roster at the year's end (or now, in a running year): joined by then and not left before it
  let mq = db
    .selectFrom('members as m')
    .innerJoin('org_units as o', 'o.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.branch_id', 'o.name as branch', 'o.sort_order', 'm.join_date'])
    .where('m.deleted_at', 'is', null)
    .where('m.join_date', '<=', to)
    .where((eb) => eb.or([eb('m.left_date', 'is', null), eb('m.left_date', '>', to)]));
  if (branchId) mq = mq.where('m.branch_id', '=', branchId);
  const members = await mq.orderBy('o.sort_order').orderBy('o.name').orderBy('m.join_date').orderBy('m.name').execute();
  const by = new Map<string, Acc>(members.map((m) => [m.id, acc()]));

  for (const r of pre?.totals ?? (await meetingTotals(db, year, s))) {
    if (!Object.hasOwn(s.types, r.type)) continue;
    const a = by.get(r.memberId);
    if (!a) continue;
    a.meetings += r.n;
    a.meeting += r.tenths;
    a.untimed += r.untimed;
  }

  const trainings = await db
    .selectFrom('study_trainings')
    .select(['member_id', 'kind', sql<number>`sum(hours)`.as('tenths'), sql<number>`count(*)`.as('n')])
    .where('deleted_at', 'is', null)
    .where('start_on', '>=', from)
    .where('start_on', '<=', to)
    .groupBy(['member_id', 'kind'])
    .execute();
  for (const t of trainings) {
    const a = by.get(t.member_id);
    if (!a) continue;
    if (t.kind === '集中培训') [a.central, a.centralCount] = [a.central + Number(t.tenths), a.centralCount + Number(t.n)];
    else a.online += Number(t.tenths);
  }

  const imported = await db
    .selectFrom('study_online_hours as h')
    .innerJoin('study_online_imports as i', 'i.id', 'h.import_id')
    .select(['h.member_id', sql<number>`sum(h.hours)`.as('tenths')])
    .where('i.deleted_at', 'is', null)
    .where('i.year', '=', year)
    .groupBy('h.member_id')
    .execute();
  for (const h of imported) {
    const a = by.get(h.member_id);
    if (a) a.imported += Number(h.tenths);
  }

  const posts = await postsOf(ctx, db, year, s.roleDate);
  const v = rule.values;
  const out: MemberHours[] = members.map((m) => {
    const a = by.get(m.id)!;
    const held = posts.get(m.id) ?? [];
    const role: HoursRole = held.some((p) => p.role === '书记') ? '书记' : held.length ? '委员' : '党员';
    const leader = role !== '党员';
    const total = a.meeting + a.central + a.online + a.imported;
    const full = leader ? v.leaderTenths : v.memberTenths;
    // pro-rating is off by default (no source); when a unit turns it on: the months from the join month to December, half-up to a tenth
    const months = 13 - Number(m.join_date.slice(5, 7));
    const required = s.prorate && m.join_date >= from ? Math.floor((2 * full * months + 12) / 24) : full;
    const requiredCentral = leader ? v.leaderCentralTrainings : 0;
    const reasons: string[] = [];
    if (total < required) reasons.push(`${hoursText(total)} 学时，不足 ${hoursText(required)} 学时（差 ${hoursText(required - total)}）`);
    if (a.centralCount < requiredCentral) reasons.push(`${role === '书记' ? '书记' : '班子成员'}须至少参加 ${requiredCentral} 次集中培训，已参加 ${a.centralCount} 次`);
    return {
      memberId: m.id, name: m.name, branchId: m.branch_id, branch: m.branch, role, posts: held.map((p) => p.text), joinDate: m.join_date, joinedInYear: m.join_date >= from,
      meetingTenths: a.meeting, meetings: a.meetings, untimedMeetings: a.untimed, centralTenths: a.central, onlineTrainingTenths: a.online, importedTenths: a.imported,
      totalTenths: total, requiredTenths: required, centralTrainings: a.centralCount, requiredCentral, short: reasons.length > 0, shortReason: reasons.join('；'),
    };
  });
  return {
    year,
    rule: { version: rule.version, source: rule.source, memberBasis: v.memberBasis, leaderBasis: v.leaderBasis, leaderPending: v.leaderPending, verified: rule.verified, prorate: s.prorate },
    members: q.short ? out.filter((m) => m.short) : out,
  };
}

/** Committee posts (党委, 党总支, 党支部; not 党小组) held in the year, by the role-date setting (end_on is the first day no longer held, as in org). */
async function postsOf(ctx: Ctx, db: Tx, year: number, roleDate: 'any' | 'yearEnd'): Promise<Map<string, { role: string; text: string }[]>> {
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const today = ctx.platform.today();
  // "on 12-31" in a running year means held today
  const day = to < today ? to : today;
  let q = db
    .selectFrom('org_roles as r')
    .innerJoin('org_units as o', 'o.id', 'r.org_id')
    .select(['r.member_id', 'r.role', 'o.name'])
    .where('r.deleted_at', 'is', null)
    .where('o.deleted_at', 'is', null)
    .where('r.member_id', 'is not', null)
    .where('o.kind', 'in', COMMITTEE_KINDS)
    .where('r.role', 'not in', GROUP_POSTS);
  q = roleDate === 'any'
    ? q.where((eb) => eb.or([eb('r.start_on', 'is', null), eb('r.start_on', '<=', to)])).where((eb) => eb.or([eb('r.end_on', 'is', null), eb('r.end_on', '>', from)]))
    : q.where((eb) => eb.or([eb('r.start_on', 'is', null), eb('r.start_on', '<=', day)])).where((eb) => eb.or([eb('r.end_on', 'is', null), eb('r.end_on', '>', day)]));
  const map = new Map<string, { role: string; text: string }[]>();
  for (const r of await q.execute()) {
    const list = map.get(r.member_id!) ?? [];
    if (!list.some((p) => p.text === `${r.name}${r.role}`)) list.push({ role: r.role, text: `${r.name}${r.role}` });
    map.set(r.member_id!, list);
  }
  return map;
}
