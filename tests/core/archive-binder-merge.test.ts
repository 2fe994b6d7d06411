/**
 * The binder PDF merge on its own (no LibreOffice): a PDF attachment's pages as
 * they are, an image on an A4 page of its own, a damaged file named and adding no
 * page, one bookmark per item with pages, page numbers stamped, the same input
 * giving the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { mergeBinderPdf, outlineCount } from '../../core/archive/binder/pdf.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d30000000049454e44ae426082', 'hex');

async function twoPages(): Promise<Uint8Array> {
  const d = await PDFDocument.create();
  d.addPage([595, 842]);
  d.addPage([842, 595]);
  return d.save();
}

describe('mergeBinderPdf', () => {
  it('takes PDF pages and images as pages, names what it cannot read, bookmarks each item with pages', async () => {
    const pdf = await twoPages();
    const items = [
      { title: '0001 会议记录扫描件', parts: [{ kind: 'pdf' as const, bytes: pdf, name: 'B/0001 会议记录扫描件.pdf' }] },
      { title: '0002 签到表', parts: [{ kind: 'png' as const, bytes: new Uint8Array(PNG), name: 'B/0002 签到表.png' }] },
      { title: '0003 损坏的照片', parts: [{ kind: 'jpg' as const, bytes: new Uint8Array([1, 2, 3]), name: 'B/0003 损坏的照片.jpg' }] },
    ];
    const failed: string[] = [];
    const date = new Date(Date.UTC(2026, 11, 31));
    const r = await mergeBinderPdf(items, { title: 'B 三会一课', date, failed });
    expect(r.pages).toEqual([2, 1, 0]);
    expect(failed).toEqual(['B/0003 损坏的照片.jpg']);
    const doc = await PDFDocument.load(r.bytes);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getPage(2).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(await outlineCount(r.bytes)).toBe(2);
    expect(doc.getTitle()).toBe('B 三会一课');
    const again = await mergeBinderPdf(items, { title: 'B 三会一课', date, failed: [] });
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(r.bytes))).toBe(0);
  });
});
