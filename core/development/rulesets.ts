/**
 * The time limits and numbers of 发展党员 as versioned data. The 2014 细则 is
 * the default; the "2026.05" set holds the changes reported by one public rule
 * engine and is marked unverified until checked against the published text.
 * A unit chooses the version in settings (development.ruleVersion).
 */

import { LedgerError } from '../errors.ts';

export interface RuleSet {
  version: string;
  title: string;
  /** Date the rules took effect. */
  effectiveFrom: string;
  source: string;
  verified: boolean;
  minAge: number;
  talkWithinMonths: number;
  activistMinMonths: number;
  assessmentEveryMonths: number;
  introducers: number;
  trainingMinDays: number;
  trainingMinHours: number;
  approvalNormalMonths: number;
  approvalMaxMonths: number;
  probationMonths: number;
  extensionMinMonths: number;
  extensionMaxMonths: number;
  extensionsAllowed: number;
  conversionApprovalMonths: number;
  /** Local practice only: months from the application before someone may be chosen as activist (null: no national minimum). */
  activistAfterApplicationMonths: number | null;
  /** 2026, or local practice: public notice before listing as 发展对象, in working days (null: not required). */
  publicityWorkingDays: number | null;
  /** The 公示 is the unit's own rule, not a national one: a missing or short notice warns instead of blocking. */
  publicityLocal?: boolean;
  /** 2026 only: 支部大会 within this many months after 预审 passes. */
  meetingAfterPreReviewMonths: number | null;
  /** 2026 only: oath within this many months after approval. */
  oathWithinMonths: number | null;
}

export const RULES_2014: RuleSet = {
  version: '2014',
  title: '《中国共产党发展党员工作细则》（2014年）',
  effectiveFrom: '2014-06-10',
  source: '中共中央办公厅 2014-05-28 印发',
  verified: true,
  minAge: 18,
  talkWithinMonths: 1,
  activistMinMonths: 12,
  assessmentEveryMonths: 6,
  introducers: 2,
  trainingMinDays: 3,
  trainingMinHours: 24,
  approvalNormalMonths: 3,
  approvalMaxMonths: 6,
  probationMonths: 12,
  extensionMinMonths: 6,
  extensionMaxMonths: 12,
  extensionsAllowed: 1,
  conversionApprovalMonths: 3,
  activistAfterApplicationMonths: null,
  publicityWorkingDays: null,
  meetingAfterPreReviewMonths: null,
  oathWithinMonths: null,
};

export const RULES_2026: RuleSet = {
  ...RULES_2014,
  version: '2026.05',
  title: '2026年修订细则（据公开资料转述，未经核实）',
  /** Publication date (12371.cn, reported by CNA on 2026-05-18); the effective date is not known. */
  effectiveFrom: '2026-05-18',
  source: '2026-05-18 发布（共产党员网；施行日期待核实）；条款据公开规则引擎 D2（RULE_VERSION = "2026.05"）转述，条文待与正式文本核对',
  verified: false,
  publicityWorkingDays: 5,
  meetingAfterPreReviewMonths: 1,
  oathWithinMonths: 1,
};

export const RULE_SETS: RuleSet[] = [RULES_2014, RULES_2026];

/** What a unit may add as local practice on top of the national rules. */
export interface LocalPractice {
  activistAfterApplicationMonths: number | null;
  publicityWorkingDays: number | null;
}

export const NO_LOCAL_PRACTICE: LocalPractice = { activistAfterApplicationMonths: null, publicityWorkingDays: null };

/** The national rule set with the unit's local practice laid over it (a national requirement is never loosened). */
export function withLocalPractice(r: RuleSet, local: LocalPractice | null | undefined): RuleSet {
  if (!local || (local.activistAfterApplicationMonths == null && local.publicityWorkingDays == null)) return r;
  return {
    ...r,
    title: `${r.title}及本单位规定`,
    activistAfterApplicationMonths: local.activistAfterApplicationMonths ?? r.activistAfterApplicationMonths,
    publicityWorkingDays: Math.max(r.publicityWorkingDays ?? 0, local.publicityWorkingDays ?? 0) || null,
    publicityLocal: !r.publicityWorkingDays && !!local.publicityWorkingDays,
  };
}

export function ruleSet(version: string | undefined | null): RuleSet {
  if (!version) return RULES_2014;
  const r = RULE_SETS.find((x) => x.version === version || x.version.split('.')[0] === version);
  if (!r) throw new LedgerError(`未知的规则版本：${version}（可用：${RULE_SETS.map((x) => x.version).join('、')}）`);
  return r;
}
