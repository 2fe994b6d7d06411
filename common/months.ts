/** 'YYYY-MM' arithmetic: months, quarters and years of the ledger, no time zones involved. */

export function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

export function monthFromIndex(i: number): string {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** 2026-11 + 2 → 2027-01 */
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
