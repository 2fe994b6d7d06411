import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Organizational life (三会一课 and the rest): activity records, attendance,
// and the generic attachments table (any entity, files stored by content hash).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // the branch, or the 党委 itself (中心组学习, 民主生活会)
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    // a 党小组 of that branch, for 党小组会
    .addColumn('group_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    // YYYY-MM: the month the meeting counts for when held after it (补开); null = the month of held_on
    .addColumn('counts_for', 'text')
    .addColumn('place', 'text')
    .addColumn('host_name', 'text')
    .addColumn('host_post', 'text')
    .addColumn('recorder_name', 'text')
    .addColumn('recorder_post', 'text')
    // 党课: title; 主题党日: theme; others: the meeting's own name
    .addColumn('topic', 'text')
    .addColumn('speaker', 'text')
    // 一般 | 发展党员 | 选举: which quorum and passing rule a 党员大会 follows
    .addColumn('decision_kind', 'text', (c) => c.notNull().defaultTo('一般'))
    .addColumn('agenda_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('content', 'text')
    .addColumn('votes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('resolutions_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tasks_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('guests_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // the day the record was written; later than held_on = 补记
    .addColumn('entered_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('activities_org_held').on('activities').columns(['org_id', 'held_on']).execute();
  await db.schema.createIndex('activities_held').on('activities').columns(['held_on', 'type']).execute();

  await db.schema
    .createTable('activity_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    // as at the meeting: the name and 正式 | 预备
    .addColumn('member_name', 'text', (c) => c.notNull())
    .addColumn('party_status', 'text', (c) => c.notNull())
    // 出席 | 请假 | 公出 | 病假 | 缺席
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('left_early', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reason', 'text')
    // an absent voting member who sent a written opinion: counts in votes, not in attendance
    .addColumn('written_opinion', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('activity_attendance_activity').on('activity_attendance').column('activity_id').execute();
  await db.schema.createIndex('activity_attendance_member').on('activity_attendance').column('member_id').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // table name of the owner (e.g. 'activities') and its id
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // hex SHA-256 of the bytes; the file lives at attachments/<sha[0..2]>/<sha>
    .addColumn('sha256', 'text', (c) => c.notNull())
    // 签到表 | 照片 | 讲稿 | 发言提纲 | 其他 …
    .addColumn('kind', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('attachments_entity').on('attachments').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('attachments_sha').on('attachments').column('sha256').execute();
  await sql`select 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
