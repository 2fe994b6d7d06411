/**
 * The types of the 发展党员 rule engine: the dossier it judges, the rule ids it
 * reports (published: scripts depend on them, so an id names the rule and never
 * its numbers), and the context each check receives.
 */
import type { DevRules } from './rulesets.ts';
import type { HolidayCalendar } from '../../common/workdays.ts';

export const RULE_IDS = [
  'age-18',
  'talk-1-month',
  'activist-after-application',
  'assessment-half-yearly',
  'activist-1-year',
  'publicity-working-days',
  'notice-5-working-days',
  'introducers-2-full',
  'political-review',
  'training-3-days-24-hours',
  'branch-meeting-1-month-after-review',
  'branch-meeting-quorum',
  'branch-meeting-majority',
  'secret-ballot',
  'approval-3-months',
  'approval-6-months',
  'oath-1-month',
  'probation-1-year',
  'extension-6-12-months',
  'conversion-approval-3-months',
  'step-order',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Meeting {
  /** Voting (正式) members due to attend. */
  due: number;
  /** Voting members present. */
  present: number;
  /** Votes for, cast at the meeting. */
  for: number;
  /** Written opinions in favour from voting members who could not attend; they count as votes. */
  writtenFor?: number;
  /** Voted by secret ballot (无记名投票); false: a show of hands; absent: not recorded. */
  secretBallot?: boolean;
}

export interface Introducer {
  name: string;
  /** Date the introducer became a 正式党员 (null: not a full member). */
  fullMemberSince: string | null;
  /** Under 留党察看 with rights not restored. */
  underProbation?: boolean;
}

export interface Dossier {
  birthDate?: string | null;
  /** Step number → date it happened. */
  steps: Partial<Record<number, string>>;
  introducers?: Introducer[];
  training?: { days: number; hours: number } | null;
  politicalReviewConcluded?: boolean;
  branchMeeting?: Meeting | null;
  conversionMeeting?: Meeting | null;
  /** Months the probation was extended by (once at most). */
  extensionMonths?: number | null;
  /** How many extensions were decided (the ledger counts them; default: 1 when extensionMonths is set). */
  extensionCount?: number;
  /** Dates of the branch's half-yearly assessments of the activist (step 6). */
  assessments?: string[];
  /** 公示 before listing as 发展对象 (2026 rules or local practice). */
  publicity?: { start: string; end: string } | null;
}

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: RuleId;
  step: number;
  severity: Severity;
  message: string;
  /** Only for a rule a later version added: the version and article it is cited under, e.g. "2026.05 第十三条，待核实". */
  article?: string;
}

export interface NextStep {
  step: number;
  earliest: string;
  latest: string | null;
  /** The date rests on a year the holiday calendar does not know: "暂算" and why. */
  provisional?: string;
}

export interface Evaluation {
  findings: Finding[];
  next: NextStep[];
}

/** What every check sees: the dossier, its dates, the numbers in force for a step, and where findings go. */
export interface Judge {
  d: Dossier;
  today: string | null;
  at(step: number): string | null;
  has(step: number): boolean;
  /** The numbers of the version in force on the step's date (not recorded: today, else the latest recorded date). */
  rules(step: number): DevRules;
  /** The holiday calendar working days are counted by. */
  calendar: HolidayCalendar;
  add(rule: RuleId, step: number, severity: Severity, message: string): void;
}

const DIGITS = '零一二三四五六七八九';

/** A count in Chinese: 1 → 一, 2 → 两 (两个月, 两次), 10 → 十, 18 → 十八, 24 → 二十四. */
export function cnCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n === 2) return '两';
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** A span of months as the rules say it: 1 → 一个月, 6 → 六个月, 12 → 一年, 24 → 两年. */
export function monthsText(n: number): string {
  return n > 0 && n % 12 === 0 ? `${cnCount(n / 12)}年` : `${cnCount(n)}个月`;
}
