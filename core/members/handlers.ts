import { z } from 'zod';
import { handler, registerLabels } from '../handler.ts';
import { XLSX_MIME, fileInput, fileResult, id, isoDate, optText, ref, searchText } from '../validate.ts';
import { jobId } from '../imports/handlers.ts';
import { registerRecyclable } from '../audit/service.ts';
import { CATEGORIES, EDUCATIONS, GENDERS, LEAVE_TYPES, PARTY_STATUSES, memberInputSchema, memberLabels } from './model.ts';
import { createMember, deleteMember, getMember, leaveRoster, listMembers, rejoinRoster, updateMember } from './service.ts';
import { commitImport, previewImport } from './import.ts';
import { exportRoster } from './export.ts';

registerLabels(memberLabels, 'members');
registerRecyclable({ table: 'members', title: '党员', label: (r) => `${r.name}（${r.id_number}）` });


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

const bytesOf = (f: { contentBase64: string }) => new Uint8Array(Buffer.from(f.contentBase64, 'base64'));

export const memberHandlers = {
  'members/options': handler(z.object({}), () => ({
    genders: [...GENDERS],
    partyStatuses: [...PARTY_STATUSES],
    categories: [...CATEGORIES],
    educations: [...EDUCATIONS],
    leaveTypes: [...LEAVE_TYPES],
  })),
  'members/list': handler(query, (ctx, q) => listMembers(ctx, q)),
  'members/get': handler(z.object({ id }), (ctx, { id }) => getMember(ctx.db, id)),
  'members/create': handler(memberInputSchema, (ctx, m) => createMember(ctx, m)),
  'members/update': handler(memberInputSchema.extend({ id }), (ctx, { id, ...m }) => updateMember(ctx, id, m)),
  'members/leave': handler(
    z.object({ id, leftType: z.enum(LEAVE_TYPES, { error: '应为 转出、去世、出党 或 停止党籍' }), leftDate: isoDate, leftReason: optText(200) }),
    (ctx, { id, ...leave }) => leaveRoster(ctx, id, leave),
  ),
  'members/rejoin': handler(z.object({ id, branchId: id }), (ctx, { id, branchId }) => rejoinRoster(ctx, id, branchId)),
  'members/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteMember(ctx, id);
    return { ok: true };
  }),
  'members/import-preview': handler(fileInput.extend({ jobId }), (ctx, f) => previewImport(ctx, bytesOf(f), { jobId: f.jobId })),
  'members/import-commit': handler(
    fileInput.extend({ validOnly: z.boolean().default(false), expectValid: z.number().int().min(0).max(1_000_000).optional(), jobId }),
    (ctx, f) => commitImport(ctx, bytesOf(f), f.fileName, { validOnly: f.validOnly, expectValid: f.expectValid, jobId: f.jobId }),
  ),
  'members/export': handler(z.object({ branchId: ref.optional() }), async (ctx, { branchId }) => {
    const r = await exportRoster(ctx, { branchId });
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
};
