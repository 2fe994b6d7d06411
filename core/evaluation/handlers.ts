/** 民主评议党员 handlers: a branch's evaluation of a year, saving it, the meetings, the scheme, the figures. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { DOCX_MIME, XLSX_MIME, fileBytes, fileInput, fileResult, id, isoDate, optText, year } from '../validate.ts';
import { jobId } from '../imports/handlers.ts';
import { exportBallot, exportReport, exportResults } from './export.ts';
import { importEvaluation, previewEvaluationImport } from './import.ts';
import { GRADES, GRADE_SCHEMES } from './rules.ts';
import { STEPS } from './model.ts';
import { branchOf, evaluationView, meetingsOf } from './queries.ts';
import { deleteEvaluation, saveEvaluation } from './service.ts';
import { evaluationStats } from './stats.ts';

const branchName = z.string().trim().max(60, '不能超过 60 字').optional();
const scope = z.object({ year, branchId: id.optional(), branch: branchName }).refine((q) => q.branchId || q.branch, { message: '请选择党支部', path: ['branchId'] });
const count = z.coerce.number({ error: '应为份数' }).int('应为整数').min(0, '不能小于 0').max(10000, '不能大于 10000').nullable().optional();
const votes = z.coerce.number({ error: '应为票数' }).int('应为整数').min(0, '不能小于 0').max(10000, '不能大于 10000').optional();

export const ratingInput = z.object({
  memberId: id,
  grade: z.enum(GRADES, { error: '应为 优秀、合格、基本合格 或 不合格' }).nullable(),
  tookPart: z.boolean({ error: '应为是或否' }),
  absenceReason: optText(100).nullable(),
  votes: z.object(Object.fromEntries(GRADES.map((g) => [g, votes])) as Record<(typeof GRADES)[number], typeof votes>).nullable().optional(),
  problems: optText(300).nullable(),
});

export const evaluationInput = z.object({
  year,
  branchId: id,
  activityId: id.nullable().optional(),
  heldOn: isoDate.nullable().optional(),
  ballotsIssued: count,
  ballotsReturned: count,
  ballotsInvalid: count,
  ballotsBlank: count,
  steps: z.array(z.object({ step: z.enum(STEPS, { error: '应为 个人自评、党员互评 或 民主测评' }), done: z.boolean(), note: optText(200).nullable() })).max(3, '最多 3 项').optional(),
  note: optText(500).nullable(),
  ratings: z.array(ratingInput).max(2000, '最多 2000 名'),
});

const importInput = fileInput.extend({ year, jobId });

export const evaluationHandlers = {
  'evaluation/show': handler(scope, (ctx, q) => evaluationView(ctx.db, q)),
  'evaluation/save': handler(evaluationInput, (ctx, e) => saveEvaluation(ctx, e)),
  'evaluation/delete': handler(z.object({ id }), (ctx, { id }) => deleteEvaluation(ctx, id)),
  'evaluation/meetings': handler(scope, async (ctx, q) => meetingsOf(ctx.db, (await branchOf(ctx.db, q)).id, q.year)),
  'evaluation/scheme': handler(z.object({}), async () => GRADE_SCHEMES),
  'evaluation/import-preview': handler(importInput, (ctx, f) => previewEvaluationImport(ctx, { bytes: fileBytes(f), fileName: f.fileName, year: f.year }, { jobId: f.jobId })),
  'evaluation/import': handler(importInput, (ctx, f) => importEvaluation(ctx, { bytes: fileBytes(f), fileName: f.fileName, year: f.year }, { jobId: f.jobId })),
  'evaluation/export-sheet': handler(scope, async (ctx, q) => {
    const r = await exportBallot(ctx, q);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
  'evaluation/export-results': handler(z.object({ year, branchId: id.optional(), branch: branchName }), async (ctx, q) => {
    const r = await exportResults(ctx, q);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
  'evaluation/export-report': handler(scope, async (ctx, q) => {
    const r = await exportReport(ctx, q);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
  'evaluation/stats': handler(z.object({ year, branchId: id.optional() }), (ctx, q) => evaluationStats(ctx, q)),
};
