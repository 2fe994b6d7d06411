import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 组织关系转接: one row per letter, going out (转出) or coming in (转入).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('letter_no', 'text', (c) => c.notNull())
    .addColumn('letter_year', 'integer')
    .addColumn('letter_seq', 'integer')
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('member_name', 'text', (c) => c.notNull())
    .addColumn('party_status', 'text', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('from_org', 'text', (c) => c.notNull())
    .addColumn('to_org', 'text', (c) => c.notNull())
    .addColumn('letter_date', 'text', (c) => c.notNull())
    .addColumn('transfer_date', 'text', (c) => c.notNull())
    .addColumn('validity_days', 'integer')
    .addColumn('expires_on', 'text')
    .addColumn('dues_paid_to', 'text')
    .addColumn('dues_source', 'text')
    .addColumn('dues_start_month', 'text')
    .addColumn('receipt_due_on', 'text', (c) => c.notNull())
    .addColumn('receipt_on', 'text')
    .addColumn('receipt_note', 'text')
    .addColumn('in_mode', 'text')
    .addColumn('member_phone', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('transfers_date').on('transfers').columns(['direction', 'transfer_date']).execute();
  await db.schema.createIndex('transfers_member').on('transfers').column('member_id').execute();
  await sql`create unique index transfers_out_letter_no on transfers (letter_no) where direction = '转出' and deleted_at is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
