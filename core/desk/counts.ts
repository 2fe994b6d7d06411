/**
 * The home cards' head counts, from the roster alone, so every card shows the same number: 预备党员 are the members
 * on the roster whose status is 预备 (imported ones included, with or without a 发展档案).
 */
import type { Ctx } from '../context.ts';

export interface DeskCounts {
  branches: number;
  members: number;
  probationary: number;
  retired: number;
}

export async function deskCounts(ctx: Ctx): Promise<DeskCounts> {
  const onRoster = ctx.db.selectFrom('members').where('deleted_at', 'is', null).where('left_type', 'is', null);
  const count = async (q: typeof onRoster) => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const [members, probationary, retired, branches] = await Promise.all([
    count(onRoster),
    count(onRoster.where('party_status', '=', '预备')),
    count(onRoster.where('category', '=', '离退休')),
    ctx.db.selectFrom('org_units').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', '党支部').where('deleted_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { branches: Number(branches.n), members, probationary, retired };
}
