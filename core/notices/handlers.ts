/** 党建工作提醒 handlers (issue 15 item 4); every input zod-checked here. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { DOCX_MIME, fileResult, isoDate, month, optDate, year } from '../validate.ts';
import { noticeSettingsInput, planMonthInput } from './model.ts';
import { clearPlanMonth, listIssued, nextDocNo, noticeSettings, noticesIssued, planOfMonth, saveNoticeSettings, savePlanMonth, setNextNumber, yearPlan } from './service.ts';
import { noticePreview } from './compose.ts';
import { exportThemeDayPlan, issueNotice, previewNoticeDocument } from './export.ts';

const monthNo = z.coerce.number({ error: '应为 1 至 12 的月份' }).int('应为 1 至 12 的月份').min(1, '应为 1 至 12 的月份').max(12, '应为 1 至 12 的月份');
const period = z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: '结束日期早于开始日期', path: ['to'] });

export const noticesHandlers = {
  'notices/plan': handler(z.object({ year }), (ctx, { year }) => yearPlan(ctx.db, year)),
  'notices/plan-of-month': handler(z.object({ month }), (ctx, { month }) => planOfMonth(ctx.db, month)),
  'notices/save-plan': handler(planMonthInput, (ctx, p) => savePlanMonth(ctx, p)),
  'notices/clear-plan': handler(z.object({ year, month: monthNo }), async (ctx, p) => {
    await clearPlanMonth(ctx, p.year, p.month);
    return { ok: true };
  }),
  'notices/settings': handler(z.object({}), (ctx) => noticeSettings(ctx.db)),
  'notices/save-settings': handler(noticeSettingsInput, (ctx, s) => saveNoticeSettings(ctx, s)),
  'notices/next-number': handler(z.object({ year }), (ctx, { year }) => nextDocNo(ctx.db, year)),
  'notices/set-next-number': handler(z.object({ year, nextNo: z.coerce.number({ error: '应为正整数' }).int('应为正整数').min(1, '应为正整数').max(9999, '不能大于 9999') }), (ctx, p) => setNextNumber(ctx, p.year, p.nextNo)),
  'notices/preview': handler(z.object({ month }), (ctx, { month }) => noticePreview(ctx, month)),
  'notices/preview-document': handler(z.object({ month }), async (ctx, { month }) => {
    const r = await previewNoticeDocument(ctx, month);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
  'notices/issue': handler(z.object({ month, issuedOnDay: optDate }), async (ctx, p) => {
    const { bytes, ...rec } = await issueNotice(ctx, p.month, p.issuedOnDay);
    return { ...fileResult(rec.fileName, bytes, DOCX_MIME), notice: rec };
  }),
  'notices/export-plan': handler(z.object({ year }), async (ctx, { year }) => {
    const r = await exportThemeDayPlan(ctx, year);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
  'notices/issued': handler(z.object({ year: year.optional() }), (ctx, q) => listIssued(ctx.db, q.year)),
  'notices/count': handler(period, (ctx, q) => noticesIssued(ctx.db, q.from, q.to)),
};
