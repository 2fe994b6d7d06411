/**
 * 学习教育 — 理论学习中心组 and 第一议题 (issue 13 items 1–2, study.md 8.2–8.3):
 * the plan topic and member schemas, labels, settings, the 落实率 and a plan
 * topic's progress. Pure: no database here.
 */
import { z } from 'zod';
import { PLAN_FORMS, type PlanForm } from '../../common/enums.ts';
import { optText, ref, text, year } from '../validate.ts';
import { FIRST_TOPIC_TYPES_SETTING, DEFAULT_FIRST_TOPIC_TYPES } from '../activities/study-fields.ts';

export { PLAN_FORMS, type PlanForm };

/** 中心组学规则 (study.md 8.2): cited exactly; its frequency clauses were not obtained. */
export const CENTRAL_GROUP_RULE = {
  title: '《中国共产党党委（党组）理论学习中心组学习规则》',
  source: '《中国共产党党委（党组）理论学习中心组学习规则》（中共中央办公厅，2017年1月30日印发，共5章17条）',
  note: '该规则关于学习次数的条款未能核实，全国统一的频次要求未找到；每季度至少1次为地方做法（可在单位设置中调整）。',
};
/** 第一议题 (study.md 8.3): local practice only. */
export const FIRST_TOPIC_RULE = {
  source: '地方做法：党委会、中心组学习和“三会一课”把学习习近平新时代中国特色社会主义思想和习近平总书记最新重要讲话、重要指示精神作为第一议题（未找到全国统一规定）',
  rate: '落实率＝记录了第一议题的会议数÷期间召开的纳入统计的会议数；期间没有会议时显示“—”。',
};

export const studySettingDefaults = {
  /** which meeting types the 第一议题 落实率 and the 缺第一议题 findings cover (study.md 8.3, local practice) */
  [FIRST_TOPIC_TYPES_SETTING]: [...DEFAULT_FIRST_TOPIC_TYPES],
};

export const topicInput = z.object({
  year,
  title: text(200),
  month: z.coerce.number({ error: '应为月份' }).int('应为月份').min(1, '应为 1–12 月').max(12, '应为 1–12 月'),
  form: z.enum(PLAN_FORMS, { error: '应为 集中学习、专题研讨、专题党课 或 个人自学' }),
  lead: optText(60),
  note: optText(500),
});
export type TopicInput = z.output<typeof topicInput>;

export const memberInput = z.object({ year, name: text(30), post: optText(60), memberId: ref.nullish().transform((v) => v || null) });

export const studyLabels: Record<string, string> = {
  year: '年度',
  title: '专题名称',
  month: '计划月份',
  sortOrder: '排列顺序',
  form: '学习形式',
  lead: '领学人',
  note: '备注',
  name: '姓名',
  post: '职务',
  memberId: '党员',
  ids: '专题顺序',
  from: '开始日期',
  to: '结束日期',
  [FIRST_TOPIC_TYPES_SETTING]: '第一议题统计的会议类型',
  types: '会议类型',
};

/** 3 of 4 → 75; one decimal, half up; null when there were no meetings (shown "—", never 100%). */
export function rateOf(withTopic: number, meetings: number): number | null {
  if (!meetings) return null;
  return Math.floor((withTopic * 2000 + meetings) / (2 * meetings)) / 10;
}

export const rateText = (r: number | null): string => (r === null ? '—' : `${r}%`);

export type TopicStatus = 'done' | 'due' | 'overdue' | 'planned' | 'self';
export const TOPIC_STATUS_LABEL: Record<TopicStatus, string> = { done: '已完成', due: '本月应学', overdue: '已逾期', planned: '未到期', self: '个人自学' };

/**
 * A topic is done once a record covers it; otherwise due in its month and overdue after it (judged on `today`).
 * A 个人自学 topic has no meeting to prove it: from its month on it is 'self' (members study it on their own;
 * a linked record still makes it done), never overdue.
 */
export function topicStatus(year: number, month: number, done: boolean, today: string, form?: string): TopicStatus {
  if (done) return 'done';
  const planned = `${year}-${String(month).padStart(2, '0')}`;
  const now = today.slice(0, 7);
  if (planned > now) return 'planned';
  if (form === '个人自学') return 'self';
  return planned < now ? 'overdue' : 'due';
}
