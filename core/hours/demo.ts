/**
 * Demo 学时: on top of the demo's meetings (their attendance already counts), a 全局党员集中轮训 for most
 * members, a 书记、委员 集中轮训 for the committees, and 网络培训 records so that most members reach
 * their rule by the demo's today, and a few fall short: three members below 32, and one 委员 with
 * enough hours but no 集中培训. Records go through the area's own service (addTraining), inside the
 * demo's transaction.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { yearHours } from './queries.ts';
import { addTraining } from './service.ts';

const ONLINE_TITLES = ['习近平新时代中国特色社会主义思想专题网络培训', '党章党规党纪网络专题学习', '公安机关政治建警专题网络课程', '党的二十届三中全会精神网络培训'];

export async function demoHours(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  void state;
  const today = ctx.platform.today();
  const year = Number(today.slice(0, 4));
  const at = (md: string) => (`${year}-${md}` <= today ? `${year}-${md}` : today);
  const members = (await yearHours(ctx, { year }, tx)).members;
  const plain = members.filter((m) => m.role === '党员');
  const short = new Set(plain.filter((_, i) => i % 23 === 5).slice(0, 3).map((m) => m.memberId));
  const noCentral = members.find((m) => m.role === '委员')?.memberId;
  for (const m of members) {
    if (m.joinDate > at('03-01')) continue;
    let have = m.totalTenths;
    const add = async (kind: '集中培训' | '网络培训', startOn: string, tenths: number, title: string, organizer: string) => {
      if (tenths <= 0) return;
      await addTraining(ctx, { memberId: m.memberId, kind, startOn, endOn: startOn, hours: tenths / 10, title, organizer }, tx);
      have += tenths;
    };
    const target = short.has(m.memberId) ? m.requiredTenths - rng.int(2, 12) * 5 : m.requiredTenths + rng.int(0, 8) * 5;
    if (!short.has(m.memberId) && m.memberId !== noCentral) await add('集中培训', at('03-18'), 80, `${year}年度全局党员集中轮训`, '分局党委');
    if (m.role !== '党员' && m.memberId !== noCentral) await add('集中培训', at('05-14'), 160, `${year}年度党支部书记、委员集中轮训`, '区委党校');
    // the rest as 网络培训 in half-学时 steps
    const rest = Math.ceil(Math.max(0, target - have) / 5) * 5;
    if (rest > 0) await add('网络培训', at(rng.pick(['06-20', '08-15', '09-26'])), rest, rng.pick(ONLINE_TITLES), '公安部网络学院');
  }
}
