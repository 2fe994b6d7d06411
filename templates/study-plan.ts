/**
 * 年度理论学习中心组学习安排 (.docx) in the GB/T 9704 通知 layout (title, 主送,
 * body with 黑体 headings, 落款 and date); core/study/export.ts builds the model.
 */
import { blankLine, documentBytes, heading1, paragraph, signatureBlock, title } from './gbt9704.ts';

export interface StudyPlanModel {
  title: string;
  addressee: string;
  intro: string;
  topics: { heading: string; detail: string }[];
  members: string;
  requirements: string[];
  signer: string;
  date: string;
  keep?: readonly string[];
}

const NUM = '一二三四五六七八九十';
const cn = (n: number): string => (n <= 10 ? NUM[n - 1] : n < 20 ? `十${NUM[n - 11]}` : `${NUM[Math.floor(n / 10) - 1]}十${n % 10 ? NUM[(n % 10) - 1] : ''}`);

export async function studyPlanDocument(m: StudyPlanModel): Promise<Uint8Array> {
  const body = [
    title(m.title),
    paragraph(m.addressee),
    paragraph(m.intro, { indent: true, keep: m.keep }),
    heading1('一、重点学习专题'),
    ...m.topics.flatMap((t, i) => [paragraph(`（${cn(i + 1)}）${t.heading}`, { indent: true, keep: m.keep }), paragraph(t.detail, { indent: true, keep: m.keep })]),
    heading1('二、中心组成员'),
    paragraph(m.members, { indent: true, keep: m.keep }),
    heading1('三、有关要求'),
    ...m.requirements.map((r) => paragraph(r, { indent: true })),
    blankLine(),
    ...signatureBlock(m.signer, m.date, { sealed: true }),
  ];
  return documentBytes([{ children: body }], { title: m.title });
}
