/** 民主评议党员 (migration …_evaluation). Row types as stored; see db/schema.ts. */

export interface EvaluationsTable {
  id: string;
  year: number;
  branch_id: string;
  /** the 民主评议党员 meeting (activities.id) */
  activity_id: string | null;
  held_on: string;
  ballots_issued: number | null;
  ballots_returned: number | null;
  ballots_invalid: number | null;
  ballots_blank: number | null;
  /** JSON: [{ step, done: 0 | 1, note }] */
  steps_json: string | null;
  scheme_version: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface EvaluationRatingsTable {
  id: string;
  evaluation_id: string;
  member_id: string;
  /** 优秀 | 合格 | 基本合格 | 不合格; null for a 预备党员 or a member who took no part */
  grade: string | null;
  took_part: 0 | 1;
  absence_reason: string | null;
  /** JSON: { 优秀: n, 合格: n, 基本合格: n, 不合格: n } */
  votes_json: string | null;
  problems: string | null;
  /** 正式 | 预备 on the meeting day */
  party_status: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface EvaluationTables {
  evaluations: EvaluationsTable;
  evaluation_ratings: EvaluationRatingsTable;
}
