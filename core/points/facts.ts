/**
 * The facts a year's points are scored from, read through the other areas' own read-only queries: meetings
 * attended, months of dues paid on time and in full, the 学时 rule met, tests passed, the 民主评议 grade, and
 * this area's entries. Two readings of the same rules: `counted` lets SQLite count the meetings and the dues
 * months (for the ranking of the whole bureau, where only totals are needed: an item of equal points gives
 * min(n × points, cap) whatever the order), `detailed` gives one fact per meeting and payment, with its source,
 * for the members whose lines are shown.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { loadHoursSettings, meetingTotals, yearHours, type MeetingTotal } from '../hours/queries.ts';
import { hoursText } from '../hours/model.ts';
import { attendedMeetings } from '../activities/attendance-of.ts';
import { onTimeMonthCounts, paidMonths } from '../dues/paid-months.ts';
import { memberTestResults } from '../tests/year-results.ts';
import { scoreText } from '../tests/model.ts';
import { ratingFacts } from './ratings.ts';
import type { PointsItem } from './scheme.ts';
import type { Fact } from './score.ts';

export type Facts = Map<string, Fact[]>;

const push = (map: Facts, id: string, f: Fact) => {
  const list = map.get(id);
  if (list) list.push(f);
  else map.set(id, [f]);
};

interface Scope {
  year: number;
  asOf: string;
  items: readonly PointsItem[];
}

const meetingTypes = (items: readonly PointsItem[]) => [...new Set(items.flatMap((i) => (i.source.kind === 'meeting' ? i.source.types : [])))];
const has = (items: readonly PointsItem[], kind: string) => items.some((i) => i.source.kind === kind);

/**
 * The year's attendance per member and meeting type, read once for the 学时 (core/hours) and the meeting
 * items: one scan of the attendance lines (hours' meetingTotals), whatever the number of members.
 */
export async function attendanceOfYear(db: Tx, s: Scope): Promise<Attendance> {
  const types = meetingTypes(s.items);
  if (!types.length && !has(s.items, 'hours')) return { settings: null, totals: [] };
  const settings = await loadHoursSettings(db);
  const totals = await meetingTotals(db, s.year, has(s.items, 'hours') ? settings : { ...settings, types: {} }, types);
  return { settings, totals };
}

export interface Attendance {
  settings: Awaited<ReturnType<typeof loadHoursSettings>> | null;
  totals: readonly MeetingTotal[];
}

/** One fact a member per meeting type and one for the dues months, each with its count. */
export async function countedFacts(db: Tx, s: Scope, common: Facts, att: Attendance): Promise<Facts> {
  const facts: Facts = new Map();
  const from = `${s.year}-01-01`;
  const types = new Set(meetingTypes(s.items));
  for (const a of att.totals) if (types.has(a.type)) push(facts, a.memberId, { kind: 'meeting', type: a.type, date: from, id: null, text: '', count: a.n });
  if (has(s.items, 'dues')) for (const [id, n] of await onTimeMonthCounts(db, s.year)) push(facts, id, { kind: 'dues', date: from, id: null, text: '', count: n });
  addAll(facts, common, null);
  return facts;
}

/** One fact per meeting attended and per payment, with where it came from. */
export async function detailedFacts(db: Tx, s: Scope, common: Facts, only: Set<string> | null): Promise<Facts> {
  const facts: Facts = new Map();
  const [from, to] = [`${s.year}-01-01`, `${s.year}-12-31`];
  const mine = (id: string) => !only || only.has(id);
  for (const a of await attendedMeetings(db, from, to, meetingTypes(s.items), only ? [...only] : undefined))
    if (mine(a.memberId)) push(facts, a.memberId, { kind: 'meeting', type: a.type, date: a.heldOn, id: a.activityId, text: `${a.heldOn} ${a.orgName}${a.type}${a.topic ? `“${a.topic}”` : ''}` });
  if (has(s.items, 'dues'))
    for (const p of await paidMonths(db, s.year, only ? [...only] : undefined))
      if (p.onTime && p.full && mine(p.memberId)) push(facts, p.memberId, { kind: 'dues', date: p.paidOn, id: p.paymentId, text: `${p.month} 党费，${p.paidOn} 缴纳（${p.payKind}）` });
  addAll(facts, common, only);
  return facts;
}

function addAll(facts: Facts, common: Facts, only: Set<string> | null) {
  for (const [id, list] of common) if (!only || only.has(id)) for (const f of list) push(facts, id, f);
}

/**
 * 学时, tests, 民主评议 and entries: one fact each whatever the reading, read once for both; `texts`: write
 * each fact's source (only when some member's lines are shown; the totals need none).
 */
export async function commonFacts(ctx: Ctx, db: Tx, s: Scope, att: Attendance, texts = true): Promise<Facts> {
  const facts: Facts = new Map();
  if (has(s.items, 'hours'))
    for (const h of (await yearHours(ctx, { year: s.year }, db, att.settings ? { settings: att.settings, totals: att.totals } : undefined)).members)
      if (!h.short) push(facts, h.memberId, { kind: 'hours', date: s.asOf, id: null, text: !texts ? '' : `${s.year}年学时 ${hoursText(h.totalTenths)}，应达 ${hoursText(h.requiredTenths)}` });
  if (has(s.items, 'test'))
    for (const r of await memberTestResults(db, s.year))
      if (r.passed) push(facts, r.memberId, { kind: 'test', date: r.testDate, id: r.testId, text: !texts ? '' : `${r.testDate} ${r.testName}（${r.kind}）${scoreText(r.score)} 分，合格线 ${scoreText(r.passMark)} 分` });
  if (has(s.items, 'rating')) for (const [id, list] of await ratingFacts(db, s.year, s.asOf)) for (const f of list) push(facts, id, f);
  const entries = await db
    .selectFrom('points_entries')
    .select(['id', 'member_id', 'item_key', 'on_date', 'points', 'reason', 'approved_on', 'approval_ref'])
    .where('deleted_at', 'is', null).where('on_date', '>=', `${s.year}-01-01`).where('on_date', '<=', `${s.year}-12-31`)
    .execute();
  for (const e of entries)
      push(facts, e.member_id, {
        kind: 'entry', itemKey: e.item_key, points: e.points, approved: e.approved_on !== null, date: e.on_date, id: e.id,
        text: !texts ? '' : `${e.reason}；${e.approved_on ? `支委会审核：${e.approved_on} ${e.approval_ref ?? ''}`.trim() : '未经支委会审核，不计分'}`,
      });
  return facts;
}
