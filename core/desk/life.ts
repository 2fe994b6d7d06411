/**
 * 本月待办 from the organizational-life calendar (core/activities/compliance.ts monthTodo, so every rule the
 * calendar applies — rule versions, establishment dates, and the ledger's start date once it lands — applies here):
 * each record still owed in a period that ends this month is one item; periods ending later (the running quarter
 * or year) are one "later" line; periods already ended without a record are one "往期缺失" line.
 */
import type { Ctx } from '../context.ts';
import { monthTodo, type Finding } from '../activities/compliance.ts';
import { monthPeriod, quarterPeriod, yearPeriod } from '../activities/rules.ts';
import { addDays } from '../../common/dates.ts';
import type { TodoItem } from './model.ts';

/** The last day of a period key ('2026-03', '2026-Q1', '2026'). */
export function periodEnd(key: string): string {
  const q = /^(\d{4})-Q(\d)$/.exec(key);
  if (q) return quarterPeriod(Number(q[1]), Number(q[2])).to;
  if (/^\d{4}-\d{2}$/.test(key)) return monthPeriod(Number(key.slice(0, 4)), Number(key.slice(5, 7))).to;
  return yearPeriod(Number(key)).to;
}

const WHEN: Record<string, string> = { month: '本月', quarter: '本季度', year: '本年度' };

export async function lifeItems(ctx: Ctx, today: string): Promise<TodoItem[]> {
  const { orgs } = await monthTodo(ctx, today);
  const month = today.slice(0, 7);
  const monthEnd = monthPeriod(Number(month.slice(0, 4)), Number(month.slice(5, 7))).to;
  const weekEnd = addDays(today, 6);
  const items: TodoItem[] = [];
  const later: Finding[] = [];
  const past: Finding[] = [];
  for (const o of orgs) {
    past.push(...o.overdue);
    for (const f of o.due) {
      const due = periodEnd(f.period);
      if (due > monthEnd) {
        later.push(f);
        continue;
      }
      items.push({
        id: `life:${o.orgId}:${f.rule.type}:${f.period}`,
        urgency: due <= weekEnd ? 'week' : 'month',
        title: `${o.name}：${WHEN[f.rule.frequency] ?? ''}尚未开展${f.rule.type}`,
        detail: f.message,
        due,
        link: { path: '/activities', query: { new: '1', orgId: o.orgId, type: f.rule.type, month, ...(f.groupId ? { groupId: f.groupId } : {}) } },
      });
    }
  }
  if (later.length)
    items.push({
      id: 'life:later',
      urgency: 'month',
      title: `本季度、本年度还有 ${later.length} 项组织生活待开展`,
      detail: [...new Set(later.map((f) => f.rule.type))].join('、'),
      due: later.map((f) => periodEnd(f.period)).sort()[0],
      link: { path: '/activities/calendar', query: {} },
    });
  if (past.length)
    items.push({
      id: 'life:past',
      urgency: 'overdue',
      title: `往期缺失 ${past.length} 项 → 查看`,
      detail: `${[...new Set(past.map((f) => f.branch))].length} 个党组织的往期组织生活未开展或未达法定人数，可在组织生活日历中逐项补记`,
      due: null,
      link: { path: '/activities/calendar', query: {} },
    });
  return items;
}
