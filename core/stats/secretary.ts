/**
 * 基层组织建设重点指标完成情况统计表 (书记抓基层党建工作述职评议, rectification-summary.md 10.2): the year's key
 * indicators per branch and for the 党委, each from the ledger through the area that owns it — 三会一课 (the
 * compliance calendar, as 评星定级 scores it: core/stars/sources.ts), 主题党日 and 组织生活会 (the same calendar),
 * 民主评议 (core/evaluation heldBranches), 发展党员 (development files: 支部大会接收预备党员 in the year; the ledger
 * keeps no 发展计划, so 计划数 reads 未录入), 党费收缴率 (the 统计分析 dues figures), 换届 (org terms), 学时 (core/hours),
 * 整改 (core/rectification unitTallies, by 责任单位). Every cell carries the fact in words (`notes`), so the sheet
 * and the page can say where it came from. Reads only; counted up to the ledger's today within the year.
 */
import type { Ctx } from '../context.ts';
import { buildCalendar, type CalendarCell } from '../activities/compliance.ts';
import { loadActivities, loadOrgs } from '../activities/compliance-load.ts';
import { ruleVersions } from '../activities/rules.ts';
import { ledgerStartDate } from '../settings/start-date.ts';
import { ledgerFacts, meetingsFact } from '../stars/sources.ts';
import { loadAll } from '../development/roster.ts';
import { STEP } from '../development/steps.ts';
import { branchTally, unitTallies, type UnitTally } from '../rectification/queries.ts';
import { closeRate } from '../rectification/model.ts';
import { memoRead } from '../read-memo.ts';
import { duesStats } from './dues.ts';
import { asOfFor, pct } from './common.ts';
import { yuan } from '../../common/money.ts';

import { INDICATOR_KEYS, type IndicatorFigures, type IndicatorKey } from '../../common/secretary.ts';
export { INDICATOR_KEYS, indicatorValue, type IndicatorKey } from '../../common/secretary.ts';

/** Each indicator: its name, how it is counted and where the figure comes from (the 说明 sheet and the page's notes). */
export const INDICATORS: Record<IndicatorKey, { name: string; rule: string; source: string }> = {
  meetings: { name: '三会一课', rule: '到期应开展的支部委员会、支部党员大会、党小组会、党课（期间已结束的）中按期开展的项数及比例；延后补开、未达法定人数不计为按期', source: '组织生活记录 → 组织生活日历（按频次规则检查），与评星定级“三会一课”同一口径' },
  themeDays: { name: '主题党日', rule: '已结束的月份中开展了主题党日的月数（含延后补开）÷ 应开展月数', source: '组织生活记录 → 组织生活日历（主题党日每月1次）' },
  lifeMeeting: { name: '组织生活会', rule: '本年度是否召开组织生活会（一般在第四季度；未到第四季度为“未到期”）', source: '组织生活记录 → 组织生活日历（组织生活会每年至少1次）' },
  evaluation: { name: '民主评议党员', rule: '本年度是否已登记民主评议党员结果', source: '民主评议党员（每个支部每年一次评议）' },
  development: { name: '发展党员', rule: '本年度经支部大会讨论接收为预备党员的人数；计划数：台账中没有登记发展计划，标“未录入”，请按上级下达的计划填写', source: '发展党员档案（第15步 支部大会讨论接收预备党员的日期）' },
  dues: { name: '党费收缴率', rule: '实缴金额 ÷ 应缴金额（已到期的月份，按党费收缴表中各党员的应缴标准）', source: '党费收缴台账 → 统计分析“党费收缴率”' },
  term: { name: '按期换届', rule: '本届开始日期加任期年限不晚于统计截止日，或尚未届满，为按期', source: '组织架构（本届开始日期、任期）' },
  hours: { name: '学时达标率', rule: '学时达到年度要求的党员人数 ÷ 需计学时的党员人数', source: '党员学时台账（学习培训、组织生活折算学时）' },
  rectification: { name: '整改销号率', rule: '本年度在办（1月1日仍未销号或本年销号）的整改事项中，截至统计日已销号的条数 ÷ 事项条数；党支部按责任单位为本支部的事项计，党委为全部事项；另列超期未销号条数', source: '整改台账（责任单位、整改时限、销号日期）' },
};

export interface IndicatorRow extends IndicatorFigures {
  orgId: string | null;
  org: string;
  kind: '党支部' | '党委';
  themeRate: number | null;
  duesDueFen: number;
  duesPaidFen: number;
  rectOverdue: number;
  /** each indicator's fact in words: where the figure came from */
  notes: Record<IndicatorKey, string>;
}

export interface SecretaryIndicators {
  year: number;
  asOf: string;
  rows: IndicatorRow[];
  indicators: { key: IndicatorKey; name: string; rule: string; source: string }[];
  /** what the ledger does not hold (发展计划), said once */
  missing: string[];
}

const HELD = new Set(['held', 'held-late', 'quorum-not-met']);
const OVER = new Set(['held', 'held-late', 'quorum-not-met', 'missing']);

function themeDays(cells: readonly CalendarCell[]) {
  const over = cells.filter((c) => c.type === '主题党日' && OVER.has(c.status));
  const held = over.filter((c) => HELD.has(c.status)).length;
  const missing = over.filter((c) => c.status === 'missing').map((c) => `${Number(c.period.slice(5, 7))}月`);
  return { due: over.length, held, text: over.length ? `已结束的 ${over.length} 个月中开展主题党日 ${held} 个月${missing.length ? `，${missing.join('、')}未开展` : ''}` : '截至统计日尚无已结束的月份' };
}

function lifeMeeting(cells: readonly CalendarCell[], year: number) {
  const c = cells.find((x) => x.type === '组织生活会' && x.period === String(year));
  if (!c) return { value: '不适用', held: false, text: '组织生活日历中没有本年度的组织生活会要求' };
  if (HELD.has(c.status)) return { value: '已召开', held: true, text: `本年度已召开组织生活会（记录 ${c.activityIds.length} 条）` };
  if (c.status === 'missing') return { value: '未召开', held: false, text: '本年度已结束，未召开组织生活会' };
  if (c.status === 'due') return { value: '待召开', held: false, text: '第四季度应召开，尚未记录' };
  return { value: '未到期', held: false, text: '一般安排在第四季度，尚未到期' };
}

function rectNotes(t: UnitTally, scope: string): string {
  if (!t.items) return `本年度没有${scope}的整改事项`;
  return `${scope}的整改事项 ${t.items} 条，已销号 ${t.closed} 条${t.overdue ? `，超期未销号 ${t.overdue} 条` : ''}${t.longTerm ? `，长期坚持 ${t.longTerm} 条` : ''}`;
}

/** Computed once while the ledger stands still (core/read-memo.ts): the tab and its export read it twice. */
export async function secretaryIndicators(ctx: Ctx, year: number, asOfIn?: string): Promise<SecretaryIndicators> {
  const today = ctx.platform.today();
  const asOf = asOfFor(year, today, asOfIn);
  return memoRead(ctx.db, `stats/secretary|${year}|${asOf}|${today}`, () => computeSecretaryIndicators(ctx, year, asOf));
}

export async function computeSecretaryIndicators(ctx: Ctx, year: number, asOf: string): Promise<SecretaryIndicators> {
  const today = ctx.platform.today();
  const tx = ctx.db;
  const branches = await tx
    .selectFrom('org_units').select(['id', 'name']).where('kind', '=', '党支部').where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('established_on', 'is', null), eb('established_on', '<=', `${year}-12-31`)]))
    .orderBy('sort_order').orderBy('name').execute();
  const committee = await tx.selectFrom('org_units').select('name').where('kind', '=', '党委').where('deleted_at', 'is', null).orderBy('sort_order').executeTakeFirst();
  const ids = branches.map((b) => b.id);
  const [facts, orgs, acts, versions, startDate, dues, files, tallies] = await Promise.all([
    ledgerFacts(ctx, tx, year, ids, new Set(['meetings', 'evaluation', 'term', 'hours'] as const)),
    loadOrgs(tx), loadActivities(tx, year), ruleVersions(tx), ledgerStartDate(tx, today),
    duesStats(ctx, year, asOf), loadAll(tx, { scope: 'all' }), unitTallies(tx, year, asOf),
  ]);
  const cal = buildCalendar(year, asOf, orgs, acts, versions, startDate);
  const admitted = new Map<string, string[]>();
  for (const { file, steps } of files) {
    const s = steps.find((x) => x.step === STEP.branchMeeting);
    if (s && s.date.startsWith(`${year}-`) && s.date <= asOf) admitted.set(file.branchId, [...(admitted.get(file.branchId) ?? []), `${file.name}（${s.date}）`]);
  }
  const duesOf = new Map(dues.branches.map((b) => [b.branchId, b]));

  const rows: IndicatorRow[] = branches.map((b) => {
    const f = facts.get(b.id) ?? {};
    const cells = cal.cells.filter((c) => c.orgId === b.id);
    const m = f.meetings ?? meetingsFact(cells);
    const th = themeDays(cells);
    const life = lifeMeeting(cells, year);
    const d = duesOf.get(b.id);
    const dev = admitted.get(b.id) ?? [];
    const r = branchTally(tallies, b.name);
    const h = f.hours?.count ?? { n: 0, of: 0 };
    return {
      orgId: b.id, org: b.name, kind: '党支部',
      meetingsDue: m.count?.of ?? 0, meetingsHeld: m.count?.n ?? 0, meetingsRate: pct(m.count?.n ?? 0, m.count?.of ?? 0),
      themeDue: th.due, themeHeld: th.held, themeRate: pct(th.held, th.due),
      lifeMeeting: life.value,
      evaluation: f.evaluation?.ratio === 1 ? '已开展' : '未开展',
      developmentPlan: '未录入', developmentDone: dev.length,
      duesDueFen: d?.dueFen ?? 0, duesPaidFen: d?.paidFen ?? 0, duesRate: d?.rate ?? null,
      term: f.term?.ratio === 1 ? '按期' : f.term?.text.startsWith('未登记') ? '未登记' : '未按期',
      hoursMembers: h.of, hoursMet: h.n, hoursRate: pct(h.n, h.of),
      rectItems: r.items, rectClosed: r.closed, rectOverdue: r.overdue, rectRate: closeRate(r.closed, r.items),
      notes: {
        meetings: m.text,
        themeDays: th.text,
        lifeMeeting: life.text,
        evaluation: f.evaluation?.text ?? '',
        development: `计划数未录入（台账中没有发展计划）；${dev.length ? `本年度接收预备党员 ${dev.length} 名：${dev.join('、')}` : '本年度没有接收预备党员'}`,
        dues: d ? `应缴 ${yuan(d.dueFen)} 元，实缴 ${yuan(d.paidFen)} 元` : '没有应缴党费的党员',
        term: f.term?.text ?? '',
        hours: f.hours?.text ?? '',
        rectification: rectNotes(r, '责任单位为本支部'),
      },
    };
  });

  // the 党委: the branches added up; 整改 is every item of the ledger (the 党委's own departments' too)
  const sum = (k: keyof IndicatorRow) => rows.reduce((a, r) => a + (r[k] as number), 0);
  const n = rows.length;
  const countOf = (k: keyof IndicatorRow, v: string) => rows.filter((r) => r[k] === v).length;
  const all = [...tallies.values()].reduce<UnitTally>((a, t) => {
    for (const k of Object.keys(a) as (keyof UnitTally)[]) a[k] += t[k];
    return a;
  }, { items: 0, closed: 0, closedOnTime: 0, closedLate: 0, overdue: 0, longTerm: 0, judged: 0 });
  const total: IndicatorRow = {
    orgId: null, org: committee?.name ?? '党委', kind: '党委',
    meetingsDue: sum('meetingsDue'), meetingsHeld: sum('meetingsHeld'), meetingsRate: pct(sum('meetingsHeld'), sum('meetingsDue')),
    themeDue: sum('themeDue'), themeHeld: sum('themeHeld'), themeRate: pct(sum('themeHeld'), sum('themeDue')),
    lifeMeeting: `${countOf('lifeMeeting', '已召开')}/${n} 个支部已召开`,
    evaluation: `${countOf('evaluation', '已开展')}/${n} 个支部已开展`,
    developmentPlan: '未录入', developmentDone: sum('developmentDone'),
    duesDueFen: dues.total.dueFen, duesPaidFen: dues.total.paidFen, duesRate: dues.total.rate,
    term: `${countOf('term', '按期')}/${n} 个支部按期`,
    hoursMembers: sum('hoursMembers'), hoursMet: sum('hoursMet'), hoursRate: pct(sum('hoursMet'), sum('hoursMembers')),
    rectItems: all.items, rectClosed: all.closed, rectOverdue: all.overdue, rectRate: closeRate(all.closed, all.items),
    notes: {
      meetings: `${n} 个党支部合计：到期应开展 ${sum('meetingsDue')} 项，按期开展 ${sum('meetingsHeld')} 项`,
      themeDays: `${n} 个党支部合计：应开展 ${sum('themeDue')} 个月次，已开展 ${sum('themeHeld')} 个月次`,
      lifeMeeting: `${n} 个党支部中 ${countOf('lifeMeeting', '已召开')} 个已召开组织生活会`,
      evaluation: `${n} 个党支部中 ${countOf('evaluation', '已开展')} 个已登记民主评议党员`,
      development: `计划数未录入；各支部合计接收预备党员 ${sum('developmentDone')} 名`,
      dues: `各支部合计应缴 ${yuan(dues.total.dueFen)} 元，实缴 ${yuan(dues.total.paidFen)} 元`,
      term: `${n} 个党支部中 ${countOf('term', '按期')} 个按期换届${countOf('term', '未按期') ? `，${countOf('term', '未按期')} 个未按期` : ''}${countOf('term', '未登记') ? `，${countOf('term', '未登记')} 个未登记本届开始日期` : ''}`,
      hours: `各支部合计：党员 ${sum('hoursMembers')} 人，学时达标 ${sum('hoursMet')} 人`,
      rectification: rectNotes(all, '整改台账中全部'),
    },
  };
  return {
    year, asOf, rows: [...rows, total],
    indicators: INDICATOR_KEYS.map((key) => ({ key, ...INDICATORS[key] })),
    missing: ['发展党员计划数：台账中没有登记发展计划，表中标“未录入”'],
  };
}
