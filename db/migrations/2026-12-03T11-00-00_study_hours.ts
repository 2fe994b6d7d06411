import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 学时 (issue 13 item 3, ../shared/reference/study.md 8.1): the training records the clerk enters
// (集中培训 / 网络培训, with the 学时 the certificate states; the certificate itself is an attachments
// row with entity 'study_trainings') and the online-study records imported from a workbook (one import,
// its rows matched to members). The hours of meetings are not stored: they are read from the activities
// and their attendance each time. Hours are integer tenths of a 学时 (31.5 → 315), never binary fractions.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('study_trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    // 集中培训 | 网络培训
    .addColumn('kind', 'text', (c) => c.notNull())
    // the day the training started; its hours count for that calendar year
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text')
    // tenths of a 学时: 80 = 8 学时
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organizer', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('study_trainings_member').on('study_trainings').columns(['member_id', 'start_on']).execute();

  await db.schema
    .createTable('study_online_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // the calendar year the imported hours count for
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('imported_on', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('study_online_hours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('study_online_imports.id'))
    // the row of the imported sheet
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // tenths of a 学时
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('study_online_hours_import').on('study_online_hours').column('import_id').execute();
  await db.schema.createIndex('study_online_hours_member').on('study_online_hours').column('member_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('study_online_hours').execute();
  await db.schema.dropTable('study_online_imports').execute();
  await db.schema.dropTable('study_trainings').execute();
}
