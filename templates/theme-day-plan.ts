/** 主题党日工作安排 of a year (.docx, GB/T 9704 typography from gbt9704.ts): the intro, one row per month (月份, 主题, 内容建议), the requirements, signature and date. core/notices/export.ts builds the model. */
import { blankLine, documentBytes, listTable, paragraph, signatureBlock, title } from './gbt9704.ts';

export interface ThemeDayPlanModel {
  heading: string;
  addressee: string;
  intro: string;
  rows: string[][];
  outro: string[];
  signer: string;
  date: string;
}

export async function themeDayPlanDocument(m: ThemeDayPlanModel): Promise<Uint8Array> {
  return documentBytes(
    [
      {
        children: [
          title(m.heading),
          paragraph(`${m.addressee}：`, { indent: false }),
          paragraph(m.intro, { indent: true }),
          listTable(['月份', '主题', '内容建议'], m.rows, { widthsMm: [18, 52, 86], hao: '四号' }),
          ...m.outro.map((p) => paragraph(p, { indent: true })),
          blankLine(),
          ...signatureBlock(m.signer, m.date, { sealed: true, keepTogether: true }),
        ],
      },
    ],
    { title: m.heading },
  );
}
