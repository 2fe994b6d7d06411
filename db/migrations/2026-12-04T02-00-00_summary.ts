import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 党建工作总结 (issue 15 item 3, ../shared/reference/rectification-summary.md 10.3–10.5). A draft is one
// period (from–to) for the 党委 (org_id null) or one branch; its four sections are the clerk's text with the
// figures kept as placeholders {{key}} (JSON array of strings), and the figures as they were when last
// generated or refreshed (JSON: key → { value, text, source }). Every save adds a version (the whole text
// and figures at that moment, numbered per draft); a version is never changed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('summary_drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // JSON array of the four sections' text, figures as {{key}}
    .addColumn('sections', 'text', (c) => c.notNull())
    // JSON object: figure key → { value, text, source }
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('figures_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('summary_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('summary_drafts.id'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    // 生成草稿 | 保存 | 刷新数据
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('summary_versions_draft').on('summary_versions').columns(['draft_id', 'n']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('summary_versions').execute();
  await db.schema.dropTable('summary_drafts').execute();
}
