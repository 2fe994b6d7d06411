/**
 * The 政治学习日 a new record is dated on: the unit's weekday (activities.studyDay.weekday, 1 Monday … 7
 * Sunday) in the week (Monday to Sunday) of `today`; when that day is still ahead, the same day of the week
 * before, the latest one already held (a record describes a meeting that took place).
 */
export function studyDayOfWeek(today: string, weekday: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  const iso = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  const day = Number.isInteger(weekday) && weekday >= 1 && weekday <= 7 ? weekday : 5;
  const shift = day - iso <= 0 ? day - iso : day - iso - 7;
  d.setUTCDate(d.getUTCDate() + shift);
  return d.toISOString().slice(0, 10);
}
