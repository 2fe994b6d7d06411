/** 迎检清单: the checklist (read, edit, restore), the check of a year, the 缺项清单 workbook and the home card. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { XLSX_MIME, fileResult, id, ref, text, optText, year } from '../validate.ts';
import { ACTIVITY_TYPES } from '../../common/enums.ts';
import { BINDERS, BINDER_CODES, DEFAULT_CHECKLIST, INSPECT_CADENCES, INSPECT_SCOPES, type BinderCode } from '../../common/inspection-checklist.ts';
import { checklistItems, removeItem, saveItem } from './items.ts';
import { inspectCheck } from './check.ts';
import { exportGaps } from './export.ts';
import { inspectSummary } from './summary.ts';

const optBranch = ref.optional().transform((v) => v || undefined);
const binder = z.enum(BINDER_CODES as [BinderCode, ...BinderCode[]], { error: '应为十一个类别之一（组织建设至党务公开及其他）' });
const proof = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('activity'), type: text(30) }),
    z.object({ kind: z.literal('signin'), types: z.array(text(30)).min(1, '请至少选择一种会议').max(20, '最多 20 种') }),
    z.object({ kind: z.literal('roster') }),
    z.object({ kind: z.literal('assessment') }),
    z.object({ kind: z.literal('dossier') }),
    z.object({ kind: z.literal('archive'), category: text(10), dueFromMonth: z.coerce.number().int().min(1, '应为 1 至 12 月').max(12, '应为 1 至 12 月').nullish() }),
  ],
  { error: '请选择证明材料' },
);

const itemInput = z.object({
  id: ref.optional(),
  defaultKey: ref.optional(),
  binder,
  title: text(60),
  scope: z.enum(INSPECT_SCOPES, { error: '应为党委、党支部或党小组' }),
  cadence: z.enum(INSPECT_CADENCES, { error: '应为年、季、月、每次会议或每人' }),
  proof,
  enabled: z.boolean().default(true),
  note: optText(200),
});

export const inspectHandlers = {
  'inspect/items': handler(z.object({}), async (ctx) => ({
    items: await checklistItems(ctx.db),
    binders: BINDERS,
    activityTypes: ACTIVITY_TYPES,
    source: DEFAULT_CHECKLIST.source,
    verified: DEFAULT_CHECKLIST.verified,
  })),
  'inspect/item-save': handler(itemInput, (ctx, i) => saveItem(ctx, i)),
  'inspect/item-remove': handler(z.object({ id }), (ctx, { id }) => removeItem(ctx, id)),
  'inspect/check': handler(z.object({ year, branchId: optBranch }), (ctx, q) => inspectCheck(ctx, q)),
  'inspect/export-gaps': handler(z.object({ year, branchId: optBranch }), async (ctx, q) => {
    const r = await exportGaps(ctx, q);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
  'inspect/summary': handler(z.object({ year: year.optional() }), (ctx, q) => inspectSummary(ctx, q.year)),
};
