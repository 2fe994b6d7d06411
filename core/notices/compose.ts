/**
 * What a month's 党建工作提醒 says (../shared/reference/rectification-summary.md 10.6), composed only from what the
 * areas already judge — nothing is re-derived here:
 * - meetings due and overdue: the compliance calendar's own findings (core/activities/compliance.ts monthTodo);
 * - the 主题党日 theme: this area's 主题党日工作安排;
 * - 党费: the month's collection (core/dues/overview.ts, the home card's figures), arrears past the warning
 *   threshold, and the remittance when the month closes a remittance period (the dues settings);
 * - 发展党员: the development reminders of the month (core/development/roster.ts);
 * - 换届: the term's end date (core/org);
 * - 学时: the members short of the year's rule (core/hours/findings.ts, from October on);
 * - 整改: open items whose 时限 falls in the month or has passed (core/rectification/queries.ts).
 * Lines of an organization that is not a 党支部 or 党总支 (the 党委 itself, a 整改 item whose 责任单位 is no
 * branch) go under "党委". The notice is judged as of today within the month, or the month's first day otherwise.
 */
import type { Ctx } from '../context.ts';
import { monthTodo, type Finding } from '../activities/compliance.ts';
import { duesOverview } from '../dues/overview.ts';
import { loadDuesSettings } from '../dues/settings.ts';
import { reminders } from '../development/roster.ts';
import { orgTree, type OrgUnit } from '../org/service.ts';
import { shortMembers } from '../hours/findings.ts';
import { listItems } from '../rectification/queries.ts';
import { committeeName } from '../study/export.ts';
import { daysInMonth, fmt } from '../../common/dates.ts';
import { chineseDate } from '../../common/labels.ts';
import { noticeSettings, planOfMonth, nextDocNo } from './service.ts';

export type NoticeTopic = '组织生活' | '往期缺失' | '主题党日' | '党费' | '发展党员' | '换届' | '学时' | '整改';

export interface NoticeLine {
  topic: NoticeTopic;
  text: string;
}

export interface NoticeOrg {
  orgId: string | null;
  name: string;
  lines: NoticeLine[];
}

export interface NoticePreview {
  month: string;
  /** the day the calendar and the other sources are judged on */
  asOf: string;
  heading: string;
  committee: string;
  /** the 文号 the notice would get if issued now (a preview: not consumed) */
  nextDocNo: string;
  theme: { theme: string; content: string | null } | null;
  /** the collection day in words: "11月20日前" or "月底前" */
  duesBy: string;
  /** whether the month closes a remittance period */
  remitMonth: boolean;
  branches: NoticeOrg[];
  /** what the 党委 itself owes */
  party: NoticeOrg;
  /** where each kind of line comes from (shown under the preview) */
  sources: string[];
  /** every person named in the lines (the document keeps each name on one line) */
  people: string[];
}

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const isBranch = (u: OrgUnit) => u.kind === '党支部' || u.kind === '党总支';

/** One finding as a line: the rule's meeting and the period it is owed for ("支部委员会（2026年11月）"). */
export const findingText = (f: Finding): string => `${f.rule.type}（${f.periodLabel}${f.status === 'quorum-not-met' ? '，未达法定人数' : ''}）`;

/** Findings of one kind of meeting in one line: "政治学习日（2026年1月、2月、3月）"; the year said once. */
export function findingsText(fs: Finding[]): string {
  const byType = new Map<string, Finding[]>();
  for (const f of fs) byType.set(f.rule.type, [...(byType.get(f.rule.type) ?? []), f]);
  return [...byType.entries()]
    .map(([type, list]) => {
      const year = list[0]!.periodLabel.slice(0, 5);
      const labels = list.map((f, i) => `${i > 0 && f.periodLabel.startsWith(year) ? f.periodLabel.slice(5) : f.periodLabel}${f.status === 'quorum-not-met' ? '，未达法定人数' : ''}`);
      return `${type}（${labels.join('、')}）`;
    })
    .join('、');
}

/** The day the month's notice is judged on: today within the month, else the month's first day. */
export function noticeAsOf(month: string, today: string): string {
  return today.slice(0, 7) === month ? today : `${month}-01`;
}

export async function noticePreview(ctx: Ctx, month: string): Promise<NoticePreview> {
  const year = Number(month.slice(0, 4));
  const mon = Number(month.slice(5, 7));
  const monthEnd = fmt(year, mon, daysInMonth(year, mon));
  const asOf = noticeAsOf(month, ctx.platform.today());
  const [todo, dues, duesSettings, dev, tree, short, rect, settings, theme] = await Promise.all([
    monthTodo(ctx, asOf),
    duesOverview(ctx, month),
    loadDuesSettings(ctx.db),
    reminders(ctx, month),
    orgTree(ctx),
    shortMembers(ctx, year, asOf),
    listItems(ctx, {}),
    noticeSettings(ctx.db),
    planOfMonth(ctx.db, month),
  ]);
  const units: OrgUnit[] = [];
  const walk = (u: OrgUnit) => (units.push(u), u.children.forEach(walk));
  tree.forEach(walk);
  const branchUnits = units.filter(isBranch);
  const party: NoticeOrg = { orgId: units.find((u) => u.kind === '党委')?.id ?? null, name: '党委', lines: [] };
  const byId = new Map<string, NoticeOrg>(branchUnits.map((u) => [u.id, { orgId: u.id, name: u.name, lines: [] }]));
  const byName = new Map<string, NoticeOrg>([...byId.values()].map((o) => [o.name, o]));
  const orgOf = (id: string | null, name?: string) => (id ? byId.get(id) : undefined) ?? (name ? byName.get(name) : undefined) ?? party;
  const people = new Set<string>();
  const duesBy = settings.duesDay ? `${mon}月${Math.min(settings.duesDay, daysInMonth(year, mon))}日前` : '月底前';

  // 组织生活: the calendar's findings as of the day, each organization's own
  for (const o of todo.orgs) {
    const target = orgOf(o.orgId, o.name);
    const prefix = target === party && o.orgId !== party.orgId ? `${o.name}` : '';
    const themeDay = o.due.find((f) => f.rule.type === '主题党日');
    if (o.due.length) target.lines.push({ topic: '组织生活', text: `${prefix}${findingsText(o.due)}尚未开展，请按时开展。` });
    if (themeDay && theme) target.lines.push({ topic: '主题党日', text: `${prefix}本月主题党日以“${theme.theme}”为主题开展${theme.content ? `，内容建议：${theme.content.replace(/[。；]$/, '')}` : ''}。` });
    if (o.overdue.length) target.lines.push({ topic: '往期缺失', text: `${prefix}${findingsText(o.overdue)}未开展，请查明原因，已开展的及时补录记录。` });
  }

  // 党费: the month's collection by the collection day; arrears; the remittance when the month closes its period
  const inArrears = new Set<string>();
  for (const a of dues.arrears) {
    if (a.leftType) continue;
    inArrears.add(a.memberId);
    people.add(a.member);
    orgOf(a.branchId, a.branch).lines.push({ topic: '党费', text: `${a.member}${a.action.replace(/[。；]$/, '')}。` });
  }
  for (const b of dues.branches) {
    const unpaid = b.unpaid.filter((u) => !inArrears.has(u.memberId));
    if (!unpaid.length) continue;
    unpaid.forEach((u) => people.add(u.member));
    const names = unpaid.slice(0, 8).map((u) => u.member).join('、') + (unpaid.length > 8 ? `等` : '');
    orgOf(b.branchId, b.branch).lines.push({ topic: '党费', text: `本月应缴纳党费 ${b.owed} 人，尚有 ${unpaid.length} 人未缴纳（${names}），请于${duesBy}收齐。` });
  }
  const remitMonth = mon % duesSettings.remitEveryMonths === 0;
  if (remitMonth) {
    const span = duesSettings.remitEveryMonths === 12 ? `${year}年` : `${mon - duesSettings.remitEveryMonths + 1}月至${mon}月`;
    if (duesSettings.branchRemitRatioBp > 0) for (const o of byId.values()) o.lines.push({ topic: '党费', text: `本月为党费上缴月，请于月底前将${span}收缴的党费上缴党委。` });
    if (duesSettings.committeeRemitRatioBp > 0) party.lines.push({ topic: '党费', text: `汇总各党支部${span}收缴的党费，按规定上缴${duesSettings.upperBodyName}。` });
  }

  // 发展党员: the steps due, overdue or possible this month
  for (const r of dev.items) {
    if (r.kind === '启用前到期') continue;
    people.add(r.name);
    const when = r.kind === '已逾期' ? `已逾期${r.latest ? `（应于${md(r.latest)}前完成）` : ''}` : r.kind === '本月到期' ? `本月到期${r.latest ? `（${md(r.latest)}前）` : ''}` : `本月可办（${md(r.earliest)}起）`;
    orgOf(null, r.branchName).lines.push({ topic: '发展党员', text: `${r.name}第${r.step}步“${r.stepName}”${when}。` });
  }

  // 换届: a term ending by the month's end
  for (const u of units) {
    if (!u.termDueOn || u.termDueOn > monthEnd || u.kind === '党小组') continue;
    const target = isBranch(u) ? byId.get(u.id)! : party;
    const who = target === party && u.kind !== '党委' ? `${u.name}` : '';
    target.lines.push({ topic: '换届', text: u.termDueOn < asOf ? `${who}任期已于${chineseDate(u.termDueOn)}届满，请抓紧按程序换届。` : `${who}任期将于${chineseDate(u.termDueOn)}届满，请提前做好换届准备。` });
  }

  // 学时: from October on, the members short of the year's rule
  const shortBy = new Map<NoticeOrg, string[]>();
  for (const m of short?.members ?? []) {
    const o = orgOf(m.branchId, m.branch);
    people.add(m.name);
    shortBy.set(o, [...(shortBy.get(o) ?? []), `${m.name}（${m.shortReason.replace(/[。；]$/, '')}）`]);
  }
  for (const [o, people] of shortBy) o.lines.push({ topic: '学时', text: `以下同志学时未达要求，请督促补学：${people.join('、')}。` });

  // 整改: open items whose 时限 is this month or has passed
  for (const i of rect) {
    if (i.status === '已销号' || i.status === '长期坚持' || !i.dueOn || i.dueOn > monthEnd) continue;
    const target = byName.get(i.ownerUnit) ?? party;
    const who = target === party ? `（责任单位：${i.ownerUnit}）` : '';
    target.lines.push({ topic: '整改', text: `${i.code} ${i.title.replace(/[。；]$/, '')}${who}，整改时限${chineseDate(i.dueOn)}${i.dueOn < asOf ? '，已超期' : ''}，请抓紧整改并报送佐证材料。` });
  }

  return {
    month, asOf,
    heading: `关于做好${year}年${mon}月党建工作的提醒`,
    committee: await committeeName(ctx),
    // the notice takes its number when issued, today: this year's sequence, whatever the month
    nextDocNo: (await nextDocNo(ctx.db, Number(ctx.platform.today().slice(0, 4)))).docNo,
    theme, duesBy, remitMonth,
    branches: branchUnits.map((u) => byId.get(u.id)!),
    party,
    sources: [
      `组织生活：组织生活日历（截至${chineseDate(asOf)}）`,
      '主题党日：本年度主题党日工作安排',
      '党费：党费收缴台账和党费设置（上缴周期、比例）',
      '发展党员：发展党员流程提醒',
      '换届：组织架构中的任期届满日',
      '学时：学时统计（10月起列出未达要求的党员）',
      '整改：整改台账中时限在本月或已超期的事项',
    ],
    people: [...people],
  };
}
