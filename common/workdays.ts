/**
 * Working days (工作日) by a holiday calendar: Monday to Friday, less the statutory
 * holidays (法定节假日) and plus the 调休 working weekend days, both set each year by
 * the 国务院办公厅's 放假安排 notice. The calendar is data, one entry per year; the
 * ledger ships the years it can name a notice for, and a unit adds later years
 * itself. A year the calendar does not know is counted Monday to Friday and every
 * date derived from it is marked 暂算 (provisional), with the reason.
 */
import { addDays, parts } from './dates.ts';

/** One year's 放假安排: the days off and the weekend days worked, with the notice they come from. */
export interface HolidayYear {
  year: number;
  /** Days off (YYYY-MM-DD), weekends inside a holiday included or not: a listed day is never a working day. */
  holidays: string[];
  /** 调休 weekend days that are working days (YYYY-MM-DD). */
  workdays: string[];
  /** The notice the days come from, or "本单位录入：…". */
  source: string;
}

export type HolidayCalendar = readonly HolidayYear[];

const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

/** The years whose 放假安排 the ledger ships, typed in from the State Council notices named in `source`. */
export const STATE_COUNCIL_HOLIDAYS: HolidayCalendar = [
  {
    year: 2025,
    holidays: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    source: '《国务院办公厅关于2025年部分节假日安排的通知》（2024年11月12日）',
  },
  {
    year: 2026,
    holidays: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    source: '《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日）',
  },
];

/** The shipped years with the unit's own entries laid over them (a unit's entry for a year replaces the shipped one). */
export function mergeCalendar(unit: HolidayCalendar | null | undefined, shipped: HolidayCalendar = STATE_COUNCIL_HOLIDAYS): HolidayYear[] {
  const by = new Map<number, HolidayYear>();
  for (const y of shipped) by.set(y.year, y);
  for (const y of unit ?? []) by.set(y.year, y);
  return [...by.values()].sort((a, b) => a.year - b.year);
}

/** A year's entry checked: every date in its own year, no day both off and worked, 调休 days on weekends. Returns the first problem, or null. */
export function checkHolidayYear(y: HolidayYear): string | null {
  const inYear = (d: string) => d.startsWith(`${y.year}-`);
  const bad = [...y.holidays, ...y.workdays].find((d) => !inYear(d));
  if (bad) return `${bad} 不在 ${y.year} 年内`;
  const both = y.holidays.find((d) => y.workdays.includes(d));
  if (both) return `${both} 不能既放假又上班`;
  const weekday = y.workdays.find((d) => !isWeekend(d));
  if (weekday) return `调休上班日 ${weekday} 不是周六或周日`;
  return null;
}

export function isWeekend(day: string): boolean {
  const [y, m, d] = parts(day);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 || wd === 6;
}

const yearOf = (day: string) => Number(day.slice(0, 4));

/** Whether a day is a working day, and whether the calendar knew its year. */
export function workingDay(day: string, calendar: HolidayCalendar): { working: boolean; known: boolean } {
  const y = calendar.find((c) => c.year === yearOf(day));
  if (!y) return { working: !isWeekend(day), known: false };
  if (y.holidays.includes(day)) return { working: false, known: true };
  if (y.workdays.includes(day)) return { working: true, known: true };
  return { working: !isWeekend(day), known: true };
}

/** A count or date derived partly from years the calendar does not know. */
export interface Provisional {
  /** The years counted Monday to Friday (empty: the count is firm). */
  unknownYears: number[];
  /** "暂算" reason, e.g. "2027年节假日安排未录入，按周一至周五暂算" (null: firm). */
  provisional: string | null;
}

export function provisionalReason(years: number[]): string | null {
  return years.length ? `${years.map((y) => `${y}年`).join('、')}节假日安排未录入，按周一至周五暂算` : null;
}

function provisionalOf(years: Set<number>): Provisional {
  const unknownYears = [...years].sort((a, b) => a - b);
  return { unknownYears, provisional: provisionalReason(unknownYears) };
}

/** Working days from `start` to `end`, both included. */
export function countWorkingDays(start: string, end: string, calendar: HolidayCalendar): Provisional & { days: number } {
  let days = 0;
  const unknown = new Set<number>();
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const w = workingDay(d, calendar);
    if (!w.known) unknown.add(yearOf(d));
    if (w.working) days++;
  }
  return { days, ...provisionalOf(unknown) };
}

/**
 * The day on which `n` working days counted from `start` (included when it is a
 * working day) are complete: a 公示 of 5 working days from Mon 2026-06-15 ends on
 * Mon 06-22, since 06-19 is 端午.
 */
export function workingDaysEnd(start: string, n: number, calendar: HolidayCalendar): Provisional & { end: string } {
  const unknown = new Set<number>();
  let d = start;
  let count = 0;
  for (let guard = 0; guard < 3660; guard++, d = addDays(d, 1)) {
    const w = workingDay(d, calendar);
    if (!w.known) unknown.add(yearOf(d));
    if (w.working && ++count >= n) break;
  }
  return { end: d, ...provisionalOf(unknown) };
}
