import { z } from 'zod';
import { handler } from '../handler.ts';
import { XLSX_MIME, fileBytes, fileInput, fileResult, id, listOf, optDate, optText, ref, searchText, text, year } from '../validate.ts';
import { getSettings, setSetting } from '../settings/service.ts';
import { RETENTIONS, SECRECY_LEVELS } from '../../common/archive.ts';
import { listCategories, saveCategory } from './categories.ts';
import { attachFile, createItem, updateItem, voidItem } from './service.ts';
import { getItem, listItems, operationLog } from './queries.ts';
import { documentsOfYear, fileDocument, fileYear } from './documents.ts';
import { fileProposals, proposals } from './proposals.ts';
import { exportCatalog } from './catalog.ts';
import { ARCHIVE_SETTINGS, archiveSettings } from './settings.ts';
import { LedgerError } from '../errors.ts';
import { binderHandlers } from './binder/handlers.ts';

const retention = z.enum(RETENTIONS, { error: '应为 永久、30年 或 10年' });
const secrecy = z.enum(SECRECY_LEVELS, { error: `应为 ${SECRECY_LEVELS.join('、')} 之一` });
const pages = z.coerce.number({ error: '应为页数' }).int('应为整数').min(1, '至少 1 页').max(9999, '不超过 9999 页').nullish();
const category = z.string().trim().min(1, '请选择类别').max(10, '不能超过 10 个字符');

const itemInput = z.object({
  year,
  category,
  orgId: ref.nullish(),
  title: text(200),
  author: optText(100),
  docNo: optText(50),
  docDate: optDate,
  pages,
  secrecy: secrecy.nullish(),
  retention: retention.nullish(),
  note: optText(200),
});

export const archiveHandlers = {
  'archive/categories': handler(z.object({}), (ctx) => listCategories(ctx)),
  'archive/category-save': handler(
    z.object({ code: z.string().trim().regex(/^[A-Z][A-Z0-9]{0,3}$/, '应为 1—4 位代码，以大写字母开头，其后为大写字母或数字'), name: text(30), defaultRetention: retention, note: optText(200), retired: z.boolean().optional() }),
    async (ctx, c) => {
      await saveCategory(ctx, c);
      return { ok: true };
    },
  ),
  /** The organizations an item can belong to: the 党委 first, then its branches. */
  'archive/orgs': handler(z.object({}), async (ctx) => {
    const rows = await ctx.db.selectFrom('org_units').select(['id', 'name', 'kind']).where('kind', 'in', ['党委', '党总支', '党支部']).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').execute();
    return [...rows.filter((r) => r.kind !== '党支部'), ...rows.filter((r) => r.kind === '党支部')];
  }),
  'archive/settings': handler(z.object({}), (ctx) => archiveSettings(ctx.db)),
  'archive/settings-save': handler(
    z.object({
      fondsNo: z.string().trim().max(10, '不超过 10 个字符').regex(/^[A-Za-z0-9]*$/, '应为数字，或字母加数字（档案馆给定的全宗号）'),
      classCode: z.string().trim().regex(/^[A-Z]{2}$/, '应为 2 个大写字母（文书档案的门类代码）'),
      orgCode: z.string().trim().max(10, '不超过 10 个字符').regex(/^[A-Za-z0-9]*$/, '应为字母或数字'),
    }),
    async (ctx, s) => {
      const before = await getSettings(ctx.db, 'archive.');
      await ctx.db.transaction().execute(async (tx) => {
        for (const [k, key] of [['fondsNo', ARCHIVE_SETTINGS.fondsNo], ['classCode', ARCHIVE_SETTINGS.classCode], ['orgCode', ARCHIVE_SETTINGS.orgCode]] as const)
          if (before[key] !== s[k]) await setSetting(tx, ctx, key, s[k]);
      });
      return archiveSettings(ctx.db);
    },
  ),
  'archive/list': handler(
    z.object({ year: year.optional(), category: ref.optional(), orgId: ref.optional(), search: searchText, includeVoided: z.boolean().optional() }),
    (ctx, q) => listItems(ctx, { ...q, category: q.category || undefined, orgId: q.orgId || undefined }),
  ),
  'archive/get': handler(z.object({ id }), (ctx, { id }) => getItem(ctx, id)),
  /** A new item without files yet (the screen then uploads its files one by one, each retried on its own). */
  'archive/create': handler(itemInput, async (ctx, input) => {
    const row = await ctx.db.transaction().execute((tx) => createItem(ctx, tx, input, { kind: 'upload' }));
    return getItem(ctx, row.id);
  }),
  'archive/attach': handler(fileInput.extend({ id, kind: optText(20) }), (ctx, f) => attachFile(ctx, f.id, f.fileName, fileBytes(f), f.kind)),
  /** One item with its files at once (the command line's `archive add`). */
  'archive/add': handler(itemInput.extend({ files: listOf(fileInput, 50).min(1, '至少选择一个文件') }), async (ctx, { files, ...input }) => {
    const row = await ctx.db.transaction().execute((tx) => createItem(ctx, tx, input, { kind: 'upload' }));
    for (const f of files) await attachFile(ctx, row.id, f.fileName, fileBytes(f));
    return getItem(ctx, row.id);
  }),
  'archive/update': handler(
    z.object({ id, title: text(200).optional(), author: optText(100), docNo: optText(50), docDate: optDate, pages, secrecy: secrecy.optional(), note: optText(200) }),
    async (ctx, { id, ...p }) => {
      await updateItem(ctx, id, p);
      return getItem(ctx, id);
    },
  ),
  'archive/void': handler(z.object({ id, reason: text(200) }), async (ctx, { id, reason }) => {
    await voidItem(ctx, id, reason);
    return getItem(ctx, id);
  }),
  'archive/log': handler(z.object({ id: ref.optional() }), (ctx, { id }) => operationLog(ctx, id || undefined)),
  /** The generated documents of a year that 归档 can freeze. */
  'archive/documents': handler(z.object({ year, orgId: ref.nullish() }), async (ctx, q) =>
    (await documentsOfYear(ctx, q.year, q.orgId)).map((d) => ({ key: d.key, label: d.label, category: d.category, orgId: d.orgId })),
  ),
  'archive/file-document': handler(z.object({ year, key: text(200) }), async (ctx, q) => {
    const spec = (await documentsOfYear(ctx, q.year)).find((d) => d.key === q.key);
    if (!spec) throw new LedgerError('没有这份生成文档，请刷新后再试', 'key');
    return fileDocument(ctx, q.year, spec);
  }),
  'archive/file-year': handler(z.object({ year, orgId: ref.nullish() }), (ctx, q) => fileYear(ctx, q.year, q.orgId)),
  'archive/proposals': handler(z.object({ year, orgId: ref.nullish() }), (ctx, q) => proposals(ctx, q.year, q.orgId)),
  'archive/file-proposals': handler(z.object({ year, attachmentIds: listOf(id, 2000).min(1, '请选择要归档的附件') }), async (ctx, q) => ({ ids: await fileProposals(ctx, q.year, q.attachmentIds) })),
  'archive/catalog': handler(z.object({ year, category: ref.nullish() }), async (ctx, q) => {
    const r = await exportCatalog(ctx, q.year, q.category || null);
    return { ...fileResult(r.fileName, r.bytes, XLSX_MIME), count: r.count };
  }),
  ...binderHandlers,
};
