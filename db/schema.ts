/**
 * Row types exactly as stored in SQLite. Booleans are 0 | 1, money is integer 分
 * in `*_fen` columns, dates are ISO text. Domain types live in core/.
 * Each area adds its own tables here next to its migration.
 */

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface OrgUnitsTable {
  id: string;
  parent_id: string | null;
  /** 党委 | 党总支 | 党支部 | 党小组 */
  kind: string;
  name: string;
  short_name: string | null;
  established_on: string | null;
  term_years: number | null;
  term_start_on: string | null;
  sort_order: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface OrgRolesTable {
  id: string;
  org_id: string;
  member_id: string | null;
  person_name: string;
  /** 书记 | 副书记 | 组织委员 | 宣传委员 | 纪检委员 | 委员 | 组长 */
  role: string;
  start_on: string | null;
  end_on: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface MembersTable {
  id: string;
  name: string;
  gender: string;
  ethnicity: string;
  birth_date: string;
  id_number: string;
  native_place: string | null;
  education: string | null;
  work_start_date: string | null;
  join_date: string;
  full_date: string | null;
  /** 预备 | 正式 */
  party_status: string;
  /** 在职 | 离退休 | … */
  category: string;
  work_unit: string | null;
  police_type: string | null;
  position: string | null;
  police_rank: string | null;
  phone: string | null;
  branch_id: string;
  group_id: string | null;
  note: string | null;
  /** 转出 | 去世 | 出党 | 停止党籍, null while on the roster */
  left_type: string | null;
  left_date: string | null;
  left_reason: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  /** insertion order, 1, 2, 3, … (core/audit/chain.ts) */
  seq: number;
  /** `hash` of the row before (64 zeros for the first) */
  prev_hash: string;
  /** SHA-256 of this row's canonical serialization, prev_hash included */
  hash: string;
}

/** The last link of the audit chain (one row, id 1), so that removing the newest rows is detected. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface TransfersTable {
  id: string;
  /** 转出 | 转入 */
  direction: string;
  /** 介绍信编号: issued by us when going out, copied from the incoming letter when coming in */
  letter_no: string;
  letter_year: number | null;
  letter_seq: number | null;
  member_id: string;
  member_name: string;
  /** 正式 | 预备, as on the letter */
  party_status: string;
  /** our branch: the one left (转出) or joined (转入) */
  branch_id: string;
  from_org: string;
  to_org: string;
  letter_date: string;
  /** 转出: the date the member leaves the roster; 转入: the date the member reported */
  transfer_date: string;
  validity_days: number | null;
  expires_on: string | null;
  /** YYYY-MM, 党费已交到 */
  dues_paid_to: string | null;
  /** 'ledger' | 'clerk' */
  dues_source: string | null;
  /** 转入: YYYY-MM from which the member pays dues here */
  dues_start_month: string | null;
  /** 转出: receipt expected by; 转入: our receipt due to be sent by */
  receipt_due_on: string;
  /** 转出: receipt received on; 转入: receipt sent on */
  receipt_on: string | null;
  receipt_note: string | null;
  /** 转入: 'new' | 'rejoin' */
  in_mode: string | null;
  member_phone: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** 党费 annual standard of one member (a mid-year change adds a row with a later from_month). */
export interface DuesAssessmentsTable {
  id: string;
  year: number;
  member_id: string;
  /** 在职 | 离退休 | 学生 | 下岗失业 | 低保 | 农民 | 困难减免 */
  category: string;
  /** pay items in 分 keyed by item name, as entered */
  items_json: string;
  base_fen: number;
  /** basis points (150 = 1.5%); null for fixed amounts */
  rate_bp: number | null;
  monthly_due_fen: number;
  cap_applied: 0 | 1;
  /** fen | jiao */
  rounding: string;
  /** YYYY-MM the standard applies from (YYYY-01 unless changed mid-year) */
  from_month: string;
  hardship_ref: string | null;
  reason: string | null;
  fixed_on: string;
  fixed_by: string;
  approved_on: string | null;
  approved_by: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One member's dues for one month. */
export interface DuesPaymentsTable {
  id: string;
  member_id: string;
  /** branch holding the member when paid */
  branch_id: string;
  month: string;
  due_fen: number;
  paid_fen: number;
  paid_on: string;
  /** 现金 | 转账 | 代缴 | 按季 | 补交 | 预交 */
  method: string;
  payer_name: string | null;
  receipt_no: string | null;
  collector: string | null;
  /** why paid_fen differs from due_fen */
  reason: string | null;
  /** branch consent for 补交/预交 beyond the limit */
  consent_ref: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Money sent upward: 支部 → 党委, 党委 → upper body. */
export interface DuesRemittancesTable {
  id: string;
  /** 支部 | 党委 */
  level: string;
  from_org_id: string;
  to_name: string;
  period_from: string;
  period_to: string;
  amount_fen: number;
  remitted_on: string;
  voucher_no: string | null;
  ratio_bp: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Use of dues kept by the committee (2008 第十七–二十一条). */
export interface DuesExpensesTable {
  id: string;
  spent_on: string;
  purpose: string;
  amount_fen: number;
  decided_by: string | null;
  voucher_no: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The yearly publication of dues collection and use to members. */
export interface DuesPublicationsTable {
  id: string;
  year: number;
  published_on: string;
  medium: string;
  note: string | null;
  created_at: string;
  deleted_at: string | null;
}

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

/** 发展档案: one person on the way to membership (申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员). */
export interface DevelopmentFilesTable {
  id: string;
  name: string;
  gender: string;
  ethnicity: string;
  birth_date: string;
  id_number: string;
  native_place: string | null;
  education: string | null;
  category: string;
  work_unit: string | null;
  position: string | null;
  phone: string | null;
  branch_id: string;
  member_id: string | null;
  extension_months: number | null;
  extension_decided_on: string | null;
  /** 撤回申请 | 不再培养 | 未被接收 | 未被批准 | 取消预备党员资格 | 其他; null while in the file */
  left_type: string | null;
  left_date: string | null;
  left_reason: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One of the 25 steps, once it has happened. */
export interface DevelopmentStepsTable {
  id: string;
  file_id: string;
  step: number;
  date: string;
  actor: string | null;
  outcome: string | null;
  documents_json: string;
  details_json: string;
  note: string | null;
  entered_on: string;
  created_at: string;
  updated_at: string;
}

export interface DB {
  settings: SettingsTable;
  org_units: OrgUnitsTable;
  org_roles: OrgRolesTable;
  members: MembersTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  activities: ActivitiesTable;
  activity_attendance: ActivityAttendanceTable;
  attachments: AttachmentsTable;
  dues_assessments: DuesAssessmentsTable;
  dues_payments: DuesPaymentsTable;
  dues_remittances: DuesRemittancesTable;
  dues_expenses: DuesExpensesTable;
  dues_publications: DuesPublicationsTable;
  transfers: TransfersTable;
  development_files: DevelopmentFilesTable;
  development_steps: DevelopmentStepsTable;
}
