/** 走访慰问 handlers: list, figures, record, edit, void, the 走访慰问登记表. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { LedgerError } from '../errors.ts';
import { MONEY_MAX_FEN, XLSX_MIME, fileResult, id, isoDate, money, optText, text, year } from '../validate.ts';
import { CARE_REASONS, FUND_SOURCES, PERSON_KINDS } from './model.ts';
import { addVisit, updateVisit, voidVisit } from './service.ts';
import { careStats, listVisits } from './queries.ts';
import { exportCareRegister } from './export.ts';

/** The one schema of a visit: the form, the command line and the demo all go through it. */
export const visitInput = z.object({
  visitOn: isoDate,
  personKind: z.enum(PERSON_KINDS, { error: '应为 党员、党员家属 或 其他' }),
  memberId: id.nullish(),
  personName: optText(30),
  relation: optText(20),
  reason: z.enum(CARE_REASONS, { error: `应为 ${CARE_REASONS.join('、')} 之一` }),
  circumstances: optText(200),
  visitors: text(100),
  amountFen: money(MONEY_MAX_FEN.total),
  goods: optText(100),
  fundSource: z.enum(FUND_SOURCES, { error: `应为 ${FUND_SOURCES.join('、')} 之一` }),
  approval: optText(100),
  note: optText(200),
});

const period = z.object({ from: isoDate, to: isoDate });

export const careHandlers = {
  'care/list': handler(z.object({ year }), (ctx, { year }) => listVisits(ctx, year)),
  'care/stats': handler(period, (ctx, p) => {
    if (p.to < p.from) throw new LedgerError('结束日期早于开始日期', 'to');
    return careStats(ctx, p.from, p.to);
  }),
  'care/add': handler(visitInput, (ctx, v) => addVisit(ctx, v)),
  'care/update': handler(visitInput.extend({ id }), (ctx, { id, ...v }) => updateVisit(ctx, id, v)),
  'care/void': handler(z.object({ id }), (ctx, { id }) => voidVisit(ctx, id)),
  'care/export': handler(z.object({ year }), async (ctx, { year }) => {
    const r = await exportCareRegister(ctx, year);
    return { ...fileResult(r.fileName, r.bytes, XLSX_MIME), sentence: r.sentence };
  }),
};
