import { createHash } from 'node:crypto';
import { Kysely, sql } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// The tamper-evident operation log: every audit row gets its place in insertion
// order (seq), the hash of the row before (prev_hash) and its own hash; audit_head
// keeps the last link. Existing rows are hashed here in insertion order (rowid).
// The serialization is the one of core/audit/chain.ts, format v1, copied so this
// file never changes.
const GENESIS = '0'.repeat(64);
const hashOf = (r: Record<string, unknown>): string =>
  createHash('sha256')
    .update(JSON.stringify(['party-ledger/audit/v1', r.seq, r.id, r.at, r.actor, r.entity, r.entity_id, r.action, r.summary, r.before_json, r.after_json, r.prev_hash]), 'utf8')
    .digest('hex');

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('seq', 'integer').execute();
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  const rows = await sql<Record<string, unknown>>`select rowid as rid, * from audit_log order by rowid`.execute(db);
  let prev = { seq: 0, hash: GENESIS };
  for (const r of rows.rows) {
    const row = { ...r, seq: prev.seq + 1, prev_hash: prev.hash };
    const hash = hashOf(row);
    await sql`update audit_log set seq = ${row.seq}, prev_hash = ${row.prev_hash}, hash = ${hash} where rowid = ${r.rid}`.execute(db);
    prev = { seq: row.seq, hash };
  }
  await db.insertInto('audit_head').values({ id: 1, seq: prev.seq, hash: prev.hash }).execute();
  await db.schema.createIndex('audit_log_seq').unique().on('audit_log').column('seq').execute();
}

export async function down(): Promise<void> {
  throw new Error('forward-only');
}
