/**
 * The only writer of archive_items (and, through categories.ts, of
 * archive_categories). An item gets its 件号 on creation: the next number in its
 * (年度, 保管期限, 类别) sequence, voided items included, so a number is never
 * reused. Items are never deleted: 作废 keeps the item, its number and its files,
 * with the reason. Every change writes an audit row (the operation log).
 */
import type { Ctx } from '../context.ts';
import { audit, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { addAttachment, listAttachments, readAttachment } from '../attachments/service.ts';
import type { ArchiveItemsTable } from '../../db/schema.ts';
import { RETENTIONS, SECRECY_LEVELS, itemNoText, type Retention } from '../../common/archive.ts';
import { ensureCategories, usableCategory } from './categories.ts';
import { archiveNoOf, archiveSettings } from './settings.ts';
import { extractText } from './text.ts';

export interface ItemInput {
  year: number;
  category: string;
  orgId?: string | null;
  title: string;
  author?: string | null;
  docNo?: string | null;
  docDate?: string | null;
  pages?: number | null;
  secrecy?: string | null;
  retention?: Retention | null;
  note?: string | null;
}

export interface ItemSource {
  kind: 'document' | 'attachment' | 'upload';
  ref?: string | null;
  recordEntity?: string | null;
  recordId?: string | null;
  version?: number;
  contentText?: string | null;
}

export async function committeeId(tx: Tx): Promise<string> {
  const c = await tx.selectFrom('org_units').select('id').where('kind', 'in', ['党委', '党总支']).where('deleted_at', 'is', null).orderBy('kind').executeTakeFirst();
  if (!c) throw new LedgerError('请先在“组织设置”中建立党委（或党总支），再归档', 'orgId');
  return c.id;
}

async function checkOrg(tx: Tx, id: string): Promise<void> {
  const o = await tx.selectFrom('org_units').select(['id', 'kind']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!o) throw new LedgerError('找不到所属组织，可能已被删除', 'orgId');
  if (o.kind === '党小组') throw new LedgerError('所属组织应为党委或党支部，党小组的材料归入其党支部', 'orgId');
}

export async function nextItemNo(tx: Tx, year: number, retention: string, category: string): Promise<number> {
  const r = await tx
    .selectFrom('archive_items')
    .select((eb) => eb.fn.max('item_no').as('m'))
    .where('year', '=', year)
    .where('retention', '=', retention)
    .where('category_code', '=', category)
    .executeTakeFirst();
  const n = Number(r?.m ?? 0) + 1;
  if (!itemNoText(n)) throw new LedgerError(`${year}年度${category}类${retention}的件号已用到 9999，不能再编号（件号最多 4 位）`, 'category');
  return n;
}

/** Creates one item inside the caller's transaction; returns its row. */
export async function createItem(ctx: Ctx, tx: Tx, input: ItemInput, source: ItemSource): Promise<ArchiveItemsTable> {
  await ensureCategories(ctx, tx);
  const cat = await usableCategory(ctx, tx, input.category);
  const orgId = input.orgId || (await committeeId(tx));
  await checkOrg(tx, orgId);
  const retention = input.retention ?? cat.defaultRetention;
  if (!RETENTIONS.includes(retention)) throw new LedgerError('保管期限应为 永久、30年 或 10年', 'retention');
  const secrecy = input.secrecy || '无';
  if (!(SECRECY_LEVELS as readonly string[]).includes(secrecy)) throw new LedgerError(`密级应为 ${SECRECY_LEVELS.join('、')} 之一`, 'secrecy');
  if (input.docDate && input.docDate.slice(0, 4) !== String(input.year) && source.kind !== 'document')
    throw new LedgerError(`文件日期 ${input.docDate} 不在 ${input.year} 年度内：文件按形成年度归档`, 'docDate');
  const now = ctx.platform.now();
  const row: ArchiveItemsTable = {
    id: ctx.platform.newId(),
    year: input.year,
    category_code: cat.code,
    org_id: orgId,
    title: input.title.trim(),
    author: input.author?.trim() || null,
    doc_no: input.docNo?.trim() || null,
    doc_date: input.docDate || null,
    pages: input.pages ?? null,
    secrecy,
    retention,
    item_no: await nextItemNo(tx, input.year, retention, cat.code),
    source_kind: source.kind,
    source_ref: source.ref ?? null,
    record_entity: source.recordEntity ?? null,
    record_id: source.recordId ?? null,
    version: source.version ?? 1,
    note: input.note?.trim() || null,
    content_text: source.contentText ?? null,
    text_status: source.contentText ? 'done' : 'none',
    voided_at: null,
    void_reason: null,
    created_at: now,
    updated_at: now,
  };
  await tx.insertInto('archive_items').values(row).execute();
  const no = archiveNoOf(await archiveSettings(tx), row).archiveNo ?? `件号${itemNoText(row.item_no)}`;
  await audit(tx, ctx, { entity: 'archive_items', entityId: row.id, action: '新增', summary: `归档“${row.title}”（${no}）`, after: row });
  return row;
}

export async function getItemRow(tx: Tx, id: string): Promise<ArchiveItemsTable> {
  const r = await tx.selectFrom('archive_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new LedgerError('找不到该档案');
  return r;
}

/** 作废 with a reason: the item stays, numbered and visible, marked voided. */
export async function voidItem(ctx: Ctx, id: string, reason: string): Promise<void> {
  await ctx.db.transaction().execute((tx) => voidItemIn(tx, ctx, id, reason));
}

/** `voidItem` inside a transaction the caller holds (the demo's). */
export async function voidItemIn(tx: Tx, ctx: Ctx, id: string, reason: string): Promise<void> {
  {
    const before = await getItemRow(tx, id);
    if (before.voided_at) throw new LedgerError(`“${before.title}”已于 ${before.voided_at.slice(0, 10)} 作废`);
    const now = ctx.platform.now();
    await tx.updateTable('archive_items').set({ voided_at: now, void_reason: reason, updated_at: now }).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'archive_items', entityId: id, action: '作废', summary: `作废档案“${before.title}”（件号${itemNoText(before.item_no)}）：${reason}`, before, after: { ...before, voided_at: now, void_reason: reason } });
  }
}

/** Changes what the clerk may correct (题名, 责任者, 文号, 日期, 页数, 密级, 备注); the number stays. */
export async function updateItem(ctx: Ctx, id: string, p: Partial<Pick<ItemInput, 'title' | 'author' | 'docNo' | 'docDate' | 'pages' | 'secrecy' | 'note'>>): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await getItemRow(tx, id);
    if (before.voided_at) throw new LedgerError('已作废的档案不能修改');
    const set: Partial<ArchiveItemsTable> = { updated_at: ctx.platform.now() };
    if (p.title !== undefined) set.title = p.title.trim();
    if (p.author !== undefined) set.author = p.author?.trim() || null;
    if (p.docNo !== undefined) set.doc_no = p.docNo?.trim() || null;
    if (p.docDate !== undefined) set.doc_date = p.docDate || null;
    if (p.pages !== undefined) set.pages = p.pages ?? null;
    if (p.secrecy !== undefined) set.secrecy = p.secrecy || '无';
    if (p.note !== undefined) set.note = p.note?.trim() || null;
    await tx.updateTable('archive_items').set(set).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'archive_items', entityId: id, action: '修改', summary: `修改档案“${before.title}”的著录项`, before, after: { ...before, ...set } });
  });
}

/** Adds one file to an item (stored by content hash, as attachments are) and its text to the item's searchable text. */
export async function attachFile(ctx: Ctx, id: string, fileName: string, bytes: Uint8Array, kind?: string | null) {
  const item = await getItemRow(ctx.db, id);
  if (item.voided_at) throw new LedgerError('已作废的档案不能再添加文件');
  const text = extractText(fileName, bytes);
  return ctx.db.transaction().execute(async (tx) => {
    const meta = await addAttachment(ctx, { entity: 'archive_items', entityId: id, fileName, bytes, kind: kind ?? '归档文件' }, tx);
    const cur = await getItemRow(tx, id);
    const content = [cur.content_text, text].filter((t) => t).join('\n') || null;
    const status = text !== null ? 'done' : cur.text_status === 'done' ? 'done' : 'none';
    await tx.updateTable('archive_items').set({ content_text: content, text_status: status, updated_at: ctx.platform.now() }).where('id', '=', id).execute();
    return meta;
  });
}

export async function itemFiles(ctx: Ctx, id: string) {
  return listAttachments(ctx.db, 'archive_items', id);
}

/** A ledger attachment's bytes (read before a transaction: reading holds the connection). */
export const readLedgerAttachment = readAttachment;

/** Copies a ledger attachment (a meeting's 签到表, photo, 讲稿) into an item: the same stored bytes, a row of its own. */
export async function copyAttachment(ctx: Ctx, tx: Tx, itemId: string, file: Awaited<ReturnType<typeof readAttachment>>) {
  return addAttachment(ctx, { entity: 'archive_items', entityId: itemId, fileName: file.meta.fileName, bytes: file.bytes, kind: file.meta.kind }, tx);
}
