import type { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// 迎检清单 (issue 12 item 2): the unit's own checklist rows, laid over the shipped default
// items of common/inspection-checklist.ts (never copied here). A row with default_key edits
// or switches off that default item; a row without it is an item the unit added.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('inspection_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // the default item this row overrides (common/inspection-checklist.ts key), null for the unit's own
    .addColumn('default_key', 'text')
    // A … K
    .addColumn('binder', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    // 党委 | 党支部 | 党小组
    .addColumn('scope', 'text', (c) => c.notNull())
    // 年 | 季 | 月 | 每次会议 | 每人
    .addColumn('cadence', 'text', (c) => c.notNull())
    // { kind: activity|signin|roster|assessment|dossier|archive, … }
    .addColumn('proof_json', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('inspection_items_default').on('inspection_items').column('default_key').execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
