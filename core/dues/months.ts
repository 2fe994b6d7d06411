/** 'YYYY-MM' arithmetic and the months a member owes dues in. */
import type { DuesSettings } from './settings.ts';
import { addMonth } from '../../common/months.ts';

// Month arithmetic and labels are side-agnostic (common/); re-exported for the core's importers.
export { addMonth, monthFromIndex, monthIndex, monthRange, quarterMonths, yearMonths } from '../../common/months.ts';
export { monthLabel } from '../../common/labels.ts';

export interface MembershipSpan {
  join_date: string;
  left_type: string | null;
  left_date: string | null;
  /** 转入: the month from which the member pays here */
  dues_start?: string | null;
}

/**
 * The first month a member owes dues: the 支部大会 admission month (reference
 * §1.6: dues start from that day; the first month is a unit setting).
 */
export function firstDueMonth(m: MembershipSpan, s: Pick<DuesSettings, 'probationStart'>): string {
  const jm = m.join_date.slice(0, 7);
  const first = s.probationStart === 'next-month' ? addMonth(jm, 1) : jm;
  return m.dues_start && m.dues_start > first ? m.dues_start : first;
}

/**
 * The last month a member owes here, or null while on the roster. A transfer
 * out pays up to and including the month of transfer (§1.10); for other ways of
 * leaving (去世, 出党, 停止党籍) the month of leaving is not owed.
 */
export function lastDueMonth(m: MembershipSpan): string | null {
  if (!m.left_type || !m.left_date) return null;
  const lm = m.left_date.slice(0, 7);
  return m.left_type === '转出' ? lm : addMonth(lm, -1);
}
