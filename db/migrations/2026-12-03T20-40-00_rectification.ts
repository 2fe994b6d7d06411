import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 整改台账 and the 制度 registry (issue 15 items 1–2, ../shared/reference/rectification-summary.md 10.1).
// A plan (整改方案, or the year's 党建工作要点) groups items; an item is numbered once per kind and year
// (seq, never reused); its 佐证 are attachments rows with entity 'rect_items' or links to archive items
// (rect_evidence); progress notes are dated rows. An item made by "加入整改" keeps the kind and key of the
// gap it came from (link_kind, link_key). A 制度 is filed as an archive item of binder H (archive_item_id).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rect_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 整改 | 工作要点
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('year', 'integer', (c) => c.notNull())
    // JSON array of the plan's 方面, in order
    .addColumn('aspects', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('rect_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.references('rect_plans.id'))
    // 整改 | 工作要点: the numbering sequence the item belongs to
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('aspect', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('cause', 'text')
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('goal', 'text')
    .addColumn('leader', 'text')
    .addColumn('owner_unit', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    // null: 长期坚持 (no end date)
    .addColumn('due_on', 'text')
    // 未启动 | 整改中 | 待验收 | 已销号 | 长期坚持
    .addColumn('status', 'text', (c) => c.notNull())
    // the day the problem was raised (the item's date in period counts)
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('link_kind', 'text')
    .addColumn('link_key', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('rect_items_seq').on('rect_items').columns(['kind', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('rect_items_plan').on('rect_items').column('plan_id').execute();
  await db.schema.createIndex('rect_items_link').on('rect_items').columns(['link_kind', 'link_key']).execute();

  await db.schema
    .createTable('rect_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('rect_items.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rect_progress_item').on('rect_progress').column('item_id').execute();

  await db.schema
    .createTable('rect_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('rect_items.id'))
    .addColumn('archive_item_id', 'text', (c) => c.notNull().references('archive_items.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rect_evidence_item').on('rect_evidence').columns(['item_id', 'archive_item_id']).unique().execute();

  await db.schema
    .createTable('rules_docs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    // 制度 | 工作要点 | 学习安排 | 方案 | 通知
    .addColumn('category', 'text', (c) => c.notNull())
    // 现行 | 已废止
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('replaced_by', 'text', (c) => c.references('rules_docs.id'))
    .addColumn('repealed_on', 'text')
    .addColumn('archive_item_id', 'text', (c) => c.references('archive_items.id'))
    // a 工作要点 document's plan, whose items are tracked like 整改 items
    .addColumn('plan_id', 'text', (c) => c.references('rect_plans.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('rules_docs_issued').on('rules_docs').column('issued_on').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rules_docs').execute();
  await db.schema.dropTable('rect_evidence').execute();
  await db.schema.dropTable('rect_progress').execute();
  await db.schema.dropTable('rect_items').execute();
  await db.schema.dropTable('rect_plans').execute();
}
