/**
 * The weekly rule of 政治学习日 (a local practice, off by default; setting
 * activities.studyDay.enabled). A week is an ISO week, Monday to Sunday, and is
 * held when a 政治学习日 record of the branch dates within it. The calendar has
 * one cell per month; a week split across two months counts in the month of its
 * Monday, so every week is judged exactly once. A week is never missing when it
 * ended before the 台账启用日期, or has not begun.
 */
import type { Tx } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import { addDays, fmt } from '../../common/dates.ts';
import { SETTINGS, ruleAppliesTo } from './rules.ts';
import type { CalendarCell, CalendarOrg, CalendarRule, CellStatus } from './compliance.ts';

export const STUDY_DAY = '政治学习日';
export const WEEKDAY_LABEL = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

export interface StudyDaySetting {
  enabled: boolean;
  /** 1 Monday … 7 Sunday; only prefills dates and the reminder */
  weekday: number;
  /** the day the unit's rule took effect (ISO date) or null: weeks that ended before it are not judged, like those before the 台账启用日期 */
  since: string | null;
}

export const STUDY_DAY_BASIS = '地方做法（每周政治学习日制度），非全国统一规定；默认关闭';

/** The rule as the calendar and the check show it (not a version of the national rules: a unit switches it on). */
export const STUDY_DAY_RULE: CalendarRule = {
  label: '政治学习日每周',
  version: 0,
  type: STUDY_DAY,
  scope: 'branch',
  frequency: 'week',
  basis: `${STUDY_DAY_BASIS}。按自然周（星期一至星期日）检查，跨月的周计入其星期一所在的月份；台账启用前和尚未开始的周不作检查`,
};

export async function studyDaySetting(tx: Tx): Promise<StudyDaySetting> {
  const [enabled, weekday, since] = await Promise.all([getSetting<boolean>(tx, SETTINGS.studyDayEnabled), getSetting<number>(tx, SETTINGS.studyDayWeekday), getSetting<string | null>(tx, SETTINGS.studyDaySince)]);
  return { enabled: enabled === true, weekday: Number.isInteger(weekday) && weekday >= 1 && weekday <= 7 ? weekday : 5, since: since || null };
}

/** The first day judged: the later of the 台账启用日期 and the rule's own start. */
export function judgedFrom(startDate: string, setting: StudyDaySetting): string {
  return setting.since && setting.since > startDate ? setting.since : startDate;
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Mondays of a month (YYYY-MM): the weeks that count in it. */
export function mondaysOf(month: string): string[] {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const first = fmt(y, m, 1);
  const out: string[] = [];
  for (let d = addDays(first, (8 - isoWeekday(first)) % 7); d.slice(0, 7) === month; d = addDays(d, 7)) out.push(d);
  return out;
}

export interface WeekStatus {
  monday: string;
  sunday: string;
  /** the preferred weekday of that week (prefills a new record) */
  planned: string;
  status: Extract<CellStatus, 'held' | 'due' | 'missing' | 'upcoming' | 'before-start' | 'n/a'>;
  activityIds: string[];
}

export interface StudyRecord {
  id: string;
  orgId: string;
  heldOn: string;
}

/** Each week of a month for one branch. */
export function weeksOf(month: string, records: StudyRecord[], asOf: string, startDate: string, weekday: number, establishedOn: string | null): WeekStatus[] {
  return mondaysOf(month).map((monday) => {
    const sunday = addDays(monday, 6);
    const ids = records.filter((r) => r.heldOn >= monday && r.heldOn <= sunday).map((r) => r.id);
    const status: WeekStatus['status'] = ids.length
      ? 'held'
      : establishedOn && establishedOn > sunday
        ? 'n/a'
        : sunday < startDate
          ? 'before-start'
          : asOf < monday
            ? 'upcoming'
            : asOf > sunday
              ? 'missing'
              : 'due';
    return { monday, sunday, planned: addDays(monday, weekday - 1), status, activityIds: ids };
  });
}

const WORST: WeekStatus['status'][] = ['missing', 'due', 'held', 'upcoming', 'before-start', 'n/a'];
const md = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The month cells of the weekly rule, for every branch (cell.weeks carries "3/4周"). */
export function weeklyCells(year: number, asOf: string, orgs: (CalendarOrg & { establishedOn: string | null })[], records: StudyRecord[], startDate: string, setting: StudyDaySetting): CalendarCell[] {
  const cells: CalendarCell[] = [];
  const from = judgedFrom(startDate, setting);
  for (const org of orgs.filter((o) => ruleAppliesTo(STUDY_DAY_RULE, o))) {
    const own = records.filter((r) => r.orgId === org.id);
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      const weeks = weeksOf(month, own, asOf, from, setting.weekday, org.establishedOn);
      const status = WORST.find((w) => weeks.some((x) => x.status === w)) ?? 'upcoming';
      const held = weeks.filter((w) => w.status === 'held').length;
      const unheld = weeks.filter((w) => w.status === 'missing' || w.status === 'due');
      const missing = unheld.filter((w) => w.status === 'missing').map((w) => `${md(w.monday)}—${md(w.sunday)}`);
      const detail = status === 'n/a' || status === 'before-start' || status === 'upcoming' ? null : `已开展${held}/${weeks.length}周${missing.length ? `；未开展：${missing.join('、')}` : ''}`;
      cells.push({
        orgId: org.id,
        type: STUDY_DAY,
        period: month,
        status,
        activityIds: weeks.flatMap((w) => w.activityIds),
        detail,
        weeks: { held, total: weeks.length },
        ...(unheld.length ? { prefillOn: unheld[0].planned } : {}),
      });
    }
  }
  return cells;
}

/** The 政治学习日 records of the weeks whose Monday falls in a year (a week may end in the next January). */
export async function loadStudyRecords(tx: Tx, from: string, to: string): Promise<StudyRecord[]> {
  const rows = await tx.selectFrom('activities').select(['id', 'org_id', 'held_on']).where('deleted_at', 'is', null).where('type', '=', STUDY_DAY).where('held_on', '>=', from).where('held_on', '<=', to).orderBy('held_on').execute();
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, heldOn: r.held_on }));
}

/** The span of the weeks counted in a year: its first Monday to the Sunday after its last Monday. */
export function weeksSpan(year: number): { from: string; to: string } {
  return { from: mondaysOf(`${year}-01`)[0], to: addDays(mondaysOf(`${year}-12`).at(-1)!, 6) };
}
