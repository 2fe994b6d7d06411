import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 评星定级 (issue 14 item 3, ../shared/reference/star-rating.md): the scheme itself is versioned data in
// the settings ('stars.schemeVersions'); these tables hold what the clerk enters per branch and year.
// star_entries: a hand-scored indicator (points with the evidence; its files are attachments rows with
// entity 'star_entries'), a deduction (times) or a one-vote veto, by the scheme item's key.
// star_reviews: the workflow of a branch-year (自评 → 党委考评 → 审核 → 公示 → 命名) with its dates,
// and the stars and score frozen at 命名. Points are integer tenths (85.5 → 855).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('star_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org_units.id'))
    // indicator | deduction | veto
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('times', 'integer', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('star_entries_year').on('star_entries').columns(['year', 'branch_id']).execute();

  await db.schema
    .createTable('star_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('self_on', 'text')
    .addColumn('self_score', 'integer')
    .addColumn('committee_on', 'text')
    .addColumn('audit_on', 'text')
    .addColumn('publicity_from', 'text')
    .addColumn('publicity_days', 'integer')
    .addColumn('named_on', 'text')
    .addColumn('named_stars', 'integer')
    .addColumn('named_score', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('star_reviews_branch_year').unique().on('star_reviews').columns(['year', 'branch_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('star_reviews').execute();
  await db.schema.dropTable('star_entries').execute();
}
