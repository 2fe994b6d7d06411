/** The 发展党员 handler map. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { getSetting, setSetting } from '../settings/service.ts';
import { DOCX_MIME, XLSX_MIME, fileResult, id, isoDate, listOf, month, optText, ref, text, year } from '../validate.ts';
import { exportChecklist, exportLedger, exportNotice } from './documents.ts';
import { RULE_SETS, ruleSet, type LocalPractice } from './rulesets.ts';
import { STAGE_TITLES, STAGES, STEPS } from './steps.ts';
import { CATEGORIES, LEAVE_TYPES, fileInputSchema, stepInputSchema } from './model.ts';
import { createFile, deleteFile, extendProbation, leaveFile, previewStep, recordStep, removeStep, updateFile } from './service.ts';
import { getFileView, listRoster, reminders } from './roster.ts';
import { maskMember, revealIdNumber } from '../members/privacy.ts';
import { parseDossier } from './dossier.ts';
import { checkRules, evaluate, rulesUsed, stepVersions } from './engine.ts';
import { currentCalendar } from './rules-guard.ts';
import { LedgerError } from '../errors.ts';
import { checkHolidayYear, type HolidayYear } from '../../common/workdays.ts';
import { mergeCalendar } from '../../common/workdays.ts';

export const developmentHandlers = {
  /** Checks one dossier (the JSON of `development check FILE.json`) by the rules; a pure calculation, no ledger. */
  'development/check': handler(
    z.object({ dossier: z.unknown(), today: isoDate.optional(), rules: z.string().max(20, '不能超过 20 字').optional() }),
    (_ctx, q) => {
      const p = parseDossier(q.dossier);
      const today = q.today ?? p.today;
      // each step by the version in force on its date, unless --rules (or the file) names one
      const rules = checkRules(q.rules ?? p.ruleVersion);
      const used = rulesUsed(p.dossier, rules, today).map((v) => ({ version: v.version, effectiveFrom: v.effectiveFrom, title: v.title, verified: v.verified }));
      // working days by the shipped 放假安排, with the years the file brings laid over them
      return { ...evaluate(p.dossier, rules, { today, calendar: mergeCalendar(p.calendar) }), rules: used, stepRules: stepVersions(p.dossier, rules) };
    },
    { needsLedger: false },
  ),
  'development/options': handler(z.object({}), async (ctx) => ({
    stages: STAGES.map((name, i) => ({ n: i + 1, name, title: STAGE_TITLES[i] })),
    steps: STEPS,
    leaveTypes: [...LEAVE_TYPES],
    categories: [...CATEGORIES],
    ruleSets: RULE_SETS.map((r) => ({ version: r.version, title: r.title, verified: r.verified, effectiveFrom: r.effectiveFrom, source: r.source, publicityWorkingDays: r.values.publicityWorkingDays })),
    ruleVersion: (await getSetting<string>(ctx.db, 'development.ruleVersion')) ?? '2014',
    localPractice: await getSetting<LocalPractice>(ctx.db, 'development.localPractice'),
    noticeWorkingDays: await getSetting<number>(ctx.db, 'development.noticeWorkingDays'),
    /** What each later version adds, by article (待核实 until checked). */
    changes: RULE_SETS.flatMap((r) => (r.changes ?? []).map((c) => ({ version: r.version, ...c }))),
    calendar: await currentCalendar(ctx.db),
  })),
  /** The holiday calendar working days are counted by: each year, shipped or entered by the unit. */
  'development/holidays': handler(z.object({}), async (ctx) => {
    const unit = new Set(((await getSetting<HolidayYear[]>(ctx.db, 'development.holidays')) ?? []).map((y) => y.year));
    return (await currentCalendar(ctx.db)).map((y) => ({ ...y, entered: unit.has(y.year) }));
  }),
  /** Adds (or replaces) one year's 放假安排 as the unit's own entry; the shipped years stay as they are. */
  'development/set-holiday-year': handler(
    z.object({ year, holidays: listOf(isoDate, 60).default([]), workdays: listOf(isoDate, 20).default([]), source: text(200) }),
    async (ctx, entry) => {
      const y = { ...entry, holidays: [...new Set(entry.holidays)].sort(), workdays: [...new Set(entry.workdays)].sort() };
      const problem = checkHolidayYear(y);
      if (problem) throw new LedgerError(`${y.year}年节假日安排有误：${problem}`, problem.includes('调休') ? 'workdays' : 'holidays');
      await ctx.db.transaction().execute(async (tx) => {
        const list = ((await getSetting<HolidayYear[]>(tx, 'development.holidays')) ?? []).filter((x) => x.year !== y.year);
        await setSetting(tx, ctx, 'development.holidays', [...list, y].sort((a, b) => a.year - b.year));
      });
      return y;
    },
  ),
  /** Removes the unit's entry for a year (a shipped year then counts by the shipped notice again). */
  'development/remove-holiday-year': handler(z.object({ year }), async (ctx, { year }) => {
    await ctx.db.transaction().execute(async (tx) => {
      const list = (await getSetting<HolidayYear[]>(tx, 'development.holidays')) ?? [];
      if (!list.some((x) => x.year === year)) throw new LedgerError(`${year}年的节假日安排不是本单位录入的，不能删除`, 'year');
      await setSetting(tx, ctx, 'development.holidays', list.filter((x) => x.year !== year));
    });
    return { ok: true };
  }),
  'development/set-rule-version': handler(z.object({ version: text(20) }), async (ctx, { version }) => {
    const r = ruleSet(version);
    await ctx.db.transaction().execute((tx) => setSetting(tx, ctx, 'development.ruleVersion', r.version));
    return { version: r.version };
  }),
  'development/set-local-practice': handler(
    z.object({
      activistAfterApplicationMonths: z.number().int('应为整数').min(1, '至少 1 个月').max(24, '不超过 24 个月').nullable(),
      publicityWorkingDays: z.number().int('应为整数').min(1, '至少 1 个工作日').max(30, '不超过 30 个工作日').nullable(),
    }),
    async (ctx, local) => {
      await ctx.db.transaction().execute(async (tx) => {
        await setSetting(tx, ctx, 'development.localPractice', local);
        if (local.publicityWorkingDays) await setSetting(tx, ctx, 'development.noticeWorkingDays', local.publicityWorkingDays);
      });
      return local;
    },
  ),
  'development/list': handler(
    z.object({ branchId: ref.optional(), stage: z.enum(STAGE_TITLES).optional(), scope: z.enum(['open', 'left', 'all']).optional() }),
    (ctx, q) => listRoster(ctx, q),
  ),
  'development/get': handler(z.object({ id }), async (ctx, { id }) => {
    const view = await getFileView(ctx, id);
    return { ...view, file: maskMember(view.file) };
  }),
  'development/reveal-id': handler(z.object({ id }), (ctx, { id }) => revealIdNumber(ctx, 'development_files', id)),
  'development/create': handler(
    fileInputSchema.extend({ applicationDate: isoDate, actor: optText(60), documents: listOf(text(60), 100).default(['入党申请书']) }),
    async (ctx, input) => ({ id: await createFile(ctx, input) }),
  ),
  'development/update': handler(fileInputSchema.extend({ id }), async (ctx, { id, ...input }) => {
    await updateFile(ctx, id, input);
    return { ok: true };
  }),
  'development/record-step': handler(stepInputSchema, (ctx, input) => recordStep(ctx, input)),
  'development/preview-step': handler(stepInputSchema, (ctx, input) => previewStep(ctx, input)),
  'development/remove-step': handler(z.object({ fileId: id, step: z.number().int().min(1).max(25) }), async (ctx, { fileId, step }) => {
    await removeStep(ctx, fileId, step);
    return { ok: true };
  }),
  'development/extend': handler(
    z.object({ fileId: id, decidedOn: isoDate, months: z.number({ error: '应为月数' }).int('应为整数').min(0, '不能为负数').max(120, '不超过 120 个月') }),
    async (ctx, { fileId, decidedOn, months }) => {
      await extendProbation(ctx, fileId, decidedOn, months);
      return { ok: true };
    },
  ),
  'development/leave': handler(
    z.object({ id, leftType: z.enum(LEAVE_TYPES, { error: `应为 ${LEAVE_TYPES.join('、')} 之一` }), leftDate: isoDate, leftReason: text(200) }),
    async (ctx, { id, ...leave }) => {
      await leaveFile(ctx, id, leave);
      return { ok: true };
    },
  ),
  'development/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteFile(ctx, id);
    return { ok: true };
  }),
  'development/reminders': handler(z.object({ month: month.optional() }), (ctx, { month }) => reminders(ctx, month)),
  'development/export-ledger': handler(z.object({ year }), async (ctx, { year }) => {
    const r = await exportLedger(ctx, year);
    return { ...fileResult(r.fileName, r.bytes, XLSX_MIME), counts: r.counts };
  }),
  'development/notice': handler(
    z.object({ id, kind: z.enum(['发展对象', '预备党员'], { error: '应为 发展对象 或 预备党员' }), start: isoDate, days: z.number().int().min(1, '至少 1 个工作日').max(30, '不超过 30 个工作日').optional(), contact: optText(40) }),
    async (ctx, { id, kind, start, days, contact }) => {
      const r = await exportNotice(ctx, id, { kind, start, days: days ?? (await getSetting<number>(ctx.db, 'development.noticeWorkingDays')), contact });
      // warnings: the end date was counted Monday to Friday for a year without 放假安排 (the 公示 is made all the same; the host asks first)
      return { ...fileResult(r.fileName, r.bytes, DOCX_MIME), end: r.end, warnings: r.warnings };
    },
  ),
  'development/checklist': handler(z.object({ id }), async (ctx, { id }) => {
    const r = await exportChecklist(ctx, id);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
};
