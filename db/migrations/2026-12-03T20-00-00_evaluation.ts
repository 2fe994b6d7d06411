import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 民主评议党员 (issue 14 item 1, ../shared/reference/evaluation.md 9.1–9.2, 9.6): one evaluation of a
// branch and year, linked to its 民主评议党员 meeting (个人自评 → 党员互评 → 民主测评), with the ballots
// issued, returned, blank and invalid; then each member's line: the grade (优秀 / 合格 / 基本合格 / 不合格,
// null for a 预备党员 or a member who took no part), the reason for not taking part, the 测评 votes per
// grade and the 存在问题. The member's 正式/预备 status on the meeting day is kept on the line, so that
// the base of the one-third rule does not move when the member later becomes 正式.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org_units.id'))
    // the 民主评议党员 meeting (activities.id); null until it is recorded
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('ballots_issued', 'integer')
    .addColumn('ballots_returned', 'integer')
    .addColumn('ballots_invalid', 'integer')
    // ballots returned with nothing ticked
    .addColumn('ballots_blank', 'integer')
    // JSON: the steps held, [{ step: '个人自评' | '党员互评' | '民主测评', done: 0 | 1, note }]
    .addColumn('steps_json', 'text')
    // the grade scheme's version that judged it (core/evaluation/rules.ts)
    .addColumn('scheme_version', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`CREATE UNIQUE INDEX evaluations_branch_year ON evaluations (branch_id, year) WHERE deleted_at IS NULL`.execute(db);
  await db.schema.createIndex('evaluations_year').on('evaluations').column('year').execute();

  await db.schema
    .createTable('evaluation_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluations.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    // 优秀 | 合格 | 基本合格 | 不合格; null for a 预备党员 or a member who took no part
    .addColumn('grade', 'text')
    .addColumn('took_part', 'integer', (c) => c.notNull())
    .addColumn('absence_reason', 'text')
    // JSON: the 测评 tally, { 优秀: n, 合格: n, 基本合格: n, 不合格: n }
    .addColumn('votes_json', 'text')
    .addColumn('problems', 'text')
    // 正式 | 预备 on the meeting day
    .addColumn('party_status', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluation_ratings_evaluation_member').on('evaluation_ratings').columns(['evaluation_id', 'member_id']).unique().execute();
  await db.schema.createIndex('evaluation_ratings_member').on('evaluation_ratings').column('member_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_ratings').execute();
  await db.schema.dropTable('evaluations').execute();
}
