/**
 * 本月待办 from 党费 (core/dues/overview.ts, the same figures as the home card): each branch whose members on the
 * roster still owe this month (one member: straight to the payment form), members in arrears past the unit's
 * warning threshold, and the 年度核定 when the year's standards are not fixed yet.
 */
import type { Ctx } from '../context.ts';
import { duesOverview } from '../dues/overview.ts';
import { monthPeriod } from '../activities/rules.ts';
import { addDays } from '../../common/dates.ts';
import { monthLabel } from '../../common/labels.ts';
import type { TodoItem } from './model.ts';

const endOf = (m: string) => monthPeriod(Number(m.slice(0, 4)), Number(m.slice(5, 7))).to;

export async function duesItems(ctx: Ctx, today: string): Promise<TodoItem[]> {
  const month = today.slice(0, 7);
  const o = await duesOverview(ctx, month);
  const due = endOf(month);
  const urgency = due <= addDays(today, 6) ? 'week' : 'month';
  const items: TodoItem[] = [];
  if (o.assessment.needed)
    items.push({
      id: `dues:assess:${o.assessment.year}`,
      urgency: 'week',
      title: o.assessment.yearAssessed ? `${o.assessment.year}年还有 ${o.unassessed} 名党员未核定党费标准` : `${o.assessment.year}年党费标准尚未核定`,
      detail: '核定前，这些月份暂不计入应交和欠缴',
      due: null,
      link: { path: '/dues/assessment', query: {} },
    });
  const inArrears = new Set<string>();
  for (const a of o.arrears) {
    if (a.leftType) continue;
    inArrears.add(a.memberId);
    items.push({
      id: `dues:arrears:${a.memberId}`,
      urgency: 'overdue',
      title: `${a.member}（${a.branch}）连续 ${a.consecutiveUnpaidMonths} 个月未交党费`,
      detail: `${monthLabel(a.months[0])}至${monthLabel(a.months[a.months.length - 1])}；${a.action}`,
      // the longest run first: it fell due at the end of its first unpaid month
      due: endOf(a.months[0]),
      link: { path: '/dues/collection', query: { new: '1', branchId: a.branchId, memberId: a.memberId, month: a.months[0] } },
    });
  }
  for (const b of o.branches) {
    const unpaid = b.unpaid.filter((u) => !inArrears.has(u.memberId));
    if (!unpaid.length) continue;
    const one = unpaid.length === 1 ? unpaid[0] : null;
    items.push({
      id: `dues:month:${b.branchId}:${month}`,
      urgency,
      title: one ? `${b.branch}：${one.member}本月党费未交` : `${b.branch}：本月 ${unpaid.length} 人党费未交`,
      detail: unpaid.slice(0, 6).map((u) => u.member).join('、') + (unpaid.length > 6 ? ` 等 ${unpaid.length} 人` : ''),
      due,
      link: { path: '/dues/collection', query: one ? { new: '1', branchId: b.branchId, memberId: one.memberId, month } : { branchId: b.branchId, month } },
    });
  }
  return items;
}
