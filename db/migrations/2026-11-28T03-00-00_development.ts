import { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 发展党员: one development file (发展档案) per person, and one row per step
// of the 25 that has happened (date, who acted, outcome, documents kept).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('development_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('native_place', 'text')
    .addColumn('education', 'text')
    .addColumn('category', 'text', (c) => c.notNull().defaultTo('在职'))
    .addColumn('work_unit', 'text')
    .addColumn('position', 'text')
    .addColumn('phone', 'text')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org_units.id'))
    // the member record made when the 支部大会 accepted the person
    .addColumn('member_id', 'text', (c) => c.references('members.id'))
    // 延长预备期: decided once, 6 to 12 months
    .addColumn('extension_months', 'integer')
    .addColumn('extension_decided_on', 'text')
    // leaving the file: 撤回申请 | 不再培养 | 未被接收 | 未被批准 | 取消预备党员资格 | 其他
    .addColumn('left_type', 'text')
    .addColumn('left_date', 'text')
    .addColumn('left_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('development_files_branch').on('development_files').columns(['branch_id', 'deleted_at']).execute();
  await db.schema.createIndex('development_files_id_number').on('development_files').column('id_number').execute();

  await db.schema
    .createTable('development_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_id', 'text', (c) => c.notNull().references('development_files.id'))
    // 1..25, the step numbers of the 2014 细则 flow
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .addColumn('outcome', 'text')
    // names of the documents kept for this step
    .addColumn('documents_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // step facts the rules need: introducers, training, meeting votes, assessments, 公示
    .addColumn('details_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('note', 'text')
    // the day it was written down; later than `date` = 补记
    .addColumn('entered_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('development_steps_file_step').unique().on('development_steps').columns(['file_id', 'step']).execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
