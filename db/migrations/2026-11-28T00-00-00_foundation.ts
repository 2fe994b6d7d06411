import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('org_units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('established_on', 'text')
    .addColumn('term_years', 'integer')
    .addColumn('term_start_on', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('org_units_parent').on('org_units').column('parent_id').execute();

  await db.schema
    .createTable('org_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text')
    .addColumn('end_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('org_roles_org').on('org_roles').column('org_id').execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('native_place', 'text')
    .addColumn('education', 'text')
    .addColumn('work_start_date', 'text')
    .addColumn('join_date', 'text', (c) => c.notNull())
    .addColumn('full_date', 'text')
    .addColumn('party_status', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('work_unit', 'text')
    .addColumn('police_type', 'text')
    .addColumn('position', 'text')
    .addColumn('police_rank', 'text')
    .addColumn('phone', 'text')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('group_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('note', 'text')
    .addColumn('left_type', 'text')
    .addColumn('left_date', 'text')
    .addColumn('left_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('members_id_number').unique().on('members').column('id_number').execute();
  await db.schema.createIndex('members_branch').on('members').columns(['branch_id', 'deleted_at', 'left_type']).execute();
  await db.schema.createIndex('members_name').on('members').column('name').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
  await sql`select 1`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
