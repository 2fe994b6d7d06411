import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 党员积分 (issue 14 item 4, ../shared/reference/evaluation.md 9.4). The scheme is versioned data in the
// settings (points.schemeVersions); the points earned from the ledger (meetings attended, dues paid on time,
// 学时, tests passed, 民主评议) are not stored: they are read from those areas each time. Stored here: the
// items a branch enters (with evidence as attachments, entity 'points_entries'), each counted only once the
// 支委会 approved it (date and meeting reference), and the members left out of a year's points (借调, …).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('points_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    // the item of the scheme (its key), and its name when entered, so an entry outlives an edit of the scheme
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    // the day of the deed; its points count for that calendar year and month
    .addColumn('on_date', 'text', (c) => c.notNull())
    // whole points, signed: + for a 加分 item, − for a 减分 item
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // the 支委会's approval: null until approved (shown, not counted)
    .addColumn('approved_on', 'text')
    .addColumn('approval_ref', 'text')
    .addColumn('approval_activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('points_entries_date').on('points_entries').columns(['on_date', 'member_id']).execute();

  await db.schema
    .createTable('points_exclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // one of the setting points.exclusionReasons (借调, 外出培训, 长期病假)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('points_exclusions_year').on('points_exclusions').columns(['year', 'member_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('points_exclusions').execute();
  await db.schema.dropTable('points_entries').execute();
}
