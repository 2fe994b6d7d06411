/**
 * The roster's names for pinyin matching, read once and kept until the ledger changes:
 * typing z, zw, zwh reads 5,000 names once, not three times. "Changed" is SQLite's own
 * count of this connection's writes (total_changes) plus data_version (a commit by
 * another connection, e.g. the command line), so a rename or an import is seen at once.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface RosterName {
  id: string;
  name: string;
  left: boolean;
}

const kept = new WeakMap<object, { token: string; rows: RosterName[] }>();

async function token(db: Kysely<DB>): Promise<string> {
  const changes = await sql<{ c: number }>`select total_changes() as c`.execute(db);
  const version = await sql<{ data_version: number }>`pragma data_version`.execute(db);
  return `${changes.rows[0].c}:${version.rows[0].data_version}`;
}

export async function memberNames(db: Kysely<DB>): Promise<RosterName[]> {
  const t = await token(db);
  const had = kept.get(db);
  if (had && had.token === t) return had.rows;
  const rows = (await db.selectFrom('members').select(['id', 'name', 'left_type']).where('deleted_at', 'is', null).execute())
    .map((r) => ({ id: r.id, name: r.name, left: r.left_type !== null }));
  kept.set(db, { token: t, rows });
  return rows;
}
