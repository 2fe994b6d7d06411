/** The hash-chained audit log and its head (migration …_audit_chain). Row types as stored; see db/schema.ts. */

export interface AuditLogTable {
  id: string;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  /** insertion order, 1, 2, 3, … (core/audit/chain.ts) */
  seq: number;
  /** `hash` of the row before (64 zeros for the first) */
  prev_hash: string;
  /** SHA-256 of this row's canonical serialization, prev_hash included */
  hash: string;
}

/** The last link of the audit chain (one row, id 1), so that removing the newest rows is detected. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
