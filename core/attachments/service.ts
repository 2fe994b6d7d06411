/**
 * Attachments of any record: the bytes are stored once by content hash under
 * `<dataDir>/attachments/<first two hex>/<sha256>` (written to a temporary name
 * and fsynced, then renamed, so a crash never leaves half a file under the final
 * name; a leftover temporary or unreferenced file is tidied at open by
 * core/housekeeping.ts); the
 * database holds who owns the file and its name. Any area can attach files to
 * its own records: list the owner table in the area's module (`attachmentOwners`),
 * then call addAttachment / listAttachments / readAttachment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { writeFileAtomic } from '../files.ts';
import { attachmentFileName } from './names.ts';
import { audit, type Tx } from '../audit/service.ts';
import { installedAreas } from '../area.ts';
import type { AttachmentsTable } from '../../db/schema.ts';
import { inChunks } from '../../db/chunks.ts';

export type { AttachmentOwner } from '../area.ts';

export interface AttachmentMeta {
  id: string;
  entity: string;
  entityId: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  kind: string | null;
  note: string | null;
  createdAt: string;
}

/** 40 MB: its base64 form must fit the browser-mode host’s 64 MB request limit. */
export const MAX_ATTACHMENT_BYTES = 40 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.wps': 'application/vnd.ms-works',
  '.ofd': 'application/ofd',
  '.mp3': 'audio/mpeg',
  '.mp4': 'video/mp4',
};

export function mimeOf(fileName: string): string {
  return MIME[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether the app can show the file itself (images, PDF, text). */
export function isPreviewable(mime: string): boolean {
  return mime.startsWith('image/') || mime === 'application/pdf' || mime === 'text/plain';
}

export function attachmentsDir(ctx: Ctx): string {
  const dir = ctx.platform.dataDir;
  if (!dir || dir === ':memory:') throw new LedgerError('当前台账没有数据文件夹，不能保存附件');
  return path.join(dir, 'attachments');
}

export function blobPath(ctx: Ctx, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new LedgerError('附件编号无效');
  return path.join(attachmentsDir(ctx), sha256.slice(0, 2), sha256);
}

/**
 * Writes the bytes under their hash unless the same content is already stored; a reused
 * file is touched, so the tidying at open (which spares young files) never takes it away
 * between here and the commit of its row.
 */
export function storeBlob(ctx: Ctx, bytes: Uint8Array): string {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const file = blobPath(ctx, sha);
  if (!fs.existsSync(file) || fs.statSync(file).size !== bytes.length) writeFileAtomic(file, bytes);
  else {
    try {
      fs.utimesSync(file, new Date(), new Date());
    } catch {
      // a file we may not touch is not ours to tidy either
    }
  }
  return sha;
}

function toMeta(r: AttachmentsTable): AttachmentMeta {
  return { id: r.id, entity: r.entity, entityId: r.entity_id, fileName: r.file_name, mime: r.mime, size: r.size, sha256: r.sha256, kind: r.kind, note: r.note, createdAt: r.created_at };
}

export interface NewAttachment {
  entity: string;
  entityId: string;
  fileName: string;
  bytes: Uint8Array;
  kind?: string | null;
  note?: string | null;
}

/**
 * Stores the file (outside any transaction: file work never holds the
 * connection), then records it. Pass `tx` to record it inside the caller's
 * transaction; the blob is already safely on disk by then.
 */
export async function addAttachment(ctx: Ctx, a: NewAttachment, tx?: Tx): Promise<AttachmentMeta> {
  const owner = installedAreas().attachmentOwners.get(a.entity);
  if (!owner) throw new LedgerError(`这类记录不能添加附件：${a.entity}`);
  if (a.bytes.length === 0) throw new LedgerError('附件是空文件', 'file');
  if (a.bytes.length > MAX_ATTACHMENT_BYTES) throw new LedgerError(`附件不能大于 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, 'file');
  const fileName = attachmentFileName(a.fileName);
  // no file is written for an owner that is not there (checked again in the transaction)
  if (!(await owner.exists(tx ?? ctx.db, a.entityId))) throw new LedgerError(`找不到要添加附件的${owner.title}，可能已被删除；附件未保存`);
  const sha = storeBlob(ctx, a.bytes);
  const row: AttachmentsTable = {
    id: ctx.platform.newId(),
    entity: a.entity,
    entity_id: a.entityId,
    file_name: fileName,
    mime: mimeOf(fileName),
    size: a.bytes.length,
    sha256: sha,
    kind: a.kind ?? null,
    note: a.note ?? null,
    created_at: ctx.platform.now(),
    deleted_at: null,
  };
  const write = async (t: Tx) => {
    if (!(await owner.exists(t, a.entityId))) throw new LedgerError(`找不到要添加附件的${owner.title}，可能已被删除；附件未保存`);
    await t.insertInto('attachments').values(row).execute();
    await audit(t, ctx, { entity: 'attachments', entityId: row.id, action: '新增', summary: `为${owner.title}添加附件“${fileName}”`, after: row });
  };
  if (tx) await write(tx);
  else await ctx.db.transaction().execute(write);
  return toMeta(row);
}

export async function listAttachments(tx: Tx, entity: string, entityId: string): Promise<AttachmentMeta[]> {
  const rows = await tx
    .selectFrom('attachments')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toMeta);
}

/** Number of attachments per owner id, for lists. */
export async function countAttachments(tx: Tx, entity: string, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await inChunks(ids, 500, async (chunk) => {
    const rows = await tx
      .selectFrom('attachments')
      .select(['entity_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('entity', '=', entity)
      .where('entity_id', 'in', chunk)
      .where('deleted_at', 'is', null)
      .groupBy('entity_id')
      .execute();
    for (const r of rows) out.set(r.entity_id, Number(r.n));
  });
  return out;
}

export async function getAttachment(tx: Tx, id: string): Promise<AttachmentMeta> {
  const r = await tx.selectFrom('attachments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r) throw new LedgerError('找不到该附件，可能已被删除');
  return toMeta(r);
}

/** The attachment's bytes, checked against its hash. */
export async function readAttachment(ctx: Ctx, id: string): Promise<{ meta: AttachmentMeta; bytes: Uint8Array }> {
  const meta = await getAttachment(ctx.db, id);
  const file = blobPath(ctx, meta.sha256);
  if (!fs.existsSync(file)) throw new LedgerError(`附件“${meta.fileName}”的文件不在数据文件夹中（${path.relative(ctx.platform.dataDir, file)}）`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256) throw new LedgerError(`附件“${meta.fileName}”的文件已损坏（内容与登记的不一致）`);
  return { meta, bytes };
}
