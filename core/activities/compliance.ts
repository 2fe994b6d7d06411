/**
 * The compliance calendar: for a year and an "as of" day, every organization ×
 * required activity × period gets a status, and the check lists the findings.
 *
 * held            a record exists in the period (counts_for moves a 补开 meeting
 *                 back to the month it was meant for)
 * held-late       held only after the period ended (counts_for)
 * quorum-not-met  held, but every meeting that counts missed its quorum
 * due             the period is running and nothing is recorded yet
 * missing         the period ended with nothing recorded
 * upcoming        the period (or, for "generally in Q4" rules, its due quarter) has not begun
 * n/a             the organization did not exist yet
 * before-start    the period ended before the 台账启用日期 (core/settings/start-date.ts):
 *                 not judged, shown as 未启用
 *
 * A 党小组 with no member on the roster is not judged (a group rule applies to
 * the groups that have members). The weekly 政治学习日, when switched on, is in weekly.ts.
 * The check adds 缺第一议题 (first-topic-check.ts) and 学时不足 (core/hours/findings.ts).
 */
import type { Ctx } from '../context.ts';
import { loadActivities, loadOrgs, type CountedActivity } from './compliance-load.ts';
import { FREQUENCY_LABEL, periodKeyOfMonth, periodsOfYear, quarterPeriod, ruleAppliesTo, ruleVersions, type CalendarFrequency, type FrequencyRule, type Period, type RuleVersion } from './rules.ts';
import { inForceOn } from '../../common/rules.ts';
import { chineseDate } from '../../common/labels.ts';
import { storedRecordFindings } from './integrity-load.ts';
import { postFindings } from '../org/service.ts';
import { ledgerStartDate } from '../settings/start-date.ts';
import { memoRead } from '../read-memo.ts';
import { STUDY_DAY_RULE, loadStudyRecords, studyDaySetting, weeklyCells, weeksSpan, type StudyDaySetting, type StudyRecord } from './weekly.ts';
import { hoursCheck } from '../hours/findings.ts';
import { firstTopicCheck } from './first-topic-check.ts';

export type CellStatus = 'held' | 'held-late' | 'quorum-not-met' | 'due' | 'missing' | 'upcoming' | 'n/a' | 'before-start';
export type Severity = 'high' | 'medium' | 'low' | 'info';

export const STATUS_LABEL: Record<CellStatus, string> = {
  held: '已开展', 'held-late': '延后开展', 'quorum-not-met': '未达法定人数', due: '待开展',
  missing: '缺失', upcoming: '未到期', 'n/a': '不适用', 'before-start': '未启用',
};

export interface CalendarCell {
  orgId: string;
  type: string;
  period: string;
  status: CellStatus;
  activityIds: string[];
  /** e.g. which 党小组 are missing */
  detail: string | null;
  /** a 党小组 rule: the groups with no record yet (缺失 or 待开展), so a click records the meeting of the right group */
  unheldGroupIds?: string[];
  /** the weekly 政治学习日 (weekly.ts): weeks held of the weeks counted in the month, and the day a new record starts from */
  weeks?: { held: number; total: number };
  prefillOn?: string;
}

export interface CalendarOrg {
  id: string;
  name: string;
  kind: string;
  groups: { id: string; name: string }[];
}

export interface CalendarRule extends Omit<FrequencyRule, 'frequency'> {
  frequency: CalendarFrequency;
  label: string;
  version: number;
}

export interface Calendar {
  year: number;
  asOf: string;
  /** 台账启用日期: periods that ended before it are 'before-start' */
  startDate: string;
  ruleVersion: { version: number; effectiveFrom: string; source: string };
  orgs: CalendarOrg[];
  rules: CalendarRule[];
  cells: CalendarCell[];
}

export interface Finding {
  branch: string;
  orgId: string;
  rule: { type: string; frequency: string; label: string; basis: string };
  period: string;
  periodLabel: string;
  /** a period's status, 'record-integrity': a stored record contradicts itself (integrity.ts), or 'post-integrity': a role row breaks an appointment rule (org/service postFindings) */
  status: Exclude<CellStatus, 'held' | 'upcoming' | 'n/a' | 'before-start'> | 'record-integrity' | 'post-integrity' | 'study-hours' | 'first-topic';
  severity: Severity;
  message: string;
  activityIds: string[];
  /** a 党小组 rule: the first group still owing the meeting, so the link opens its form */
  groupId?: string;
}

function statusOf(held: CountedActivity[], p: Period, rule: FrequencyRule, asOf: string, year: number): CellStatus {
  if (held.length) {
    if (held.every((a) => a.quorumMet === false)) return 'quorum-not-met';
    if (held.every((a) => a.heldOn > p.to)) return 'held-late';
    return 'held';
  }
  const dueFrom = rule.frequency === 'year' && rule.dueFromQuarter ? quarterPeriod(year, rule.dueFromQuarter).from : p.from;
  if (asOf < dueFrom) return 'upcoming';
  if (asOf > p.to) return 'missing';
  return 'due';
}

const WORST: CellStatus[] = ['missing', 'quorum-not-met', 'due', 'held-late', 'held', 'upcoming', 'before-start', 'n/a'];

const ruleKey = (r: { scope: string; type: string; frequency: string }) => `${r.scope}|${r.type}|${r.frequency}`;

/** The frequency a period key belongs to: '2026-03' month, '2026-Q1' quarter, '2026' year. */
export function frequencyOfPeriod(key: string): FrequencyRule['frequency'] {
  return key.includes('Q') ? 'quarter' : key.length === 7 ? 'month' : 'year';
}

/**
 * Each period is judged by the rule version in force on its first day, so a
 * unit version effective 1 July leaves the first half-year under the rules of
 * its time. `rules` is the union over the versions used in the year (by scope,
 * type and frequency, each as in the latest version that has it).
 */
export function buildCalendar(year: number, asOf: string, orgs: (CalendarOrg & { establishedOn: string | null })[], acts: CountedActivity[], versions: RuleVersion[], startDate: string, weekly?: { setting: StudyDaySetting; records: StudyRecord[] }): Calendar {
  const periodVersion = (p: Period) => inForceOn(versions, p.from);
  const used = new Set<RuleVersion>();
  for (const f of ['month', 'quarter', 'year'] as const) for (const p of periodsOfYear(f, year)) used.add(periodVersion(p));
  const union = new Map<string, CalendarRule>();
  for (const v of versions.filter((x) => used.has(x))) for (const r of v.values) union.set(ruleKey(r), { ...r, label: `${r.type}${FREQUENCY_LABEL[r.frequency]}`, version: v.version });
  const rules = [...union.values()];
  const byKey = new Map<string, CountedActivity[]>();
  for (const a of acts) {
    for (const freq of ['month', 'quarter', 'year'] as const) {
      const k = `${a.orgId}|${a.type}|${periodKeyOfMonth(freq, a.month)}`;
      byKey.set(k, [...(byKey.get(k) ?? []), a]);
    }
  }
  // the year's periods of each frequency and the rule of each period, found once for every organization
  const periods = new Map<string, Period[]>((['month', 'quarter', 'year'] as const).map((f) => [f, periodsOfYear(f, year)]));
  const ruleOf = new Map<string, FrequencyRule | undefined>();
  const ruleFor = (p: Period, unionRule: CalendarRule) => {
    const k = `${p.key}|${ruleKey(unionRule)}`;
    if (!ruleOf.has(k)) ruleOf.set(k, periodVersion(p).values.find((r) => ruleKey(r) === ruleKey(unionRule)));
    return ruleOf.get(k);
  };
  const cells: CalendarCell[] = [];
  for (const org of orgs) {
    for (const unionRule of rules) {
      if (!ruleAppliesTo(unionRule, org)) continue;
      for (const p of periods.get(unionRule.frequency) ?? []) {
        const rule = ruleFor(p, unionRule);
        if (!rule) continue;
        if (org.establishedOn && org.establishedOn > p.to) {
          cells.push({ orgId: org.id, type: rule.type, period: p.key, status: 'n/a', activityIds: [], detail: null });
          continue;
        }
        const held = byKey.get(`${org.id}|${rule.type}|${p.key}`) ?? [];
        // a period that ended before the 台账启用日期 is not judged: a record shows as held, no record as 未启用
        if (p.to < startDate) {
          cells.push({ orgId: org.id, type: rule.type, period: p.key, status: held.length ? 'held' : 'before-start', activityIds: held.map((a) => a.id), detail: null });
          continue;
        }
        if (rule.scope === 'group') {
          const perGroup = org.groups.map((g) => ({ g, s: statusOf(held.filter((a) => a.groupId === g.id), p, rule, asOf, year) }));
          const worst = WORST.find((w) => perGroup.some((x) => x.s === w)) ?? 'held';
          const short = perGroup.filter((x) => x.s !== 'held' && x.s !== 'upcoming');
          const detail = short.length ? short.map((x) => `${x.g.name}${STATUS_LABEL[x.s]}`).join('；') : null;
          const unheld = perGroup.filter((x) => x.s === 'missing' || x.s === 'due').map((x) => x.g.id);
          cells.push({ orgId: org.id, type: rule.type, period: p.key, status: worst, activityIds: held.map((a) => a.id), detail, ...(unheld.length ? { unheldGroupIds: unheld } : {}) });
        } else {
          cells.push({ orgId: org.id, type: rule.type, period: p.key, status: statusOf(held, p, rule, asOf, year), activityIds: held.map((a) => a.id), detail: null });
        }
      }
    }
  }
  // the weekly 政治学习日 is judged only when the unit has switched it on (weekly.ts)
  if (weekly?.setting.enabled) rules.push(STUDY_DAY_RULE), cells.push(...weeklyCells(year, asOf, orgs, weekly.records, startDate, weekly.setting));
  // The version named in the heading: the one in force at the end of the year, or on the as-of day if earlier.
  const named = inForceOn(versions, asOf < `${year}-12-31` ? asOf : `${year}-12-31`);
  return {
    year,
    asOf,
    startDate,
    ruleVersion: { version: named.version, effectiveFrom: named.effectiveFrom, source: named.source },
    orgs: orgs.map(({ establishedOn: _e, ...o }) => o),
    rules, cells,
  };
}

/** The year's calendar as of a day; computed once while the ledger stands still (core/read-memo.ts: the home page, the calendar and the statistics read the same one). */
export async function complianceCalendar(ctx: Ctx, year: number, asOf?: string): Promise<Calendar> {
  const today = ctx.platform.today();
  const day = asOf ?? today;
  return memoRead(ctx.db, `activities/compliance-calendar|${year}|${day}|${today}`, async () => {
    const span = weeksSpan(year);
    const [orgs, acts, versions, startDate, setting, records] = await Promise.all([loadOrgs(ctx.db), loadActivities(ctx.db, year), ruleVersions(ctx.db), ledgerStartDate(ctx.db, today), studyDaySetting(ctx.db), loadStudyRecords(ctx.db, span.from, span.to)]);
    return buildCalendar(year, day, orgs, acts, versions, startDate, { setting, records });
  });
}

/** Labels of every finding status (the calendar's and the record check's). */
export const FINDING_LABEL: Record<Finding['status'], string> = { ...STATUS_LABEL, 'record-integrity': '记录矛盾', 'post-integrity': '任职矛盾', 'study-hours': '学时不足', 'first-topic': '缺第一议题' };

const SEVERITY: Record<Exclude<Finding['status'], 'record-integrity' | 'post-integrity' | 'study-hours' | 'first-topic'>, Severity> = { missing: 'high', 'quorum-not-met': 'high', due: 'info', 'held-late': 'low' };

export function periodLabel(key: string): string {
  const q = /^(\d{4})-Q(\d)$/.exec(key);
  if (q) return `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return `${key}年`;
}

export function findingsOf(cal: Calendar): Finding[] {
  const orgs = new Map(cal.orgs.map((o) => [o.id, o]));
  const out: Finding[] = [];
  for (const c of cal.cells) {
    if (c.status === 'held' || c.status === 'upcoming' || c.status === 'n/a' || c.status === 'before-start') continue;
    const org = orgs.get(c.orgId)!;
    const rule = cal.rules.find((r) => r.type === c.type && r.frequency === (c.weeks ? 'week' : frequencyOfPeriod(c.period)) && ruleAppliesTo(r, org))!;
    const pl = periodLabel(c.period);
    const what = `${rule.type}（${FREQUENCY_LABEL[rule.frequency]}）`;
    const message =
      c.status === 'missing'
        ? `${org.name}${pl}未开展${what}`
        : c.status === 'due'
          ? `${org.name}${pl}尚未开展${what}`
          : c.status === 'quorum-not-met'
            ? `${org.name}${pl}的${rule.type}未达到法定到会人数`
            : `${org.name}${pl}的${rule.type}延后至期后召开`;
    out.push({
      branch: org.name,
      orgId: org.id,
      rule: { type: rule.type, frequency: rule.frequency, label: FREQUENCY_LABEL[rule.frequency], basis: rule.basis },
      period: c.period,
      periodLabel: pl,
      status: c.status,
      severity: SEVERITY[c.status],
      message: c.detail ? `${message}（${c.detail}）` : message,
      activityIds: c.activityIds,
      ...(c.unheldGroupIds?.length ? { groupId: c.unheldGroupIds[0] } : {}),
    });
  }
  return out;
}

/**
 * The check: the calendar's findings, then every stored record of the year up
 * to the as-of day that contradicts itself (reported as it stands, never changed).
 */
export async function complianceCheck(ctx: Ctx, year: number, asOf?: string): Promise<Finding[]> {
  const day = asOf ?? ctx.platform.today();
  const end = `${year}-12-31` < day ? `${year}-12-31` : day;
  const orgs = new Map((await ctx.db.selectFrom('org_units').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
  const records = (await storedRecordFindings(ctx.db, `${year}-01-01`, end)).map(
    (f): Finding => ({
      branch: orgs.get(f.orgId) ?? '',
      orgId: f.orgId,
      rule: { type: f.type, frequency: 'record', label: '记录', basis: '会议记录不得自相矛盾（主持人、记录人出席，同一时间不在两处，支委会到会委员，应到名单即当日名册）' },
      period: f.heldOn,
      periodLabel: chineseDate(f.heldOn),
      status: 'record-integrity',
      severity: f.level === 'refuse' ? 'high' : 'medium',
      message: `${orgs.get(f.orgId) ?? ''}${chineseDate(f.heldOn)}的${f.type}：${f.message}`,
      activityIds: [f.activityId, ...(f.otherActivityId ? [f.otherActivityId] : [])],
    }),
  );
  const posts = (await postFindings(ctx)).map(
    (p): Finding => ({
      branch: p.orgName,
      orgId: p.orgId,
      rule: { type: p.role, frequency: 'post', label: '任职', basis: '党章第七条（预备党员没有被选举权）；任职日期不晚于今天、卸任日期晚于任职日期，同一职务同一时间只有一人' },
      period: '',
      periodLabel: '',
      status: 'post-integrity',
      severity: 'high',
      message: p.message,
      activityIds: [],
    }),
  );
  return [...findingsOf(await complianceCalendar(ctx, year, day)), ...records, ...posts, ...(await firstTopicCheck(ctx, `${year}-01-01`, end)), ...(await hoursCheck(ctx, year, day))];
}

export interface TodoOrg {
  orgId: string;
  name: string;
  /** still owed in the running period (this month, quarter or year) */
  due: Finding[];
  /** periods of this year that ended without a record, or missed quorum */
  overdue: Finding[];
}

/** 本月待办: what each organization still owes now, and what is overdue this year. */
export async function monthTodo(ctx: Ctx, asOf?: string): Promise<{ asOf: string; orgs: TodoOrg[] }> {
  const day = asOf ?? ctx.platform.today();
  const findings = findingsOf(await complianceCalendar(ctx, Number(day.slice(0, 4)), day));
  const byOrg = new Map<string, TodoOrg>();
  for (const f of findings) {
    const o = byOrg.get(f.orgId) ?? { orgId: f.orgId, name: f.branch, due: [], overdue: [] };
    if (f.status === 'due') o.due.push(f);
    else if (f.status === 'missing' || f.status === 'quorum-not-met') o.overdue.push(f);
    byOrg.set(f.orgId, o);
  }
  return { asOf: day, orgs: [...byOrg.values()].filter((o) => o.due.length || o.overdue.length) };
}
