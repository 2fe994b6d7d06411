/**
 * The operation log's hash chain: each row carries the SHA-256 of its own
 * fields together with the previous row's hash, in insertion order (`seq`),
 * and `audit_head` remembers the last link. Editing, deleting, inserting or
 * reordering rows outside the app breaks the chain at the first row affected.
 * There is no secret key: someone who recomputes every hash after an edit is
 * not detected; what is detected is any change made without doing so.
 */
import { createHash } from 'node:crypto';
import type { AuditLogTable } from '../../db/schema.ts';

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Marks the previous hash of the first row written after the chain head went missing. */
export const LOST_HEAD_PREFIX = 'lost-head:';

/** Bumped only with a migration that rehashes every row. */
const FORMAT = 'party-ledger/audit/v1';

export type ChainedFields = Omit<AuditLogTable, 'hash'>;

/**
 * Canonical serialization: a JSON array of the fields in this fixed order
 * (strings, numbers and null only, so JSON.stringify is deterministic).
 */
export function canonicalRow(r: ChainedFields): string {
  return JSON.stringify([FORMAT, r.seq, r.id, r.at, r.actor, r.entity, r.entity_id, r.action, r.summary, r.before_json, r.after_json, r.prev_hash]);
}

export function rowHash(r: ChainedFields): string {
  return createHash('sha256').update(canonicalRow(r), 'utf8').digest('hex');
}

export interface BrokenLink {
  /** the first row that does not hold, or null when rows after the last one were removed */
  id: string | null;
  at: string | null;
  seq: number;
  reason: string;
}

export type ChainReport = { ok: true; rows: number } | { ok: false; rows: number; firstBroken: BrokenLink };

/**
 * Walks rows in `seq` order and names the first that does not hold: its own hash,
 * the link to the row before, a gap or repeat in the sequence, and finally the head.
 */
export function verifyRows(rows: Iterable<AuditLogTable>, head: { seq: number; hash: string } | undefined): ChainReport {
  let prev = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  const broken = (r: AuditLogTable, reason: string): ChainReport => ({ ok: false, rows: count, firstBroken: { id: r.id, at: r.at, seq: Number(r.seq), reason } });
  for (const r of rows) {
    count++;
    if (typeof r.hash !== 'string' || !r.hash) return broken(r, '该条记录没有哈希，不是本程序写入的');
    if (r.hash !== rowHash(r)) return broken(r, '该条记录的内容被改动（哈希不符）');
    if (Number(r.seq) !== prev.seq + 1) return broken(r, Number(r.seq) > prev.seq + 1 ? `该条之前的 ${Number(r.seq) - prev.seq - 1} 条记录被删除（序号不连续）` : '序号重复或顺序被改动');
    if (r.prev_hash === `${LOST_HEAD_PREFIX}${prev.hash}`) return broken(r, '日志链的末端记录曾在本程序之外被删除，此条之前的最新记录可能已被删去');
    if (r.prev_hash !== prev.hash) return broken(r, '与上一条记录的链接不符（之前的记录被删除、插入或改动）');
    if (head && Number(r.seq) > head.seq) return broken(r, '该条记录在日志链末端之后，不是本程序写入的');
    prev = { seq: Number(r.seq), hash: r.hash };
  }
  if (!head) return count ? { ok: false, rows: count, firstBroken: { id: null, at: null, seq: prev.seq, reason: '日志链的末端记录缺失' } } : { ok: true, rows: 0 };
  if (head.seq !== prev.seq || head.hash !== prev.hash) {
    const missing = head.seq - prev.seq;
    const reason = missing > 0 ? `日志末尾的 ${missing} 条记录被删除（应有 ${head.seq} 条）` : '日志链末端的记录被改动';
    return { ok: false, rows: count, firstBroken: { id: null, at: null, seq: prev.seq + 1, reason } };
  }
  return { ok: true, rows: count };
}
