/**
 * Organizational-life records as the core and the renderer see them, and the
 * input schema every host validates against. Rows are stored as in
 * db/schema.ts (lists as JSON text); this module converts between the two.
 */
import { z } from 'zod';
import type { ActivitiesTable, ActivityAttendanceTable } from '../../db/schema.ts';
import { isoDate, listOf, optText, ref, text } from '../validate.ts';
import type { QuorumResult } from '../../common/quorum.ts';
import { ATTENDANCE_STATUSES, DECISION_KINDS, type AttendanceStatus, type DecisionKind } from '../../common/enums.ts';
import { studyFieldLabels, studyFieldsShape, studyFromRow, type StudyFields } from './study-fields.ts';

// The lists are shared with the renderer (common/enums.ts).
export { ACTIVITY_TYPES, ATTENDANCE_STATUSES, DECISION_KINDS, VOTE_METHODS, type AttendanceStatus, type DecisionKind } from '../../common/enums.ts';

export interface VoteItem {
  subject: string;
  method: string;
  /** Counts include written opinions of absent voting members. */
  for: number;
  against: number;
  abstain: number;
}

export interface FollowUpTask {
  what: string;
  who: string;
  due: string | null;
}

export interface Guest {
  name: string;
  identity: string;
}

export interface AttendanceEntry {
  memberId: string | null;
  memberName: string;
  partyStatus: '正式' | '预备';
  status: AttendanceStatus;
  late: boolean;
  leftEarly: boolean;
  reason: string | null;
  writtenOpinion: boolean;
}

export interface ActivityInput extends StudyFields {
  orgId: string;
  groupId: string | null;
  type: string;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  countsFor: string | null;
  place: string | null;
  hostName: string | null;
  hostPost: string | null;
  recorderName: string | null;
  recorderPost: string | null;
  topic: string | null;
  speaker: string | null;
  decisionKind: DecisionKind;
  agenda: string[];
  content: string | null;
  votes: VoteItem[];
  resolutions: string[];
  tasks: FollowUpTask[];
  guests: Guest[];
  attendance: AttendanceEntry[];
  note: string | null;
}

export interface ActivitySummary {
  id: string;
  orgId: string;
  orgName: string;
  groupId: string | null;
  groupName: string | null;
  type: string;
  heldOn: string;
  startTime: string | null;
  endTime: string | null;
  topic: string | null;
  place: string | null;
  hostName: string | null;
  enteredOn: string;
  /** entered after the meeting date */
  late: boolean;
  due: number;
  present: number;
  quorum: QuorumResult;
  attachmentCount: number;
}

export interface Activity extends ActivityInput, Omit<ActivitySummary, keyof ActivityInput> {
  createdAt: string;
  updatedAt: string;
  attachments: import('../attachments/service.ts').AttachmentMeta[];
}

const hhmm = z
  .union([z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为时刻（如 09:30）'), z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? v : null));

const count = z.coerce.number().int('应为整数').min(0, '不能为负数').max(100000);

export const activityInputSchema = z.object({
  orgId: z.string({ error: '请选择组织' }).min(1, '请选择组织').max(100, '编号过长'),
  groupId: ref.nullish().transform((v) => v || null),
  type: text(30),
  heldOn: isoDate,
  startTime: hhmm,
  endTime: hhmm,
  countsFor: z
    .union([z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年月（如 2026-03）'), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  place: optText(100),
  hostName: optText(30),
  hostPost: optText(30),
  recorderName: optText(30),
  recorderPost: optText(30),
  topic: optText(200),
  speaker: optText(30),
  decisionKind: z.enum(DECISION_KINDS, { error: '应为 一般、发展党员 或 选举' }).default('一般'),
  agenda: listOf(z.string().trim().max(200, '议题不能超过 200 字'), 100).default([]).transform((a) => a.filter(Boolean)),
  content: optText(50000),
  votes: listOf(z.object({ subject: z.string().trim().max(200), method: z.string().trim().max(20).default('举手表决'), for: count, against: count, abstain: count }), 100).default([]),
  resolutions: listOf(z.string().trim().max(1000), 100).default([]).transform((a) => a.filter(Boolean)),
  tasks: listOf(z.object({ what: z.string().trim().max(300), who: z.string().trim().max(60).default(''), due: z.union([isoDate, z.literal(''), z.null()]).optional().transform((v) => v || null) }), 200)
    .default([])
    .transform((a) => a.filter((t) => t.what)),
  guests: listOf(z.object({ name: z.string().trim().max(30), identity: z.string().trim().max(60).default('') }), 500)
    .default([])
    .transform((a) => a.filter((g) => g.name)),
  attendance: listOf(
    z.object({
      memberId: ref.nullish().transform((v) => v || null),
      memberName: text(30),
      partyStatus: z.enum(['正式', '预备'], { error: '应为 正式 或 预备' }).default('正式'),
      status: z.enum(ATTENDANCE_STATUSES, { error: '应为 出席、请假、公出、病假 或 缺席' }),
      late: z.boolean().default(false),
      leftEarly: z.boolean().default(false),
      reason: optText(100),
      writtenOpinion: z.boolean().default(false),
    }),
    5000,
  ).default([]),
  note: optText(500),
  ...studyFieldsShape,
});

export const activityLabels: Record<string, string> = {
  orgId: '组织',
  type: '活动类型',
  heldOn: '会议日期',
  startTime: '开始时间',
  endTime: '结束时间',
  countsFor: '计入月份',
  place: '地点',
  hostName: '主持人',
  recorderName: '记录人',
  topic: '主题/题目',
  speaker: '授课人',
  enteredOn: '记录日期',
  memberName: '姓名',
  hostPost: '主持人职务',
  recorderPost: '记录人职务',
  decisionKind: '议决事项类别',
  agenda: '议题',
  content: '会议内容',
  votes: '表决事项',
  subject: '事项名称',
  method: '表决方式',
  for: '赞成票数',
  against: '反对票数',
  abstain: '弃权票数',
  resolutions: '决议',
  tasks: '会后任务',
  what: '任务内容',
  who: '责任人',
  due: '完成期限',
  guests: '列席人员',
  name: '姓名',
  identity: '身份',
  attendance: '出席名单',
  partyStatus: '党员身份',
  status: '出席情况',
  late: '迟到',
  leftEarly: '早退',
  writtenOpinion: '书面意见',
  effectiveFrom: '施行日期',
  source: '依据',
  rules: '频次规则',
  scope: '适用组织',
  frequency: '频次',
  dueFromQuarter: '起算季度',
  basis: '依据',
  customTypes: '自定义活动类型',
  halfInclusive: '“半数以上”是否含半数',
  lateEntryGraceDays: '补记期限（会后超过几天录入视为补记）',
  studyDayEnabled: '检查每周政治学习日',
  studyDayWeekday: '政治学习日固定星期',
  studyDaySince: '政治学习日执行起始日期',
  ...studyFieldLabels,
};

const list = <T>(json: string): T[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
};

export function rowToInput(r: ActivitiesTable, att: ActivityAttendanceTable[]): ActivityInput {
  return {
    orgId: r.org_id,
    groupId: r.group_id,
    type: r.type,
    heldOn: r.held_on,
    startTime: r.start_time,
    endTime: r.end_time,
    countsFor: r.counts_for,
    place: r.place,
    hostName: r.host_name,
    hostPost: r.host_post,
    recorderName: r.recorder_name,
    recorderPost: r.recorder_post,
    topic: r.topic,
    speaker: r.speaker,
    decisionKind: (DECISION_KINDS as readonly string[]).includes(r.decision_kind) ? (r.decision_kind as DecisionKind) : '一般',
    agenda: list<string>(r.agenda_json),
    content: r.content,
    votes: list<VoteItem>(r.votes_json),
    resolutions: list<string>(r.resolutions_json),
    tasks: list<FollowUpTask>(r.tasks_json),
    guests: list<Guest>(r.guests_json),
    attendance: att
      .slice()
      .sort((a, b) => a.sort_order - b.sort_order)
      .map(attendanceFromRow),
    note: r.note,
    ...studyFromRow(r),
  };
}

export function attendanceFromRow(a: ActivityAttendanceTable): AttendanceEntry {
  return {
    memberId: a.member_id,
    memberName: a.member_name,
    partyStatus: a.party_status === '预备' ? '预备' : '正式',
    status: a.status as AttendanceStatus,
    late: a.late === 1,
    leftEarly: a.left_early === 1,
    reason: a.reason,
    writtenOpinion: a.written_opinion === 1,
  };
}

/** The meeting's name as printed: "支部委员会会议", "党课：题目", "主题党日：主题". */
export function activityTitle(type: string, topic: string | null): string {
  const base = type === '支部委员会' ? '支部委员会会议' : type;
  return topic ? `${base}：${topic}` : base;
}

/**
 * 补记: the record was entered more than `graceDays` days after the meeting
 * ("会后超过 N 天录入视为补记"; the setting activities.lateEntryGraceDays,
 * 7 by default; 0 makes any later day a 补记). The entry day is set by
 * the ledger when the record is created and never edited.
 */
export function isLateEntry(heldOn: string, enteredOn: string, graceDays = 0): boolean {
  if (enteredOn <= heldOn) return false;
  const days = (Date.parse(`${enteredOn}T00:00:00Z`) - Date.parse(`${heldOn}T00:00:00Z`)) / 86_400_000;
  return days > graceDays;
}
