/** 政治理论测试 handlers: import scores, list, results and figures, 抽测 draws, the workbooks. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { softDelete } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import { XLSX_MIME, fileBytes, fileInput, fileResult, id, isoDate, listOf, optText, text, year } from '../validate.ts';
import { jobId } from '../imports/handlers.ts';
import { TEST_KINDS, toTenths } from './model.ts';
import { importScores, previewScores, type TestHead } from './import.ts';
import { listTests, testResults, testStats } from './queries.ts';
import { getDraw, listDraws, makeDraw } from './draw.ts';
import { exportDrawList, exportTestResults } from './export.ts';

const mark = z.coerce
  .number({ error: '应为数字' })
  .min(0, '不能小于 0')
  .max(1000, '不能大于 1000')
  .refine((v) => toTenths(v) !== null, '最多保留一位小数');

const head = z.object({
  name: text(60),
  date: isoDate,
  kind: z.enum(TEST_KINDS, { error: '应为 全员普测、集中抽测 或 补考' }),
  pass: mark.optional(),
  full: mark.refine((v) => v > 0, '应大于 0').optional(),
  drawId: id.optional(),
  note: optText(200),
});

const resolve = listOf(z.object({ row: z.number().int().min(1), memberId: id.optional(), department: z.string().trim().max(50, '不能超过 50 字').optional() }), 20_000).optional();

const importInput = fileInput.extend({ ...head.shape, resolve, jobId });

async function testHead(ctx: Ctx, h: z.output<typeof head>): Promise<TestHead> {
  if (h.date > ctx.platform.today()) throw new LedgerError(`测试日期 ${h.date} 晚于今天`);
  const full = h.full ?? (await getSetting<number>(ctx.db, 'tests.fullMark'));
  const pass = h.pass ?? (await getSetting<number>(ctx.db, 'tests.passMark'));
  if (pass > full) throw new LedgerError(`合格分数线（${pass}）不能高于满分（${full}）`);
  if (h.drawId && !(await ctx.db.selectFrom('political_test_draws').select('id').where('id', '=', h.drawId).where('deleted_at', 'is', null).executeTakeFirst()))
    throw new LedgerError('找不到所选的抽测名单，可能已被删除');
  return { name: h.name, date: h.date, kind: h.kind, pass, full, drawId: h.drawId, note: h.note ?? undefined };
}

const drawInput = z.object({
  name: optText(60),
  fromTestId: id.optional(),
  scope: listOf(text(60), 100).default([]),
  count: z.coerce.number({ error: '应为人数' }).int('应为整数').min(1, '至少抽取 1 人').max(20_000, '不能超过 20000 人'),
  seed: z.string().trim().max(40, '不能超过 40 字').optional(),
});

export const testHandlers = {
  'tests/list': handler(z.object({ year: year.optional() }), (ctx, q) => listTests(ctx, q)),
  'tests/results': handler(z.object({ testId: id }), (ctx, { testId }) => testResults(ctx, testId)),
  'tests/stats': handler(z.object({ testId: id }), (ctx, { testId }) => testStats(ctx, testId)),
  'tests/import-preview': handler(importInput, async (ctx, f) =>
    previewScores(ctx, { bytes: fileBytes(f), fileName: f.fileName, head: await testHead(ctx, f), resolve: f.resolve }, { jobId: f.jobId }),
  ),
  'tests/import': handler(importInput, async (ctx, f) =>
    importScores(ctx, { bytes: fileBytes(f), fileName: f.fileName, head: await testHead(ctx, f), resolve: f.resolve }, { jobId: f.jobId }),
  ),
  'tests/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'political_tests', id));
    return { ok: true };
  }),
  'tests/sample': handler(drawInput, (ctx, d) => makeDraw(ctx, { ...d, name: d.name ?? undefined })),
  'tests/draws': handler(z.object({}), (ctx) => listDraws(ctx)),
  'tests/draw': handler(z.object({ id }), (ctx, { id }) => getDraw(ctx, id)),
  'tests/export-results': handler(z.object({ testId: id }), async (ctx, { testId }) => {
    const r = await exportTestResults(ctx, testId);
    return { ...fileResult(r.fileName, r.bytes, XLSX_MIME), sentence: r.sentence };
  }),
  'tests/export-draw': handler(z.object({ id }), async (ctx, { id }) => {
    const r = await exportDrawList(ctx, id);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
};
