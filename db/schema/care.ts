/** 走访慰问 and 不合格党员处置 (migration …_care). Row types as stored; see db/schema.ts. Money in 分. */

export interface CareVisitsTable {
  id: string;
  visit_on: string;
  /** 党员 | 党员家属 | 其他 */
  person_kind: string;
  member_id: string | null;
  person_name: string;
  relation: string | null;
  reason: string;
  circumstances: string | null;
  visitors: string;
  amount_fen: number;
  goods: string | null;
  /** 上级下拨党费 | 本级党费 | 工会 | 行政 */
  fund_source: string;
  approval: string | null;
  /** dues_expenses.id of a visit paid from 党费 */
  expense_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface DisposalCasesTable {
  id: string;
  member_id: string;
  /** 民主评议不合格 | 情形 */
  trigger_kind: string;
  rating_id: string | null;
  situation: string;
  opinion_on: string;
  filed_on: string;
  filed_to: string;
  /** 限期改正 | 劝其退党 | 除名 */
  measure: string | null;
  decided_on: string | null;
  approved_on: string | null;
  period_months: number | null;
  deadline: string | null;
  /** 已改正 | 劝其退党 | 除名 | 撤销处置 */
  result: string | null;
  result_on: string | null;
  result_note: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface DisposalStepsTable {
  id: string;
  case_id: string;
  step: string;
  done_on: string;
  document: string | null;
  note: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface CareTables {
  care_visits: CareVisitsTable;
  disposal_cases: DisposalCasesTable;
  disposal_steps: DisposalStepsTable;
}
