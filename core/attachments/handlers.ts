/** Attachment handlers, shared by every area whose module lists an owner table (`attachmentOwners`). */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { fileBytes, fileInput, id, optText, ref } from '../validate.ts';
import { softDelete } from '../audit/service.ts';
import { addAttachment, getAttachment, isPreviewable, listAttachments, readAttachment } from './service.ts';

const owner = z.object({ entity: ref.min(1, '不能为空'), entityId: id });

export const attachmentHandlers = {
  'attachments/list': handler(owner, (ctx, { entity, entityId }) => listAttachments(ctx.db, entity, entityId)),
  'attachments/add': handler(owner.extend(fileInput.shape).extend({ kind: optText(20), note: optText(200) }), (ctx, a) =>
    addAttachment(ctx, { entity: a.entity, entityId: a.entityId, fileName: a.fileName, bytes: fileBytes(a), kind: a.kind, note: a.note }),
  ),
  /** The bytes for preview or saving: { fileName, mime, contentBase64, previewable }. */
  'attachments/content': handler(z.object({ id }), async (ctx, { id }) => {
    const { meta, bytes } = await readAttachment(ctx, id);
    return { fileName: meta.fileName, mime: meta.mime, contentBase64: Buffer.from(bytes).toString('base64'), previewable: isPreviewable(meta.mime) };
  }),
  'attachments/delete': handler(z.object({ id }), async (ctx, { id }) => {
    await getAttachment(ctx.db, id);
    await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'attachments', id));
    return { ok: true };
  }),
};
