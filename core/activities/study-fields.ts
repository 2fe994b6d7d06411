/**
 * The study fields of an activity record (migration …_study): on every record
 * the 第一议题 (study.md 8.3: what was studied first — the speech or
 * instruction, its date and source — and how), and on a 中心组学习 its form
 * (集中学习 / 专题研讨), the 学习安排 topic it covers and its speakers. The
 * activities service writes them with the rest of the record (one writer).
 */
import { z } from 'zod';
import type { ActivitiesTable } from '../../db/schema.ts';
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { isoDate, optText, ref } from '../validate.ts';
import { STUDY_FORMS, type StudyForm } from '../../common/enums.ts';
import { chineseDate } from '../../common/labels.ts';

export const CENTRAL_GROUP = '理论学习中心组学习';
export const COMMITTEE_MEETING = '党委会';

export interface FirstTopic {
  /** the speech, instruction or article studied first */
  title: string;
  on: string | null;
  /** where it was published (e.g. 《求是》2026年第1期, 新华社) */
  source: string | null;
  /** how it was studied: 原文学习, 传达学习, 交流研讨 …, and what was decided */
  how: string | null;
}

export interface Speaker {
  name: string;
  subject: string;
}

export interface StudyFields {
  studyForm: StudyForm | null;
  planTopicId: string | null;
  speakers: Speaker[];
  firstTopic: FirstTopic | null;
}

const firstTopicSchema = z
  .object({
    title: optText(200),
    on: z.union([isoDate, z.literal(''), z.null()]).optional().transform((v) => v || null),
    source: optText(200),
    how: optText(1000),
  })
  .nullish()
  .transform((f) => (f && (f.title || f.on || f.source || f.how) ? f : null))
  .refine((f) => !f || f.title, '请填写第一议题的学习内容（讲话或指示的题目）')
  .transform((f) => (f ? ({ title: f.title!, on: f.on, source: f.source ?? null, how: f.how ?? null } satisfies FirstTopic) : null));

export const studyFieldsShape = {
  studyForm: z.enum(STUDY_FORMS, { error: '应为 集中学习 或 专题研讨' }).nullish().transform((v) => v ?? null),
  planTopicId: ref.nullish().transform((v) => v || null),
  speakers: z
    .array(z.object({ name: z.string().trim().max(30, '姓名不能超过 30 字'), subject: z.string().trim().max(200, '发言题目不能超过 200 字').default('') }))
    .max(100)
    .default([])
    .transform((a) => a.filter((s) => s.name)),
  firstTopic: firstTopicSchema,
};

export const studyFieldLabels: Record<string, string> = {
  studyForm: '学习形式',
  planTopicId: '学习安排专题',
  speakers: '发言人',
  subject: '发言题目',
  firstTopic: '第一议题',
  title: '学习内容',
  on: '讲话（指示）日期',
  how: '学习方式及落实情况',
  // the stored columns, as the operation log shows them
  firstTopicTitle: '第一议题',
  firstTopicOn: '第一议题讲话（指示）日期',
  firstTopicSource: '第一议题来源',
  firstTopicHow: '第一议题学习方式及落实情况',
};

const speakersOf = (json: string): Speaker[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? (v as Speaker[]) : [];
  } catch {
    return [];
  }
};

export function studyFromRow(r: ActivitiesTable): StudyFields {
  return {
    studyForm: (STUDY_FORMS as readonly string[]).includes(r.study_form ?? '') ? (r.study_form as StudyForm) : null,
    planTopicId: r.plan_topic_id,
    speakers: speakersOf(r.speakers_json ?? '[]'),
    firstTopic: r.first_topic_title ? { title: r.first_topic_title, on: r.first_topic_on, source: r.first_topic_source, how: r.first_topic_how } : null,
  };
}

type StudyColumns = Pick<ActivitiesTable, 'study_form' | 'plan_topic_id' | 'speakers_json' | 'first_topic_title' | 'first_topic_on' | 'first_topic_source' | 'first_topic_how'>;

export function studyColumns(a: { type: string } & Partial<StudyFields>): StudyColumns {
  const central = a.type === CENTRAL_GROUP;
  const f = a.firstTopic ?? null;
  return {
    // form and speakers belong to a 中心组学习; a 中心组学习 without a form is a 集中学习
    study_form: central ? (a.studyForm ?? '集中学习') : null,
    plan_topic_id: a.planTopicId ?? null,
    speakers_json: JSON.stringify(central ? (a.speakers ?? []) : []),
    first_topic_title: f?.title ?? null,
    first_topic_on: f?.on ?? null,
    first_topic_source: f?.source ?? null,
    first_topic_how: f?.how ?? null,
  };
}

/** Refuses a 党委会 of a branch and a plan topic that does not exist or belongs to another year. */
export async function checkStudyFields(tx: Tx, a: { type: string; heldOn: string; orgKind: string } & Partial<StudyFields>): Promise<void> {
  if (a.type === COMMITTEE_MEETING && a.orgKind === '党支部') throw new LedgerError('党委会请选择党委（党总支），党支部的会议请选择支部委员会', 'type');
  if (a.firstTopic?.on && a.firstTopic.on > a.heldOn) throw new LedgerError('第一议题的讲话（指示）日期不能晚于会议日期', 'firstTopic');
  if (!a.planTopicId) return;
  const t = await tx.selectFrom('study_plan_topics').select(['year', 'seq', 'title']).where('id', '=', a.planTopicId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!t) throw new LedgerError('所选学习安排专题不存在，可能已被删除', 'planTopicId');
  if (String(t.year) !== a.heldOn.slice(0, 4)) throw new LedgerError(`所选专题“${t.seq}. ${t.title}”属于${t.year}年学习安排，与会议日期不在同一年`, 'planTopicId');
}

/** Setting (owned by the study area's defaults): the meeting types a 第一议题 is expected at. */
export const FIRST_TOPIC_TYPES_SETTING = 'study.firstTopicTypes';
export const DEFAULT_FIRST_TOPIC_TYPES = [COMMITTEE_MEETING, CENTRAL_GROUP] as const;

/** A 第一议题 as the books print it: what was studied, its date and source, how it was carried out. */
export function firstTopicLines(f: FirstTopic): string[] {
  return [f.title, [f.on ? chineseDate(f.on) : '', f.source ?? ''].filter(Boolean).join('　'), f.how ?? ''].filter(Boolean);
}
