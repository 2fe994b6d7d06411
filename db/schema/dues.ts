/** 党费: standards, payments, remittances, use and publication (migration …_dues). Row types as stored; see db/schema.ts. */

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
  /** 缴纳方式: 现金 | 转账 | 代缴 | 未记录 (a row from before the two were told apart) */
  method: string;
  /** 缴纳类型: 按月 | 按季 | 补交 | 预交 (common/dues-pay.ts) */
  pay_kind: string;
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

export interface DuesTables {
  dues_assessments: DuesAssessmentsTable;
  dues_payments: DuesPaymentsTable;
  dues_remittances: DuesRemittancesTable;
  dues_expenses: DuesExpensesTable;
  dues_publications: DuesPublicationsTable;
}
