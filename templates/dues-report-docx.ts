/**
 * The dues reports as GB/T 9704 documents (年度党费收缴使用情况公布,
 * 党费专项检查自查报告): a title, numbered sections of paragraphs and tables,
 * the 附件说明, the signer and date kept with the last paragraph, then each
 * 附件 on a new page (GB/T 9704-2012 7.3.3–7.3.5, 8). Typography comes from
 * gbt9704.ts only. Text is set without spaces between digits and Chinese
 * ("26268.11元"), the house style of every dues document.
 */
import type { Paragraph, Table } from 'docx';
import { FONTS, attachmentNote, blankLine, documentBytes, heading1, heading2, paragraph, run, signatureBlock, table, title, type CellSpec } from './gbt9704.ts';
import { tight } from '../common/spacing.ts';

export interface DuesDocSection {
  heading: string;
  paragraphs: string[];
  subsections?: { heading: string; paragraphs: string[]; table?: DuesDocTable }[];
  table?: DuesDocTable;
}

export interface DuesDocTable {
  headers: string[];
  rows: string[][];
  widthsMm: number[];
  /** per column; amounts 'right' (default: left) */
  align?: ('left' | 'center' | 'right')[];
}

/** An attachment: named in the 附件说明, printed after the signature on its own pages. */
export interface DuesDocAttachment {
  title: string;
  paragraphs?: string[];
  table?: DuesDocTable;
}

export interface DuesDocModel {
  title: string;
  intro: string[];
  sections: DuesDocSection[];
  signer: string;
  date: string;
  attachments?: DuesDocAttachment[];
  /** Names of members and branches printed in the text: never split across lines. */
  keep?: readonly string[];
}

function tableBlock(t: DuesDocTable, keep?: readonly string[]): (Paragraph | Table)[] {
  const rows = t.rows.length ? t.rows : [['无', ...t.headers.slice(1).map(() => '')]];
  const cells: (string | CellSpec)[][] = [
    t.headers.map((h) => ({ text: tight(h), label: true })),
    ...rows.map((r) => r.map((text, i): CellSpec => ({ text: tight(text), align: t.align?.[i] ?? 'left', keep }))),
  ];
  return [table(cells, { widthsMm: t.widthsMm, hao: '小四', headerRow: true }), blankLine()];
}

export async function duesReportDocx(m: DuesDocModel): Promise<Uint8Array> {
  const p = (text: string, keepNext = false) => paragraph(tight(text), { keepNext, keep: m.keep });
  const children: (Paragraph | Table)[] = [title(m.title), ...m.intro.map((t) => p(t))];
  // the body's last paragraph keeps with what follows (附件说明, signature and date)
  const lastSection = m.sections.length - 1;
  m.sections.forEach((s, si) => {
    children.push(heading1(tight(s.heading)));
    s.paragraphs.forEach((t, pi) => children.push(p(t, si === lastSection && pi === s.paragraphs.length - 1 && !s.table && !s.subsections?.length)));
    if (s.table) children.push(...tableBlock(s.table, m.keep));
    for (const sub of s.subsections ?? []) {
      children.push(heading2(tight(sub.heading)));
      for (const t of sub.paragraphs) children.push(p(t));
      if (sub.table) children.push(...tableBlock(sub.table, m.keep));
    }
  });
  const attachments = m.attachments ?? [];
  children.push(...attachmentNote(attachments.map((a) => tight(a.title)), { keepNext: true }));
  children.push(...signatureBlock(m.signer, m.date, { keepTogether: true }));
  attachments.forEach((a, i) => {
    // on a new page: "附件" (+ number) in 3号黑体 flush left on line 1, the title centred on line 3
    children.push(paragraph(run(attachments.length > 1 ? `附件${i + 1}` : '附件', FONTS.heading1), { indent: false, align: 'left', pageBreakBefore: true }), blankLine());
    children.push(title(tight(a.title)));
    for (const t of a.paragraphs ?? []) children.push(p(t));
    if (a.table) children.push(...tableBlock(a.table, m.keep));
  });
  return documentBytes([{ children }], { title: m.title });
}
