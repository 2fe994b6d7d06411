/**
 * Every change goes through here: one audit row (who, when, entity, before,
 * after) written in the same transaction as the change and chained by hash
 * (chain.ts). Deleting sets `deleted_at` (the recycle bin); restoring clears
 * it; both are appended to the chain like any other change.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { GENESIS_HASH, LOST_HEAD_PREFIX, rowHash, type ChainedFields } from './chain.ts';
import { installedAreas, type RecyclableEntity } from '../area.ts';
import { ENTITY_TITLES } from './detail.ts';

export type Tx = Kysely<DB> | Transaction<DB>;

/**
 * Runs `fn` inside the caller's transaction when one is passed, else in a new one,
 * so a service can be called alone or as one step of a larger change (e.g. a transfer).
 */
export function withTx<T>(ctx: Ctx, tx: Transaction<DB> | undefined, fn: (t: Transaction<DB>) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : ctx.db.transaction().execute(fn);
}

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: '新增' | '修改' | '删除' | '恢复' | '导入' | '离开' | string;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one row to the hash-chained log, always inside a transaction (the
 * caller's; a new one only when handed the bare database). The first statement
 * moves the head, so the write lock is taken before the previous hash is read
 * and no other writer, in this process or another, can fork the chain.
 */
export async function audit(tx: Tx, ctx: Ctx, e: AuditEntry): Promise<void> {
  if (!tx.isTransaction) return tx.transaction().execute((t) => audit(t, ctx, e));
  const moved = await tx.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', 1).returning(['seq', 'hash']).executeTakeFirst();
  const link = moved ?? (await lostHead(tx));
  const fields: ChainedFields = {
    id: ctx.platform.newId(),
    at: ctx.platform.now(),
    actor: ctx.platform.actor,
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    summary: e.summary,
    before_json: e.before === undefined ? null : JSON.stringify(e.before),
    after_json: e.after === undefined ? null : JSON.stringify(e.after),
    seq: Number(link.seq),
    prev_hash: link.hash,
  };
  const hash = rowHash(fields);
  await tx.insertInto('audit_log').values({ ...fields, hash }).execute();
  await tx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

/**
 * The head row was removed outside the app: continue after the last row, but link the
 * next row to a marked hash so that verify keeps naming it (the rows cut off with the
 * head cannot be told apart from none) instead of the chain quietly healing.
 */
async function lostHead(tx: Tx): Promise<{ seq: number; hash: string }> {
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const next = { seq: Number(last?.seq ?? 0) + 1, hash: `${LOST_HEAD_PREFIX}${last?.hash ?? GENESIS_HASH}` };
  await tx.insertInto('audit_head').values({ id: 1, ...next }).execute();
  return next;
}

export type { RecyclableEntity } from '../area.ts';

/** Tables that can go to the recycle bin: each area's module lists its own (`recyclable`). */
export function recyclableEntities(): RecyclableEntity[] {
  return [...installedAreas().recyclable.values()];
}

export function recyclableEntity(table: string): RecyclableEntity {
  const e = installedAreas().recyclable.get(table);
  if (!e) throw new LedgerError(`${ENTITY_TITLES[table] ?? '这类记录'}不能放入回收站，也不能从回收站恢复`);
  return e;
}

type AnyTx = Kysely<any> | Transaction<any>;

export async function softDelete(tx: Tx, ctx: Ctx, table: string, id: string): Promise<void> {
  const e = recyclableEntity(table);
  const t = tx as AnyTx;
  const row = await t.selectFrom(table).selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LedgerError(`找不到要删除的${e.title}，可能已被删除`);
  await t.updateTable(table).set({ deleted_at: ctx.platform.now() }).where('id', '=', id).execute();
  await audit(tx, ctx, { entity: table, entityId: id, action: '删除', summary: `删除${e.title}“${e.label(row)}”（移入回收站）`, before: row });
}

export async function restore(tx: Tx, ctx: Ctx, table: string, id: string): Promise<void> {
  const e = recyclableEntity(table);
  const t = tx as AnyTx;
  const row = await t.selectFrom(table).selectAll().where('id', '=', id).where('deleted_at', 'is not', null).executeTakeFirst();
  if (!row) throw new LedgerError(`回收站中找不到该${e.title}`);
  if (e.checkRestore) {
    if (!tx.isTransaction) throw new Error('restore with a hook runs inside a transaction');
    await e.checkRestore(tx as Transaction<DB>, ctx, row);
  }
  await t.updateTable(table).set({ deleted_at: null }).where('id', '=', id).execute();
  if (e.onRestore) {
    if (!tx.isTransaction) throw new Error('restore with a hook runs inside a transaction');
    await e.onRestore(tx as Transaction<DB>, ctx, id);
  }
  await audit(tx, ctx, { entity: table, entityId: id, action: '恢复', summary: `从回收站恢复${e.title}“${e.label(row)}”`, after: { ...row, deleted_at: null } });
}
