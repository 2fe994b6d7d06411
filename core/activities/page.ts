/**
 * The paged list of records (组织生活记录): a page of the filtered list, newest first, and the
 * total, so the page renders a few dozen rows whatever the ledger holds. A page past the end
 * (the last row of the last page deleted) answers the last page.
 */
import type { Ctx } from '../context.ts';
import type { ActivitySummary } from './model.ts';
import { filteredActivities, newestFirst, summaries, type ActivityQuery } from './service.ts';

export interface ActivityPage {
  rows: ActivitySummary[];
  total: number;
  page: number;
  pageSize: number;
}

export async function pageActivities(ctx: Ctx, q: ActivityQuery & { page?: number; pageSize?: number }): Promise<ActivityPage> {
  const pageSize = q.pageSize ?? 50;
  const counted = await filteredActivities(ctx.db, q)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  const page = Math.max(1, Math.min(q.page ?? 1, Math.ceil(total / pageSize)));
  const rows = await newestFirst(filteredActivities(ctx.db, q))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows: await summaries(ctx, rows), total, page, pageSize };
}
