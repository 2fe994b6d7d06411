/** The home card of the 迎检清单: the year's completeness and the worst gaps (缺失 first, then the least complete). */
import type { Ctx } from '../context.ts';
import { inspectCheck, type InspectRow } from './check.ts';

export interface InspectSummary {
  year: number;
  overall: number | null;
  gaps: number;
  worst: Pick<InspectRow, 'binder' | 'item' | 'org' | 'status' | 'reason' | 'fix' | 'link'>[];
}

export async function inspectSummary(ctx: Ctx, year?: number, limit = 5): Promise<InspectSummary> {
  const y = year ?? Number(ctx.platform.today().slice(0, 4));
  const r = await inspectCheck(ctx, { year: y });
  const gaps = r.items.filter((i) => i.status !== '齐全');
  const worst = [...gaps]
    .sort((a, b) => a.present / a.expected - b.present / b.expected || a.binder.localeCompare(b.binder) || a.org.localeCompare(b.org, 'zh-CN'))
    .slice(0, limit)
    .map(({ binder, item, org, status, reason, fix, link }) => ({ binder, item, org, status, reason, fix, link }));
  return { year: y, overall: r.overall, gaps: gaps.length, worst };
}
