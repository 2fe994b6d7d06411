/**
 * 出席率 (实到/应到) per organization over a year, from the attendance lists of
 * the records, counted as the records list counts them (core/activities/
 * service.ts `listActivities` through the quorum: 应到 is everyone on a
 * meeting's list, 实到 those marked 出席), but counted in SQL: one short row per
 * meeting instead of every attendance line. Records without an attendance list
 * (谈心谈话) do not count. A 党小组会 counts for its branch. Only meetings held
 * by the as-of day.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { isPresent } from '../../common/quorum.ts';
import { ATTENDANCE_STATUSES } from '../../common/enums.ts';
import { asOfFor, MONTHS_OF, pct } from './common.ts';

export interface AttendanceFigure {
  due: number;
  present: number;
  meetings: number;
  rate: number | null;
}

export interface AttendanceOrg extends AttendanceFigure {
  orgId: string;
  name: string;
  months: (AttendanceFigure & { month: string })[];
  /** per activity type, most meetings first */
  byType: (AttendanceFigure & { type: string })[];
}

export interface AttendanceStats {
  year: number;
  asOf: string;
  months: string[];
  orgs: AttendanceOrg[];
  total: AttendanceFigure;
}

interface MeetingCount {
  orgId: string;
  orgName: string;
  type: string;
  heldOn: string;
  due: number;
  present: number;
}

const PRESENT = ATTENDANCE_STATUSES.filter((s) => isPresent({ status: s }));

/** 应到 and 实到 of each meeting held in [from, to], in the records list's order (newest first). */
export async function meetingCounts(tx: Tx, from: string, to: string): Promise<MeetingCount[]> {
  const rows = await sql<MeetingCount>`
    select a.org_id as orgId, o.name as orgName, a.type as type, a.held_on as heldOn,
      (select count(*) from activity_attendance t where t.activity_id = a.id) as due,
      (select count(*) from activity_attendance t where t.activity_id = a.id and t.status in (${sql.join(PRESENT)})) as present
    from activities a inner join org_units o on o.id = a.org_id
    where a.deleted_at is null and a.held_on >= ${from} and a.held_on <= ${to}
    order by a.held_on desc, a.start_time desc, a.id`.execute(tx);
  return rows.rows;
}

const zero = (): AttendanceFigure => ({ due: 0, present: 0, meetings: 0, rate: null });
const add = (f: AttendanceFigure, due: number, present: number) => {
  f.due += due;
  f.present += present;
  f.meetings++;
  f.rate = pct(f.present, f.due);
};

export async function attendanceStats(ctx: Ctx, year: number, asOf?: string): Promise<AttendanceStats> {
  const day = asOfFor(year, ctx.platform.today(), asOf);
  const months = MONTHS_OF(year);
  const rows = day < `${year}-01-01` ? [] : await meetingCounts(ctx.db, `${year}-01-01`, day);
  const units = await ctx.db.selectFrom('org_units').select(['id', 'name', 'kind', 'sort_order']).where('deleted_at', 'is', null).where('kind', 'in', ['党委', '党支部']).execute();
  const order = new Map(units.map((u, i) => [u.id, { i, kind: u.kind, sort: u.sort_order, name: u.name }]));
  const orgs = new Map<string, AttendanceOrg>();
  const total = zero();
  for (const r of rows) {
    if (!r.due) continue;
    let o = orgs.get(r.orgId);
    if (!o) orgs.set(r.orgId, (o = { orgId: r.orgId, name: r.orgName, ...zero(), months: months.map((month) => ({ month, ...zero() })), byType: [] }));
    add(o, r.due, r.present);
    add(o.months[Number(r.heldOn.slice(5, 7)) - 1], r.due, r.present);
    let t = o.byType.find((x) => x.type === r.type);
    if (!t) o.byType.push((t = { type: r.type, ...zero() }));
    add(t, r.due, r.present);
    add(total, r.due, r.present);
  }
  const rank = (id: string) => order.get(id);
  const list = [...orgs.values()].sort((a, b) => {
    const x = rank(a.orgId);
    const y = rank(b.orgId);
    const kx = x?.kind === '党委' ? 0 : 1;
    const ky = y?.kind === '党委' ? 0 : 1;
    return kx - ky || (x?.sort ?? 0) - (y?.sort ?? 0) || a.name.localeCompare(b.name, 'zh');
  });
  for (const o of list) o.byType.sort((a, b) => b.meetings - a.meetings || a.type.localeCompare(b.type, 'zh'));
  return { year, asOf: day, months, orgs: list, total };
}
