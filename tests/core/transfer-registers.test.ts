/**
 * The 年度转入、转出党员登记表 as a sheet signed by 填表人 and 审核人: readable as printed
 * (≥ 9 pt after fitting to the width, rows ≥ 8 mm), no header or cell broken inside a
 * label, organizations with 中共 where the entered text names a Party organization.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member, memberInput } from '../support/bureau.ts';
import { documentProblems, renderDocuments, skipRender, visible, type RenderedDocument } from '../support/document-check.ts';
import { EXCEL, LIBREOFFICE, READABLE_MIN_PT, effectiveFontPt, minRowHeightMm, sheetSize } from '../support/sheet-size.ts';
import { fileBytes } from '../../core/validate.ts';
import { registerOrgName } from '../../core/transfers/registers.ts';
import { IN_COLUMNS, OUT_COLUMNS, breakBetweenWords } from '../../templates/transfer-registers.ts';
import { textWidth } from '../../templates/xlsx-sheet.ts';

const TODAY = '2026-11-28';
const SHEETS = ['转入党员登记表', '转出党员登记表'] as const;
const HEADERS = [...IN_COLUMNS, ...OUT_COLUMNS].map((c) => c.header);
/** The words of the organizations' and branches' names in these registers, none of which may be cut. */
const UNIT_WORDS = ['中共', '江城市', '公安局', '江南分局', '江北分局', '巡特警大队', '第二中队', '治安大队', '刑侦大队', '派出所', '党支部', '委员会', '党工委', '工作调动', '人才交流中心'];

type File = { fileName: string; contentBase64: string };

let demo: TestLedger;
let busy: TestLedger;
let demoFile: File;
let busyFile: File;
let names: string[] = [];
let rendered: { demo?: RenderedDocument; busy?: RenderedDocument } = {};

/** A bureau whose year has long names and long organizations on both registers. */
async function busyLedger(): Promise<TestLedger> {
  const l = await testLedger({ today: TODAY });
  const { branchIds: [branchId] } = await bureau(l, { branches: [{ termStartOn: null }] });
  const person = (name: string) => memberInput({ name, phone: '13800000000' });
  const froms = ['江城市公安局江南分局巡特警大队第二中队党支部', '中共江城市公安局江北分局委员会', '江城市人才交流中心', '中国共产党江城市公安局交通警察支队委员会'];
  for (const [i, fromOrg] of froms.entries()) {
    await l.call('transfers/in', {
      mode: 'new', member: person(['欧阳晓峰', '司马长风', '诸葛明', '上官婉儿'][i]!), branchId, letterNo: `20260${10 + i}`, fromOrg,
      letterDate: '2026-07-01', transferDate: '2026-07-02', duesPaidTo: '2026-07',
    });
  }
  const tos = ['某街道党工委', '中共江城市公安局江北分局委员会', '江城市公安局江南分局巡特警大队第二中队党支部'];
  for (const [i, toOrg] of tos.entries()) {
    const m = await member(l, branchId, { name: ['皇甫嵩', '慕容复', '东方明珠'][i]!, phone: '13800000000' });
    await l.call('transfers/out', { memberId: m.id, toOrg, transferDate: '2026-10-14', duesPaidTo: '2026-10' });
  }
  return l;
}

beforeAll(async () => {
  demo = await testLedger({ demo: true, today: TODAY });
  busy = await busyLedger();
  demoFile = await demo.call('transfers/registers', { year: 2026 });
  busyFile = await busy.call('transfers/registers', { year: 2026 });
  const members = await demo.call('members/list', { scope: 'all', pageSize: 100_000 });
  names = members.rows.map((m) => m.name);
  names.push('欧阳晓峰', '司马长风', '诸葛明', '上官婉儿', '皇甫嵩', '慕容复', '东方明珠');
  if (skipRender) return;
  const [a, b] = renderDocuments([{ bytes: fileBytes(demoFile), ext: 'xlsx' }, { bytes: fileBytes(busyFile), ext: 'xlsx' }]);
  rendered = { demo: a, busy: b };
}, 600_000);

afterAll(async () => {
  await demo?.close();
  await busy?.close();
});

/** The printed size of each CJK word of a page (pdftotext -bbox): a CJK glyph is one em wide, so width ÷ characters is the size in pt. */
function printedSizes(pdf: string): { word: string; pt: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .map((m) => ({ word: visible(m[3]!), width: Number(m[2]) - Number(m[1]) }))
    .filter((w) => /^[\u4e00-\u9fff]{2,}$/.test(w.word))
    .map((w) => ({ word: w.word, pt: w.width / [...w.word].length }));
}

describe('the registers as printed', () => {
  it.skipIf(skipRender)('the demo prints one page a register, and the shared document check finds nothing', () => {
    const doc = rendered.demo!;
    expect(doc.pageCount).toBe(2);
    expect(visible(doc.layout[0]!)).toContain('2026年度转入党员登记表');
    expect(visible(doc.layout[1]!)).toContain('2026年度转出党员登记表');
    const words = [...names, ...HEADERS.flatMap((h) => h.split('\n')), ...UNIT_WORDS];
    expect(documentProblems(doc, words)).toEqual([]);
    expect(documentProblems(rendered.busy!, words)).toEqual([]);
  });

  it.skipIf(skipRender)('every header stands on one line, or on two broken where its line break is', () => {
    for (const doc of [rendered.demo!, rendered.busy!]) {
      doc.raw.forEach((page, i) => {
        const tokens = new Set(visible(page).split(/\s+/).filter(Boolean));
        const headers = (i === 0 ? IN_COLUMNS : OUT_COLUMNS).map((c) => c.header);
        for (const h of headers) for (const line of h.split('\n')) expect(tokens.has(line), `第${i + 1}页：${h}`).toBe(true);
      });
    }
    // the labels the old sheet broke: "有效期（" / "天）", "党费起交月" / "份"
    expect(HEADERS).not.toContain('有效期（天）');
    expect(HEADERS.filter((h) => h.split('\n').length > 2)).toEqual([]);
  });

  it.skipIf(skipRender)('LibreOffice prints the text at 9 pt or more (measured on the PDF)', () => {
    for (const doc of [rendered.demo!, rendered.busy!]) {
      const sizes = printedSizes(doc.pdf);
      expect(sizes.map((s) => s.word)).toContain('欧阳晓峰');
      expect(sizes.filter((s) => s.pt < 9)).toEqual([]);
    }
  });

});

describe('organizations on the registers', () => {
  /** The 原所在党组织 (转入, column 7) and 转往党组织 (转出, column 8) as the cells hold them, read without their line breaks. */
  async function orgs(file: File): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileBytes(file) as unknown as ArrayBuffer);
    const out: string[] = [];
    for (const [sheet, col] of [['转入党员登记表', 7], ['转出党员登记表', 8]] as const) {
      const ws = wb.getWorksheet(sheet)!;
      for (let r = 4; r <= ws.rowCount; r++) if (/^\d+$/.test(String(ws.getCell(r, 1).value ?? ''))) out.push(String(ws.getCell(r, col).value).replace(/\n/g, ''));
    }
    return out;
  }

  it('carry 中共 where they name a Party organization, never twice, other text as entered', async () => {
    expect(await orgs(busyFile)).toEqual([
      '中共江城市公安局江南分局巡特警大队第二中队党支部', '中共江城市公安局江北分局委员会', '江城市人才交流中心', '中国共产党江城市公安局交通警察支队委员会',
      '中共某街道党工委', '中共江城市公安局江北分局委员会', '中共江城市公安局江南分局巡特警大队第二中队党支部',
    ]);
    expect(await orgs(demoFile)).toEqual(['中共江城市公安局江南分局巡特警大队党支部', '中共江城市公安局江北分局委员会']);
  });
});

describe('size of the signed sheet (column widths × fit-to-width scale)', () => {
  // Excel: a width of w characters is w × 7 px + 5 px at 96 dpi; LibreOffice here w × 9.31 px (see tests/support/sheet-size.ts).
  for (const [label, metrics] of [['Excel', EXCEL], ['LibreOffice', LIBREOFFICE], ["the spreadsheet's rule", undefined]] as const) {
    it(`prints at 9 pt or more with rows of 8 mm or more (${label})`, async () => {
      for (const file of [demoFile, busyFile]) {
        for (const sheet of SHEETS) {
          const bytes = fileBytes(file);
          expect(await effectiveFontPt(bytes, sheet, metrics), sheet).toBeGreaterThanOrEqual(READABLE_MIN_PT);
          expect(await minRowHeightMm(bytes, sheet, metrics), sheet).toBeGreaterThanOrEqual(8);
        }
      }
    });
  }

  it('measures what fitting does: a wider sheet shrinks, in proportion', async () => {
    const bytes = fileBytes(demoFile);
    const s = await sheetSize(bytes, '转入党员登记表', LIBREOFFICE);
    expect(s.printableMm.width).toBeCloseTo(297 - 2 * 0.4 * 25.4, 1);
    expect(s.contentWidthMm).toBeGreaterThan(s.printableMm.width);
    expect(s.scale).toBeCloseTo(s.printableMm.width / s.contentWidthMm, 6);
    expect(s.fontPt).toBe(10.5);
    expect(s.effectiveFontPt).toBeCloseTo(10.5 * s.scale, 6);
    expect((await sheetSize(bytes, '转出党员登记表', EXCEL)).scale).toBe(1);
  });

  it('every header line fits its column at the header size', () => {
    for (const c of [...IN_COLUMNS, ...OUT_COLUMNS]) {
      for (const line of c.header.split('\n')) expect(textWidth(line, 11), `${c.header}`).toBeLessThanOrEqual(c.width - 0.5);
    }
  });
});

describe('names broken between words', () => {
  it('breaks an organization after its unit words, each line within the column', () => {
    const lines = breakBetweenWords('中共江城市公安局江南分局巡特警大队党支部', 17).split('\n');
    expect(lines).toEqual(['中共江城市公安局', '江南分局巡特警大队', '党支部']);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(16.5);
    expect(breakBetweenWords('城关派出所党支部', 10)).toBe('城关派出所\n党支部');
    expect(breakBetweenWords('工作调动', 7)).toBe('工作调动');
    expect(breakBetweenWords('', 7)).toBe('');
  });
});

describe('the 中共 rule of the registers', () => {
  it('adds 中共 to a Party organization that lacks it, never twice, and leaves other text as entered', () => {
    expect(registerOrgName('甲党委')).toBe('中共甲党委');
    expect(registerOrgName(' 某街道党工委 ')).toBe('中共某街道党工委');
    expect(registerOrgName('江城市公安局江南分局巡特警大队党支部')).toBe('中共江城市公安局江南分局巡特警大队党支部');
    expect(registerOrgName('江城市委组织部')).toBe('中共江城市委组织部');
    expect(registerOrgName('中共江城市公安局江北分局委员会')).toBe('中共江城市公安局江北分局委员会');
    expect(registerOrgName('中国共产党江城市公安局委员会')).toBe('中国共产党江城市公安局委员会');
    expect(registerOrgName('江城市人才交流中心')).toBe('江城市人才交流中心');
    expect(registerOrgName('幸福里社区居民委员会')).toBe('幸福里社区居民委员会');
    expect(registerOrgName('')).toBe('');
  });
});
