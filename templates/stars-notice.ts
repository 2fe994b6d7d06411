/** 评星定级结果公示 (.docx, GB/T 9704 typography from gbt9704.ts; core/stars/export.ts builds the model). */
import { blankLine, documentBytes, listTable, paragraph, signatureBlock, title } from './gbt9704.ts';

export interface StarsNoticeModel {
  title: string;
  /** paragraphs before the table, already worded */
  intro: string[];
  headers: string[];
  rows: string[][];
  /** paragraphs after the table */
  outro: string[];
  signer: string;
  date: string;
  keep?: readonly string[];
}

export async function starsNoticeDocument(m: StarsNoticeModel): Promise<Uint8Array> {
  return documentBytes(
    [
      {
        children: [
          title(m.title),
          ...m.intro.map((p) => paragraph(p, { indent: true, keep: m.keep })),
          listTable(m.headers, m.rows, { widthsMm: [14, 62, 26, 26, 28], hao: '四号' }),
          ...m.outro.map((p) => paragraph(p, { indent: true, keep: m.keep })),
          blankLine(),
          ...signatureBlock(m.signer, m.date, { sealed: true }),
        ],
      },
    ],
    { title: m.title },
  );
}
