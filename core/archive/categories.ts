/**
 * The unit's category scheme (archive_categories): seeded from the shipped
 * default (common/archive.ts, the version in force) on the first archive write;
 * until then a read returns the default as it would be seeded.
 */
import type { Ctx } from '../context.ts';
import { audit, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { inForceOn } from '../../common/rules.ts';
import { DEFAULT_CATEGORIES, RETENTIONS, type Retention } from '../../common/archive.ts';

export interface CategoryRow {
  code: string;
  name: string;
  defaultRetention: Retention;
  note: string | null;
  retired: boolean;
}

function defaults(day: string): CategoryRow[] {
  return inForceOn(DEFAULT_CATEGORIES, day).values.map((c) => ({ code: c.code, name: c.name, defaultRetention: c.defaultRetention, note: c.note, retired: false }));
}

export async function listCategories(ctx: Ctx, tx: Tx = ctx.db): Promise<CategoryRow[]> {
  const rows = await tx.selectFrom('archive_categories').selectAll().orderBy('sort_order').orderBy('code').execute();
  if (!rows.length) return defaults(ctx.platform.today());
  return rows.map((r) => ({ code: r.code, name: r.name, defaultRetention: r.default_retention as Retention, note: r.note, retired: r.retired_at !== null }));
}

/** Writes the default scheme when the ledger has none yet (inside the caller's transaction). */
export async function ensureCategories(ctx: Ctx, tx: Tx): Promise<void> {
  const one = await tx.selectFrom('archive_categories').select('code').limit(1).executeTakeFirst();
  if (one) return;
  const now = ctx.platform.now();
  const rows = defaults(ctx.platform.today()).map((c, i) => ({
    code: c.code, name: c.name, default_retention: c.defaultRetention, sort_order: i + 1, note: c.note, retired_at: null, created_at: now, updated_at: now,
  }));
  await tx.insertInto('archive_categories').values(rows).execute();
  await audit(tx, ctx, { entity: 'archive_categories', entityId: 'default', action: '新增', summary: `建立档案类目（${rows.map((r) => `${r.code} ${r.name}`).join('、')}）`, after: rows });
}

/** A category a new item may use: known and not retired. */
export async function usableCategory(ctx: Ctx, tx: Tx, code: string): Promise<CategoryRow> {
  const c = (await listCategories(ctx, tx)).find((x) => x.code === code);
  if (!c) throw new LedgerError(`没有类别“${code}”，请从档案类目中选择`, 'category');
  if (c.retired) throw new LedgerError(`类别“${c.code} ${c.name}”已停用，新的档案不能再归入此类`, 'category');
  return c;
}

export interface CategoryInput {
  code: string;
  name: string;
  defaultRetention: Retention;
  note?: string | null;
  retired?: boolean;
}

/** Adds or changes one category; a retired category keeps its items. */
export async function saveCategory(ctx: Ctx, c: CategoryInput): Promise<void> {
  if (!RETENTIONS.includes(c.defaultRetention)) throw new LedgerError('保管期限应为 永久、30年 或 10年', 'defaultRetention');
  await ctx.db.transaction().execute(async (tx) => {
    await ensureCategories(ctx, tx);
    const now = ctx.platform.now();
    const before = await tx.selectFrom('archive_categories').selectAll().where('code', '=', c.code).executeTakeFirst();
    const values = { name: c.name, default_retention: c.defaultRetention, note: c.note ?? null, retired_at: c.retired ? (before?.retired_at ?? now) : null, updated_at: now };
    if (before) await tx.updateTable('archive_categories').set(values).where('code', '=', c.code).execute();
    else {
      const max = await tx.selectFrom('archive_categories').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
      await tx.insertInto('archive_categories').values({ code: c.code, ...values, sort_order: Number(max?.m ?? 0) + 1, created_at: now }).execute();
    }
    await audit(tx, ctx, { entity: 'archive_categories', entityId: c.code, action: before ? '修改' : '新增', summary: `${before ? '修改' : '新增'}档案类别 ${c.code} ${c.name}`, before, after: values });
  });
}
