/**
 * The demo bureau: each area's demo step (its module's `demo`) runs in the order
 * of the area list (core/api.ts) inside one transaction, adding its records to
 * what the earlier ones made. A new area gives its module a `demo`.
 */
import { saveStartDate } from '../settings/start-date.ts';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { installedAreas, type DemoStep } from '../area.ts';
import { seeded } from './random.ts';
import type { DemoState } from './types.ts';

export type { DemoStep } from '../area.ts';

/** The demo steps, from the areas' modules in area order. */
export function demoSteps(): readonly { name: string; run: DemoStep }[] {
  return installedAreas().demoSteps;
}

export const DEMO_SEED = 20261128;

export async function isLedgerEmpty(ctx: Ctx): Promise<boolean> {
  const u = await ctx.db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  const m = await ctx.db.selectFrom('members').select('id').limit(1).executeTakeFirst();
  return !u && !m;
}

/** Every area's tables (its module's `tables`), the last-filled first; the audit chain is not among them. */
export function ledgerTables(): readonly string[] {
  return installedAreas().tables;
}

/**
 * Empties the tables named, inside the caller's transaction. Foreign keys are
 * checked at commit (org_roles refer to members, members to org_units: no order
 * of areas deletes children first), so the order of `tables` does not matter.
 */
export async function clearTables(tx: Transaction<DB>, tables: readonly string[]): Promise<void> {
  await sql`PRAGMA defer_foreign_keys = ON`.execute(tx);
  for (const t of tables) await (tx as Transaction<any>).deleteFrom(t).execute();
}

export async function loadDemo(ctx: Ctx, opts: { force?: boolean } = {}): Promise<{ branches: number; members: number }> {
  if (!(await isLedgerEmpty(ctx)) && !opts.force) throw new LedgerError('台账中已有数据，不能载入示例分局（命令行可加 --force 清空后载入）');
  const state: DemoState = { committeeId: '', branches: [] };
  await ctx.db.transaction().execute(async (tx) => {
    if (opts.force) await clearTables(tx, ledgerTables());
    const rng = seeded(DEMO_SEED);
    for (const step of demoSteps()) await step.run(ctx, tx, rng, state);
    // 台账启用日期: 1 January of last year, so the demo's year of records (and last year's gaps) are judged
    await saveStartDate(ctx, tx, `${Number(ctx.platform.today().slice(0, 4)) - 1}-01-01`);
    await audit(tx, ctx, { entity: 'ledger', entityId: 'demo', action: '新增', summary: '载入示例分局（演示数据）' });
  });
  return { branches: state.branches.length, members: state.branches.reduce((s, b) => s + b.members.length, 0) };
}
