/** 公示 of a 发展对象 or a person to be received as 预备党员 (.docx, GB/T 9704 typography from gbt9704.ts). */
import { blankLine, documentBytes, paragraph, signatureBlock, title } from './gbt9704.ts';

export interface NoticeModel {
  title: string;
  /** Body paragraphs, already worded; each gets the 2-字 first-line indent. */
  paragraphs: string[];
  signer: string;
  date: string;
  /** Names printed in the text (the person, the introducers): never split across lines. */
  keep?: readonly string[];
}

export async function noticeDocument(m: NoticeModel): Promise<Uint8Array> {
  return documentBytes([{ children: [title(m.title), ...m.paragraphs.map((p) => paragraph(p, { indent: true, keep: m.keep })), blankLine(), ...signatureBlock(m.signer, m.date, { sealed: true })] }], { title: m.title });
}
