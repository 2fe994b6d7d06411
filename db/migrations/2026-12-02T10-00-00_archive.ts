import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// The archive (issue 12, ../shared/reference/archives.md): the unit's category scheme
// (default: the eleven 迎检 binders A 组织建设 … K 党务公开及其他 of inspection-binders.md,
// seeded by core/archive from common/archive-categories.ts, never here) and the archive
// items (件) of every year. An item's files are rows of the generic `attachments` table
// with entity = 'archive_items' (stored by content hash). Items are never deleted:
// voided_at + void_reason keep a voided item and its number.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('archive_categories')
    // A … K by default; the unit may add its own
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // 永久 | 30年 | 10年: the default for new items of the category
    .addColumn('default_retention', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    // a retired category keeps its items; new items cannot use it
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('archive_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull().references('archive_categories.code'))
    // the 党委 or a branch (org_units.id)
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // 责任者, 文号
    .addColumn('author', 'text')
    .addColumn('doc_no', 'text')
    // ISO date of the document
    .addColumn('doc_date', 'text')
    // 页数: null = not known yet (filled by hand or from a rendered PDF)
    .addColumn('pages', 'integer')
    // 密级: 无 | 秘密 | 机密 | 绝密
    .addColumn('secrecy', 'text', (c) => c.notNull().defaultTo('无'))
    // 永久 | 30年 | 10年
    .addColumn('retention', 'text', (c) => c.notNull())
    // 件号: a running number per (year, retention, category_code) from 1, never reused
    .addColumn('item_no', 'integer', (c) => c.notNull())
    // where it came from: 'document' (a generated document frozen by 归档), 'attachment'
    // (a meeting's 签到表/照片/讲稿 …) or 'upload' (filed by hand)
    .addColumn('source_kind', 'text', (c) => c.notNull())
    // for 'document': the document key with its parameters (e.g. record-book:<orgId>:2026);
    // for 'attachment': attachments.id; null for uploads
    .addColumn('source_ref', 'text')
    // the ledger record it proves or came from (e.g. 'activities'), and its id
    .addColumn('record_entity', 'text')
    .addColumn('record_id', 'text')
    // re-filing a generated document that changed makes version + 1; the old item stays
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // 备注 (缺损, 修改, 补充 …)
    .addColumn('note', 'text')
    // searchable text of the item's files (document text, Word text, OCR of scans)
    .addColumn('content_text', 'text')
    // none | pending | done | failed (OCR or text extraction of the files)
    .addColumn('text_status', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('archive_items_number')
    .on('archive_items')
    .columns(['year', 'retention', 'category_code', 'item_no'])
    .unique()
    .execute();
  await db.schema.createIndex('archive_items_year_org').on('archive_items').columns(['year', 'org_id']).execute();
  await db.schema.createIndex('archive_items_source').on('archive_items').columns(['source_kind', 'source_ref']).execute();
  await db.schema.createIndex('archive_items_record').on('archive_items').columns(['record_entity', 'record_id']).execute();
  await sql`select 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
