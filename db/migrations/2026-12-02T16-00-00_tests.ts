import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 政治理论测试 (issue 13 item 5, ../shared/reference/study.md 8.4–8.6): a test (全员普测 /
// 集中抽测 / 补考) with its pass and full marks, the participants' scores imported from a
// quiz tool's workbook (a member of the roster, or a named non-member with their 部门),
// and the 抽测 draws with the seed that lets the same draw be shown again.
// Scores and marks are integer tenths of a point (97.5 → 975), never binary fractions.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('political_tests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('test_date', 'text', (c) => c.notNull())
    // 全员普测 | 集中抽测 | 补考
    .addColumn('kind', 'text', (c) => c.notNull())
    // tenths of a point: 600 = 60 分
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('full_mark', 'integer', (c) => c.notNull())
    // a 集中抽测 taken by the people of a recorded draw (political_test_draws.id)
    .addColumn('draw_id', 'text')
    // the workbook the scores came from
    .addColumn('source_file', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('political_tests_date').on('political_tests').column('test_date').execute();

  await db.schema
    .createTable('political_test_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('test_id', 'text', (c) => c.notNull().references('political_tests.id'))
    // the row of the imported sheet
    .addColumn('row_no', 'integer', (c) => c.notNull())
    // null: a participant who is not a Party member (kept apart from the roster)
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // 部门 as the file gives it (or the member's 工作单位)
    .addColumn('department', 'text')
    // the member's branch on the test day (null for a non-member)
    .addColumn('branch_id', 'text')
    .addColumn('police_no', 'text')
    .addColumn('phone', 'text')
    .addColumn('id_number', 'text')
    // tenths of a point
    .addColumn('score', 'integer', (c) => c.notNull())
    // 补考: the failed result of the earlier attempt it makes up for
    .addColumn('first_result_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('political_test_results_test').on('political_test_results').column('test_id').execute();
  await db.schema.createIndex('political_test_results_member').on('political_test_results').column('member_id').execute();

  await db.schema
    .createTable('political_test_draws')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('drawn_on', 'text', (c) => c.notNull())
    // the seed as the clerk gave it or as drawn; with the same pool it gives the same names
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    // drawn from the participants of this test, or (null) from the roster of the chosen branches
    .addColumn('from_test_id', 'text')
    // JSON: the chosen 党支部 / 部门 names ([] = all)
    .addColumn('scope_json', 'text', (c) => c.notNull())
    .addColumn('pool_size', 'integer', (c) => c.notNull())
    // JSON: the drawn people in the order drawn
    .addColumn('picked_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('political_test_draws').execute();
  await db.schema.dropTable('political_test_results').execute();
  await db.schema.dropTable('political_tests').execute();
}
