/**
 * 整改落实情况报告 (.docx, GB/T 9704): the plan, the counts by status ("19条整改措施已完成15条，销号率78.9%"),
 * each 方面's items with their 进展, the open and overdue items, and the next steps. core/rectification/export.ts
 * builds the model; this only lays it out.
 */
import { blankLine, documentBytes, heading1, heading2, paragraph, signatureBlock, title } from './gbt9704.ts';

export interface ReportAspect {
  name: string;
  /** "1. 问题……。整改措施：……。已销号（2026年5月20日）" */
  lines: string[];
}

export interface RectReportModel {
  /** 关于《…》整改落实情况的报告 */
  heading: string;
  addressee: string;
  intro: string;
  /** "19条整改措施已完成15条，销号率78.9%；整改中3条，…" */
  figures: string;
  aspects: ReportAspect[];
  open: string[];
  next: string[];
  signer: string;
  issuedOn: string;
}

export async function rectificationReport(m: RectReportModel): Promise<Uint8Array> {
  const body = [paragraph(`${m.addressee}：`, { indent: false }), paragraph(m.intro, { indent: true })];
  body.push(heading1('一、整改总体情况'));
  body.push(paragraph(m.figures, { indent: true }));
  body.push(heading1('二、整改落实情况'));
  const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  m.aspects.forEach((a, i) => {
    body.push(heading2(`（${CN[i] ?? i + 1}）${a.name}`));
    for (const l of a.lines) body.push(paragraph(l, { indent: true }));
  });
  body.push(heading1('三、尚未完成的整改事项'));
  for (const l of m.open.length ? m.open : ['所列整改事项均已销号。']) body.push(paragraph(l, { indent: true }));
  body.push(heading1('四、下步工作措施'));
  for (const l of m.next) body.push(paragraph(l, { indent: true }));
  body.push(blankLine());
  body.push(...signatureBlock(m.signer, m.issuedOn, { keepTogether: true }));
  return documentBytes([{ children: [title(m.heading), ...body] }], { title: m.heading });
}
