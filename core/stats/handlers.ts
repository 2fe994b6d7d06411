/** 统计分析: the numbers behind each chart for a year (counted up to the ledger's today), and their workbooks. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { XLSX_MIME, fileResult, isoDate, year } from '../validate.ts';
import { duesStats } from './dues.ts';
import { complianceHeat } from './compliance.ts';
import { attendanceStats } from './attendance.ts';
import { developmentStats } from './development.ts';
import { memberStructure } from './members.ts';
import { CHARTS, exportChart } from './export.ts';
import { secretaryIndicators } from './secretary.ts';
import { exportSecretaryIndicators } from './secretary-export.ts';
import type { Ctx } from '../context.ts';
import { memoRead } from '../read-memo.ts';

const optDay = z.union([isoDate, z.literal('')]).optional().transform((v) => v || undefined);
const yearInput = z.object({ year, asOf: optDay });

/** A chart's figures computed once while the ledger stands still (core/read-memo.ts): going back to 统计分析 redraws at once. */
const memo =
  <T>(name: string, f: (ctx: Ctx, year: number, asOf?: string) => Promise<T>) =>
  (ctx: Ctx, q: { year: number; asOf?: string }) =>
    memoRead(ctx.db, `stats/${name}|${q.year}|${q.asOf ?? ''}|${ctx.platform.today()}`, () => f(ctx, q.year, q.asOf));

export const statsHandlers = {
  'stats/dues': handler(yearInput, memo('dues', duesStats)),
  'stats/compliance': handler(yearInput, (ctx, q) => complianceHeat(ctx, q.year, q.asOf)),
  'stats/attendance': handler(yearInput, memo('attendance', attendanceStats)),
  'stats/development': handler(yearInput, memo('development', developmentStats)),
  'stats/members': handler(yearInput, memo('members', memberStructure)),
  /** 书记述职: the 基层组织建设重点指标完成情况统计表 of a year, per branch and for the 党委, each cell with its source */
  'stats/secretary-indicators': handler(yearInput, (ctx, q) => secretaryIndicators(ctx, q.year, q.asOf)),
  'stats/export-secretary-indicators': handler(yearInput, async (ctx, q) => {
    const r = await exportSecretaryIndicators(ctx, q.year, q.asOf);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
  'stats/export': handler(yearInput.extend({ chart: z.enum(CHARTS, { error: '应为 dues、compliance、attendance、development 或 members' }) }), async (ctx, q) => {
    const r = await exportChart(ctx, q.chart, q.year, q.asOf);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
};
