/**
 * 理论学习中心组学习记录 (.docx): the 党委's own book for a period, one page per
 * session in a bordered form (时间, 地点, 主持人, 参加人员, 缺席人员及原因, 形式,
 * 第一议题, 学习内容, 发言情况 — study.md 8.2), GB/T 9704 typography.
 */
import type { Paragraph, Table } from 'docx';
import { documentBytes, heading1, pageBreak, paragraph, table, title, type CellSpec } from './gbt9704.ts';

export interface CentralGroupSession {
  heading: string;
  rows: [string, string[]][];
}

export interface CentralGroupBookModel {
  title: string;
  /** lines under the title (the 党委, the period) */
  subtitle: string[];
  summary: string[];
  sessions: CentralGroupSession[];
}

const WIDTHS = [36, 120];

export async function centralGroupBookDocument(m: CentralGroupBookModel): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [title(m.title), ...m.subtitle.map((l) => paragraph(l, { align: 'center' })), ...m.summary.map((s) => paragraph(s, { indent: true }))];
  if (!m.sessions.length) children.push(paragraph('本期间没有理论学习中心组学习记录。', { indent: true }));
  m.sessions.forEach((s, i) => {
    children.push(i === 0 ? heading1(s.heading) : pageBreak(), ...(i === 0 ? [] : [heading1(s.heading)]));
    const rows: CellSpec[][] = s.rows.map(([label, lines]) => [{ text: label, label: true }, { lines: lines.length ? lines : [''], align: 'left' }]);
    children.push(table(rows, { widthsMm: WIDTHS, hao: '四号', rowHeightMm: 10, splitRows: true }));
  });
  return documentBytes([{ children }], { title: m.title });
}
