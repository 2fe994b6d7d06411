import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 理论学习中心组 and 第一议题 (issue 13 items 1–2, ../shared/reference/study.md 8.2–8.3):
// the 中心组's year (its named members beyond the 党委 members, and the annual 学习安排 of
// numbered key topics), and on every activity record the 第一议题 (what was studied
// first: the speech or instruction, its date and source, and how) plus, for a 中心组学习,
// its form (集中学习 / 专题研讨), the plan topic it covers and its speakers.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('study_plan_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    // the topic's number in the plan (1, 2, …); the clerk reorders by rewriting it
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // planned month 1–12
    .addColumn('month', 'integer', (c) => c.notNull())
    // 集中学习 | 专题研讨 | 专题党课 | 个人自学
    .addColumn('form', 'text', (c) => c.notNull())
    // 领学人 / 牵头领导
    .addColumn('lead', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('study_plan_topics_year').on('study_plan_topics').columns(['year', 'seq']).execute();

  // members of the 中心组 beyond the 党委 members of the day (who come from org_roles)
  await db.schema
    .createTable('study_group_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // 职务 as printed (e.g. 副局长, 政治处主任)
    .addColumn('post', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  // 集中学习 | 专题研讨 (a 中心组学习 only; null elsewhere, and read as 集中学习 on a 中心组学习)
  await db.schema.alterTable('activities').addColumn('study_form', 'text').execute();
  await db.schema.alterTable('activities').addColumn('plan_topic_id', 'text').execute();
  // JSON [{ name, subject }]: who spoke (发言) and on what; their 发言提纲 are attachments of the record
  await db.schema.alterTable('activities').addColumn('speakers_json', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  // 第一议题: the speech or instruction studied first, its date, where it was published, and how it was studied
  await db.schema.alterTable('activities').addColumn('first_topic_title', 'text').execute();
  await db.schema.alterTable('activities').addColumn('first_topic_on', 'text').execute();
  await db.schema.alterTable('activities').addColumn('first_topic_source', 'text').execute();
  await db.schema.alterTable('activities').addColumn('first_topic_how', 'text').execute();
  await sql`CREATE INDEX activities_plan_topic ON activities (plan_topic_id) WHERE plan_topic_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS activities_plan_topic`.execute(db);
  for (const c of ['first_topic_how', 'first_topic_source', 'first_topic_on', 'first_topic_title', 'speakers_json', 'plan_topic_id', 'study_form'])
    await db.schema.alterTable('activities').dropColumn(c).execute();
  await db.schema.dropTable('study_group_members').execute();
  await db.schema.dropTable('study_plan_topics').execute();
}
