/** 不合格党员处置 handlers: cases, the decision, the steps, the result, the home card's deadlines. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { id, isoDate, optText, text, year } from '../validate.ts';
import { MEASURES, PERIOD_FROM, RESULTS, SITUATIONS, STEPS, TRIGGERS, DISPOSAL_RULES } from './rules.ts';
import { addStep, closeCase, decideCase, deleteCase, openCase } from './service.ts';
import { deadlinesDue, listCases } from './queries.ts';
import { failedRatings } from './triggers.ts';

export const caseInput = z.object({
  memberId: id,
  triggerKind: z.enum(TRIGGERS, { error: '应为 民主评议不合格 或 情形' }),
  ratingId: id.nullish(),
  situation: text(200),
  opinionOn: isoDate,
  filedOn: isoDate,
  filedTo: text(60),
  note: optText(200),
});

export const disposalHandlers = {
  'disposal/list': handler(z.object({ openOnly: z.boolean().optional() }), (ctx, q) => listCases(ctx, q)),
  'disposal/options': handler(z.object({}), async () => ({ measures: [...MEASURES], situations: [...SITUATIONS], steps: [...STEPS], results: [...RESULTS], periodFrom: [...PERIOD_FROM], rules: DISPOSAL_RULES })),
  'disposal/failed-ratings': handler(z.object({ year }), (ctx, q) => failedRatings(ctx.db, q.year)),
  'disposal/open': handler(caseInput, (ctx, c) => openCase(ctx, c)),
  'disposal/decide': handler(
    z.object({
      id,
      measure: z.enum(MEASURES, { error: '应为 限期改正、劝其退党 或 除名' }),
      decidedOn: isoDate,
      approvedOn: isoDate.nullish(),
      periodMonths: z.coerce.number({ error: '应为月数' }).int('应为整月数').nullish(),
    }),
    (ctx, { id, ...d }) => decideCase(ctx, id, d),
  ),
  'disposal/step': handler(z.object({ caseId: id, step: z.enum(STEPS, { error: `应为 ${STEPS.join('、')} 之一` }), doneOn: isoDate, document: optText(100), note: optText(200) }), (ctx, { caseId, ...s }) =>
    addStep(ctx, caseId, s),
  ),
  'disposal/close': handler(z.object({ id, result: z.enum(RESULTS, { error: `应为 ${RESULTS.join('、')} 之一` }), resultOn: isoDate, note: optText(200) }), (ctx, { id, ...r }) => closeCase(ctx, id, r)),
  'disposal/delete': handler(z.object({ id }), (ctx, { id }) => deleteCase(ctx, id)),
  'disposal/deadlines': handler(z.object({ withinDays: z.coerce.number().int().min(0).max(366).optional() }), (ctx, q) => deadlinesDue(ctx, q.withinDays)),
};
