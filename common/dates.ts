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

/**
 * An instant (ISO with time, e.g. 2026-12-01T12:02:00.000Z) as the clerk reads
 * it, in local time: "2026-12-01 20:02". The one time format of the app (操作日志,
 * 回收站, backups, messages). `offsetMinutes` east of UTC defaults to this
 * machine's zone; tests pass it. Text that is not an instant comes back as is.
 */
export function localDateTime(iso: string | null | undefined, offsetMinutes?: number): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const off = offsetMinutes ?? -new Date(t).getTimezoneOffset();
  const d = new Date(t + off * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}
