/**
 * 本月待办 from 发展党员 (core/development reminders: 已逾期, 本月到期, 本月可办) and from 组织关系转接
 * (core/transfers receipts: overdue or expired receipts, our own receipts to send), and 换届 due by the end of the
 * month (core/org: the term's end).
 */
import type { Ctx } from '../context.ts';
import { reminders } from '../development/roster.ts';
import { transferAlerts } from '../transfers/receipts.ts';
import { orgTree, type OrgUnit } from '../org/service.ts';
import { addDays } from '../../common/dates.ts';
import type { TodoItem } from './model.ts';

export async function developmentItems(ctx: Ctx, today: string): Promise<TodoItem[]> {
  const { items } = await reminders(ctx, today.slice(0, 7));
  const weekEnd = addDays(today, 6);
  return items.map((r) => {
    const due = r.kind === '本月可办' ? null : r.latest;
    return {
      id: `dev:${r.fileId}:${r.step}`,
      urgency: r.kind === '已逾期' ? 'overdue' : due && due <= weekEnd ? 'week' : 'month',
      title: `${r.name}（${r.branchName}）：第${r.step}步 ${r.stepName}${r.kind === '本月可办' ? '本月可办' : r.kind === '已逾期' ? '已逾期' : '本月到期'}`,
      detail: r.provisional ? `${r.message}（暂算：${r.provisional}）` : r.message,
      due,
      link: { path: '/development/file', query: { id: r.fileId, step: String(r.step) } },
    } satisfies TodoItem;
  });
}

export async function transferItems(ctx: Ctx, today: string): Promise<TodoItem[]> {
  void today;
  const { alerts } = await transferAlerts(ctx);
  return alerts.map((a) => {
    // the message's first clause names the member and the letter; the rest says what to do
    const cut = a.message.indexOf('，');
    return {
    id: `transfer:${a.transferId}:${a.level}`,
    urgency: a.level === 'info' ? 'month' : 'overdue',
    title: cut > 0 ? a.message.slice(0, cut) : a.message,
    detail: cut > 0 ? a.message.slice(cut + 1) : '',
    due: null,
    link: { path: '/transfers/receipts', query: { open: a.transferId } },
    } satisfies TodoItem;
  });
}

export async function termItems(ctx: Ctx, today: string, monthEnd: string): Promise<TodoItem[]> {
  const items: TodoItem[] = [];
  const walk = (u: OrgUnit) => {
    if (u.termDueOn && u.termDueOn <= monthEnd) {
      const overdue = u.termDueOn < today;
      items.push({
        id: `term:${u.id}`,
        urgency: overdue ? 'overdue' : u.termDueOn <= addDays(today, 6) ? 'week' : 'month',
        title: overdue ? `${u.name}任期已满，应换届` : `${u.name}应于 ${u.termDueOn} 前换届`,
        detail: `任期届满日 ${u.termDueOn}；换届后在“组织架构”中登记新一届委员`,
        due: u.termDueOn,
        link: { path: '/org', query: {} },
      });
    }
    u.children.forEach(walk);
  };
  (await orgTree(ctx)).forEach(walk);
  return items;
}
