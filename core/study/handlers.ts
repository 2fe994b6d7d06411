/** 学习教育 handlers: the 中心组's plan and members, the period figures, the 第一议题 list and the three documents. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { LedgerError } from '../errors.ts';
import { setSetting } from '../settings/service.ts';
import { activityTypes } from '../activities/service.ts';
import { FIRST_TOPIC_TYPES_SETTING } from '../activities/study-fields.ts';
import { DOCX_MIME, XLSX_MIME, fileResult, id, isoDate, listOf, month, text, year } from '../validate.ts';
import { memberInput, topicInput } from './model.ts';
import { addGroupMember, addTopic, deleteTopic, groupMembers, reorderTopics, removeGroupMember, updateTopic } from './plan.ts';
import { firstTopicMeetings, firstTopicTypes, planProgress, studyStats } from './queries.ts';
import { exportCentralGroupBook, exportFirstTopic, exportStudyPlan } from './export.ts';
import { exportStudyReminder } from './reminder.ts';

const periodInput = z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const studyHandlers = {
  'study/plan': handler(z.object({ year }), async (ctx, { year }) => ({ ...(await planProgress(ctx, year)), members: await groupMembers(ctx, year) })),
  'study/topic-add': handler(topicInput, (ctx, t) => addTopic(ctx, t)),
  'study/topic-update': handler(topicInput.extend({ id }), (ctx, { id, ...t }) => updateTopic(ctx, id, t)),
  'study/topic-delete': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteTopic(ctx, id);
    return { ok: true };
  }),
  'study/topic-reorder': handler(z.object({ year, ids: listOf(id, 200) }), (ctx, { year, ids }) => reorderTopics(ctx, year, ids)),
  'study/member-add': handler(memberInput, async (ctx, m) => ({ id: await addGroupMember(ctx, m) })),
  'study/member-remove': handler(z.object({ id }), async (ctx, { id }) => {
    await removeGroupMember(ctx, id);
    return { ok: true };
  }),
  'study/stats': handler(periodInput, (ctx, p) => studyStats(ctx, p)),
  'study/first-topics': handler(periodInput, (ctx, p) => firstTopicMeetings(ctx, p)),
  'study/first-topic-types': handler(z.object({}), async (ctx) => ({ types: await firstTopicTypes(ctx), choices: await activityTypes(ctx.db) })),
  'study/set-first-topic-types': handler(z.object({ types: listOf(text(30), 30) }), async (ctx, { types }) => {
    await ctx.db.transaction().execute(async (tx) => {
      const known = await activityTypes(tx);
      const bad = types.find((t) => !known.includes(t));
      if (bad) throw new LedgerError(`“${bad}”不是活动类型`, 'types');
      await setSetting(tx, ctx, FIRST_TOPIC_TYPES_SETTING, [...new Set(types)]);
    });
    return { types: await firstTopicTypes(ctx) };
  }),
  'study/export-plan': handler(z.object({ year }), async (ctx, { year }) => {
    const r = await exportStudyPlan(ctx, year);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
  'study/export-reminder': handler(z.object({ month }), async (ctx, q) => {
    const r = await exportStudyReminder(ctx, q.month);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
  'study/export-book': handler(periodInput, async (ctx, p) => {
    const r = await exportCentralGroupBook(ctx, p);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
  'study/export-first-topic': handler(periodInput, async (ctx, p) => {
    const r = await exportFirstTopic(ctx, p);
    return { ...fileResult(r.fileName, r.bytes, XLSX_MIME), rate: r.rate };
  }),
};
