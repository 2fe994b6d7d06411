/**
 * The dues reports as GB/T 9704 documents (年度党费收缴使用情况公布,
 * 党费专项检查自查报告): a title, numbered sections of paragraphs and tables,
 * the signer and date. Typography comes from gbt9704.ts only.
 */
import type { Paragraph, Table } from 'docx';
import { blankLine, documentBytes, heading1, heading2, listTable, paragraph, signatureBlock, title } from './gbt9704.ts';

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
}

export interface DuesDocModel {
  title: string;
  intro: string[];
  sections: DuesDocSection[];
  signer: string;
  date: string;
}

function tableBlock(t: DuesDocTable): (Paragraph | Table)[] {
  return [listTable(t.headers, t.rows.length ? t.rows : [[ '无', ...t.headers.slice(1).map(() => '') ]], { widthsMm: t.widthsMm, hao: '小四' }), blankLine()];
}

export async function duesReportDocx(m: DuesDocModel): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [title(m.title), ...m.intro.map((p) => paragraph(p))];
  for (const s of m.sections) {
    children.push(heading1(s.heading));
    for (const p of s.paragraphs) children.push(paragraph(p));
    if (s.table) children.push(...tableBlock(s.table));
    for (const sub of s.subsections ?? []) {
      children.push(heading2(sub.heading));
      for (const p of sub.paragraphs) children.push(paragraph(p));
      if (sub.table) children.push(...tableBlock(sub.table));
    }
  }
  children.push(...signatureBlock(m.signer, m.date));
  return documentBytes([{ children }], { title: m.title });
}
