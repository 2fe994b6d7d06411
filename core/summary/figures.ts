/**
 * Every figure the 党建工作总结 quotes for a period (issue 15 item 3; rectification-summary.md 10.4–10.5),
 * one key per figure, each with the area and handler it comes from. Nothing is counted here: each figure
 * is the output of the owning area's own function (activities/stats, study/stats, care/stats, …), summed or
 * picked, never re-derived. An area with no data for the period goes to `missing` and its figures are null:
 * the draft prints 【待补充：…】 there, never a 0 it does not know.
 *
 * Period: by the event date, both ends included (a meeting on 06-30 is in the first half-year).
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { listBranches } from '../org/service.ts';
import { memberStructure } from '../stats/members.ts';
import { developmentStats } from '../stats/development.ts';
import { duesStats } from '../stats/dues.ts';
import { activityStats } from '../activities/stats.ts';
import { studyStats } from '../study/queries.ts';
import { careStats } from '../care/queries.ts';
import { listTests, testStats } from '../tests/queries.ts';
import { evaluationStats } from '../evaluation/stats.ts';
import { transferCounts } from '../transfers/queries.ts';
import { listRemittances } from '../dues/remit.ts';
import { loadReviews } from '../stars/reviews.ts';
import { listPlans, periodCounts } from '../rectification/queries.ts';
import { listRuleDocs } from '../rectification/rules-docs.ts';
import { yuanWords } from '../care/queries.ts';
import { percentText, averageText } from '../tests/model.ts';
import { rateText } from '../study/model.ts';
import { STAGE_TITLES } from '../development/steps.ts';
import { noticesIssued } from '../notices/service.ts';

export interface Figure {
  key: string;
  label: string;
  /** the number (分 for money, % for rates), a month (YYYY-MM) or null when the area has no data */
  value: number | string | null;
  /** as the text prints it: "55", "2000", "1-5月份" */
  text: string;
  area: string;
  /** the handler that gives it */
  source: string;
  /** record ids behind it, where useful */
  ids?: string[];
  /** where in the app the clerk checks it */
  link?: string;
}

export interface MissingArea {
  area: string;
  title: string;
  /** what to fill in by hand */
  what: string;
  keys: string[];
}

export interface SummaryFigures {
  from: string;
  to: string;
  branchId: string | null;
  scope: string;
  figures: Record<string, Figure>;
  missing: MissingArea[];
}

/** The 主题党日, 三会一课 and other meeting types as figure keys: count and 参加人次. */
export const MEETING_KEYS: [type: string, key: string][] = [
  ['主题党日', 'themeDays'],
  ['支部党员大会', 'branchAssemblies'],
  ['支部委员会', 'branchCommittees'],
  ['党小组会', 'groupMeetings'],
  ['党课', 'partyLectures'],
  ['组织生活会', 'orgLifeMeetings'],
  ['民主生活会', 'democraticLifeMeetings'],
  ['政治学习日', 'studyDays'],
];

const STAGE_KEYS: Record<string, string> = { 申请人: 'applicants', 入党积极分子: 'activists', 发展对象: 'candidates', 预备党员: 'developedMembers', 正式党员: 'conversions' };
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const monthNo = (m: string) => Number(m.slice(5, 7));

export async function summaryFigures(ctx: Ctx, period: { from: string; to: string; branchId?: string }): Promise<SummaryFigures> {
  let q = period;
  if (q.to < q.from) throw new LedgerError('结束日期早于开始日期', 'to');
  const branches = await listBranches(ctx);
  const branch = q.branchId ? branches.find((b) => b.id === q.branchId) : undefined;
  if (q.branchId && !branch) {
    // the committee itself (`--branch 党委名称`) is the whole 党委
    const unit = await ctx.db.selectFrom('org_units').select('kind').where('id', '=', q.branchId).where('deleted_at', 'is', null).executeTakeFirst();
    if (unit?.kind !== '党委' && unit?.kind !== '党总支') throw new LedgerError('找不到这个党支部', 'branchId');
    q = { ...q, branchId: undefined };
  }
  const year = Number(q.to.slice(0, 4));
  const f: Record<string, Figure> = {};
  const missing: MissingArea[] = [];
  const put = (key: string, label: string, area: string, source: string, value: number | string | null, text?: string, extra: Partial<Figure> = {}) => {
    f[key] = { key, label, value, text: text ?? (value === null ? '' : String(value)), area, source, ...extra };
  };
  const miss = (area: string, title: string, what: string, keys: string[]) => {
    missing.push({ area, title, what, keys });
    for (const k of keys) if (f[k]) f[k] = { ...f[k], value: null, text: '' };
  };

  // 基本情况: branches and the roster on the period's last day
  put('branches', '党支部数', 'org', 'org/branches', q.branchId ? 1 : branches.length, undefined, { link: '/org' });
  if (!q.branchId) {
    const ms = await memberStructure(ctx, year, q.to);
    const band = (dim: string, label: string) => ms.dimensions.find((d) => d.key === dim)?.bands.find((b) => b.label === label)?.count ?? 0;
    const prob = band('partyAge', '预备党员');
    put('members', '党员总数', 'stats', 'stats/members', ms.total, undefined, { link: '/stats' });
    put('fullMembers', '正式党员', 'stats', 'stats/members', ms.total - prob);
    put('probationaryMembers', '预备党员', 'stats', 'stats/members', prob);
    const cat = ms.dimensions.find((d) => d.key === 'category');
    for (const b of cat?.bands ?? []) put(`category:${b.label}`, `${b.label}党员`, 'stats', 'stats/members', b.count);
    if (!ms.total) miss('members', '党员名册', '党员人数及构成', ['members', 'fullMembers', 'probationaryMembers']);
  } else {
    put('members', '党员总数', 'org', 'org/branches', branch!.memberCount, undefined, { link: '/members' });
  }

  // 三会一课, 主题党日, 组织生活会, 民主生活会 (activities/stats)
  const acts = await activityStats(ctx, { from: q.from, to: q.to, orgId: q.branchId });
  const byType = new Map(acts.byType.map((t) => [t.type, t]));
  for (const [type, key] of MEETING_KEYS) {
    const t = byType.get(type);
    put(key, `${type}次数`, 'activities', 'activities/stats', t?.count ?? 0, undefined, { link: '/activities' });
    put(`${key}Attendances`, `${type}参加人次`, 'activities', 'activities/stats', t?.personTimes ?? 0);
  }
  // the issue's own names for the 主题党日 figures
  f.themeDayAttendances = f.themeDaysAttendances!;
  f.themeDayAttendances.key = 'themeDayAttendances';
  delete f.themeDaysAttendances;
  put('meetings', '组织生活记录总数', 'activities', 'activities/stats', acts.total.count);
  if (!acts.total.count) miss('activities', '组织生活', '三会一课、主题党日等组织生活的次数和参加人次', [...MEETING_KEYS.flatMap(([, k]) => [k, k === 'themeDays' ? 'themeDayAttendances' : `${k}Attendances`]), 'meetings']);

  // 中心组, 第一议题 (study/stats) — the 党委's own study; a branch has none
  if (!q.branchId) {
    const st = await studyStats(ctx, q);
    put('centralGroupSessions', '中心组集中学习次数', 'study', 'study/stats', st.centralGroup.sessions, undefined, { link: '/study' });
    put('centralGroupAttendances', '中心组参学人次', 'study', 'study/stats', st.centralGroup.attendances);
    put('centralGroupSeminars', '中心组专题研讨次数', 'study', 'study/stats', st.centralGroup.seminars);
    put('firstTopicMeetings', '应落实“第一议题”的会议数', 'study', 'study/stats', st.firstTopic.meetings);
    put('firstTopicRate', '“第一议题”落实率', 'study', 'study/stats', st.firstTopic.rate, rateText(st.firstTopic.rate));
    if (!st.centralGroup.sessions && !st.centralGroup.seminars) miss('study', '理论学习中心组', '中心组集中学习次数和参学人次', ['centralGroupSessions', 'centralGroupAttendances', 'centralGroupSeminars']);
    if (!st.firstTopic.meetings) miss('study', '第一议题', '“第一议题”落实情况', ['firstTopicMeetings', 'firstTopicRate']);

    // 学习提醒: the notices registered in the 制度 registry (rules-docs/list) whose name says 学习提醒
    const docs = (await listRuleDocs(ctx, {})).filter((d) => d.issuedOn >= q.from && d.issuedOn <= q.to);
    const reminders = docs.filter((d) => d.name.includes('学习提醒'));
    put('studyReminders', '下发学习提醒次数', 'rectification', 'rules-docs/list', reminders.length, undefined, { ids: reminders.map((d) => d.id), link: '/rules-docs' });
    if (!reminders.length) miss('rectification', '学习提醒', '本期下发学习提醒的次数（在制度文件中登记“学习提醒”后自动统计）', ['studyReminders']);
    // 党建工作提醒: the monthly notices issued in the period (notices/count)
    const notices = await noticesIssued(ctx.db, q.from, q.to);
    put('monthlyNotices', '下发党建工作提醒期数', 'notices', 'notices/count', notices.total, undefined, { ids: notices.notices.map((n) => n.id), link: '/notices' });
    if (!notices.total) miss('notices', '党建工作提醒', '本期下发党建工作提醒的期数（在“党建工作提醒”页生成通知后自动统计）', ['monthlyNotices']);
    const rules = docs.filter((d) => d.category === '制度');
    put('rulesIssued', '制定印发制度数', 'rectification', 'rules-docs/issued', rules.length, undefined, { ids: rules.map((d) => d.id), link: '/rules-docs' });
    put('rulesFirst', '首个制度名称', 'rectification', 'rules-docs/list', rules.at(-1)?.name ?? null, rules.at(-1) ? `《${rules.at(-1)!.name}》` : '');
    const plan = docs.filter((d) => d.category === '工作要点').at(-1);
    put('workPlanName', '党建工作要点', 'rectification', 'rules-docs/list', plan?.name ?? null, plan ? `《${plan.name}》` : '', plan ? { ids: [plan.id] } : {});
    if (!rules.length) miss('rectification', '制度建设', '本期制定印发的制度文件', ['rulesIssued', 'rulesFirst']);

    // 政治理论测试 (tests/stats): the tests held in the period; the first 全员普测 is quoted
    const tests = (await listTests(ctx, {})).filter((t) => t.testDate >= q.from && t.testDate <= q.to).sort((a, b) => a.testDate.localeCompare(b.testDate));
    put('tests', '政治理论测试次数', 'tests', 'tests/list', tests.length, undefined, { ids: tests.map((t) => t.id), link: '/tests' });
    const main = tests.find((t) => t.kind === '全员普测') ?? tests[0];
    const ts = main ? await testStats(ctx, main.id) : null;
    put('testParticipants', '测试参加人数', 'tests', 'tests/stats', ts?.participants ?? null, undefined, main ? { ids: [main.id] } : {});
    put('testPassRate', '测试合格率', 'tests', 'tests/stats', ts?.passRate ?? null, ts ? percentText(ts.passRate) : '');
    put('testAverage', '测试平均分', 'tests', 'tests/stats', ts?.average ?? null, ts ? averageText(ts.average) : '');
    put('testSentence', '测试情况', 'tests', 'tests/stats', ts?.sentence ?? null);
    if (!tests.length) miss('tests', '政治理论测试', '测试参加人数、合格率和平均分', ['tests', 'testParticipants', 'testPassRate', 'testAverage', 'testSentence']);

    // 走访慰问 (care/stats)
    const care = await careStats(ctx, q.from, q.to);
    put('careVisits', '走访慰问人数', 'care', 'care/stats', care.people, undefined, { link: '/care' });
    put('careAmountFen', '发放慰问金（分）', 'care', 'care/stats', care.amountFen, yuanWords(care.amountFen));
    put('careSentence', '走访慰问情况', 'care', 'care/stats', care.sentence);
    if (!care.visits) miss('care', '走访慰问', '走访慰问人数和慰问金', ['careVisits', 'careAmountFen', 'careSentence']);

    // 转入 / 转出 (transfers/counts)
    const tr = await transferCounts(ctx, q.from, q.to);
    put('transfersIn', '转入党员', 'transfers', 'transfers/counts', tr.in, undefined, { link: '/transfers' });
    put('transfersOut', '转出党员', 'transfers', 'transfers/counts', tr.out);
  }

  // 发展党员 by stage (stats/development): reached by the last day minus reached by the day before the first
  const [dEnd, dStart] = await Promise.all([developmentStats(ctx, year, q.to), developmentStats(ctx, Number(dayBefore(q.from).slice(0, 4)), dayBefore(q.from))]);
  if (!q.branchId) {
    for (const s of STAGE_TITLES) {
      const a = dEnd.stages.find((x) => x.stage === s)?.reached ?? 0;
      const b = dStart.stages.find((x) => x.stage === s)?.reached ?? 0;
      put(STAGE_KEYS[s]!, `本期${s === '预备党员' ? '发展党员（接收预备党员）' : s === '正式党员' ? '预备党员转正' : `新增${s}`}`, 'stats', 'stats/development', a - b, undefined, { link: '/development' });
    }
    if (!dEnd.files) miss('development', '发展党员', '发展党员各阶段人数', Object.values(STAGE_KEYS));
  }

  // 党费 (stats/dues; dues/remittances)
  const months: string[] = [];
  for (let m = q.from.slice(0, 7); m <= q.to.slice(0, 7); m = nextMonth(m)) months.push(m);
  let due = 0, paid = 0;
  for (const y of [...new Set(months.map((m) => Number(m.slice(0, 4))))]) {
    const ds = await duesStats(ctx, y, q.to < `${y}-12-31` ? q.to : `${y}-12-31`);
    const rows = q.branchId ? (ds.branches.find((b) => b.branchId === q.branchId)?.months ?? []) : ds.total.months;
    for (const m of rows) if (months.includes(m.month) && !m.future) (due += m.dueFen), (paid += m.paidFen);
  }
  put('duesDueFen', '应缴党费（分）', 'stats', 'stats/dues', due, yuanWords(due), { link: '/dues' });
  put('duesPaidFen', '实缴党费（分）', 'stats', 'stats/dues', paid, yuanWords(paid));
  const rate = due > 0 ? Math.round((paid / due) * 1000) / 10 : null;
  put('duesRate', '党费收缴率', 'stats', 'stats/dues', rate, rate === null ? '' : `${rate}%`);
  const remits = (await listRemittances(ctx.db, months[0]!, months.at(-1)!)).filter((r) => (q.branchId ? r.level === '支部' && r.fromOrgId === q.branchId : r.level === '党委'));
  const remitted = remits.reduce((a, r) => a + r.amountFen, 0);
  put('duesRemittedFen', q.branchId ? '上缴党委党费（分）' : '上缴上级党费（分）', 'dues', 'dues/remittances', remitted, yuanWords(remitted), { ids: remits.map((r) => r.id) });
  // the months covered one after another by remittances from the period's first month
  let through: string | null = null;
  for (let m = months[0]!; ; m = nextMonth(m)) {
    const r = remits.find((x) => x.periodFrom <= m && x.periodTo >= m);
    if (!r || m > months.at(-1)!) break;
    through = m;
  }
  const ft = !through ? '' : through === months[0] ? `${monthNo(through)}月份` : `${monthNo(months[0]!)}-${monthNo(through)}月份`;
  put('duesFullyRemittedThrough', '党费已全额上缴的月份', 'dues', 'dues/remittances', through, ft);
  if (!due && !paid) miss('dues', '党费', '党费应缴、实缴和上缴情况', ['duesDueFen', 'duesPaidFen', 'duesRate']);
  if (!remits.length) miss('dues', '党费上缴', '党费上缴情况', ['duesRemittedFen', 'duesFullyRemittedThrough']);

  // 民主评议党员 (evaluation/stats): the branches whose evaluation was held in the period
  const ev = await evaluationStats(ctx, { year, branchId: q.branchId });
  const held = ev.byBranch.filter((b) => b.heldOn >= q.from && b.heldOn <= q.to);
  const grades = ['优秀', '合格', '基本合格', '不合格'] as const;
  put('evaluationBranches', '开展民主评议的支部数', 'evaluation', 'evaluation/stats', held.length, undefined, { link: '/evaluation' });
  put('evaluated', '参加评议党员数', 'evaluation', 'evaluation/stats', held.reduce((a, b) => a + b.formalMembers, 0));
  for (const g of grades) put(`rated:${g}`, `评议${g}`, 'evaluation', 'evaluation/stats', held.reduce((a, b) => a + (b.ratings[g] ?? 0), 0));
  if (!held.length) miss('evaluation', '民主评议党员', '民主评议党员情况', ['evaluationBranches', 'evaluated', ...grades.map((g) => `rated:${g}`)]);

  // 评星定级 (stars): results named in the period
  const named = [...(await loadReviews(ctx.db, year - 1)).entries(), ...(await loadReviews(ctx.db, year)).entries()].filter(
    ([id, r]) => r.namedOn && r.namedOn >= q.from && r.namedOn <= q.to && (!q.branchId || id === q.branchId),
  );
  for (const n of [5, 4, 3, 2, 1]) put(`stars:${n}`, `评定为${n}星的支部数`, 'stars', 'stars/score', named.filter(([, r]) => r.namedStars === n).length, undefined, { link: '/stars' });
  put('starsYear', '评星定级年度', 'stars', 'stars/score', named.length ? Math.min(...named.map(([, r]) => Number(r.namedOn!.slice(0, 4)) - 1)) : null);
  if (!named.length) miss('stars', '评星定级', '评星定级结果', ['starsYear', ...[5, 4, 3, 2, 1].map((n) => `stars:${n}`)]);

  // 整改 (rectification/counts)
  if (!q.branchId) {
    const rc = await periodCounts(ctx, { from: q.from, to: q.to });
    put('rectificationItems', '整改事项数', 'rectification', 'rectification/counts', rc.atEnd.items, undefined, { link: '/rectification' });
    put('rectificationClosed', '已销号整改事项数', 'rectification', 'rectification/counts', rc.atEnd.closed);
    put('rectificationRate', '销号率', 'rectification', 'rectification/counts', rc.atEnd.rate, rc.atEnd.rate === null ? '' : `${rc.atEnd.rate.toFixed(1)}%`);
    put('rectificationOverdue', '超期未销号整改事项数', 'rectification', 'rectification/counts', rc.atEnd.overdue);
    put('rectificationRaised', '本期新增整改事项数', 'rectification', 'rectification/counts', rc.raised);
    const plans = (await listPlans(ctx, { kind: '整改' })).filter((p) => p.year <= year).sort((a, b) => b.year - a.year || b.items - a.items);
    const plan = plans[0];
    put('planName', '整改方案名称', 'rectification', 'rectification/plans', plan?.name ?? null, plan ? `《${plan.name}》` : '', plan ? { ids: [plan.id] } : {});
    put('planAspects', '整改方案方面数', 'rectification', 'rectification/plans', plan ? plan.aspects.length : null);
    put('planItems', '整改方案整改措施条数', 'rectification', 'rectification/plans', plan ? plan.items : null);
    // the plan's own measures as of the period's end: "19条整改措施已完成15条，销号率78.9%"
    const pc = plan ? await periodCounts(ctx, { from: q.from, to: q.to, planId: plan.id }) : null;
    put('planMeasures', '整改方案截至期末的整改措施条数', 'rectification', 'rectification/counts', pc ? pc.atEnd.items : null);
    put('planClosed', '整改方案已销号整改措施条数', 'rectification', 'rectification/counts', pc ? pc.atEnd.closed : null);
    put('planRate', '整改方案销号率', 'rectification', 'rectification/counts', pc ? pc.atEnd.rate : null, pc?.atEnd.rate == null ? '' : `${pc.atEnd.rate.toFixed(1)}%`);
    if (!plan) miss('rectification', '整改方案', '整改方案及其整改措施', ['planName', 'planAspects', 'planItems', 'planMeasures', 'planClosed', 'planRate']);
    if (!rc.atEnd.items) miss('rectification', '整改台账', '整改措施条数和销号情况', ['rectificationItems', 'rectificationClosed', 'rectificationRate', 'rectificationOverdue', 'rectificationRaised']);
  }
  return { from: q.from, to: q.to, branchId: q.branchId ?? null, scope: branch?.name ?? '党委', figures: f, missing };
}

export function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const n = Number(m.slice(5, 7));
  return n === 12 ? `${y + 1}-01` : `${y}-${String(n + 1).padStart(2, '0')}`;
}
