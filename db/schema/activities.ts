/** Organizational life and the attachments of any record (migration …_activities). Row types as stored; see db/schema.ts. */

/** One organizational-life activity (三会一课, 主题党日, 组织生活会 …) of a branch or of the 党委. */
export interface ActivitiesTable {
  id: string;
  org_id: string;
  group_id: string | null;
  type: string;
  held_on: string;
  start_time: string | null;
  end_time: string | null;
  /** YYYY-MM the meeting counts for when held after that month (补开); null = month of held_on */
  counts_for: string | null;
  place: string | null;
  host_name: string | null;
  host_post: string | null;
  recorder_name: string | null;
  recorder_post: string | null;
  topic: string | null;
  speaker: string | null;
  /** 一般 | 发展党员 | 选举 */
  decision_kind: string;
  agenda_json: string;
  content: string | null;
  votes_json: string;
  resolutions_json: string;
  tasks_json: string;
  guests_json: string;
  /** the day the record was written; later than held_on = 补记 */
  entered_on: string;
  note: string | null;
  /** 集中学习 | 专题研讨 (a 中心组学习; migration …_study) */
  study_form: string | null;
  /** study_plan_topics.id the meeting covers */
  plan_topic_id: string | null;
  /** JSON [{ name, subject }] */
  speakers_json: string;
  /** 第一议题: what was studied first, its date, source and how */
  first_topic_title: string | null;
  first_topic_on: string | null;
  first_topic_source: string | null;
  first_topic_how: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ActivityAttendanceTable {
  id: string;
  activity_id: string;
  member_id: string | null;
  member_name: string;
  /** 正式 | 预备, as at the meeting */
  party_status: string;
  /** 出席 | 请假 | 公出 | 病假 | 缺席 */
  status: string;
  late: 0 | 1;
  left_early: 0 | 1;
  reason: string | null;
  written_opinion: 0 | 1;
  sort_order: number;
}

/** A file attached to any record (entity = owner table), stored once by content hash. */
export interface AttachmentsTable {
  id: string;
  entity: string;
  entity_id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  kind: string | null;
  note: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface ActivitiesTables {
  activities: ActivitiesTable;
  activity_attendance: ActivityAttendanceTable;
  attachments: AttachmentsTable;
}
