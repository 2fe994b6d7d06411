/** 整改台账 and the 制度 registry (migration …_rectification). Row types as stored; see db/schema.ts. */

export interface RectPlansTable {
  id: string;
  /** 整改 | 工作要点 */
  kind: string;
  name: string;
  doc_no: string | null;
  year: number;
  /** JSON array of 方面 */
  aspects: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RectItemsTable {
  id: string;
  plan_id: string | null;
  kind: string;
  year: number;
  seq: number;
  source: string;
  aspect: string | null;
  title: string;
  cause: string | null;
  measure: string;
  goal: string | null;
  leader: string | null;
  owner_unit: string;
  owner: string;
  due_on: string | null;
  status: string;
  raised_on: string;
  closed_on: string | null;
  accepted_by: string | null;
  link_kind: string | null;
  link_key: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RectProgressTable {
  id: string;
  item_id: string;
  on_date: string;
  text: string;
  created_at: string;
}

export interface RectEvidenceTable {
  id: string;
  item_id: string;
  archive_item_id: string;
  created_at: string;
}

export interface RulesDocsTable {
  id: string;
  name: string;
  doc_no: string | null;
  issuer: string;
  issued_on: string;
  category: string;
  status: string;
  replaced_by: string | null;
  repealed_on: string | null;
  archive_item_id: string | null;
  plan_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RectificationTables {
  rect_plans: RectPlansTable;
  rect_items: RectItemsTable;
  rect_progress: RectProgressTable;
  rect_evidence: RectEvidenceTable;
  rules_docs: RulesDocsTable;
}
