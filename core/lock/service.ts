/**
 * Where the app lock lives: one row of the settings table (`security.lock`)
 * holding the scrypt hash and the idle minutes. It is written only here, never
 * through the generic settings, and the operation log records that the lock
 * changed but never the hash.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { audit } from '../audit/service.ts';
import type { PasswordHash } from './hash.ts';

export const LOCK_KEY = 'security.lock';
export const DEFAULT_IDLE_MINUTES = 10;

export interface LockConfig {
  hash: PasswordHash;
  idleMinutes: number;
}

export async function readLock(tx: Tx): Promise<LockConfig | null> {
  const row = await tx.selectFrom('settings').select('value_json').where('key', '=', LOCK_KEY).executeTakeFirst();
  if (!row) return null;
  const v = JSON.parse(row.value_json) as LockConfig | null;
  return v && v.hash ? v : null;
}

export async function writeLock(ctx: Ctx, config: LockConfig | null, summary: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    if (config) {
      const value_json = JSON.stringify(config);
      const updated_at = ctx.platform.now();
      await tx
        .insertInto('settings')
        .values({ key: LOCK_KEY, value_json, updated_at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at }))
        .execute();
    } else {
      await tx.deleteFrom('settings').where('key', '=', LOCK_KEY).execute();
    }
    await audit(tx, ctx, { entity: 'settings', entityId: LOCK_KEY, action: '修改', summary, after: config ? { idleMinutes: config.idleMinutes } : null });
  });
}
