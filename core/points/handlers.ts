/** 党员积分 handlers: a year's points with ranks and sources, the 评先树优 list, entries and their approval, exclusions, the scheme, the workbook. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { XLSX_MIME, fileResult, id, isoDate, optText, text, year } from '../validate.ts';
import { honoursList, yearPoints } from './queries.ts';
import { addEntry, approveEntry, deleteEntry, listEntries, setExclusion, updateEntry } from './service.ts';
import { pointsScheme, pointsScope, saveScheme, saveScope, scopeInput } from './settings.ts';
import { schemeInput } from './scheme.ts';
import { exportPoints } from './export.ts';

const branchName = z.string().trim().max(60, '不能超过 60 字').optional();
const scope = z.object({ year, branchId: id.optional(), branch: branchName, memberId: id.optional(), lines: z.boolean().optional() });

const entry = z.object({
  memberId: id,
  itemKey: text(30),
  onDate: isoDate,
  points: z.coerce.number({ error: '应为分值' }).int('应为整数').min(1, '应大于 0').max(100, '不能大于 100').nullish(),
  reason: text(200),
  note: optText(200),
});

const approval = z.object({ approvedOn: isoDate, approvalRef: text(100), approvalActivityId: id.nullish() });

export const pointsHandlers = {
  'points/year': handler(scope, (ctx, q) => yearPoints(ctx, { ...q, branch: q.branch || undefined })),
  'points/honours': handler(scope.pick({ year: true, branchId: true }), async (ctx, q) => {
    const y = await yearPoints(ctx, { year: q.year });
    const list = honoursList(y).filter((m) => !q.branchId || m.branchId === q.branchId);
    return { honours: y.honours, members: list };
  }),
  'points/entries': handler(z.object({ year, memberId: id.optional(), branchId: id.optional(), pending: z.boolean().optional() }), (ctx, q) => listEntries(ctx, q)),
  'points/add-entry': handler(entry.extend({ approval: approval.nullish() }), (ctx, { approval: a, ...e }) => addEntry(ctx, { ...e, note: e.note ?? null }, a ?? null)),
  'points/update-entry': handler(entry.extend({ id }), (ctx, { id, ...e }) => updateEntry(ctx, id, { ...e, note: e.note ?? null })),
  'points/approve': handler(approval.extend({ id }), (ctx, { id, ...a }) => approveEntry(ctx, id, a)),
  'points/unapprove': handler(z.object({ id }), (ctx, { id }) => approveEntry(ctx, id, null)),
  'points/delete-entry': handler(z.object({ id }), (ctx, { id }) => deleteEntry(ctx, id)),
  'points/exclude': handler(z.object({ memberId: id, year, reason: z.string().trim().max(20, '不能超过 20 字').nullable(), note: optText(200) }), (ctx, x) =>
    setExclusion(ctx, { ...x, reason: x.reason || null, note: x.note ?? null }),
  ),
  'points/scheme': handler(z.object({ year: year.optional() }), (ctx, q) => pointsScheme(ctx, q.year)),
  'points/scheme-save': handler(schemeInput, (ctx, s) => saveScheme(ctx, s)),
  'points/settings': handler(z.object({}), (ctx) => pointsScope(ctx)),
  'points/settings-save': handler(scopeInput, (ctx, s) => saveScope(ctx, s)),
  'points/export': handler(z.object({ year, month: z.coerce.number({ error: '应为月份' }).int('应为月份').min(1, '应为 1–12').max(12, '应为 1–12'), branchId: id.optional(), branch: branchName }), async (ctx, q) => {
    const r = await exportPoints(ctx, { ...q, branch: q.branch || undefined });
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
};
