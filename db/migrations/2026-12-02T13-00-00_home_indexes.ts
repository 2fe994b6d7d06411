import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// The home page (issue 11 benchmark): covering indexes so that one month's payments and one year's dues
// standards are read from the index alone, without a seek into the table for every member; and the roster's head
// counts (members on the roster by branch, 党小组, status and category) from one small index.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index dues_payments_month_paid on dues_payments (month, member_id, paid_fen) where deleted_at is null`.execute(db);
  await sql`create index members_on_roster on members (branch_id, group_id, party_status, category) where deleted_at is null and left_type is null`.execute(db);
  await sql`create index dues_assessments_year_due on dues_assessments (year, member_id, from_month, monthly_due_fen) where deleted_at is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
