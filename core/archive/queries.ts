/**
 * Finding items: by year, category, organization, and words in 题名, 责任者, 文号,
 * 备注 or the items' text (documents and Word files; scans only once OCR is
 * there); voided items are listed, marked, unless left out. And the operation
 * log of the archive (who filed, changed or voided what) from the audit chain.
 */
import type { Ctx } from '../context.ts';
import { contains } from '../search.ts';
import { countAttachments } from '../attachments/service.ts';
import { archiveSettings } from './settings.ts';
import { categoryNames, orgNames, toItem, type ArchiveItem } from './rows.ts';
import { getItemRow, itemFiles } from './service.ts';
import { listCategories } from './categories.ts';

export interface ListQuery {
  year?: number;
  category?: string;
  orgId?: string;
  search?: string;
  includeVoided?: boolean;
  limit?: number;
}

export async function listItems(ctx: Ctx, q: ListQuery): Promise<ArchiveItem[]> {
  let sel = ctx.db.selectFrom('archive_items').selectAll();
  if (q.year) sel = sel.where('year', '=', q.year);
  if (q.category) sel = sel.where('category_code', '=', q.category);
  if (q.orgId) sel = sel.where('org_id', '=', q.orgId);
  if (q.includeVoided === false) sel = sel.where('voided_at', 'is', null);
  const words = (q.search ?? '').trim().split(/\s+/).filter(Boolean);
  const cats = words.length ? await listCategories(ctx) : [];
  for (const w of words) {
    // a word of a category's name (党费, 制度建设) finds that category's items too
    const codes = cats.filter((c) => c.name.includes(w)).map((c) => c.code);
    sel = sel.where((eb) => eb.or([...['title', 'author', 'doc_no', 'note', 'content_text'].map((c) => contains(c, w)), ...(codes.length ? [eb('category_code', 'in', codes)] : [])]));
  }
  const rows = await sel.orderBy('year', 'desc').orderBy('category_code').orderBy('retention').orderBy('item_no').limit(q.limit ?? 5000).execute();
  const [s, org, category, files] = await Promise.all([archiveSettings(ctx.db), orgNames(ctx.db), categoryNames(ctx.db), countAttachments(ctx.db, 'archive_items', rows.map((r) => r.id))]);
  return rows.map((r) => toItem(r, s, { org, category }, files.get(r.id) ?? 0));
}

export async function getItem(ctx: Ctx, id: string) {
  const r = await getItemRow(ctx.db, id);
  const [s, org, category, files] = await Promise.all([archiveSettings(ctx.db), orgNames(ctx.db), categoryNames(ctx.db), itemFiles(ctx, id)]);
  const log = await operationLog(ctx, id);
  return { ...toItem(r, s, { org, category }, files.length), fileList: files, log, contentText: r.content_text };
}

export interface LogEntry {
  at: string;
  actor: string;
  action: string;
  summary: string;
}

/** The archive's operation log (one item's, or the latest of all), newest first. */
export async function operationLog(ctx: Ctx, itemId?: string, limit = 200): Promise<LogEntry[]> {
  let q = ctx.db.selectFrom('audit_log').select(['at', 'actor', 'action', 'summary']).where('entity', 'in', ['archive_items', 'archive_categories']);
  if (itemId) q = q.where('entity_id', '=', itemId);
  return q.orderBy('seq', 'desc').limit(limit).execute();
}
