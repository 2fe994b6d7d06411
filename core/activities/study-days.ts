/**
 * activities/study-days: a month's 政治学习日 as the monthly 学习提醒 needs it — the
 * day of each week by the preferred weekday, and per branch which weeks are held.
 * Weeks are those whose Monday falls in the month (weekly.ts).
 */
import type { Ctx } from '../context.ts';
import { loadOrgs } from './compliance-load.ts';
import { ledgerStartDate } from '../settings/start-date.ts';
import { addDays } from '../../common/dates.ts';
import { STUDY_DAY_RULE, WEEKDAY_LABEL, loadStudyRecords, mondaysOf, studyDaySetting, judgedFrom, weeksOf, type WeekStatus } from './weekly.ts';
import { ruleAppliesTo } from './rules.ts';

export interface StudyDays {
  month: string;
  /** off: the weeks are listed but none is judged missing */
  enabled: boolean;
  weekday: number;
  weekdayLabel: string;
  since: string | null;
  basis: string;
  /** the planned day of each week, by the preferred weekday */
  dates: string[];
  branches: { orgId: string; name: string; held: number; weeks: WeekStatus[] }[];
}

export async function studyDays(ctx: Ctx, month: string): Promise<StudyDays> {
  const today = ctx.platform.today();
  const mondays = mondaysOf(month);
  const [setting, orgs, startDate] = await Promise.all([studyDaySetting(ctx.db), loadOrgs(ctx.db), ledgerStartDate(ctx.db, today)]);
  const records = mondays.length ? await loadStudyRecords(ctx.db, mondays[0], addDays(mondays.at(-1)!, 6)) : [];
  const branches = orgs
    .filter((o) => ruleAppliesTo(STUDY_DAY_RULE, o))
    .map((o) => {
      const weeks = weeksOf(month, records.filter((r) => r.orgId === o.id), today, judgedFrom(startDate, setting), setting.weekday, o.establishedOn).map((w) =>
        // switched off: nothing is owed, a week without a record is only "not yet held"
        setting.enabled || (w.status !== 'missing' && w.status !== 'due') ? w : { ...w, status: 'upcoming' as const },
      );
      return { orgId: o.id, name: o.name, held: weeks.filter((w) => w.status === 'held').length, weeks };
    });
  return {
    month,
    enabled: setting.enabled,
    weekday: setting.weekday,
    weekdayLabel: WEEKDAY_LABEL[setting.weekday],
    since: setting.since,
    basis: STUDY_DAY_RULE.basis,
    dates: mondays.map((m) => addDays(m, setting.weekday - 1)),
    branches,
  };
}
