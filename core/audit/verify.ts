/** Checks the whole operation-log chain in one read snapshot (so a writer beside us cannot cause a false alarm). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { verifyRows, type ChainReport } from './chain.ts';

export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainReport> {
  return db.transaction().execute(async (tx) => {
    const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
    const rows = await tx.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').orderBy('id', 'asc').execute();
    return verifyRows(rows, head ? { seq: Number(head.seq), hash: head.hash } : undefined);
  });
}
