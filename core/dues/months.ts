/** 'YYYY-MM' arithmetic and the months a member owes dues in. */
import type { DuesSettings } from './settings.ts';

export function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

export function monthFromIndex(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function addMonth(m: string, n: number): string {
  return monthFromIndex(monthIndex(m) + n);
}

/** Months from a to b inclusive (empty when b < a). */
export function monthRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(a); i <= monthIndex(b); i++) out.push(monthFromIndex(i));
  return out;
}

export function yearMonths(year: number): string[] {
  return monthRange(`${year}-01`, `${year}-12`);
}

export function quarterMonths(year: number, q: number): string[] {
  return monthRange(`${year}-${String(q * 3 - 2).padStart(2, '0')}`, `${year}-${String(q * 3).padStart(2, '0')}`);
}

/** 2026-07 → 2026年7月 */
export function monthLabel(m: string): string {
  return `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
}

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
