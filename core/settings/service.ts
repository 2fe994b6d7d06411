/**
 * Unit settings as JSON values under named keys, with built-in defaults.
 * Each area's module lists its keys and defaults (`settingDefaults`); the
 * database holds only what the unit changed.
 */
import type { Ctx } from '../context.ts';
import { startsWith } from '../search.ts';
import type { Tx } from '../audit/service.ts';
import { audit } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { installedAreas } from '../area.ts';

const defaults = () => installedAreas().settingDefaults;

export async function getSetting<T>(tx: Tx, key: string): Promise<T> {
  const row = await tx.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return (row ? JSON.parse(row.value_json) : structuredClone(defaults().get(key))) as T;
}

export async function getSettings(tx: Tx, prefix = ''): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of defaults()) if (k.startsWith(prefix)) out[k] = structuredClone(v);
  const rows = await tx.selectFrom('settings').selectAll().where(startsWith('key', prefix)).execute();
  // the app lock's hash is read only by core/lock/service.ts
  for (const r of rows) if (r.key !== 'security.lock') out[r.key] = JSON.parse(r.value_json);
  return out;
}

export async function setSetting(tx: Tx, ctx: Ctx, key: string, value: unknown): Promise<void> {
  if (key === 'security.lock') throw new LedgerError('密码锁只能在“单位设置 → 安全”中设置');
  const before = await getSetting(tx, key);
  const value_json = JSON.stringify(value);
  const updated_at = ctx.platform.now();
  await tx
    .insertInto('settings')
    .values({ key, value_json, updated_at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at }))
    .execute();
  await audit(tx, ctx, { entity: 'settings', entityId: key, action: '修改', summary: `修改设置 ${key}`, before, after: value });
}
