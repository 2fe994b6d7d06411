/**
 * What a summary quotes for a period (study.md 8.2–8.3): 中心组 sessions
 * (集中学习 records) with their 参学人次 (sum of those present), 专题研讨 counted
 * apart, and the 第一议题 落实率 over the covered meeting types; and the plan's
 * progress. Reads the activity records through the activities service.
 */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { attendanceOf, queryActivities, type Joined } from '../activities/service.ts';
import { CENTRAL_GROUP, FIRST_TOPIC_TYPES_SETTING, studyFromRow, type FirstTopic } from '../activities/study-fields.ts';
import { planTopics, type PlanTopic } from './plan.ts';
import { rateOf, rateText, topicStatus, type TopicStatus } from './model.ts';

export interface StudyStats {
  from: string;
  to: string;
  centralGroup: { sessions: number; attendances: number; seminars: number };
  firstTopic: { meetings: number; withFirstTopic: number; rate: number | null; types: string[] };
  sentences: string[];
}

export interface FirstTopicMeeting {
  id: string;
  heldOn: string;
  orgName: string;
  type: string;
  topic: string | null;
  present: number;
  firstTopic: FirstTopic | null;
}

export async function firstTopicTypes(ctx: Ctx): Promise<string[]> {
  return (await getSetting<string[]>(ctx.db, FIRST_TOPIC_TYPES_SETTING)) ?? [];
}

/** The meetings of the covered types held in the period, oldest first, with their 第一议题 (null: none recorded). */
export async function firstTopicMeetings(ctx: Ctx, q: { from: string; to: string }): Promise<{ types: string[]; meetings: FirstTopicMeeting[] }> {
  const types = await firstTopicTypes(ctx);
  const rows = (await queryActivities(ctx.db, { from: q.from, to: q.to })).filter((r) => types.includes(r.type)).reverse();
  const att = await attendanceOf(ctx.db, rows.map((r) => r.id));
  return {
    types,
    meetings: rows.map((r) => ({
      id: r.id, heldOn: r.held_on, orgName: r.org_name, type: r.type, topic: r.topic,
      present: (att.get(r.id) ?? []).filter((a) => a.status === '出席').length,
      firstTopic: studyFromRow(r).firstTopic,
    })),
  };
}

export const isSeminar = (r: Pick<Joined, 'study_form'>) => r.study_form === '专题研讨';

export async function studyStats(ctx: Ctx, q: { from: string; to: string }): Promise<StudyStats> {
  const central = await queryActivities(ctx.db, { from: q.from, to: q.to, type: CENTRAL_GROUP });
  const sessions = central.filter((r) => !isSeminar(r));
  const att = await attendanceOf(ctx.db, sessions.map((r) => r.id));
  const attendances = sessions.reduce((s, r) => s + (att.get(r.id) ?? []).filter((a) => a.status === '出席').length, 0);
  const seminars = central.length - sessions.length;
  const { types, meetings } = await firstTopicMeetings(ctx, q);
  const withFirstTopic = meetings.filter((m) => m.firstTopic).length;
  const rate = rateOf(withFirstTopic, meetings.length);
  return {
    from: q.from,
    to: q.to,
    centralGroup: { sessions: sessions.length, attendances, seminars },
    firstTopic: { meetings: meetings.length, withFirstTopic, rate, types },
    sentences: [`中心组集中学习${sessions.length}次，累计参学${attendances}人次`, `开展专题研讨${seminars}次`, `“第一议题”落实率${rateText(rate)}`],
  };
}

export interface TopicProgress extends PlanTopic {
  status: TopicStatus;
  records: { id: string; heldOn: string; type: string; topic: string | null }[];
}

export interface PlanProgress {
  year: number;
  today: string;
  topics: TopicProgress[];
  counts: Record<TopicStatus, number>;
}

export async function planProgress(ctx: Ctx, year: number): Promise<PlanProgress> {
  const today = ctx.platform.today();
  const topics = await planTopics(ctx.db, year);
  const ids = topics.map((t) => t.id);
  const linked = ids.length
    ? await ctx.db.selectFrom('activities').select(['id', 'held_on', 'type', 'topic', 'plan_topic_id']).where('plan_topic_id', 'in', ids).where('deleted_at', 'is', null).orderBy('held_on').execute()
    : [];
  const counts: Record<TopicStatus, number> = { done: 0, due: 0, overdue: 0, planned: 0, self: 0 };
  const out = topics.map((t) => {
    const records = linked.filter((r) => r.plan_topic_id === t.id).map((r) => ({ id: r.id, heldOn: r.held_on, type: r.type, topic: r.topic }));
    const status = topicStatus(year, t.month, records.length > 0, today, t.form);
    counts[status]++;
    return { ...t, status, records };
  });
  return { year, today, topics: out, counts };
}
