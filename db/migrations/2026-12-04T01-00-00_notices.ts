import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 党建工作提醒 (issue 15 item 4, ../shared/reference/rectification-summary.md 10.6): the year's 主题党日工作安排
// (one row per month: theme, suggested content, optional 文号 and issue date), the monthly notices issued
// (month, 文号 from the unit's sequence, issue date, file name and SHA-256 of the .docx), and the next number of
// each year's sequence (consumed on issue, never on preview; the clerk may move it on when other documents took numbers).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('theme_day_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('doc_no', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('theme_day_plans_month').on('theme_day_plans').columns(['year', 'month']).unique().execute();

  await db.schema
    .createTable('monthly_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // YYYY-MM the notice is for
    .addColumn('month', 'text', (c) => c.notNull())
    // the sequence's year (the year of issue) and number
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monthly_notices_seq').on('monthly_notices').columns(['year', 'seq']).unique().execute();
  await db.schema.createIndex('monthly_notices_issued').on('monthly_notices').column('issued_on').execute();

  await db.schema
    .createTable('notice_numbers')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('next_no', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_numbers').execute();
  await db.schema.dropTable('monthly_notices').execute();
  await db.schema.dropTable('theme_day_plans').execute();
}
