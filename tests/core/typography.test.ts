/**
 * Chinese line breaking (templates/typography.ts) and the 三会一课记录本's
 * contents page numbers, checked on the demo bureau as printed by LibreOffice.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testLedger, zipPart, type TestLedger } from '../support/ledger.ts';
import { documentProblems, renderDocument, skipRender } from '../support/document-check.ts';
import { CLOSING, OPENING, balancedLines, keptPieces, nestQuotes, titleWords, wrapLines, ziWidth } from '../../templates/typography.ts';
import { labelLines } from '../../templates/gbt9704.ts';
import { bookTitle } from '../../core/activities/record-book.ts';

const bytesOf = (f: { contentBase64: string }) => new Uint8Array(Buffer.from(f.contentBase64, 'base64'));
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('line breaking rules', () => {
  it('never splits a name, a date part or a short token between separators, and never starts a line with closing punctuation', () => {
    const names = ['熊宇航', '欧阳晓峰', '沈海燕', '邹浩然'];
    const text = '出席：沈海燕、邹浩然、熊宇航、欧阳晓峰（预备党员）；欧阳晓峰同志于2026年11月28日汇报，熊宇航同志补充。';
    for (const width of [5, 6, 7, 8, 9, 10, 11, 12, 13]) {
      const lines = wrapLines(text, width, { keep: names });
      expect(lines.join('')).toBe(text);
      for (let i = 0; i + 1 < lines.length; i++) {
        for (const n of names) for (let k = 1; k < n.length; k++) expect(lines[i].endsWith(n.slice(0, k)) && lines[i + 1].startsWith(n.slice(k)), `${width}: ${lines[i]}/${lines[i + 1]}`).toBe(false);
        expect(CLOSING.includes(lines[i + 1][0]), lines[i + 1]).toBe(false);
        expect(OPENING.includes(lines[i][lines[i].length - 1]), lines[i]).toBe(false);
        expect(lines[i].endsWith('11月28') || lines[i].endsWith('11月'), lines[i]).toBe(false);
      }
      // a line is wider only by a closing mark it holds (a kept unit wider than the line is split by width)
      const body = (l: string) => {
        let e = l.length;
        while (e > 0 && CLOSING.includes(l[e - 1])) e--;
        return l.slice(0, e);
      };
      expect(lines.filter((l) => ziWidth(body(l)) > width)).toEqual([]);
    }
  });

  it('keeps the punctuation next to a kept piece with it', () => {
    expect(keptPieces('本职工作谈认识、谈打算。', {}).filter((p) => p.keep).map((p) => p.text)).toEqual(['谈打算。']);
    expect(keptPieces('杜立新（请假：值班备勤）', { keep: ['杜立新'] }).filter((p) => p.keep).map((p) => p.text)).toEqual(['杜立新', '（请假：', '值班备勤）']);
  });

  it('nests quotation marks: ‘’ inside “”', () => {
    expect(nestQuotes('围绕“学习“枫桥经验”精神”发言')).toBe('围绕“学习‘枫桥经验’精神”发言');
    expect(nestQuotes('他说"学习“枫桥经验”"。')).toBe('他说“学习‘枫桥经验’”。');
    expect(nestQuotes('“甲”和“乙”')).toBe('“甲”和“乙”');
  });

  it('breaks a label between its words: 缺席人员/及原因', () => {
    expect(labelLines('缺席人员及原因', 5.5)).toEqual(['缺席人员', '及原因']);
    expect(labelLines('出席人员', 5.5)).toEqual(['出席人员']);
  });

  it('breaks a GB/T 9704 title between words in balanced lines', () => {
    expect(balancedLines(titleWords('关于2026年度党费收缴、使用和管理情况的公布'), 20)).toEqual(['关于2026年度党费收缴、', '使用和管理情况的公布']);
    const lines = balancedLines(titleWords('中共江城市公安局临江分局委员会关于开展2026年度民主评议党员工作的通知'), 20);
    expect(lines).toEqual(['中共江城市公安局临江分局委员会关于', '开展2026年度民主评议党员工作的通知']);
    // given words are where it may break
    expect(balancedLines(['关于', '进一步加强', '党员教育管理', '工作的', '通知'], 10)).toEqual(['关于进一步加强', '党员教育管理', '工作的通知']);
    expect(balancedLines(['一'], 20)).toEqual(['一']);
  });

  it('titles the 党委 book by what it holds', () => {
    expect(bookTitle('党支部', ['支部委员会', '党课'])).toBe('三会一课记录本');
    expect(bookTitle('党委', ['理论学习中心组学习'])).toBe('理论学习中心组学习记录');
    expect(bookTitle('党委', ['理论学习中心组学习', '党委会'])).toBe('理论学习中心组学习及党委会会议记录');
  });
});

let l: TestLedger;
beforeAll(async () => {
  l = await testLedger({ demo: true, today: '2026-11-28' });
});

async function recordBook(name: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const tree = await l.call('org/tree', {});
  const walk = (n: { id: string; name: string; children?: unknown[] }): { id: string; name: string }[] => [n, ...((n.children ?? []) as (typeof n)[]).flatMap(walk)];
  const org = (Array.isArray(tree) ? tree : [tree]).flatMap(walk).find((o) => o.name === name)!;
  const f = await l.call('activities/export-record-book', { orgId: org.id, year: 2026 });
  return { fileName: f.fileName, bytes: bytesOf(f) };
}

/** The stored results of the contents' PAGEREF fields, in order. */
async function storedPages(bytes: Uint8Array): Promise<number[]> {
  const xml = await zipPart(bytes, 'word/document.xml');
  return [...xml.matchAll(/PAGEREF (meeting_\d+)[^<]*<\/w:instrText><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t>(\d+)<\/w:t>/g)].map((m) => Number(m[2]));
}

describe('the record book as stored', () => {
  it('stores a page number in every contents entry, keeps the PAGEREF field, and turns on kinsoku in the Normal style', async () => {
    const { bytes } = await recordBook('机关第二党支部');
    const xml = await zipPart(bytes, 'word/document.xml');
    const refs = (xml.match(/PAGEREF meeting_\d+/g) ?? []).length;
    expect(refs).toBeGreaterThan(20);
    const pages = await storedPages(bytes);
    expect(pages).toHaveLength(refs);
    expect(pages.every((p, i) => i === 0 || p > pages[i - 1])).toBe(true);
    const styles = await zipPart(bytes, 'word/styles.xml');
    const normal = /<w:style w:type="paragraph" w:default="1" w:styleId="Normal">.*?<\/w:style>/s.exec(styles)![0];
    for (const tag of ['w:kinsoku', 'w:overflowPunct', 'w:topLinePunct']) expect(normal).toContain(`<${tag} w:val="1"/>`);
    expect(normal).toContain('w:eastAsia="zh-CN"');
  });

  it('names the 党小组 of a 党小组会 in the contents', async () => {
    const { bytes } = await recordBook('刑侦大队党支部');
    const text = textOf(await zipPart(bytes, 'word/document.xml'));
    const contents = text.slice(text.indexOf('目  录'), text.indexOf('会议名称'));
    expect(contents).toMatch(/党小组会（第[一二]党小组）/);
    expect(contents).not.toMatch(/党小组会(?!（)/);
  });

  it("titles the 党委's book by what it holds, with the recorder of its meetings", async () => {
    const { fileName, bytes } = await recordBook('中共江城市公安局临江分局委员会');
    expect(fileName).toBe('中共江城市公安局临江分局委员会2026年度理论学习中心组学习记录.docx');
    const text = textOf(await zipPart(bytes, 'word/document.xml'));
    const cover = text.slice(0, text.indexOf('目  录'));
    expect(cover).toContain('理论学习中心组学习记录');
    expect(cover).not.toContain('三会一课');
    const recorder = /记录人：(.+?)(?:（|起止日期)/.exec(cover.replace(/\s/g, ''))![1];
    // the recorder named on the cover is the one in the meetings' forms
    const forms = [...text.matchAll(/记 录 人(.+?)应到人数/g)].map((m) => m[1]);
    // the 中心组 demo year: four sessions a quarter apart plus the study demo's March and June ones
    expect(forms.length).toBe(6);
    expect(forms.filter((f) => f.startsWith(recorder)).length, `${recorder} / ${forms.join(' | ')}`).toBeGreaterThan(0);
  });
});

describe('the record books through LibreOffice', () => {
  for (const name of ['机关第二党支部', '中共江城市公安局临江分局委员会']) {
    it.skipIf(skipRender)(`${name}: every contents entry shows the page the meeting starts on, and no name or punctuation is broken`, async () => {
      const { bytes } = await recordBook(name);
      const stored = await storedPages(bytes);
      const doc = renderDocument(bytes, 'docx');
      const pages = doc.layout;
      // the cover has no number; page numbers start at 1 on the contents
      const starts = pages.flatMap((p, i) => (p.replace(/\s/g, '').includes('会议名称') ? [i] : []));
      expect(starts).toEqual(stored);
      // the printed contents shows the same numbers after dot leaders
      // (every page before the first meeting's: a branch with a weekly 政治学习日 has several pages of contents; a short leader comes out spaced)
      const shown = pages.slice(1, starts[0]).flatMap((p) => [...p.matchAll(/(?:\.\s?){3,}(\d+)\s*$/gm)].map((m) => Number(m[1])));
      expect(shown).toEqual(stored);
      const names = (await l.call('members/list', { scope: 'all', pageSize: 100_000 })).rows.map((m) => m.name);
      expect(names.length).toBeGreaterThan(50);
      expect(documentProblems(doc, names)).toEqual([]);
    }, 240_000);
  }
});
