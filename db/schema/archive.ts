/** The archive (migration …_archive, issue 12). Row types as stored; see db/schema.ts. */

/** The unit's category scheme (default A 组织建设 … K 党务公开及其他). */
export interface ArchiveCategoriesTable {
  code: string;
  name: string;
  /** 永久 | 30年 | 10年 */
  default_retention: string;
  sort_order: number;
  note: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One archive item (件) of a year; its files are `attachments` rows with entity 'archive_items'. */
export interface ArchiveItemsTable {
  id: string;
  year: number;
  category_code: string;
  org_id: string;
  title: string;
  author: string | null;
  doc_no: string | null;
  doc_date: string | null;
  pages: number | null;
  /** 无 | 秘密 | 机密 | 绝密 */
  secrecy: string;
  /** 永久 | 30年 | 10年 */
  retention: string;
  /** 件号, per (year, retention, category_code) from 1 */
  item_no: number;
  /** document | attachment | upload */
  source_kind: string;
  source_ref: string | null;
  record_entity: string | null;
  record_id: string | null;
  version: number;
  note: string | null;
  content_text: string | null;
  /** none | pending | done | failed */
  text_status: string;
  voided_at: string | null;
  void_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArchiveTables {
  archive_categories: ArchiveCategoriesTable;
  archive_items: ArchiveItemsTable;
}
