/**
 * The 统计分析 figures as they were first built, in memory from the other
 * areas' own list functions: 党费收缴率 from the dues year facts and the
 * 党费收缴 grid's rows (core/dues/collect.ts), 出席率 from the records list
 * (core/activities/service.ts `listActivities`), 队伍结构 from every member's
 * row. The handlers now count in SQL (core/stats/dues-facts.ts, attendance.ts,
 * members.ts); tests hold them to these.
 */
import type { Ctx } from '../../core/context.ts';
import { collectionRows, loadYearFacts } from '../../core/dues/collect.ts';
import { listActivities } from '../../core/activities/service.ts';
import { asOfFor, MONTHS_OF, pct } from '../../core/stats/common.ts';
import type { DuesBranchFigure, DuesMonthFigure, DuesStats } from '../../core/stats/dues.ts';
import type { AttendanceFigure, AttendanceOrg, AttendanceStats } from '../../core/stats/attendance.ts';
import { AGE_BANDS, PARTY_AGE_BANDS, type Band, type Dimension, type MemberStructure } from '../../core/stats/members.ts';
import { yearsBetween } from '../../common/dates.ts';
import { EDUCATIONS, MEMBER_CATEGORIES } from '../../common/enums.ts';

const emptyMonth = (month: string, future: boolean): DuesMonthFigure => ({ month, dueFen: 0, paidFen: 0, owedCount: 0, paidCount: 0, rate: null, future });

function close(months: DuesMonthFigure[]) {
  let due = 0;
  let paid = 0;
  for (const m of months) {
    m.rate = m.future ? null : pct(m.paidFen, m.dueFen);
    if (!m.future) {
      due += m.dueFen;
      paid += m.paidFen;
    }
  }
  return { dueFen: due, paidFen: paid, rate: pct(paid, due) };
}

export async function referenceDues(ctx: Ctx, year: number, asOf?: string): Promise<DuesStats> {
  const day = asOfFor(year, ctx.platform.today(), asOf);
  const months = MONTHS_OF(year);
  const f = await loadYearFacts(ctx.db, year);
  const rows = collectionRows(f);
  const cut = day.slice(0, 7);
  const branches = new Map<string, DuesBranchFigure & { sort: number }>();
  const total = months.map((m) => emptyMonth(m, m > cut));
  let unassessed = 0;
  rows.forEach((r, i) => {
    const mem = f.members[i];
    let b = branches.get(mem.branch_id);
    if (!b) branches.set(mem.branch_id, (b = { branchId: mem.branch_id, branch: mem.branch_name, sort: mem.branch_sort, months: months.map((m) => emptyMonth(m, m > cut)), dueFen: 0, paidFen: 0, rate: null }));
    let lacks = false;
    r.cells.forEach((c, k) => {
      if (c.month >= mem.owedFrom && c.month <= mem.owedTo && c.dueFen === null) lacks = true;
      if (!c.owed || c.dueFen === null) return;
      for (const target of [b.months[k], total[k]]) {
        target.dueFen += c.dueFen;
        target.owedCount++;
        if (c.payment) {
          target.paidFen += c.payment.paidFen;
          target.paidCount++;
        }
      }
    });
    if (lacks) unassessed++;
  });
  const list = [...branches.values()].sort((a, b) => a.sort - b.sort || a.branch.localeCompare(b.branch, 'zh'));
  const out: DuesBranchFigure[] = list.map(({ sort: _s, ...b }) => ({ ...b, ...close(b.months) }));
  return { year, asOf: day, months, assessed: f.standards.size > 0, unassessed, branches: out, total: { months: total, ...close(total) } };
}

const zero = (): AttendanceFigure => ({ due: 0, present: 0, meetings: 0, rate: null });
const add = (f: AttendanceFigure, due: number, present: number) => {
  f.due += due;
  f.present += present;
  f.meetings++;
  f.rate = pct(f.present, f.due);
};

export async function referenceAttendance(ctx: Ctx, year: number, asOf?: string): Promise<AttendanceStats> {
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

const UNFILLED = '未填';

function bandedRef(values: (number | null)[], bands: { label: string; max: number }[], extra: Band[] = []): { bands: Band[]; missing: number } {
  const out = bands.map((b) => ({ label: b.label, count: 0 }));
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else out[bands.findIndex((b) => v <= b.max)].count++;
  }
  return { bands: [...extra, ...out, ...(missing ? [{ label: UNFILLED, count: missing }] : [])], missing };
}

function countedRef(values: (string | null)[], order: readonly string[]): { bands: Band[]; missing: number } {
  const m = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (!v) missing++;
    else m.set(v, (m.get(v) ?? 0) + 1);
  }
  const known = order.filter((o) => m.has(o)).map((label) => ({ label, count: m.get(label)! }));
  const other = [...m.keys()].filter((k) => !order.includes(k)).map((label) => ({ label, count: m.get(label)! }));
  return { bands: [...known, ...other, ...(missing ? [{ label: UNFILLED, count: missing }] : [])], missing };
}

export async function referenceMembers(ctx: Ctx, year: number, asOf?: string): Promise<MemberStructure> {
  const day = asOfFor(year, ctx.platform.today(), asOf);
  const rows = await ctx.db
    .selectFrom('members')
    .select(['birth_date', 'join_date', 'full_date', 'party_status', 'category', 'education'])
    .where('deleted_at', 'is', null)
    .where('join_date', '<=', day)
    .where((eb) => eb.or([eb('left_date', 'is', null), eb('left_date', '>', day)]))
    .execute();
  const age = bandedRef(rows.map((r) => (r.birth_date ? yearsBetween(r.birth_date, day) : null)), AGE_BANDS);
  // 预备 on the day: not yet 转正 then (a later 转正 date, or none while the roster still says 预备)
  const probationary = rows.filter((r) => (r.full_date ? r.full_date > day : r.party_status === '预备'));
  const full = rows.filter((r) => !probationary.includes(r));
  const partyAge = bandedRef(full.map((r) => (r.full_date ? yearsBetween(r.full_date, day) : null)), PARTY_AGE_BANDS, [{ label: '预备党员', count: probationary.length }]);
  const category = countedRef(rows.map((r) => r.category), MEMBER_CATEGORIES);
  const education = countedRef(rows.map((r) => r.education), EDUCATIONS);
  const dim = (key: Dimension['key'], title: string, d: { bands: Band[]; missing: number }, what: string): Dimension => ({
    key,
    title,
    bands: d.bands,
    missing: d.missing,
    missingText: d.missing ? `${what}未填 ${d.missing} 人` : null,
  });
  return {
    year,
    asOf: day,
    total: rows.length,
    dimensions: [
      dim('age', '年龄', age, '出生日期'),
      dim('partyAge', '党龄', partyAge, '转正日期'),
      dim('category', '人员类别', category, '人员类别'),
      dim('education', '学历', education, '学历'),
    ],
  };
}
