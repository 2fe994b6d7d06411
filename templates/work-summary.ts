/**
 * 党建工作总结 (.docx, GB/T 9704): title in 2号小标宋, an optional 主送, the four parts' headings in 黑体,
 * each "（一）…。" sub-heading in 楷体 at the start of its paragraph with the body following in 仿宋, then
 * the 落款 and 成文日期. core/summary/export.ts builds the model (figures already in the text); this only
 * lays it out.
 */
import { FONTS, blankLine, documentBytes, heading1, paragraph, run, signatureBlock, title } from './gbt9704.ts';

export interface WorkSummaryModel {
  title: string;
  addressee: string | null;
  /** the four parts: heading and its paragraphs */
  parts: { heading: string; paragraphs: string[] }[];
  signer: string;
  issuedOn: string;
  /** names never split over two lines (branches, units) */
  keep?: string[];
}

const SUB = /^(（[一二三四五六七八九十]+）[^。！？]*[。！？]?)(.*)$/s;

export async function workSummary(m: WorkSummaryModel): Promise<Uint8Array> {
  const body = [];
  if (m.addressee) body.push(paragraph(`${m.addressee}：`, { indent: false }));
  for (const part of m.parts) {
    body.push(heading1(part.heading));
    for (const p of part.paragraphs) {
      const s = SUB.exec(p);
      const keep = m.keep ?? [];
      body.push(s ? paragraph([run(s[1]!, FONTS.heading2), ...(s[2] ? [s[2]] : [])], { indent: true, keep }) : paragraph(p, { indent: true, keep }));
    }
  }
  body.push(blankLine());
  body.push(...signatureBlock(m.signer, m.issuedOn, { keepTogether: true }));
  return documentBytes([{ children: [title(m.title), ...body] }], { title: m.title });
}
