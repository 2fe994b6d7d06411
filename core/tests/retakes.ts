/**
 * 补考 are linked to the attempt they make up for: for each participant, their
 * latest failed result of a test held on or before the 补考's date. A member is
 * the same person by member id; a non-member by 警号, else by name and 部门.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Tx = Kysely<DB> | Transaction<DB>;

export interface Person {
  memberId: string | null;
  name: string;
  department: string | null;
  policeNo: string | null;
}

export const personKey = (p: Person): string => (p.memberId ? `m:${p.memberId}` : p.policeNo ? `p:${p.policeNo}` : `n:${p.name}|${p.department ?? ''}`);

export async function findFirstAttempts<P extends Person>(tx: Tx, people: readonly P[], day: string): Promise<Map<P, string>> {
  const failed = await tx
    .selectFrom('political_test_results as r')
    .innerJoin('political_tests as t', 't.id', 'r.test_id')
    .select(['r.id', 'r.member_id', 'r.name', 'r.department', 'r.police_no', 't.test_date'])
    .where('t.deleted_at', 'is', null)
    .where('t.test_date', '<=', day)
    .whereRef('r.score', '<', 't.pass_mark')
    .orderBy('t.test_date')
    .orderBy('t.created_at')
    .execute();
  const latest = new Map<string, string>();
  for (const f of failed) {
    const p: Person = { memberId: f.member_id, name: f.name, department: f.department, policeNo: f.police_no };
    latest.set(personKey(p), f.id);
    // a non-member with a 警号 may have been recorded without one earlier
    if (!p.memberId && p.policeNo) latest.set(personKey({ ...p, policeNo: null }), f.id);
  }
  const out = new Map<P, string>();
  for (const p of people) {
    const id = latest.get(personKey(p)) ?? (!p.memberId && p.policeNo ? latest.get(personKey({ ...p, policeNo: null })) : undefined);
    if (id) out.set(p, id);
  }
  return out;
}
