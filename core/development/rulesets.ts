/**
 * The time limits and numbers of 发展党员 as versioned data (common/rules.ts).
 * The 2014 细则 is the default; the "2026.05" version holds the changes reported
 * by one public rule engine and is marked unverified until checked against the
 * published text. Each step of a dossier is judged by the version in force on
 * its date, so a 2015 file keeps the 2014 rules when 2026.05 is adopted. A
 * unit's local practice is a version of its own ("本单位规定：…"), laid over
 * each national version without changing it.
 */

import { inForceOn, type Versioned } from '../../common/rules.ts';
import { addMonths } from '../../common/dates.ts';
import { LedgerError } from '../errors.ts';
import type { HolidayCalendar } from '../../common/workdays.ts';
import type { RuleId } from './rule-types.ts';

export interface DevRules {
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
  /** 2026 (第十三条): public notice before listing as 发展对象, in working days (null: no national requirement). */
  publicityWorkingDays: number | null;
  /** The unit's own 公示 length where it asks more than the national rule (or there is none): a short notice warns. */
  localPublicityWorkingDays?: number | null;
  /** 2026 only: 支部大会 within this many months after 预审 passes. */
  meetingAfterPreReviewMonths: number | null;
  /** 2026 only: oath within this many months after approval. */
  oathWithinMonths: number | null;
  /** 2026 only: the 支部大会 votes on admission and on 转正 by secret ballot (无记名投票); a show of hands warns. */
  secretBallot: boolean;
}

/** A rule a version adds or changes, with the article it is cited under and whether the text was checked. */
export interface RuleNote {
  rule: RuleId;
  /** e.g. 第十三条 (null: the sources do not say which article) */
  article: string | null;
  text: string;
  /** 待核实 while the article has not been read in the published text. */
  note: '待核实' | null;
}

/** One version of the 发展党员 rules; `title` names the document for the clerk. */
export type DevVersion = Versioned<DevRules> & {
  title: string;
  /** The rules this version adds, by article (none: the 2014 base). */
  changes?: readonly RuleNote[];
  /** The holiday calendar working days are counted by (the unit's entries over the shipped years; none: the shipped years). */
  calendar?: HolidayCalendar;
};

/** What a dossier is judged by: one version (forced), or the versions to choose from by the date of each step. */
export type RuleSet = DevVersion | readonly DevVersion[];

export const RULES_2014: DevVersion = {
  version: '2014',
  title: '《中国共产党发展党员工作细则》（2014年）',
  effectiveFrom: '2014-06-10',
  source: '中共中央办公厅 2014-05-28 印发',
  verified: true,
  values: {
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
    secretBallot: false,
  },
};

export const RULES_2026: DevVersion = {
  version: '2026.05',
  title: '2026年修订细则（据公开资料转述，未经核实）',
  /** Publication date (12371.cn, reported by CNA on 2026-05-18); the effective date is not known. */
  effectiveFrom: '2026-05-18',
  source: '2026-05-18 发布（共产党员网；施行日期待核实）；条款据公开规则引擎 D2（RULE_VERSION = "2026.05"）转述，条文待与正式文本核对',
  verified: false,
  values: { ...RULES_2014.values, publicityWorkingDays: 5, meetingAfterPreReviewMonths: 1, oathWithinMonths: 1, secretBallot: true },
  changes: [
    { rule: 'notice-5-working-days', article: '第十三条', text: '确定发展对象前公示，时间不少于 5 个工作日', note: '待核实' },
    { rule: 'branch-meeting-1-month-after-review', article: '第十九条', text: '上级党委预审通过后，一个月内提交支部大会讨论', note: '待核实' },
    { rule: 'oath-1-month', article: '第二十九条', text: '批准后一般一个月内进行入党宣誓', note: '待核实' },
    // D17 quotes the wording without an article number: none is invented.
    { rule: 'secret-ballot', article: null, text: '支部大会讨论接收预备党员和预备党员转正，与会党员采取无记名投票方式表决', note: '待核实' },
  ],
};

/** The article a version cites for a rule, as printed after a finding: "2026.05 第十三条，待核实" (null: a 2014 rule). */
export function articleOf(v: DevVersion, rule: RuleId): string | null {
  const c = v.changes?.find((x) => x.rule === rule);
  return c ? `${v.version} ${c.article ?? '条款待查'}${c.note ? `，${c.note}` : ''}` : null;
}

export const RULE_SETS: readonly DevVersion[] = [RULES_2014, RULES_2026];

/** What a unit may add as local practice on top of the national rules. */
export interface LocalPractice {
  activistAfterApplicationMonths: number | null;
  publicityWorkingDays: number | null;
}

export const NO_LOCAL_PRACTICE: LocalPractice = { activistAfterApplicationMonths: null, publicityWorkingDays: null };

/** The unit's local practice as a version of its own, with its own source text (null: none set). */
export function unitPractice(local: LocalPractice | null | undefined): Versioned<LocalPractice> | null {
  if (!local || (local.activistAfterApplicationMonths == null && local.publicityWorkingDays == null)) return null;
  const parts: string[] = [];
  if (local.activistAfterApplicationMonths) parts.push(`递交入党申请书满 ${local.activistAfterApplicationMonths} 个月方可确定为入党积极分子`);
  if (local.publicityWorkingDays) parts.push(`确定发展对象前公示不少于 ${local.publicityWorkingDays} 个工作日`);
  return { version: '本单位', effectiveFrom: '0000-01-01', source: `本单位规定：${parts.join('；')}`, verified: true, values: local };
}

/** A national version with the unit's local practice laid over it, as a new version (a national requirement is never loosened; the national version is not changed). */
export function withLocalPractice(r: DevVersion, local: LocalPractice | null | undefined): DevVersion {
  const unit = unitPractice(local);
  if (!unit) return r;
  const v = r.values;
  return {
    ...r,
    title: `${r.title}及本单位规定`,
    source: `${r.source}；${unit.source}`,
    values: {
      ...v,
      activistAfterApplicationMonths: unit.values.activistAfterApplicationMonths ?? v.activistAfterApplicationMonths,
      localPublicityWorkingDays: (unit.values.publicityWorkingDays ?? 0) > (v.publicityWorkingDays ?? 0) ? unit.values.publicityWorkingDays : null,
    },
  };
}

export function ruleSet(version: string | undefined | null): DevVersion {
  if (!version) return RULES_2014;
  const r = RULE_SETS.find((x) => x.version === version || x.version.split('.')[0] === version);
  if (!r) throw new LedgerError(`未知的规则版本：${version}（可用：${RULE_SETS.map((x) => x.version).join('、')}）`);
  return r;
}

/** The national versions a unit applies when it has adopted `latest`: every version up to it, each from its own date. */
export function adoptedVersions(latest: string | undefined | null): DevVersion[] {
  const last = ruleSet(latest);
  return RULE_SETS.filter((r) => r.effectiveFrom <= last.effectiveFrom);
}

/** The version that judges a step taken on `day` (null: the newest of the set). */
export function rulesOn(rules: RuleSet, day: string | null | undefined): DevVersion {
  if (!isList(rules)) return rules;
  return day ? inForceOn(rules, day) : inForceOn(rules, '9999-12-31');
}

function isList(rules: RuleSet): rules is readonly DevVersion[] {
  return Array.isArray(rules);
}

/**
 * The end of the 预备期: one year from the 支部大会 (step 15), never from the oath,
 * by the rules in force on that meeting's date; an extension runs on from that end
 * (a leap-day meeting: 2025-02-28, then + 6 months = 2025-08-28).
 */
export function probationEnd(meetingDate: string, rules: RuleSet, extensionMonths: number | null | undefined): string {
  return addMonths(addMonths(meetingDate, rulesOn(rules, meetingDate).values.probationMonths), extensionMonths ?? 0);
}
