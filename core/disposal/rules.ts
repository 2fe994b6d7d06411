/**
 * 不合格党员处置 as the 2024 办法 sets it (../shared/reference/evaluation.md 9.3, 9.6), kept as
 * versioned data with its source: 限期改正 generally 6 months and at most 1 year, in calendar
 * months clamped to the month's end; no re-admission within 5 years of 劝其退党 or 除名. The issue
 * date of the 办法 is contradictory in the research, so the version is marked unverified.
 * Local practice — whether the period runs from the decision or the approval, and whether the day
 * five years on is itself allowed — are settings (disposal.periodFrom, disposal.readmitOnTheDay).
 */
import { addDays, addMonths, addYears } from '../../common/dates.ts';
import { inForceOn, type Versioned } from '../../common/rules.ts';
import { LedgerError } from '../errors.ts';

export interface DisposalRule {
  normalMonths: number;
  maxMonths: number;
  readmitYears: number;
}

export const DISPOSAL_RULES: Versioned<DisposalRule>[] = [
  {
    version: '2024',
    effectiveFrom: '2024-05-21',
    source: '《中国共产党不合格党员组织处置办法》（2024年，27条；2024年5月21日中央政治局常委会审议批准，2024年8月印发（据报道），另见6月16日之说，待核对）',
    verified: false,
    values: { normalMonths: 6, maxMonths: 12, readmitYears: 5 },
  },
];

export const ruleOn = (day: string) => inForceOn(DISPOSAL_RULES, day);

export const MEASURES = ['限期改正', '劝其退党', '除名'] as const;
export type Measure = (typeof MEASURES)[number];

export const TRIGGERS = ['民主评议不合格', '情形'] as const;

/** The situations the reference lists (9.3), to pick from or to write one's own. */
export const SITUATIONS = [
  '理想信念淡化，党性观念不强，本人认识错误、愿意改正',
  '信仰宗教',
  '工作消极懈怠，不发挥先锋模范作用',
  '组织观念淡薄，不按规定参加党的组织生活或不按规定缴纳党费',
  '失联6个月以上2年以下',
  '以退党要挟组织，经教育仍不改正',
  '限期改正期满仍无转变',
  '连续6个月无正当理由不参加党的组织生活，或不缴纳党费，或不做党所分配的工作',
  '因失联被停止党籍后满2年仍无法取得联系',
  '劝其退党后本人坚持不退',
] as const;

export const STEPS = ['调查核实', '组织谈话', '上级预审', '支部大会', '党委审批', '其他'] as const;

export const RESULTS = ['已改正', '劝其退党', '除名', '撤销处置'] as const;
export type Result = (typeof RESULTS)[number];

export const PERIOD_FROM = ['决定', '批准'] as const;

/** The end of a 限期改正 period: calendar months from the start, a day past the month's end clamped to it; over the maximum refused. */
export function deadlineOf(start: string, months: number, rule: DisposalRule = ruleOn(start).values): string {
  if (!Number.isInteger(months) || months < 1) throw new LedgerError('改正期限应为整月数，至少 1 个月', 'periodMonths');
  if (months > rule.maxMonths) throw new LedgerError(`限期改正一般为${rule.normalMonths}个月，最长不超过1年（${rule.maxMonths}个月），不能定为${months}个月`, 'periodMonths');
  return addMonths(start, months);
}

/** The first day a member who left by 劝其退党 or 除名 may be admitted again (on the day itself or the day after, as the unit settles it). */
export function readmitFrom(leftOn: string, onTheDay: boolean, rule: DisposalRule = ruleOn(leftOn).values): string {
  const day = addYears(leftOn, rule.readmitYears);
  return onTheDay ? day : addDays(day, 1);
}
