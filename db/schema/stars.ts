/** 评星定级 (migration …_stars). Row types as stored; see db/schema.ts. Points in tenths of a point. */

export interface StarEntriesTable {
  id: string;
  year: number;
  branch_id: string;
  /** indicator | deduction | veto */
  kind: string;
  /** the scheme item's key */
  item_key: string;
  /** indicator: the points given, tenths; deduction and veto: 0 */
  points: number;
  /** deduction: how many times; indicator and veto: 1 */
  times: number;
  evidence: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface StarReviewsTable {
  id: string;
  year: number;
  branch_id: string;
  self_on: string | null;
  /** the branch's own 自评 score, tenths */
  self_score: number | null;
  committee_on: string | null;
  audit_on: string | null;
  publicity_from: string | null;
  publicity_days: number | null;
  named_on: string | null;
  /** frozen at 命名: the stars and the score (tenths) named */
  named_stars: number | null;
  named_score: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface StarsTables {
  star_entries: StarEntriesTable;
  star_reviews: StarReviewsTable;
}
