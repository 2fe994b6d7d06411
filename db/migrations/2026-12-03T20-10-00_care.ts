import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 走访慰问 and 不合格党员处置 (issue 14 items 5 and 2, ../shared/reference/evaluation.md 9.3, 9.5).
// A visit paid from 党费 (上级下拨党费 / 本级党费) is also a dues_expenses row, written by the
// dues service in the same transaction; the visit keeps its id (expense_id).
// A 处置 case records the trigger, the 支委会 opinion and the 事前备案 dates, the measure, the
// 限期改正 deadline and the result; its steps are rows of disposal_steps. Nothing here changes a
// member's status: the roster's 离开花名册 is the members service's, offered to the clerk.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('care_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('visit_on', 'text', (c) => c.notNull())
    // 党员 | 党员家属 | 其他
    .addColumn('person_kind', 'text', (c) => c.notNull())
    // the member visited, or the member whose family was visited; null for a named other
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    // the person visited as written (the member's name for a member)
    .addColumn('person_name', 'text', (c) => c.notNull())
    // a family member's relation to the member (配偶, 父亲, …)
    .addColumn('relation', 'text')
    // 生活困难 | 老党员 | 因病 | 因灾 | 节日慰问（七一） | 节日慰问（春节） | 因公牺牲家属
    .addColumn('reason', 'text', (c) => c.notNull())
    // 困难情况
    .addColumn('circumstances', 'text')
    .addColumn('visitors', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('goods', 'text')
    // 上级下拨党费 | 本级党费 | 工会 | 行政
    .addColumn('fund_source', 'text', (c) => c.notNull())
    // 审批: the 会议纪要 reference
    .addColumn('approval', 'text')
    // the 党费使用 record of a visit paid from 党费 (dues_expenses.id)
    .addColumn('expense_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('care_visits_date').on('care_visits').column('visit_on').execute();
  await db.schema.createIndex('care_visits_expense').on('care_visits').column('expense_id').execute();

  await db.schema
    .createTable('disposal_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    // 民主评议不合格 | 情形
    .addColumn('trigger_kind', 'text', (c) => c.notNull())
    // the 不合格 rating (evaluation_ratings.id) when the trigger is a rating
    .addColumn('rating_id', 'text')
    // the situation (one of the reference's, or as written) and what was found
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('opinion_on', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('filed_to', 'text', (c) => c.notNull())
    // 限期改正 | 劝其退党 | 除名; null until decided
    .addColumn('measure', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('approved_on', 'text')
    // 限期改正: the period in months and its end
    .addColumn('period_months', 'integer')
    .addColumn('deadline', 'text')
    // 已改正 | 劝其退党 | 除名 | 撤销处置; null while open
    .addColumn('result', 'text')
    .addColumn('result_on', 'text')
    .addColumn('result_note', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('disposal_cases_member').on('disposal_cases').column('member_id').execute();

  await db.schema
    .createTable('disposal_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('disposal_cases.id'))
    // 调查核实 | 组织谈话 | 上级预审 | 支部大会 | 党委审批 | 其他
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    // the document (文号 or title); the file itself is an attachment of the step
    .addColumn('document', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('disposal_steps_case').on('disposal_steps').column('case_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disposal_steps').execute();
  await db.schema.dropTable('disposal_cases').execute();
  await db.schema.dropTable('care_visits').execute();
}
