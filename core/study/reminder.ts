/**
 * The monthly 学习提醒 (templates/study-reminder.ts): the summary's "每月下发学习提醒" — the plan's topics of
 * the month and the earlier ones still open, the 政治学习日 dates (only when the unit keeps the weekly rule),
 * the 学时 rule and, from October on (core/hours/findings.ts), the members still short of it.
 */
import type { Ctx } from '../context.ts';
import { studyDays } from '../activities/study-days.ts';
import { basisText, shortMembers } from '../hours/findings.ts';
import { yearRule } from '../hours/queries.ts';
import { daysInMonth, fmt } from '../../common/dates.ts';
import { hoursText } from '../hours/model.ts';
import { studyReminderDocument, type ReminderShortBranch, type ReminderTopic } from '../../templates/study-reminder.ts';
import { planProgress, type TopicProgress } from './queries.ts';
import { committeeName } from './export.ts';

const topicOf = (t: TopicProgress): ReminderTopic => ({ no: t.seq, title: t.title, form: t.form, lead: t.lead });

export async function exportStudyReminder(ctx: Ctx, month: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const year = Number(month.slice(0, 4));
  const mon = Number(month.slice(5, 7));
  const today = ctx.platform.today();
  const plan = await planProgress(ctx, year);
  const days = await studyDays(ctx, month);
  // the month's last day, or today within the month: who is short "截至目前"
  const monthEnd = fmt(year, mon, daysInMonth(year, mon));
  const asOf = today < monthEnd ? today : monthEnd;
  const short = await shortMembers(ctx, year, asOf);
  const byBranch = new Map<string, ReminderShortBranch>();
  for (const m of short?.members ?? []) {
    const b = byBranch.get(m.branch) ?? { branch: m.branch, people: [] };
    b.people.push(`${m.name}（已${hoursText(m.totalTenths)}学时，应${hoursText(m.requiredTenths)}学时${m.centralTrainings < m.requiredCentral ? '，缺集中培训' : ''}）`);
    byBranch.set(m.branch, b);
  }
  const bytes = await studyReminderDocument({
    month,
    committee: await committeeName(ctx),
    addressees: '党委理论学习中心组各位成员，各党支部',
    topics: plan.topics.filter((t) => t.month === mon).map(topicOf),
    overdue: plan.topics.filter((t) => t.month < mon && t.status === 'overdue').map(topicOf),
    studyDays: days.enabled ? days.dates : null,
    studyWeekday: days.enabled ? days.weekdayLabel : null,
    short: short ? [...byBranch.values()] : null,
    // before October nobody is counted: the rule alone, without computing everyone's hours
    hoursRule: `${short?.basis ?? basisText((await yearRule(ctx.db, year)).values)}。`,
    issuedOn: today < `${month}-01` ? `${month}-01` : asOf,
  });
  return { fileName: `${year}年${mon}月学习提醒.docx`, bytes };
}
