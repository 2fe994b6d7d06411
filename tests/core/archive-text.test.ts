/** The searchable text of Word, Excel and text files, and a generated document frozen to the same bytes whatever time it was packed. */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { extractText, frozenDocument } from '../../core/archive/text.ts';
import { documentBytes, paragraph } from '../../templates/gbt9704.ts';

async function docx(paragraphs: string[], created: string): Promise<Uint8Array> {
  const z = new JSZip();
  z.file('[Content_Types].xml', '<Types/>');
  z.file('docProps/core.xml', `<cp:coreProperties><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`);
  z.file('word/document.xml', `<w:document><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${p.slice(0, 3)}</w:t></w:r><w:r><w:t xml:space="preserve">${p.slice(3)}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`);
  return new Uint8Array(await z.generateAsync({ type: 'uint8array' }));
}

describe('archive text', () => {
  it('reads the paragraphs of a .docx, with entities decoded', async () => {
    expect(extractText('规定.docx', await docx(['第一条 党建档案&amp;资料专柜保管', '第二条 换届时移交'], '2026-01-01T00:00:00Z'))).toBe('第一条 党建档案&资料专柜保管\n第二条 换届时移交');
  });
  it('reads a text file and gives nothing for scans it cannot read', () => {
    expect(extractText('a.txt', new TextEncoder().encode(' 签到表 \n'))).toBe('签到表');
    expect(extractText('scan.png', new Uint8Array([0x89, 0x50]))).toBeNull();
    expect(extractText('broken.docx', new Uint8Array([1, 2, 3]))).toBeNull();
  });
  it('freezes two packings of the same content to the same bytes, and different content to different bytes', async () => {
    const a = frozenDocument(await docx(['同一内容'], '2026-03-01T08:00:00Z'));
    const b = frozenDocument(await docx(['同一内容'], '2026-11-28T20:00:00Z'));
    const c = frozenDocument(await docx(['另一内容'], '2026-03-01T08:00:00Z'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
    expect(extractText('x.docx', a)).toBe('同一内容');
  });
  it('freezes a real GB/T 9704 document packed twice', async () => {
    const make = () => documentBytes([{ children: [paragraph('党建档案管理规定')] }] as never);
    const one = await make();
    await new Promise((r) => setTimeout(r, 1100));
    const two = await make();
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(false);
    expect(Buffer.from(frozenDocument(one)).equals(Buffer.from(frozenDocument(two)))).toBe(true);
    expect(extractText('x.docx', frozenDocument(one))).toContain('党建档案管理规定');
  });
});
