/** 整改台账 and 制度 registry handlers (issue 15 items 1–2); every input zod-checked here. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { DOCX_MIME, XLSX_MIME, fileResult, id, isoDate, optText, ref, text, year } from '../validate.ts';
import { LINK_KINDS, OPEN_STATUSES, PLAN_KINDS, RECT_RULE, RULE_CATEGORIES, RULE_STATUSES, itemInput, planInput, ruleDocInput } from './model.ts';
import { addProgress, closeItem, createItem, createPlan, deleteItem, linkEvidence, reopenItem, setStatus, updateItem } from './service.ts';
import { itemDetail, linkedGaps, listItems, listPlans, overdueItems, periodCounts } from './queries.ts';
import { addRuleDoc, listRuleDocs, repealRuleDoc, rulesIssued } from './rules-docs.ts';
import { exportRectification, exportRectificationReport } from './export.ts';

const filter = z.object({
  planId: ref.optional(),
  plan: z.string().trim().max(200).optional(),
  year: year.optional(),
  status: ref.optional(),
  kind: z.enum(PLAN_KINDS).optional(),
  overdue: z.boolean().optional(),
});
const period = z.object({ from: isoDate, to: isoDate }).refine((p) => p.from <= p.to, { message: '结束日期早于开始日期', path: ['to'] });

export const rectificationHandlers = {
  'rectification/rule': handler(z.object({}), async () => RECT_RULE),
  'rectification/plans': handler(z.object({ kind: z.enum(PLAN_KINDS).optional(), year: year.optional() }), (ctx, q) => listPlans(ctx, q)),
  'rectification/create-plan': handler(planInput, (ctx, p) => createPlan(ctx, p)),
  'rectification/list': handler(filter, (ctx, f) => listItems(ctx, { ...f, plan: f.plan || undefined, planId: f.planId || undefined, status: f.status || undefined })),
  'rectification/get': handler(z.object({ id }), (ctx, { id }) => itemDetail(ctx, id)),
  'rectification/add': handler(itemInput, (ctx, i) => createItem(ctx, i)),
  'rectification/update': handler(itemInput.extend({ id }), (ctx, { id, ...i }) => updateItem(ctx, id, i)),
  'rectification/set-status': handler(z.object({ id, status: z.enum(OPEN_STATUSES, { error: `应为 ${OPEN_STATUSES.join('、')} 之一（销号请用“销号”）` }) }), async (ctx, { id, status }) => {
    await setStatus(ctx, id, status);
    return { ok: true };
  }),
  'rectification/progress': handler(z.object({ id, onDate: isoDate, text: text(1000) }), (ctx, p) => addProgress(ctx, p.id, p.onDate, p.text)),
  'rectification/link-archive': handler(z.object({ id, archiveItemId: id }), async (ctx, p) => {
    await linkEvidence(ctx, p.id, p.archiveItemId);
    return { ok: true };
  }),
  'rectification/close': handler(z.object({ id, closedOn: isoDate, acceptedBy: text(30) }), async (ctx, p) => {
    await closeItem(ctx, p.id, p.closedOn, p.acceptedBy);
    return { ok: true };
  }),
  'rectification/reopen': handler(z.object({ id, reason: text(200) }), async (ctx, p) => {
    await reopenItem(ctx, p.id, p.reason);
    return { ok: true };
  }),
  'rectification/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteItem(ctx, id);
    return { ok: true };
  }),
  'rectification/overdue': handler(z.object({}), (ctx) => overdueItems(ctx)),
  'rectification/linked': handler(z.object({ kind: z.enum(LINK_KINDS) }), (ctx, { kind }) => linkedGaps(ctx, kind)),
  'rectification/counts': handler(period.and(z.object({ planId: ref.optional(), kind: z.enum(PLAN_KINDS).optional() })), (ctx, q) => periodCounts(ctx, { ...q, planId: q.planId || undefined })),
  'rectification/export': handler(z.object({ plan: z.string().trim().max(200).optional(), year: year.optional() }), async (ctx, q) => {
    const r = await exportRectification(ctx, { plan: q.plan || undefined, year: q.year });
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
  'rectification/export-report': handler(z.object({ plan: text(200) }), async (ctx, q) => {
    const r = await exportRectificationReport(ctx, q);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
  'rules-docs/list': handler(z.object({ year: year.optional(), category: z.enum(RULE_CATEGORIES).optional(), status: z.enum(RULE_STATUSES).optional() }), (ctx, q) => listRuleDocs(ctx, q)),
  'rules-docs/add': handler(ruleDocInput, (ctx, d) => addRuleDoc(ctx, d)),
  'rules-docs/repeal': handler(z.object({ id, repealedOn: isoDate, replacedBy: optText(100) }), async (ctx, p) => {
    await repealRuleDoc(ctx, p.id, p.repealedOn, p.replacedBy);
    return { ok: true };
  }),
  'rules-docs/issued': handler(period, (ctx, q) => rulesIssued(ctx, q)),
};
