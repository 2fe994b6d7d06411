/**
 * Demo 党建工作总结: the 党委's first-half-year summary of the demo year, generated from everything the
 * earlier demo steps put in the ledger (so it reads like the example summary with the demo's own numbers).
 * Runs last: it reads every other area, through their own functions, inside the demo's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { LedgerDb } from '../../db/connect.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { generate, storeDraft } from './service.ts';

export async function demoSummary(ctx: Ctx, tx: Transaction<DB>, _rng: Rng, _state: DemoState): Promise<void> {
  const year = ctx.platform.today().slice(0, 4);
  const q = { from: `${year}-01-01`, to: `${year}-06-30` };
  if (q.to >= ctx.platform.today()) return;
  // the reads go through the demo's transaction: one connection, so the outer handle would wait on it
  const inTx = new Proxy(ctx, { get: (t, k) => (k === 'db' ? (tx as unknown as LedgerDb) : Reflect.get(t, k)) }) as Ctx;
  await storeDraft(ctx, tx, q, await generate(inTx, q));
}
