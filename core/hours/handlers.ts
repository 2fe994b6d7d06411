/** 学时 handlers: each member's hours of a year, training records, online-study imports, the 学时登记表. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { softDelete } from '../audit/service.ts';
import { XLSX_MIME, fileBytes, fileInput, fileResult, id, isoDate, optDate, optText, text, year } from '../validate.ts';
import { jobId } from '../imports/handlers.ts';
import { TRAINING_KINDS, toTenths } from './model.ts';
import { yearHours } from './queries.ts';
import { addTraining, deleteTraining, listTrainings, updateTraining } from './service.ts';
import { importOnlineHours, listOnlineImports, previewOnlineHours } from './import.ts';
import { exportStudyHours } from './export.ts';
import { hoursSettings, hoursSettingsInput, saveHoursSettings } from './settings.ts';

const scope = z.object({ year, branchId: id.optional(), branch: z.string().trim().max(60, '不能超过 60 字').optional() });

const training = z.object({
  memberId: id,
  kind: z.enum(TRAINING_KINDS, { error: '应为 集中培训 或 网络培训' }),
  startOn: isoDate,
  endOn: optDate,
  hours: z.coerce
    .number({ error: '应为学时数' })
    .gt(0, '应大于 0')
    .max(500, '不能大于 500')
    .refine((v) => toTenths(v) !== null, '最多保留一位小数'),
  title: text(100),
  organizer: optText(100),
  note: optText(200),
});

const importInput = fileInput.extend({ year, note: optText(200), jobId });

export const hoursHandlers = {
  'hours/settings': handler(z.object({}), (ctx) => hoursSettings(ctx)),
  'hours/settings-save': handler(hoursSettingsInput, (ctx, s) => saveHoursSettings(ctx, s)),
  'hours/year': handler(scope.extend({ short: z.boolean().optional() }), (ctx, q) => yearHours(ctx, { ...q, branch: q.branch || undefined })),
  'hours/trainings': handler(z.object({ year, memberId: id.optional(), branchId: id.optional() }), (ctx, q) => listTrainings(ctx, q)),
  'hours/add-training': handler(training, (ctx, t) => addTraining(ctx, { ...t, endOn: t.endOn ?? null })),
  'hours/update-training': handler(training.extend({ id }), (ctx, { id, ...t }) => updateTraining(ctx, id, { ...t, endOn: t.endOn ?? null })),
  'hours/delete-training': handler(z.object({ id }), (ctx, { id }) => deleteTraining(ctx, id)),
  'hours/import-preview': handler(importInput, (ctx, f) => previewOnlineHours(ctx, { bytes: fileBytes(f), fileName: f.fileName, year: f.year, note: f.note }, { jobId: f.jobId })),
  'hours/import': handler(importInput, (ctx, f) => importOnlineHours(ctx, { bytes: fileBytes(f), fileName: f.fileName, year: f.year, note: f.note }, { jobId: f.jobId })),
  'hours/imports': handler(z.object({ year }), (ctx, { year }) => listOnlineImports(ctx, year)),
  'hours/delete-import': handler(z.object({ id }), async (ctx, { id }) => {
    await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'study_online_imports', id));
    return { ok: true };
  }),
  'hours/export': handler(scope, async (ctx, q) => {
    const r = await exportStudyHours(ctx, { ...q, branch: q.branch || undefined });
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
};
