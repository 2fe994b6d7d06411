/**
 * Demo 党员积分: the ledger-earned points come from the demo's own meetings, dues, 学时 and tests. On top,
 * in each branch (not the retired one, whose members are not scored by default): a 表彰 and a 志愿服务
 * entry approved at the branch's latest 支部委员会 on or after the deed, one entry still waiting for the
 * 支委会, one 批评教育 (减分) in one branch, and one member on 借调 left out of the year's points.
 * Entries go through the area's own service, inside the demo's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { addEntry, setExclusion } from './service.ts';

const HONOURS = ['获评分局优秀共产党员', '获个人嘉奖', '获评先进工作者'];
const SERVICES = ['参加社区志愿服务', '参加防汛抢险任务', '参加重大活动安保任务'];

export async function demoPoints(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const year = Number(today.slice(0, 4));
  const at = (md: string) => (`${year}-${md}` <= today ? `${year}-${md}` : today);
  let minusDone = false;
  let excluded = false;
  for (const b of state.branches) {
    const members = b.members.filter((m) => m.category !== '离退休' && m.joinDate <= at('01-01'));
    if (members.length < 4) continue;
    const committees = await tx
      .selectFrom('activities').select(['id', 'held_on']).where('org_id', '=', b.id).where('type', '=', '支部委员会').where('deleted_at', 'is', null)
      .where('held_on', '>=', `${year}-01-01`).where('held_on', '<=', today).orderBy('held_on').execute();
    const approvalAfter = (day: string) => {
      const c = committees.find((x) => x.held_on >= day);
      return c ? { approvedOn: c.held_on, approvalRef: `${c.held_on.slice(0, 4)}年${Number(c.held_on.slice(5, 7))}月支部委员会`, approvalActivityId: c.id } : null;
    };
    // five different members, drawn with the demo's seeded numbers
    const pool = [...members];
    const picks = Array.from({ length: Math.min(5, pool.length) }, () => pool.splice(rng.int(0, pool.length - 1), 1)[0]);
    const [hon, svc, wait, minus] = picks;
    const d1 = at(rng.pick(['03-10', '04-22', '05-16']));
    await addEntry(ctx, { memberId: hon.id, itemKey: 'honour', onDate: d1, reason: rng.pick(HONOURS) }, approvalAfter(d1), tx);
    const d2 = at(rng.pick(['06-12', '07-08', '08-19']));
    await addEntry(ctx, { memberId: svc.id, itemKey: 'service', onDate: d2, reason: rng.pick(SERVICES) }, approvalAfter(d2), tx);
    await addEntry(ctx, { memberId: wait.id, itemKey: 'service', onDate: at('11-20'), reason: rng.pick(SERVICES) }, null, tx);
    if (!minusDone && minus) {
      const d3 = at('09-05');
      await addEntry(ctx, { memberId: minus.id, itemKey: 'discipline', onDate: d3, reason: '无故缺席组织生活，受到批评教育' }, approvalAfter(d3), tx);
      minusDone = true;
    }
    if (!excluded && picks[4]) {
      await setExclusion(ctx, { memberId: picks[4].id, year, reason: '借调', note: '借调市局专案组' }, tx);
      excluded = true;
    }
  }
}
