/** 党建工作总结 drafts and their versions (migration …_summary). Row types as stored; see db/schema.ts. */

export interface SummaryDraftsTable {
  id: string;
  /** null: the 党委 */
  org_id: string | null;
  period_from: string;
  period_to: string;
  title: string;
  /** JSON array of the four sections' text, figures as {{key}} */
  sections: string;
  /** JSON: figure key → { value, text, source } */
  figures: string;
  figures_at: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface SummaryVersionsTable {
  id: string;
  draft_id: string;
  n: number;
  sections: string;
  figures: string;
  reason: string;
  created_at: string;
}

export interface SummaryTables {
  summary_drafts: SummaryDraftsTable;
  summary_versions: SummaryVersionsTable;
}
