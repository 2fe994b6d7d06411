/**
 * The report of a branch's 民主评议党员 to the 党委 (.docx, GB/T 9704 报告 layout): how it was held
 * (个人自评 → 党员互评 → 民主测评), the ballots, the grades with the names of 优秀, 基本合格 and 不合格,
 * the 预备党员 who took part without a grade, who took no part and why, the one-third rule, then the
 * signature of the branch. core/evaluation/export.ts builds the model.
 */
import { blankLine, documentBytes, heading1, paragraph, signatureBlock, title } from './gbt9704.ts';

export interface EvaluationReportModel {
  heading: string;
  /** 中共××分局委员会 */
  addressee: string;
  sections: { heading: string; paragraphs: string[] }[];
  signer: string;
  issuedOn: string;
}

const CN = ['一', '二', '三', '四', '五', '六'];

export async function evaluationReportDocument(m: EvaluationReportModel): Promise<Uint8Array> {
  const body = [paragraph(`${m.addressee}：`, { indent: false })];
  m.sections.forEach((s, i) => {
    body.push(heading1(`${CN[i]}、${s.heading}`));
    for (const p of s.paragraphs) body.push(paragraph(p, { indent: true }));
  });
  body.push(paragraph('特此报告。', { indent: true }));
  body.push(blankLine());
  body.push(...signatureBlock(m.signer, m.issuedOn));
  return documentBytes([{ children: [title(m.heading), ...body] }], { title: m.heading });
}
