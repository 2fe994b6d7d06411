/**
 * 出席率 (实到/应到) per organization over a year, from the attendance lists of
 * the records (core/activities/service.ts `listActivities`: 应到 is everyone on
 * a meeting's list, 实到 those marked 出席, as the quorum counts them). Records
 * without an attendance list (谈心谈话) do not count. A 党小组会 counts for its
 * branch. Only meetings held by the as-of day.
 */
import type { Ctx } from '../context.ts';
import { listActivities } from '../activities/service.ts';
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
  const rows = day < `${year}-01-01` ? [] : await listActivities(ctx, { from: `${year}-01-01`, to: day });
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
