/**
 * 归档文件目录 of a year (archives.md 7.5): one sheet per category and 保管期限,
 * its items in 件号 order, voided items kept in their place with 作废 in 备注
 * (numbers are never reused, so the catalog has no holes).
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { RETENTIONS, catalogDate } from '../../common/archive.ts';
import { archiveCatalogXlsx, type CatalogSheet } from '../../templates/archive-catalog.ts';
import { archiveSettings } from './settings.ts';
import { listItems } from './queries.ts';
import { listCategories } from './categories.ts';

export async function catalogSheets(ctx: Ctx, year: number, category?: string | null): Promise<CatalogSheet[]> {
  const cats = await listCategories(ctx);
  if (category && !cats.some((c) => c.code === category)) throw new LedgerError(`没有类别“${category}”`, 'category');
  const items = await listItems(ctx, { year, category: category ?? undefined, limit: 100000 });
  const s = await archiveSettings(ctx.db);
  const unit = (await ctx.db.selectFrom('org_units').select('name').where('kind', 'in', ['党委', '党总支']).where('deleted_at', 'is', null).executeTakeFirst())?.name ?? '';
  const sheets: CatalogSheet[] = [];
  for (const c of cats) {
    if (category && c.code !== category) continue;
    for (const r of RETENTIONS) {
      const rows = items.filter((i) => i.categoryCode === c.code && i.retention === r).sort((a, b) => a.itemNo - b.itemNo);
      if (!rows.length) continue;
      sheets.push({
        name: `${c.code} ${c.name} ${r}`.slice(0, 31),
        title: '归档文件目录',
        subtitle: `全宗号：${s.fondsNo || '（未设置）'}　全宗名称：${unit}　年度：${year}　保管期限：${r}　类别：${c.code} ${c.name}`,
        rows: rows.map((i, n) => ({
          no: n + 1,
          archiveNo: i.archiveNo ?? '',
          docNo: i.docNo ?? '',
          author: i.author ?? '',
          title: i.title,
          date: catalogDate(i.docDate),
          secrecy: i.secrecy,
          pages: i.pages,
          note: [i.voidedAt ? `作废：${i.voidReason ?? ''}` : '', i.note ?? ''].filter(Boolean).join('；'),
        })),
      });
    }
  }
  if (!sheets.length) throw new LedgerError(`${year}年度${category ? `${category}类` : ''}还没有归档的文件，目录无内容`, 'year');
  return sheets;
}

export async function exportCatalog(ctx: Ctx, year: number, category?: string | null): Promise<{ fileName: string; bytes: Uint8Array; count: number }> {
  const sheets = await catalogSheets(ctx, year, category);
  return { fileName: `${year}年度${category ? `${category}类` : ''}归档文件目录.xlsx`, bytes: await archiveCatalogXlsx(sheets), count: sheets.reduce((n, s) => n + s.rows.length, 0) };
}
