import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Party dues: annual standards, monthly payments, remittances upward, spending, publications.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dues_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('base_fen', 'integer', (c) => c.notNull())
    .addColumn('rate_bp', 'integer')
    .addColumn('monthly_due_fen', 'integer', (c) => c.notNull())
    .addColumn('cap_applied', 'integer', (c) => c.notNull())
    .addColumn('rounding', 'text', (c) => c.notNull())
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('hardship_ref', 'text')
    .addColumn('reason', 'text')
    .addColumn('fixed_on', 'text', (c) => c.notNull())
    .addColumn('fixed_by', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`create unique index dues_assessments_member_from on dues_assessments (member_id, from_month) where deleted_at is null`.execute(db);
  await db.schema.createIndex('dues_assessments_year').on('dues_assessments').columns(['year', 'member_id']).execute();

  await db.schema
    .createTable('dues_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('due_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('payer_name', 'text')
    .addColumn('receipt_no', 'text')
    .addColumn('collector', 'text')
    .addColumn('reason', 'text')
    .addColumn('consent_ref', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await sql`create unique index dues_payments_member_month on dues_payments (member_id, month) where deleted_at is null`.execute(db);
  await db.schema.createIndex('dues_payments_branch_month').on('dues_payments').columns(['branch_id', 'month']).execute();
  await db.schema.createIndex('dues_payments_month').on('dues_payments').columns(['month', 'member_id']).execute();

  await db.schema
    .createTable('dues_remittances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('from_org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('to_name', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('remitted_on', 'text', (c) => c.notNull())
    .addColumn('voucher_no', 'text')
    .addColumn('ratio_bp', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('dues_remittances_org_period').on('dues_remittances').columns(['from_org_id', 'period_from']).execute();

  await db.schema
    .createTable('dues_expenses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('voucher_no', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('dues_expenses_spent_on').on('dues_expenses').column('spent_on').execute();

  await db.schema
    .createTable('dues_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('medium', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
