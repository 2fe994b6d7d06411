/**
 * Frequency rules of organizational life, held as versioned data.
 *
 * The national defaults (《中国共产党支部工作条例（试行）》2018, reference
 * organizational-life.md §2.1) are built in as version 0. A unit's changes are
 * stored as further versions in the setting `activities.ruleVersions`, each with
 * its own effective date and source, so an old year is still checked against
 * the rules that applied then. Versions have the shared shape of
 * common/rules.ts (`values` = the list of frequency rules) and are read with
 * inForceOn.
 */
import type { Tx } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import type { Versioned } from '../../common/rules.ts';

export type Frequency = 'month' | 'quarter' | 'year';
/** week: only the unit's 政治学习日 rule (weekly.ts, switched on by a setting, not a rule version), judged per ISO week and shown per month */
export type CalendarFrequency = Frequency | 'week';
/** branch: each 党支部; group: each 党小组 of a branch; committee: the 党委 itself */
export type RuleScope = 'branch' | 'group' | 'committee';

/** Whether a rule binds an organization; one type may have a rule per scope (党课: branches quarterly, the 党委书记 yearly). */
export function ruleAppliesTo(rule: { scope: RuleScope }, org: { kind: string; groups: unknown[] }): boolean {
  if (rule.scope === 'committee') return org.kind === '党委';
  if (rule.scope === 'group') return org.kind === '党支部' && org.groups.length > 0;
  return org.kind === '党支部';
}

export interface FrequencyRule {
  type: string;
  scope: RuleScope;
  frequency: Frequency;
  /** Yearly rules held "generally in Q4": not due before that quarter. */
  dueFromQuarter?: 1 | 2 | 3 | 4 | null;
  basis: string;
}

/** A version of the frequency rules: 0 is the national one, 1, 2, … the unit's. */
export type RuleVersion = Versioned<FrequencyRule[], number>;

export const FREQUENCY_LABEL: Record<CalendarFrequency, string> = { week: '每周', month: '每月', quarter: '每季度', year: '每年' };

export const NATIONAL_RULES: RuleVersion = {
  version: 0,
  effectiveFrom: '2018-10-28',
  source: '《中国共产党支部工作条例（试行）》（中共中央，2018年）；支部党课每季度为通行地方做法；中心组学习每季度为地方做法',
  verified: true,
  values: [
    { type: '支部委员会', scope: 'branch', frequency: 'month', basis: '支部工作条例第十二条：支部委员会会议一般每月召开1次' },
    { type: '党小组会', scope: 'group', frequency: 'month', basis: '支部工作条例第十三条：党小组会一般每月召开1次' },
    { type: '支部党员大会', scope: 'branch', frequency: 'quarter', basis: '支部工作条例第十一条：党员大会一般每季度召开1次' },
    { type: '党课', scope: 'branch', frequency: 'quarter', basis: '通行地方做法：每季度至少1次（条例未规定支部党课频次）' },
    { type: '主题党日', scope: 'branch', frequency: 'month', basis: '支部工作条例第十六条：每月相对固定1天开展主题党日' },
    { type: '组织生活会', scope: 'branch', frequency: 'year', dueFromQuarter: 4, basis: '支部工作条例第十七条：每年至少召开1次，一般安排在第四季度' },
    { type: '民主评议党员', scope: 'branch', frequency: 'year', dueFromQuarter: 4, basis: '一般每年开展1次，可与组织生活会结合' },
    { type: '党课', scope: 'committee', frequency: 'year', basis: '支部工作条例第十六条：党委（党组）书记每年至少讲1次党课（书记到党支部讲的党课也计入）' },
    { type: '民主生活会', scope: 'committee', frequency: 'year', dueFromQuarter: 4, basis: '县以上党和国家机关党员领导干部民主生活会若干规定：每年1次，一般在第四季度' },
    { type: '理论学习中心组学习', scope: 'committee', frequency: 'quarter', basis: '地方做法：至少每季度1次集中学习（中心组学习规则未规定次数）' },
  ],
};

export const SETTINGS = {
  ruleVersions: 'activities.ruleVersions',
  customTypes: 'activities.customTypes',
  halfInclusive: 'activities.halfInclusive',
  lateEntryGraceDays: 'activities.lateEntryGraceDays',
  studyDayEnabled: 'activities.studyDay.enabled',
  studyDayWeekday: 'activities.studyDay.weekday',
  studyDaySince: 'activities.studyDay.since',
} as const;

export const activitySettingDefaults = {
  [SETTINGS.ruleVersions]: [],
  [SETTINGS.customTypes]: [],
  [SETTINGS.halfInclusive]: true,
  [SETTINGS.lateEntryGraceDays]: 7,
  // 每周政治学习日 is a local practice: off until the unit switches it on; 5 = 星期五
  [SETTINGS.studyDayEnabled]: false,
  [SETTINGS.studyDayWeekday]: 5,
  [SETTINGS.studyDaySince]: null,
};

/** A unit version as stored; versions saved before the shared shape held their list as `rules`. */
type StoredVersion = Omit<RuleVersion, 'values' | 'verified'> & { values?: FrequencyRule[]; rules?: FrequencyRule[]; verified?: boolean };

export async function ruleVersions(tx: Tx): Promise<RuleVersion[]> {
  const stored = (await getSetting<StoredVersion[]>(tx, SETTINGS.ruleVersions)) ?? [];
  const unit = stored.map((v): RuleVersion => ({ version: v.version, effectiveFrom: v.effectiveFrom, source: v.source, verified: v.verified ?? true, values: v.values ?? v.rules ?? [] }));
  return [NATIONAL_RULES, ...unit].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version);
}

// ---------------------------------------------------------------- periods

export interface Period {
  /** '2026-03' | '2026-Q1' | '2026' */
  key: string;
  label: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function monthPeriod(y: number, m: number): Period {
  return { key: `${y}-${pad(m)}`, label: `${m}月`, from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` };
}

export function quarterPeriod(y: number, q: number): Period {
  const m0 = (q - 1) * 3 + 1;
  return { key: `${y}-Q${q}`, label: `第${'一二三四'[q - 1]}季度`, from: `${y}-${pad(m0)}-01`, to: `${y}-${pad(m0 + 2)}-${pad(lastDay(y, m0 + 2))}` };
}

export function yearPeriod(y: number): Period {
  return { key: String(y), label: `${y}年`, from: `${y}-01-01`, to: `${y}-12-31` };
}

export function periodsOfYear(freq: Frequency, y: number): Period[] {
  if (freq === 'month') return Array.from({ length: 12 }, (_, i) => monthPeriod(y, i + 1));
  if (freq === 'quarter') return [1, 2, 3, 4].map((q) => quarterPeriod(y, q));
  return [yearPeriod(y)];
}

/** The period key a month (YYYY-MM) falls in for a frequency. */
export function periodKeyOfMonth(freq: Frequency, month: string): string {
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  if (freq === 'month') return month;
  if (freq === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return y;
}
