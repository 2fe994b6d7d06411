/** 迎检清单 (migration …_inspection, issue 12). Row types as stored; see db/schema.ts. */

/** The unit's checklist row: an edit of a default item (default_key) or an item of its own. */
export interface InspectionItemsTable {
  id: string;
  default_key: string | null;
  /** A … K */
  binder: string;
  title: string;
  /** 党委 | 党支部 | 党小组 */
  scope: string;
  /** 年 | 季 | 月 | 每次会议 | 每人 */
  cadence: string;
  proof_json: string;
  enabled: 0 | 1;
  sort_order: number;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InspectTables {
  inspection_items: InspectionItemsTable;
}
