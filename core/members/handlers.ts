import { z } from 'zod';
import { importTemplate } from './import-template.ts';
import { handler } from '../handler.ts';
import { XLSX_MIME, fileBytes, fileInput, fileResult, id, isoDate, optText, ref, searchText } from '../validate.ts';
import { jobId } from '../imports/handlers.ts';
import { LEAVE_TYPES, memberInputSchema } from './model.ts';
import { createMember, deleteMember, getMember, leaveRoster, listMembers, updateMember } from './service.ts';
import { commitImport, previewImport } from './import.ts';
import { exportRoster } from './export.ts';
import { ID_MASK_KEYS, maskIdsDeep, maskMember, revealIdNumber } from './privacy.ts';
import { getSetting, setSetting } from '../settings/service.ts';


const query = z.object({
  search: searchText,
  branchId: ref.optional(),
  partyStatus: ref.optional(),
  category: ref.optional(),
  scope: z.enum(['active', 'left', 'all']).optional(),
  sortBy: z.enum(['name', 'birthDate', 'joinDate', 'branch', 'idNumber']).optional(),
  sortDir: z.enum(['asc', 'desc']).optional(),
  page: z.number().int().min(1).max(1_000_000).optional(),
  pageSize: z.number().int().min(1).max(1_000_000).optional(),
});


export const memberHandlers = {
  // Every member leaving through a handler carries the masked number; search runs on the stored one.
  'members/list': handler(query, async (ctx, q) => {
    const r = await listMembers(ctx, q);
    return { ...r, rows: r.rows.map(maskMember) };
  }),
  'members/get': handler(z.object({ id }), async (ctx, { id }) => maskMember(await getMember(ctx.db, id))),
  'members/reveal-id': handler(z.object({ id }), (ctx, { id }) => revealIdNumber(ctx, 'members', id)),
  'members/create': handler(memberInputSchema, async (ctx, m) => maskMember(await createMember(ctx, m))),
  'members/update': handler(memberInputSchema.extend({ id }), async (ctx, { id, ...m }) => maskMember(await updateMember(ctx, id, m))),
  'members/leave': handler(
    z.object({ id, leftType: z.enum(LEAVE_TYPES, { error: '应为 转出、去世、出党 或 停止党籍' }), leftDate: isoDate, leftReason: optText(200) }),
    async (ctx, { id, ...leave }) => maskMember(await leaveRoster(ctx, id, leave)),
  ),
  'members/id-mask-save': handler(z.object({ roster: z.boolean(), transferLetter: z.boolean() }), async (ctx, input) => {
    await ctx.db.transaction().execute(async (tx) => {
      for (const doc of ['roster', 'transferLetter'] as const)
        if ((await getSetting<boolean>(tx, ID_MASK_KEYS[doc])) !== input[doc]) await setSetting(tx, ctx, ID_MASK_KEYS[doc], input[doc]);
    });
    return { ok: true };
  }),
  'members/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteMember(ctx, id);
    return { ok: true };
  }),
  // The preview lists the file's rows on screen: their numbers are masked like any list.
  'members/import-template': handler(z.object({}), (ctx) => importTemplate(ctx.db)),
  'members/import-preview': handler(fileInput.extend({ jobId }), async (ctx, f) => maskIdsDeep(await previewImport(ctx, fileBytes(f), { jobId: f.jobId }))),
  'members/import-commit': handler(
    fileInput.extend({ validOnly: z.boolean().default(false), expectValid: z.number().int().min(0).max(1_000_000).optional(), jobId }),
    async (ctx, f) => maskIdsDeep(await commitImport(ctx, fileBytes(f), f.fileName, { validOnly: f.validOnly, expectValid: f.expectValid, jobId: f.jobId })),
  ),
  'members/export': handler(z.object({ branchId: ref.optional() }), async (ctx, { branchId }) => {
    const r = await exportRoster(ctx, { branchId });
    // the count rides along for the command line's “已导出 N 名党员”
    return { ...fileResult(r.fileName, r.bytes, XLSX_MIME), count: r.count };
  }),
};
