import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir, zipPart } from '../support/ledger.ts';
import {
  CHAR_PITCH_PT,
  CONDENSE,
  HAO,
  LINE_PITCH_TWIPS,
  chineseDate,
  documentBytes,
  halfPoints,
  heading1,
  heading2,
  listTable,
  mmToTwip,
  paragraph,
  signatureBlock,
  title,
  ziWidth,
} from '../../templates/gbt9704.ts';

async function sample(): Promise<string> {
  const bytes = await documentBytes([
    {
      children: [
        title('关于开展主题党日活动的通知'),
        heading1('一、活动主题'),
        heading2('（一）学习内容'),
        paragraph('各党支部要按照要求认真组织学习。'),
        listTable(['序号', '支部'], [['1', '第一党支部']], { widthsMm: [20, 136] }),
        ...signatureBlock('中共某某分局委员会', '2026-11-08'),
      ],
    },
  ]);
  return zipPart(bytes, 'word/document.xml');
}

describe('GB/T 9704 typography', () => {
  it('uses the Word 号 table in half-points', () => {
    expect(halfPoints('二号')).toBe(44);
    expect(halfPoints('三号')).toBe(32);
    expect(halfPoints('四号')).toBe(28);
    expect(HAO.五号).toBe(10.5);
  });

  it('lays out an A4 page with the 2012 margins and a 22 × 28 grid', async () => {
    const xml = await sample();
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    expect(mar).toContain(`w:top="${mmToTwip(37)}"`);
    expect(mar).toContain(`w:bottom="${mmToTwip(35)}"`);
    expect(mar).toContain(`w:left="${mmToTwip(28)}"`);
    expect(mar).toContain(`w:right="${mmToTwip(26)}"`);
    expect(mmToTwip(37)).toBe(2098);
    expect(mmToTwip(28)).toBe(1587);
    // 225 mm / 22 lines ≈ 28.99 pt; 156 mm / 28 chars ≈ 15.79 pt.
    expect(LINE_PITCH_TWIPS).toBe(580);
    expect(xml).toMatch(new RegExp(`<w:docGrid w:type="lines" w:linePitch="${LINE_PITCH_TWIPS}"/>`));
    expect(xml).toContain(`w:line="${LINE_PITCH_TWIPS}" w:lineRule="exact"`);
    // 28 condensed 3号 characters fit the line, 28 plain ones would not.
    expect(28 * (16 + CONDENSE / 20)).toBeLessThanOrEqual(CHAR_PITCH_PT * 28);
    expect(28 * 16).toBeGreaterThan(CHAR_PITCH_PT * 28);
  });

  it('sets East-Asian font slots and sizes for titles, headings and body', async () => {
    const xml = await sample();
    const runOf = (text: string) => {
      const i = xml.indexOf(text);
      const start = xml.lastIndexOf('<w:r>', i);
      return xml.slice(start, i);
    };
    expect(runOf('关于开展主题党日')).toContain('w:eastAsia="方正小标宋简体"');
    expect(runOf('关于开展主题党日')).toContain('<w:sz w:val="44"/>');
    expect(runOf('一、活动主题')).toContain('w:eastAsia="黑体"');
    expect(runOf('一、活动主题')).toContain('<w:sz w:val="32"/>');
    expect(runOf('（一）学习内容')).toContain('w:eastAsia="楷体_GB2312"');
    expect(runOf('各党支部要按照')).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runOf('各党支部要按照')).toContain('<w:sz w:val="32"/>');
    expect(runOf('各党支部要按照')).toContain(`<w:spacing w:val="${CONDENSE}"/>`);
    expect(runOf('第一党支部')).toContain('w:eastAsia="仿宋_GB2312"');
    // body paragraphs indent the first line by 2 字 (2 × 16 pt = 640 twips)
    expect(xml).toMatch(/<w:ind w:firstLine="640"\/>/);
    // 成文日期 without leading zeros
    expect(xml).toContain('2026年11月8日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('numbers pages "— n —" in 4号宋体 from a PAGE field, odd right and even left', async () => {
    const bytes = await documentBytes([{ children: [paragraph('正文')] }]);
    const settings = await zipPart(bytes, 'word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.length).toBe(2);
    for (const f of footers) {
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('— ');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
  });
});

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

/** A .docx converted by LibreOffice (fonts mapped by build/fonts.conf), then one page rasterized in grey at 10 px per mm. */
function renderPages(docx: Uint8Array, pages: number[]): { width: number; height: number; px: Buffer }[] {
  const dir = tempDir('gbt9704-pdf-');
  const file = path.join(dir, 'doc.docx');
  fs.writeFileSync(file, docx);
  execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', dir, `-env:UserInstallation=file://${dir}/lo-profile`, file], {
    env: { ...process.env, FONTCONFIG_FILE: path.resolve('build/fonts.conf') },
    timeout: 120_000,
    stdio: 'ignore',
  });
  return pages.map((n) => {
    execFileSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '254', '-gray', '-singlefile', path.join(dir, 'doc.pdf'), path.join(dir, `p${n}`)]);
    const pgm = fs.readFileSync(path.join(dir, `p${n}.pgm`));
    // P5 header: magic, width height, maxval, each followed by one whitespace byte
    const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 50).toString('latin1'))!;
    return { width: Number(head[1]), height: Number(head[2]), px: pgm.subarray(head[0].length) };
  });
}

/** The dash lines of the page number: rows below the type area holding a dark horizontal run ≥ 4 mm, in mm from the page's top-left. */
function dashLines(page: { width: number; height: number; px: Buffer }): { top: number; bottom: number; left: number; right: number } {
  const typeBottomPx = (297 - 35) * 10;
  let top = Infinity, bottom = -Infinity, left = Infinity, right = -Infinity;
  for (let y = typeBottomPx; y < page.height; y++) {
    let run = 0;
    for (let x = 0; x < page.width; x++) {
      run = page.px[y * page.width + x] < 128 ? run + 1 : 0;
      if (run >= 40) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        left = Math.min(left, x - run + 1);
        let end = x;
        while (end + 1 < page.width && page.px[y * page.width + end + 1] < 128) end++;
        right = Math.max(right, end);
        x = end;
        run = 0;
      }
    }
  }
  return { top: top / 10, bottom: bottom / 10, left: left / 10, right: right / 10 };
}

/** Right indents (twips) of the paragraphs holding each text, in a document of these paragraphs. */
async function rightIndents(paras: ReturnType<typeof signatureBlock>, texts: string[]): Promise<number[]> {
  const xml = await zipPart(await documentBytes([{ children: paras }]), 'word/document.xml');
  const ps = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
  return texts.map((t) => {
    const p = ps.find((x) => x.includes(`>${t}<`))!;
    expect(p).toContain('<w:jc w:val="right"/>');
    return Number(/<w:ind [^>]*w:right="(\d+)"/.exec(p)?.[1] ?? 0);
  });
}

describe('printed width in 字', () => {
  it('counts Chinese characters and Chinese punctuation (“” ‘’ — …) as 1, digits and Latin as ½', () => {
    expect(ziWidth('2026年11月8日')).toBe(6.5);
    expect(ziWidth('“枫桥经验”')).toBe(6);
    expect(ziWidth('‘甲’—…')).toBe(5);
    expect(ziWidth('（第1页）')).toBe(4.5);
  });
});

describe('成文日期 and signature (GB/T 9704-2012 7.3.5)', () => {
  // 1 字 = 320 twips. "2026年11月8日": 3 characters and 7 half-width digits, 6.5 字 wide.
  it('unsealed: signature 2 字 from the right, the first character of the date 2 字 right of the first of the signature', async () => {
    const [signer, date] = await rightIndents(signatureBlock('中共某某分局委员会', '2026-11-08'), ['中共某某分局委员会', '2026年11月8日']);
    expect(signer).toBe(2 * 320);
    // signature starts 2 + 9 = 11 字 from the right; the date 11 − 2 = 9 字, so it ends 9 − 6.5 = 2.5 字 from the right
    expect(date).toBe(2.5 * 320);
  });

  it('unsealed, date longer than the signature: the date 2 字 from the right, the signature moved left to keep the 2-字 shift', async () => {
    const [signer, date] = await rightIndents(signatureBlock('党委', '2026-11-08'), ['党委', '2026年11月8日']);
    expect(date).toBe(2 * 320);
    // date starts 2 + 6.5 = 8.5 字 from the right; the signature 2 字 further left, at 10.5, so it ends 10.5 − 2 = 8.5 字 from the right
    expect(signer).toBe(8.5 * 320);
  });

  it('sealed: the date 4 字 from the right, the signature centred over the date by its printed width', async () => {
    const [signer, date] = await rightIndents(signatureBlock('中共某某分局委员会', '2026-11-08', { sealed: true }), ['中共某某分局委员会', '2026年11月8日']);
    expect(date).toBe(4 * 320);
    // centres: date at 4 + 6.5 / 2 = 7.25 字; a 9-字 signature centred there ends 7.25 − 4.5 = 2.75 字 from the right
    expect(signer).toBe(2.75 * 320);
  });
});

describe('GB/T 9704 page numbers as printed', () => {
  it.skipIf(!soffice)('puts the "— n —" dash lines 7 mm below the type area, odd pages 1 字 from the right edge, even pages 1 字 from the left', async () => {
    const bytes = await documentBytes([{ children: Array.from({ length: 30 }, (_, i) => paragraph(`第${i + 1}段正文。`)) }]);
    const [odd, even] = renderPages(bytes, [1, 2]).map(dashLines);
    const typeAreaBottom = 297 - 35;
    const oneZi4 = (HAO.四号 * 25.4) / 72; // 1 字 of the 4号 page number ≈ 4.94 mm
    for (const d of [odd, even]) {
      expect(d.top).toBeLessThan(Infinity);
      // The dash strokes (a few tenths of a mm thick) sit 7 mm below the type area (± 1 mm).
      expect(Math.abs((d.top + d.bottom) / 2 - (typeAreaBottom + 7))).toBeLessThanOrEqual(1);
    }
    expect(Math.abs(odd.right - (210 - 26 - oneZi4))).toBeLessThanOrEqual(1);
    expect(Math.abs(even.left - (28 + oneZi4))).toBeLessThanOrEqual(1);
  }, 180_000);
});
