/** 发展党员档案材料清单 of one person (.docx, GB/T 9704): every document the file must hold for the steps done, kept or missing. */
import { centered, documentBytes, paragraph, table, title } from './gbt9704.ts';

export interface ChecklistModel {
  title: string;
  /** 姓名、支部、阶段 line under the title. */
  subtitle: string;
  rows: string[][];
  summary: string;
  /** The person's name: never split across lines. */
  keep?: readonly string[];
}

export async function checklistDocument(m: ChecklistModel): Promise<Uint8Array> {
  return documentBytes(
    [
      {
        children: [
          title(m.title),
          centered(m.subtitle, { hao: '四号' }),
          table(
            [
              ['序号', '步骤', '材料名称', '情况'].map((h) => ({ text: h, label: true })),
              ...m.rows.map(([n, step, doc, state]) => [{ text: n, align: 'center' as const }, step, doc, { text: state, align: 'center' as const }]),
            ],
            { widthsMm: [14, 58, 56, 28], hao: '四号', headerRow: true },
          ),
          paragraph(m.summary, { hao: '四号', keep: m.keep }),
        ],
      },
    ],
    { title: m.title },
  );
}
