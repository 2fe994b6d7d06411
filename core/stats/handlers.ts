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

const optDay = z.union([isoDate, z.literal('')]).optional().transform((v) => v || undefined);
const yearInput = z.object({ year, asOf: optDay });

export const statsHandlers = {
  'stats/dues': handler(yearInput, (ctx, q) => duesStats(ctx, q.year, q.asOf)),
  'stats/compliance': handler(yearInput, (ctx, q) => complianceHeat(ctx, q.year, q.asOf)),
  'stats/attendance': handler(yearInput, (ctx, q) => attendanceStats(ctx, q.year, q.asOf)),
  'stats/development': handler(yearInput, (ctx, q) => developmentStats(ctx, q.year, q.asOf)),
  'stats/members': handler(yearInput, (ctx, q) => memberStructure(ctx, q.year, q.asOf)),
  'stats/export': handler(yearInput.extend({ chart: z.enum(CHARTS, { error: '应为 dues、compliance、attendance、development 或 members' }) }), async (ctx, q) => {
    const r = await exportChart(ctx, q.chart, q.year, q.asOf);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
};
