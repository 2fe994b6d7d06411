import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Indexes for the 统计分析 figures (core/stats), which count in SQL:
// - a member's payments of a year with their amounts, read from the index alone
//   (党费收缴率: one seek per member instead of every payment row of the year);
// - a meeting's attendance lines by status, counted from the index alone
//   (出席率: 应到 and 实到 of each meeting without reading the lines).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists dues_payments_member_paid on dues_payments (member_id, deleted_at, month, paid_fen)`.execute(db);
  await sql`create index if not exists activity_attendance_activity_status on activity_attendance (activity_id, status)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
