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

/**
 * A date as a clerk types it: 2026-10-15, 2026/10/15, 2026.10.15, 20261015 or
 * 2026年10月15日 (spaces ignored; one-digit month and day allowed where a
 * separator marks them). Returns the ISO date, or null for text that is not a
 * date or names an impossible one (2026-13-45, 2026-02-30).
 */
export function parseTypedDate(text: string): string | null {
  const s = text.replace(/\s+/g, '');
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return fmt(y, mo, d);
}

/** A month as typed: 2026-10, 2026/10, 2026.10, 202610 or 2026年10月; the ISO month (YYYY-MM) or null. */
export function parseTypedMonth(text: string): string | null {
  const s = text.replace(/\s+/g, '');
  const m = /^(\d{4})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12) return null;
  return fmt(y, mo, 1).slice(0, 7);
}
