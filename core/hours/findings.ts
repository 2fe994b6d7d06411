/**
 * Members short of their 学时 rule, for the check (`check`, core/activities/compliance.ts) and the home
 * page's 本月待办 (core/desk): only from October on in a running year (earlier, most of the year's study
 * is still ahead), always for a year that has ended. Shortfalls are warnings (一般), never errors:
 * both source texts say "一般".
 */
import type { Ctx } from '../context.ts';
import type { TodoItem } from '../desk/model.ts';
import type { Finding } from '../activities/compliance.ts';
import { yearHours } from './queries.ts';
import type { MemberHours } from './model.ts';

/** From this month of a running year on, shortfalls are reported. */
export const REPORT_FROM_MONTH = 10;

export async function shortMembers(ctx: Ctx, year: number, asOf?: string): Promise<{ members: MemberHours[]; basis: string } | null> {
  const day = asOf ?? ctx.platform.today();
  const thisYear = Number(day.slice(0, 4));
  if (year > thisYear || (year === thisYear && Number(day.slice(5, 7)) < REPORT_FROM_MONTH)) return null;
  const y = await yearHours(ctx, { year, short: true });
  return { members: y.members, basis: basisText(y.rule) };
}

/** The rule's two sources in one line, the leader figure flagged while it is to be re-checked. */
export const basisText = (r: { memberBasis: string; leaderBasis: string; leaderPending: string | null }): string =>
  `${r.memberBasis}；${r.leaderBasis}${r.leaderPending ? `（${r.leaderPending}）` : ''}`;

export interface HoursFinding {
  orgId: string;
  branch: string;
  year: number;
  message: string;
  basis: string;
  memberId: string;
}

export async function hoursFindings(ctx: Ctx, year: number, asOf?: string): Promise<HoursFinding[]> {
  const s = await shortMembers(ctx, year, asOf);
  if (!s) return [];
  return s.members.map((m) => ({ orgId: m.branchId, branch: m.branch, year, memberId: m.memberId, basis: s.basis, message: `${m.branch}${m.name}（${m.role}）${year}年学时未达要求：${m.shortReason}` }));
}

/** One summarized to-do item: how many are short, linking to the 学时 page filtered to them. */
export async function hoursTodo(ctx: Ctx, today: string): Promise<TodoItem[]> {
  const year = Number(today.slice(0, 4));
  const s = await shortMembers(ctx, year, today);
  if (!s || !s.members.length) return [];
  const leaders = s.members.filter((m) => m.role !== '党员').length;
  return [{
    id: `hours:${year}`,
    urgency: 'month',
    title: `${s.members.length} 名党员${year}年学时未达要求`,
    detail: `${leaders ? `其中书记、班子成员 ${leaders} 名；` : ''}学时按年度计算，请在年底前补足或登记培训记录`,
    due: `${year}-12-31`,
    link: { path: '/hours', query: { year: String(year), short: '1' } },
  }];
}

/** The shortfalls as findings of the check (core/activities/compliance.ts `complianceCheck`). */
export async function hoursCheck(ctx: Ctx, year: number, asOf?: string): Promise<Finding[]> {
  return (await hoursFindings(ctx, year, asOf)).map(
    (h): Finding => ({
      branch: h.branch, orgId: h.orgId, rule: { type: '学时', frequency: 'year', label: '每年', basis: h.basis }, period: String(year), periodLabel: `${year}年`,
      status: 'study-hours', severity: 'medium', message: h.message, activityIds: [],
    }),
  );
}
