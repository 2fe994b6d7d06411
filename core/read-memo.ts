/**
 * A read computed once while the ledger stands still. The home page asks several handlers at once that read
 * the same judgement (desk/todo, dues/overview, activities/todo and stats/compliance all build this year's
 * compliance calendar or this month's dues overview); each is computed once and handed out as a copy, until
 * anything is written.
 *
 * "Anything written" is SQLite's own count: total_changes() of this connection (every insert, update or delete,
 * committed or not) and data_version (a commit by another connection to the same file, e.g. the command line).
 * A restore replaces the connection, and with it the memo. The key names the read and every input it takes,
 * the platform's today among them.
 */
import { sql } from 'kysely';
import type { Tx } from './audit/service.ts';

interface Memo {
  version: string;
  values: Map<string, Promise<unknown>>;
}

const memos = new WeakMap<object, Memo>();

async function ledgerVersion(db: Tx): Promise<string> {
  const r = await sql<{ c: number; v: number }>`select total_changes() as c, (select data_version from pragma_data_version) as v`.execute(db);
  return `${r.rows[0].c}:${r.rows[0].v}`;
}

/**
 * `compute()` once per key and connection (or transaction) while nothing is written; every caller gets its own
 * copy (structuredClone). The key must hold every input of the read, today's date included when it reads it.
 */
export async function memoRead<T>(db: Tx, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await ledgerVersion(db);
  let m = memos.get(db);
  if (!m || m.version !== version) memos.set(db, (m = { version, values: new Map() }));
  const k = key;
  let p = m.values.get(k) as Promise<T> | undefined;
  if (!p) {
    const values = m.values;
    p = compute();
    values.set(k, p);
    p.catch(() => values.get(k) === p && values.delete(k));
  }
  return structuredClone(await p);
}
