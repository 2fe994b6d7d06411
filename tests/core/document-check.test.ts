/**
 * The shared document check (tests/support/document-check.ts) finds what it is for:
 * a name split over two lines, a line starting with closing punctuation, the page a
 * text stands on, contents entries with their page numbers.
 */
import { describe, expect, it } from 'vitest';
import { Document, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import { contentsEntries, documentProblems, onSamePage, pageOf, renderDocument, skipRender, splitWords, visible } from '../support/document-check.ts';

async function docx(pages: string[][]): Promise<Uint8Array> {
  const children: Paragraph[] = [];
  pages.forEach((lines, i) => {
    lines.forEach((line, j) =>
      children.push(new Paragraph({ children: [...(i > 0 && j === 0 ? [new PageBreak()] : []), new TextRun({ text: line, font: { eastAsia: '仿宋_GB2312', ascii: 'Times New Roman' }, size: 32 })] })),
    );
  });
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe('the shared document check', () => {
  it.skipIf(skipRender)('finds split names, bad line starts and ends, and the page of a text', async () => {
    const bytes = await docx([
      ['目录', '第一次支部党员大会......................2', '第二次支部委员会......................3'],
      ['出席人员：张三、欧阳晓', '峰、李四', '，这一行以逗号开头', '这一行以左括号结尾（'],
      ['第二次支部委员会', '最后一段。', '中共测试分局委员会'],
    ]);
    const doc = renderDocument(bytes, 'docx');
    expect(doc.pageCount).toBe(3);
    expect(splitWords(doc, ['欧阳晓峰', '张三']).map((p) => p.problem)).toEqual(['“欧阳晓峰”被拆成“欧阳晓/峰”']);
    const problems = documentProblems(doc, ['欧阳晓峰']);
    expect(problems.some((p) => p.startsWith('第2页：行首是“，”'))).toBe(true);
    expect(problems.some((p) => p.startsWith('第2页：行尾是“（”'))).toBe(true);
    expect(problems).toHaveLength(3);
    expect(contentsEntries(doc, [1])).toEqual([
      { text: '第一次支部党员大会', page: 2 },
      { text: '第二次支部委员会', page: 3 },
    ]);
    expect(pageOf(doc, '第一次支部党员大会')).toBe(1);
    expect(pageOf(doc, '最后一段')).toBe(3);
    expect(onSamePage(doc, '最后一段。', '中共测试分局委员会')).toBe(true);
    expect(onSamePage(doc, '出席人员', '中共测试分局委员会')).toBe(false);
    expect(visible('欧\u2060阳')).toBe('欧阳');
  }, 240_000);
});
