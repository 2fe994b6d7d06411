/**
 * Demo 走访慰问: four visits to members in 生活困难 between January and June, 500 元 each and 2000 元
 * in all, paid from 本级党费 on the 党委's decision, so that they show in the year's 党费使用 and the
 * 公布 ("走访慰问困难党员4人，发放慰问金2000元"). Written through the area's own service in the demo's
 * transaction; a visit after the demo's today is left out. They replace the dues demo's own
 * 补助生活困难党员 line of the same 2000 元.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { addVisit } from './service.ts';
import { visitInput } from './handlers.ts';

const VISITS: [string, string][] = [
  ['01-20', '配偶长期患病，子女上学，家庭开支大'],
  ['01-22', '本人患重病住院治疗，医疗费用负担重'],
  ['04-16', '家中老人长期卧床，收入单一'],
  ['06-25', '家庭遭遇变故，生活暂时困难'],
];

export async function demoCare(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const y = today.slice(0, 4);
  const pool = state.branches.flatMap((b) => b.members.filter((m) => m.partyStatus === '正式' && m.joinDate < `${y}-01-01`));
  // chosen without drawing from the rng, so the later areas' demo steps see the same random numbers with or without this one
  void rng;
  const step = Math.max(1, Math.floor(pool.length / VISITS.length));
  const picked = VISITS.map((_, i) => pool[(i * step + 2) % Math.max(1, pool.length)]);
  for (const [i, [md, circumstances]] of VISITS.entries()) {
    const visitOn = `${y}-${md}`;
    const m = picked[i];
    if (!m || visitOn > today) continue;
    const v = visitInput.parse({
      visitOn, personKind: '党员', memberId: m.id, reason: '生活困难', circumstances, visitors: '分局党委书记、组织委员',
      amountFen: 50000, goods: i < 2 ? '米、油' : null, fundSource: '本级党费', approval: `分局党委会议纪要〔${y}〕${i < 2 ? 1 : i + 2}号`,
    });
    await addVisit(ctx, v, tx);
  }
}
