/**
 * Demo 处置: one member under 限期改正 — the 支委会's opinion, the 事前备案, 调查核实, 组织谈话 and the
 * 支部大会 decision of six months, about six months before the demo's today so that the deadline
 * falls due within the month and shows on the home page. The member is taken without drawing from
 * the rng: the member the demo's 民主评议 rated 不合格 (a case decided days before today, deadline six
 * months on), or, while the 民主评议 demo rates no one 不合格, a member found in a listed situation.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { addDays, addMonths } from '../../common/dates.ts';
import { addStep, decideCase, openCase } from './service.ts';
import { failedRatings } from './triggers.ts';

export async function demoDisposal(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  void rng;
  const today = ctx.platform.today();
  // the member the demo's 民主评议 rated 不合格, when there is one: the case follows the November evaluation
  const [failed] = await failedRatings(tx, Number(today.slice(0, 4)));
  if (failed) {
    const decidedOn = addDays(today, -3);
    const opinionOn = addDays(decidedOn, -12);
    const filedOn = addDays(decidedOn, -9);
    const { id } = await openCase(ctx, { memberId: failed.memberId, triggerKind: '民主评议不合格', ratingId: failed.ratingId, situation: `${today.slice(0, 4)}年度民主评议被评为不合格`, opinionOn, filedOn, filedTo: '分局党委' }, tx);
    await addStep(ctx, id, { step: '调查核实', doneOn: addDays(filedOn, 2), document: `${failed.branch}调查核实情况报告` }, tx);
    await addStep(ctx, id, { step: '组织谈话', doneOn: addDays(filedOn, 5), document: '谈话记录（2名正式党员）' }, tx);
    await addStep(ctx, id, { step: '支部大会', doneOn: decidedOn, document: `${failed.branch}党员大会会议记录` }, tx);
    await decideCase(ctx, id, { measure: '限期改正', decidedOn, periodMonths: 6 }, tx);
    return;
  }
  const branch = state.branches[3] ?? state.branches[0];
  const m = branch && [...branch.members].reverse().find((x) => x.partyStatus === '正式' && x.category === '在职');
  if (!m) return;
  const decidedOn = addDays(addMonths(today, -6), 17);
  const opinionOn = addDays(decidedOn, -20);
  const filedOn = addDays(decidedOn, -16);
  if (opinionOn < m.joinDate) return;
  const { id } = await openCase(ctx, { memberId: m.id, triggerKind: '情形', situation: '组织观念淡薄，不按规定参加党的组织生活或不按规定缴纳党费', opinionOn, filedOn, filedTo: '分局党委' }, tx);
  await addStep(ctx, id, { step: '调查核实', doneOn: addDays(filedOn, 2), document: `${branch.name}调查核实情况报告` }, tx);
  await addStep(ctx, id, { step: '组织谈话', doneOn: addDays(filedOn, 6), document: '谈话记录（2名正式党员）' }, tx);
  await addStep(ctx, id, { step: '支部大会', doneOn: decidedOn, document: `${branch.name}党员大会会议记录` }, tx);
  await decideCase(ctx, id, { measure: '限期改正', decidedOn, periodMonths: 6 }, tx);
}
