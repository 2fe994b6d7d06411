/**
 * 学时: the kinds of training record, the settings with their defaults (study.md 8.1: local practice,
 * so settings), hours as integer tenths of a 学时, and the shapes the handlers return.
 */
import type { HoursRuleVersion } from './rules.ts';

export const TRAINING_KINDS = ['集中培训', '网络培训'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** How a meeting type counts: 'time' = from its start and end time, a number = that many 学时 a meeting. */
export type MeetingCount = 'time' | number;

export const hoursSettingDefaults = {
  /** meeting types that count, and how (no national rule: one unit's practice, study.md 8.1 [L E4]) */
  'hours.meetingTypes': { 党课: 'time', 理论学习中心组学习: 'time', 主题党日: 'time', 集中学习: 'time' } as Record<string, MeetingCount>,
  /** minutes of a meeting that make 1 学时 ("study sessions: 1 per hour") */
  'hours.minutesPerHour': 60,
  /** 'any': a committee post held at any time in the year counts for the 56 rule; 'yearEnd': only a post held on 12-31 */
  'hours.roleDate': 'any' as 'any' | 'yearEnd',
  /** a member who joins mid-year: no source on pro-rating, so none by default (the join date is shown); true: the months from the join month on */
  'hours.prorate': false,
  /** the unit's own versions of the 学时 rule (the national one is built in) */
  'hours.ruleVersions': [] as HoursRuleVersion[],
};

/** 学时 as tenths (31.5 → 315); null when it has more than one decimal. */
export function toTenths(hours: number): number | null {
  const t = Math.round(hours * 10);
  return Math.abs(hours * 10 - t) < 1e-6 ? t : null;
}

/** Tenths as 学时 for display and JSON (315 → 31.5). */
export const hoursOf = (tenths: number): number => tenths / 10;

/** 315 → "31.5", 320 → "32". */
export const hoursText = (tenths: number): string => (tenths % 10 ? (tenths / 10).toFixed(1) : String(tenths / 10));

/** Minutes of a meeting as tenths of a 学时, rounded half-up (90 minutes → 15 = 1.5 学时). */
export function tenthsOfMinutes(minutes: number, minutesPerHour: number): number {
  if (minutes <= 0) return 0;
  return Math.floor((2 * minutes * 10 + minutesPerHour) / (2 * minutesPerHour));
}

/** "14:30" → 870; null when not a time. */
export function minuteOfDay(t: string | null): number | null {
  const m = t ? /^(\d{1,2}):(\d{2})/.exec(t) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export type HoursRole = '党员' | '书记' | '委员';

export interface MemberHours {
  memberId: string;
  name: string;
  branchId: string;
  branch: string;
  role: HoursRole;
  /** the posts behind the role: 第一党支部书记 */
  posts: string[];
  joinDate: string;
  /** joined the Party in this year: no pro-rating, the date is shown */
  joinedInYear: boolean;
  /** tenths */
  meetingTenths: number;
  meetings: number;
  /** meetings attended without start/end time under a 'time' type: counted as 0 */
  untimedMeetings: number;
  centralTenths: number;
  onlineTrainingTenths: number;
  importedTenths: number;
  totalTenths: number;
  requiredTenths: number;
  centralTrainings: number;
  requiredCentral: number;
  short: boolean;
  /** in words, empty when the rule is met */
  shortReason: string;
}

export interface HoursYear {
  year: number;
  rule: { version: string; source: string; memberBasis: string; leaderBasis: string; leaderPending: string | null; verified: boolean; prorate: boolean };
  members: MemberHours[];
}

export interface TrainingRow {
  id: string;
  memberId: string;
  name: string;
  branch: string;
  kind: TrainingKind;
  startOn: string;
  endOn: string | null;
  hours: number;
  title: string;
  organizer: string | null;
  note: string | null;
  attachments: number;
}

export const hoursLabels = {
  year: '年份',
  branchId: '党支部',
  branch: '党支部',
  memberId: '党员',
  kind: '培训类型',
  startOn: '开始日期',
  endOn: '结束日期',
  hours: '学时',
  title: '培训名称',
  organizer: '主办单位',
  note: '备注',
  short: '只看未达标',
  row: '行号',
  meetingTypes: '计入学时的会议',
  minutesPerHour: '每学时分钟数',
  roleDate: '班子成员认定',
  prorate: '年中入党按月折算',
};
