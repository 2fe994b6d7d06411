/** 政治理论测试 (migration …_tests). Row types as stored; see db/schema.ts. Scores and marks in tenths of a point. */

export interface PoliticalTestsTable {
  id: string;
  name: string;
  test_date: string;
  /** 全员普测 | 集中抽测 | 补考 */
  kind: string;
  pass_mark: number;
  full_mark: number;
  draw_id: string | null;
  source_file: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface PoliticalTestResultsTable {
  id: string;
  test_id: string;
  row_no: number;
  /** null: a non-member participant */
  member_id: string | null;
  name: string;
  department: string | null;
  branch_id: string | null;
  police_no: string | null;
  phone: string | null;
  id_number: string | null;
  score: number;
  first_result_id: string | null;
  created_at: string;
}

export interface PoliticalTestDrawsTable {
  id: string;
  name: string;
  drawn_on: string;
  seed: string;
  count: number;
  from_test_id: string | null;
  scope_json: string;
  pool_size: number;
  picked_json: string;
  created_at: string;
  deleted_at: string | null;
}

export interface TestsTables {
  political_tests: PoliticalTestsTable;
  political_test_results: PoliticalTestResultsTable;
  political_test_draws: PoliticalTestDrawsTable;
}
