/** 评星定级 handlers: the scheme (versions, import/export as JSON), a year's scores and sheets, hand entries, the workflow, the documents. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { DOCX_MIME, XLSX_MIME, fileBytes, fileInput, fileResult, id, isoDate, optDate, optText, year } from '../validate.ts';
import { LedgerError } from '../errors.ts';
import { ENTRY_KINDS, schemeVersionSchema } from './model.ts';
import { EXAMPLE_MARK, parseScheme, removeScheme, saveScheme, schemeForYear, schemeVersions } from './scheme.ts';
import { scoreYear } from './score.ts';
import { deleteEntry, nameYear, saveEntry } from './service.ts';
import { saveReview } from './reviews.ts';
import { exportStars, exportStarsNotice } from './export.ts';
import { listAttachments } from '../attachments/service.ts';

const JSON_MIME = 'application/json';

const num = (label: string) => z.coerce.number({ error: `${label}应为数字` });

const entry = z.object({
  year,
  branchId: id,
  kind: z.enum(ENTRY_KINDS, { error: '类别应为 手工评分、扣分 或 一票否决' }),
  itemKey: z.string({ error: '不能为空' }).trim().min(1, '不能为空').max(40, '过长'),
  points: num('得分').nullish().transform((v) => v ?? null),
  times: num('次数').nullish().transform((v) => v ?? null),
  evidence: z.string({ error: '不能为空' }).trim().min(1, '请写明评分依据及证明材料').max(500, '不能超过 500 字'),
  note: optText(200),
});

const review = z.object({
  year,
  branchId: id,
  selfOn: optDate,
  selfScore: num('自评得分').min(0, '不能小于 0').max(1000, '不能大于 1000').nullish().transform((v) => v ?? null),
  committeeOn: optDate,
  auditOn: optDate,
  publicityFrom: optDate,
  publicityDays: num('公示天数').int('应为整数').min(1, '至少 1 天').max(30, '不超过 30 天').nullish().transform((v) => v ?? null),
  note: optText(200),
});

export const starsHandlers = {
  'stars/schemes': handler(z.object({ year: year.optional() }), async (ctx, q) => {
    const versions = await schemeVersions(ctx.db);
    const y = q.year ?? Number(ctx.platform.today().slice(0, 4));
    return { versions, inForce: (await schemeForYear(ctx.db, y)).version, year: y, exampleMark: EXAMPLE_MARK };
  }),
  'stars/scheme-save': handler(schemeVersionSchema, (ctx, v) => saveScheme(ctx, v)),
  'stars/scheme-remove': handler(z.object({ version: z.string().trim().min(1, '不能为空').max(40) }), (ctx, { version }) => removeScheme(ctx, version)),
  'stars/scheme-export': handler(z.object({ year: year.optional(), version: z.string().max(40).optional() }), async (ctx, q) => {
    const all = await schemeVersions(ctx.db);
    const v = q.version ? all.find((x) => x.version === q.version) : await schemeForYear(ctx.db, q.year ?? Number(ctx.platform.today().slice(0, 4)));
    if (!v) throw new LedgerError(`没有版本“${q.version}”`, 'version');
    return fileResult(`评星方案-${v.version}.json`, new TextEncoder().encode(JSON.stringify(v, null, 2)), JSON_MIME);
  }),
  'stars/scheme-import': handler(fileInput, async (ctx, f) => {
    const v = parseScheme(new TextDecoder().decode(fileBytes(f)));
    return { version: v.version, versions: await saveScheme(ctx, v) };
  }),
  'stars/score': handler(z.object({ year, scheme: z.string().max(200_000, '方案文件过大').optional() }), (ctx, q) => scoreYear(ctx, q.year, { scheme: q.scheme ? parseScheme(q.scheme) : undefined })),
  'stars/sheet': handler(z.object({ year, branchId: id }), async (ctx, q) => {
    const s = await scoreYear(ctx, q.year);
    const b = s.branches.find((x) => x.branchId === q.branchId);
    if (!b) throw new LedgerError('找不到这个党支部', 'branchId');
    return { ...b, scheme: s.scheme, bands: s.bands, quotas: s.quotas, year: s.year, publicityDays: s.publicityDays };
  }),
  'stars/entry-files': handler(z.object({ id }), (ctx, { id }) => listAttachments(ctx.db, 'star_entries', id)),
  'stars/save-entry': handler(entry, (ctx, e) => saveEntry(ctx, { ...e, note: e.note ?? null })),
  'stars/delete-entry': handler(z.object({ id }), async (ctx, { id }) => {
    await deleteEntry(ctx, id);
    return { ok: true };
  }),
  'stars/save-review': handler(review, (ctx, r) => saveReview(ctx, { ...r, selfOn: r.selfOn ?? null, committeeOn: r.committeeOn ?? null, auditOn: r.auditOn ?? null, publicityFrom: r.publicityFrom ?? null, note: r.note ?? null })),
  'stars/name': handler(z.object({ year, namedOn: isoDate, branchIds: z.array(id).max(500).optional() }), (ctx, q) => nameYear(ctx, q)),
  'stars/export': handler(z.object({ year }), async (ctx, { year }) => {
    const r = await exportStars(ctx, year);
    return fileResult(r.fileName, r.bytes, XLSX_MIME);
  }),
  'stars/export-notice': handler(z.object({ year }), async (ctx, { year }) => {
    const r = await exportStarsNotice(ctx, year);
    return fileResult(r.fileName, r.bytes, DOCX_MIME);
  }),
};
