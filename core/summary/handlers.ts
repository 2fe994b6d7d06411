/** 党建工作总结 handlers (issue 15 item 3); every input zod-checked here. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { DOCX_MIME, fileResult, id, isoDate, optText, ref } from '../validate.ts';
import { memoRead } from '../read-memo.ts';
import { summaryFigures } from './figures.ts';
import { createDraft, deleteDraft, getDraft, listDrafts, refreshDraft, saveDraft, versionOf } from './service.ts';
import { exportWorkSummary } from './export.ts';

const period = z.object({ from: isoDate, to: isoDate, branchId: ref.optional() }).refine((p) => p.from <= p.to, { message: '结束日期早于开始日期', path: ['to'] });
const opt = (b?: string) => b || undefined;

export const summaryHandlers = {
  'summary/figures': handler(period, (ctx, q) =>
    memoRead(ctx.db, `summary/figures|${q.from}|${q.to}|${q.branchId ?? ''}|${ctx.platform.today()}`, () => summaryFigures(ctx, { ...q, branchId: opt(q.branchId) })),
  ),
  'summary/drafts': handler(z.object({}), (ctx) => listDrafts(ctx)),
  'summary/create': handler(period, (ctx, q) => createDraft(ctx, { ...q, branchId: opt(q.branchId) })),
  'summary/get': handler(z.object({ id }), (ctx, { id }) => getDraft(ctx, id)),
  'summary/save': handler(z.object({ id, title: optText(100).optional(), sections: z.array(z.string().max(20_000, '不能超过 20000 字')).length(4, '应为四个部分') }), (ctx, p) =>
    saveDraft(ctx, { id: p.id, title: p.title ?? undefined, sections: p.sections }),
  ),
  'summary/refresh': handler(z.object({ id }), (ctx, { id }) => refreshDraft(ctx, id)),
  'summary/version': handler(z.object({ id, n: z.number().int().min(1) }), (ctx, p) => versionOf(ctx, p.id, p.n)),
  'summary/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteDraft(ctx, id);
    return { ok: true };
  }),
  'summary/export': handler(
    z.object({ from: isoDate.optional(), to: isoDate.optional(), branchId: ref.optional(), draftId: ref.optional(), addressee: optText(60).optional() }),
    async (ctx, q) => {
      const r = await exportWorkSummary(ctx, { from: q.from, to: q.to, branchId: opt(q.branchId), draftId: opt(q.draftId), addressee: q.addressee ?? null });
      return { ...fileResult(r.fileName, r.bytes, DOCX_MIME), gaps: r.gaps };
    },
  ),
};
