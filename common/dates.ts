/** Calendar arithmetic on ISO date strings (YYYY-MM-DD, no time zones involved). */

export function parts(d: string): [number, number, number] {
  const [y, m, day] = d.split('-').map(Number);
  return [y, m, day];
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function fmt(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds calendar months; a day past the target month's end clamps to its last day. */
export function addMonths(d: string, n: number): string {
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

export function addYears(d: string, n: number): string {
  return addMonths(d, n * 12);
}

export function addDays(d: string, n: number): string {
  const [y, m, day] = parts(d);
  const t = new Date(Date.UTC(y, m - 1, day + n));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole years from `from` to `on` (age on a date). */
export function yearsBetween(from: string, on: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(on);
  let years = y2 - y1;
  if (m2 < m1 || (m2 === m1 && d2 < d1)) years--;
  return years;
}

export function monthOf(d: string): string {
  return d.slice(0, 7);
}
