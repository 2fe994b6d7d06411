import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Indexes for a year's 党员积分 and 学时 of the whole roster (core/points, core/hours), read from the index alone:
// - a meeting's attendance lines by status with the member (who attended what: one scan of the year's lines,
//   no row lookups); it replaces activity_attendance_activity_status, whose columns are its prefix;
// - the payments of a month with what was due, what was paid and when (按时足额 months per member, no row
//   lookups); it replaces dues_payments_month_paid, whose columns are its prefix.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index activity_attendance_activity_status_member on activity_attendance (activity_id, status, member_id)`.execute(db);
  await sql`drop index if exists activity_attendance_activity_status`.execute(db);
  await sql`create index dues_payments_month_paid_on on dues_payments (month, member_id, paid_fen, due_fen, paid_on) where deleted_at is null`.execute(db);
  await sql`drop index if exists dues_payments_month_paid`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
