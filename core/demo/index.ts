/**
 * The demo bureau: generators run in order inside one transaction, each area
 * adding its records to what the earlier ones made. A later area appends its
 * generator to DEMO_STEPS.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { seeded, type Rng } from './random.ts';
import type { DemoState } from './types.ts';
import { demoFoundation } from '../members/demo.ts';
import { demoDues } from '../dues/demo.ts';
import { demoActivities } from '../activities/demo.ts';
import { demoTransfers } from '../transfers/demo.ts';
import { demoDevelopment } from '../development/demo.ts';

export type DemoStep = (ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState) => Promise<void>;

export const DEMO_STEPS: { name: string; run: DemoStep }[] = [
  { name: '组织与党员', run: demoFoundation },
  { name: '组织关系转接', run: demoTransfers },
  { name: '组织生活', run: demoActivities },
  { name: '发展党员', run: demoDevelopment },
  { name: '党费', run: demoDues },
];

export const DEMO_SEED = 20261128;

export async function isLedgerEmpty(ctx: Ctx): Promise<boolean> {
  const u = await ctx.db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  const m = await ctx.db.selectFrom('members').select('id').limit(1).executeTakeFirst();
  return !u && !m;
}

/** Tables in delete order (children first) for `--force`. Areas add theirs at the front. */
export const LEDGER_TABLES: string[] = ['development_steps', 'development_files', 'dues_publications', 'dues_expenses', 'dues_remittances', 'dues_payments', 'dues_assessments', 'attachments', 'activity_attendance', 'activities', 'transfers', 'org_roles', 'members', 'org_units', 'settings'];

export async function loadDemo(ctx: Ctx, opts: { force?: boolean } = {}): Promise<{ branches: number; members: number }> {
  if (!(await isLedgerEmpty(ctx)) && !opts.force) throw new LedgerError('台账中已有数据，不能载入示例分局（命令行可加 --force 清空后载入）');
  const state: DemoState = { committeeId: '', branches: [] };
  await ctx.db.transaction().execute(async (tx) => {
    if (opts.force) for (const t of LEDGER_TABLES) await (tx as Transaction<any>).deleteFrom(t).execute();
    const rng = seeded(DEMO_SEED);
    for (const step of DEMO_STEPS) await step.run(ctx, tx, rng, state);
    await audit(tx, ctx, { entity: 'ledger', entityId: 'demo', action: '新增', summary: '载入示例分局（演示数据）' });
  });
  return { branches: state.branches.length, members: state.branches.reduce((s, b) => s + b.members.length, 0) };
}
