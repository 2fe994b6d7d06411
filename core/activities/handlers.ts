/** Organizational-life handlers: records, attendance, calendar, check, 本月待办, stats, documents, rules. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { DOCX_MIME, XLSX_MIME, fileResult, id, isoDate, listOf, month, ref, searchText, year } from '../validate.ts';
import { LedgerError } from '../errors.ts';
import { getSetting, setSetting } from '../settings/service.ts';
import { ACTIVITY_TYPES, ATTENDANCE_STATUSES, DECISION_KINDS, VOTE_METHODS, activityInputSchema } from './model.ts';
import { recordIntegrity } from './integrity-load.ts';
import { suggestedPeople, withPostsOnDay, activityTypes, createActivity, deleteActivity, getActivity, listActivities, suggestedAttendance, updateActivity } from './service.ts';
import { pageActivities } from './page.ts';
import { complianceCalendar, complianceCheck, monthTodo, STATUS_LABEL } from './compliance.ts';
import { firstTopicFindings } from './first-topic-check.ts';
import { activityStats } from './stats.ts';
import { FREQUENCY_LABEL, NATIONAL_RULES, SETTINGS, ruleVersions, type RuleVersion } from './rules.ts';
import { studyDays } from './study-days.ts';
import { studyDaySetting } from './weekly.ts';
import { exportLifeStats, exportMeeting, exportRecordBook } from './exports.ts';
import { planOfMonth, yearPlan } from '../notices/service.ts';

const optDay = z.union([isoDate, z.literal('')]).optional().transform((v) => v || undefined);

const ruleSchema = z.object({
  type: z.string().trim().min(1, '活动类型不能为空').max(30),
  scope: z.enum(['branch', 'group', 'committee']),
  frequency: z.enum(['month', 'quarter', 'year'], { error: '应为 每月、每季度 或 每年' }),
  dueFromQuarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.null()]).optional().transform((v) => v ?? null),
  basis: z.string().trim().max(200).default(''),
});

export const activityHandlers = {
  // the 主题党日工作安排 (core/notices, read only): the calendar shows the month's theme, a new 主题党日 starts from it
  'activities/theme-days': handler(z.object({ year }), async (ctx, { year }) => (await yearPlan(ctx.db, year)).filter((m) => m.theme).map((m) => ({ month: m.month, theme: m.theme!, content: m.content }))),
  'activities/planned-theme': handler(z.object({ month }), (ctx, { month }) => planOfMonth(ctx.db, month)),
  'activities/options': handler(z.object({}), async (ctx) => ({
    types: await activityTypes(ctx.db),
    builtInTypes: [...ACTIVITY_TYPES],
    attendanceStatuses: [...ATTENDANCE_STATUSES],
    decisionKinds: [...DECISION_KINDS],
    voteMethods: [...VOTE_METHODS],
    statusLabels: STATUS_LABEL,
    frequencyLabels: FREQUENCY_LABEL,
    /** the unit's reading of "半数以上", so the attendance picker judges the quorum as the ledger does */
    halfInclusive: await getSetting<boolean>(ctx.db, SETTINGS.halfInclusive),
    /** the unit's 政治学习日 weekday (1 Monday … 7 Sunday), so a new 政治学习日 record is dated on it */
    studyDayWeekday: (await studyDaySetting(ctx.db)).weekday,
  })),
  'activities/list': handler(
    z.object({ orgId: ref.optional(), type: ref.optional(), from: optDay, to: optDay, search: searchText }),
    (ctx, q) => listActivities(ctx, q),
  ),
  /** The same list a page at a time, with the total (the 组织生活记录 page). */
  'activities/page': handler(
    z.object({
      orgId: ref.optional(), type: ref.optional(), from: optDay, to: optDay, search: searchText,
      page: z.number().int().min(1, '页码应从 1 开始').max(1_000_000).optional(),
      pageSize: z.number().int().min(1, '每页条数至少 1').max(500, '每页条数不能超过 500').optional(),
    }),
    (ctx, q) => pageActivities(ctx, q),
  ),
  'activities/get': handler(z.object({ id }), (ctx, { id }) => getActivity(ctx, id)),
  'activities/create': handler(activityInputSchema, (ctx, a) => createActivity(ctx, a)),
  'activities/update': handler(activityInputSchema.extend({ id }), (ctx, { id, ...a }) => updateActivity(ctx, id, a)),
  'activities/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteActivity(ctx, id);
    return { ok: true };
  }),
  /** Who is due at a meeting: the attendance list to start from, everyone present. */
  'activities/suggest-attendance': handler(
    z.object({ orgId: id, type: ref.min(1, '不能为空'), groupId: ref.nullish(), heldOn: isoDate }),
    (ctx, q) => suggestedAttendance(ctx, q),
  ),
  /** The record-integrity findings of a record before it is saved (refuse: the save will be refused; warn: shown only). */
  'activities/integrity': handler(activityInputSchema.extend({ id: ref.nullish() }), async (ctx, { id, ...a }) => {
    const withPosts = await withPostsOnDay(ctx.db, a);
    return { hostPost: withPosts.hostPost, recorderPost: withPosts.recorderPost, findings: await recordIntegrity(ctx.db, id ?? null, withPosts) };
  }),
  /** Host and recorder to start from: the posts held on the meeting day, the recorder a present committee member. */
  'activities/suggest-people': handler(
    z.object({ orgId: id, type: ref.min(1, '不能为空'), groupId: ref.nullish(), heldOn: isoDate, attendance: activityInputSchema.shape.attendance }),
    (ctx, q) => suggestedPeople(ctx.db, q),
  ),
  'activities/calendar': handler(z.object({ year, asOf: optDay }), (ctx, q) => complianceCalendar(ctx, q.year, q.asOf)),
  'activities/check': handler(z.object({ year, asOf: optDay }), (ctx, q) => complianceCheck(ctx, q.year, q.asOf)),
  'activities/first-topic-gaps': handler(z.object({ year }), (ctx, { year }) => { const t = ctx.platform.today(); return firstTopicFindings(ctx, `${year}-01-01`, `${year}-12-31` < t ? `${year}-12-31` : t); }),
  'activities/todo': handler(z.object({ asOf: optDay }), (ctx, q) => monthTodo(ctx, q.asOf)),
  'activities/stats': handler(z.object({ from: isoDate, to: isoDate, orgId: ref.optional() }), (ctx, q) => {
    if (q.to < q.from) throw new LedgerError('结束日期早于开始日期', 'to');
    return activityStats(ctx, q);
  }),
  'activities/export-record-book': handler(
    z.object({ orgId: id, year: year.optional(), from: optDay, to: optDay }),
    async (ctx, q) => {
      const r = await exportRecordBook(ctx, q);
      return fileResult(r.fileName, r.bytes, DOCX_MIME);
    },
  ),
  'activities/print': handler(z.object({ id }), async (ctx, { id }) => {
    const r = await exportMeeting(ctx, id);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
  'activities/export-life-stats': handler(z.object({ year, asOf: optDay }), async (ctx, q) => {
    const r = await exportLifeStats(ctx, q.year, q.asOf);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
  'activities/rules': handler(z.object({}), async (ctx) => ({
    national: NATIONAL_RULES,
    versions: await ruleVersions(ctx.db),
    customTypes: await getSetting<string[]>(ctx.db, SETTINGS.customTypes),
    halfInclusive: await getSetting<boolean>(ctx.db, SETTINGS.halfInclusive),
    lateEntryGraceDays: await getSetting<number>(ctx.db, SETTINGS.lateEntryGraceDays),
    studyDay: await studyDaySetting(ctx.db),
  })),
  /** 政治学习日 of a month: each week's planned day by the preferred weekday, and per branch which weeks are held (学习提醒). */
  'activities/study-days': handler(z.object({ month }), (ctx, q) => studyDays(ctx, q.month)),
  /** Adds a unit version of the frequency rules, in force from its effective date. */
  'activities/rules/add-version': handler(
    z.object({ effectiveFrom: isoDate, source: z.string().trim().min(1, '请写明依据（文件名称或会议决定）').max(200), rules: listOf(ruleSchema, 200).min(1, '至少一条规则') }),
    async (ctx, v) => {
      await ctx.db.transaction().execute(async (tx) => {
        const unit = (await ruleVersions(tx)).filter((x) => x.version > 0);
        const version = unit.reduce((m, x) => Math.max(m, x.version), 0) + 1;
        const added: RuleVersion = { version, effectiveFrom: v.effectiveFrom, source: v.source, verified: true, values: v.rules };
        await setSetting(tx, ctx, SETTINGS.ruleVersions, [...unit, added]);
      });
      return ruleVersions(ctx.db);
    },
  ),
  'activities/rules/settings': handler(
    z.object({
      customTypes: listOf(z.string().trim().min(1, '不能为空').max(30, '不能超过 30 字'), 50).optional(),
      halfInclusive: z.boolean().optional(),
      lateEntryGraceDays: z.number().int().min(0, '不能为负数').max(60, '不超过 60 天').optional(),
      studyDayEnabled: z.boolean().optional(),
      studyDayWeekday: z.number().int().min(1, '应为星期一至星期日').max(7, '应为星期一至星期日').optional(),
      studyDaySince: z.union([isoDate, z.null()]).optional(),
    }),
    async (ctx, s) => {
      await ctx.db.transaction().execute(async (tx) => {
        if (s.customTypes) await setSetting(tx, ctx, SETTINGS.customTypes, [...new Set(s.customTypes)]);
        if (s.halfInclusive !== undefined) await setSetting(tx, ctx, SETTINGS.halfInclusive, s.halfInclusive);
        if (s.lateEntryGraceDays !== undefined) await setSetting(tx, ctx, SETTINGS.lateEntryGraceDays, s.lateEntryGraceDays);
        if (s.studyDayEnabled !== undefined) await setSetting(tx, ctx, SETTINGS.studyDayEnabled, s.studyDayEnabled);
        if (s.studyDayWeekday !== undefined) await setSetting(tx, ctx, SETTINGS.studyDayWeekday, s.studyDayWeekday);
        if (s.studyDaySince !== undefined) await setSetting(tx, ctx, SETTINGS.studyDaySince, s.studyDaySince);
      });
      return { ok: true };
    },
  ),
};
