/**
 * One PDF per binder, merged with pdf-lib: each item's pages in order (its
 * documents as LibreOffice rendered them, its PDF attachments as they are, each
 * photo or scan on an A4 page of its own), one bookmark per item, and the
 * binder's continuous page number stamped in the upper right corner (DA/T 22
 * 编页 puts it there; the documents' own "— 1 —" footers stay as printed). The
 * outline is written through pdf-lib's low-level objects: it has no API for it.
 */
import { PDFDocument, PDFHexString, PDFName, StandardFonts, rgb, type PDFRef } from 'pdf-lib';

export type PdfPart = { kind: 'pdf'; bytes: Uint8Array; name: string } | { kind: 'png' | 'jpg'; bytes: Uint8Array; name: string };

export interface PdfItem {
  title: string;
  parts: PdfPart[];
}

const A4 = { w: 595.28, h: 841.89, margin: 36 };

export async function mergeBinderPdf(items: PdfItem[], opts: { title: string; date: Date; failed: string[] }): Promise<{ bytes: Uint8Array; pages: number[] }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(opts.title);
  doc.setCreator('党务台账');
  doc.setProducer('党务台账');
  doc.setCreationDate(opts.date);
  doc.setModificationDate(opts.date);
  const pages: number[] = [];
  const firstPage: (PDFRef | null)[] = [];
  for (const it of items) {
    const before = doc.getPageCount();
    for (const p of it.parts) {
      try {
        if (p.kind === 'pdf') {
          const src = await PDFDocument.load(p.bytes, { updateMetadata: false, ignoreEncryption: true });
          for (const page of await doc.copyPages(src, src.getPageIndices())) doc.addPage(page);
        } else {
          const img = p.kind === 'png' ? await doc.embedPng(p.bytes) : await doc.embedJpg(p.bytes);
          const page = doc.addPage([A4.w, A4.h]);
          const k = Math.min((A4.w - 2 * A4.margin) / img.width, (A4.h - 2 * A4.margin) / img.height, 1);
          page.drawImage(img, { x: (A4.w - img.width * k) / 2, y: (A4.h - img.height * k) / 2, width: img.width * k, height: img.height * k });
        }
      } catch {
        opts.failed.push(p.name);
      }
    }
    const n = doc.getPageCount() - before;
    pages.push(n);
    firstPage.push(n ? doc.getPage(before).ref : null);
  }
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.getPages().forEach((page, i) => {
    const { width, height } = page.getSize();
    const text = String(i + 1);
    page.drawText(text, { x: width - 28 - font.widthOfTextAtSize(text, 10), y: height - 24, size: 10, font, color: rgb(0, 0, 0) });
  });
  addOutline(
    doc,
    items.map((it, i) => ({ title: it.title, page: firstPage[i] })).filter((x): x is { title: string; page: PDFRef } => x.page !== null),
  );
  return { bytes: await doc.save({ useObjectStreams: false }), pages };
}

function addOutline(doc: PDFDocument, marks: { title: string; page: PDFRef }[]): void {
  if (!marks.length) return;
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs = marks.map(() => ctx.nextRef());
  marks.forEach((m, i) => {
    const d = ctx.obj({ Title: PDFHexString.fromText(m.title), Parent: root, Dest: [m.page, 'XYZ', null, null, null] });
    if (i > 0) d.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < marks.length - 1) d.set(PDFName.of('Next'), refs[i + 1]);
    ctx.assign(refs[i], d);
  });
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: marks.length }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** The number of top-level bookmarks of a PDF (for tests and the result), read through pdf-lib's objects. */
export async function outlineCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ref = doc.catalog.get(PDFName.of('Outlines'));
  if (!ref) return 0;
  const outlines = doc.context.lookup(ref) as unknown as { get(n: PDFName): unknown };
  let n = 0;
  let cur = outlines.get(PDFName.of('First'));
  while (cur) {
    n += 1;
    const d = doc.context.lookup(cur as PDFRef) as unknown as { get(n: PDFName): unknown };
    cur = d.get(PDFName.of('Next'));
  }
  return n;
}
