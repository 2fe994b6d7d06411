/**
 * GB/T 9704-2012 typography, held once for every .docx the app makes.
 *
 * Page: A4, margins top 37 / bottom 35 / left 28 / right 26 mm, 22 lines × 28
 * characters: a line grid (w:docGrid type "lines", pitch 225 mm / 22 ≈ 28.99 pt,
 * every paragraph at exactly that pitch) and 3号 text condensed 0.25 pt to the
 * 字间跨度 15.75 pt, so 28 characters fill the 156 mm line. We do not use the
 * "linesAndChars" character grid: LibreOffice gives any glyph wider than a grid
 * cell two cells (14 characters a line), while the condensed runs lay out the
 * same in Word, WPS and LibreOffice. Default text 3号仿宋. Titles 2号方正小标宋简体, "一、" headings
 * 3号黑体, "（一）" headings 3号楷体, page numbers 4号宋体 "— 1 —" from a PAGE
 * field, odd pages right and even pages left, each with a 1-字 indent.
 *
 * Every run sets its East-Asian font slot (w:eastAsia) explicitly, or Word and
 * WPS fall back to Latin fonts. Sizes use the Word 号 table (2号 22 pt, 3号 16 pt).
 * Templates build paragraphs with these helpers and return `documentBytes(...)`;
 * they never touch the database or the file system.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TextRun,
  type IRunOptions,
} from 'docx';

/** Chinese type sizes (号) in points, Word/WPS values (GB/T 9704 practice). */
export const HAO = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
  六号: 7.5,
  小六: 6.5,
  七号: 5.5,
  八号: 5,
} as const;
export type Hao = keyof typeof HAO;

/** docx sizes are half-points. */
export const halfPoints = (hao: Hao): number => Math.round(HAO[hao] * 2);

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;

/** 1 mm in twips (1/1440 inch). */
export const mmToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
  lines: 22,
  chars: 28,
} as const;

/** Type area 156 × 225 mm. */
const TYPE_AREA_MM = { width: PAGE.widthMm - PAGE.marginMm.left - PAGE.marginMm.right, height: PAGE.heightMm - PAGE.marginMm.top - PAGE.marginMm.bottom };
/** Line pitch 225/22 mm ≈ 28.99 pt, in twips. */
export const LINE_PITCH_TWIPS = mmToTwip(TYPE_AREA_MM.height / PAGE.lines);
/** Character pitch 156/28 mm ≈ 15.79 pt; 3号 runs are condensed to 15.75 pt (CONDENSE). */
export const CHAR_PITCH_PT = ((TYPE_AREA_MM.width / PAGE.chars) * 72) / 25.4;
/**
 * 3号 text condensed by 0.25 pt (w:spacing −5 twentieths, 字间跨度 15.75 pt):
 * 28 × 16 pt = 448 pt is wider than the 442 pt type area; 28 × 15.75 = 441 pt fits.
 */
export const CONDENSE = -5;
/** Width of one 字 at 3号, in twips (16 pt). */
export const ZI = HAO.三号 * 20;
/** Type-area width in twips (for tables spanning the full width). */
export const TYPE_WIDTH_TWIPS = mmToTwip(TYPE_AREA_MM.width);

const fontSlots = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Run options with every font slot set to a Chinese font and a 号 size. */
export function runStyle(font: string, hao: Hao, extra: Partial<IRunOptions> = {}): IRunOptions {
  const sz = halfPoints(hao);
  return { font: fontSlots(font), size: sz, sizeComplexScript: sz, ...(hao === '三号' ? { characterSpacing: CONDENSE } : {}), ...extra } as IRunOptions;
}

export function run(text: string, font: string = FONTS.body, hao: Hao = '三号', extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ ...runStyle(font, hao, extra), text });
}

const exactLine = (twips = LINE_PITCH_TWIPS) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

export type Runs = string | TextRun | (string | TextRun)[];
function runs(content: Runs, font: string, hao: Hao, extra: Partial<IRunOptions> = {}): TextRun[] {
  const list = Array.isArray(content) ? content : [content];
  return list.map((c) => (typeof c === 'string' ? run(c, font, hao, extra) : c));
}

/** 2号方正小标宋简体 title, centred. */
export function title(text: string, opts: { hao?: Hao; spacingAfterLines?: number } = {}): Paragraph {
  const hao = opts.hao ?? '二号';
  const pitch = Math.max(LINE_PITCH_TWIPS, Math.round(HAO[hao] * 20 * 1.6));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exactLine(pitch), after: (opts.spacingAfterLines ?? 1) * LINE_PITCH_TWIPS },
    children: runs(text, FONTS.title, hao),
  });
}

/** Subtitle / centred line in the body font (e.g. "（2026年度）"). */
export function centered(content: Runs, opts: { font?: string; hao?: Hao } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine(), children: runs(content, opts.font ?? FONTS.body, opts.hao ?? '三号') });
}

/** "一、" heading: 3号黑体, 2-字 indent. */
export function heading1(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 2 * ZI }, spacing: exactLine(), keepNext: true, children: runs(text, FONTS.heading1, '三号') });
}

/** "（一）" heading: 3号楷体, 2-字 indent, no punctuation after the number. */
export function heading2(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 2 * ZI }, spacing: exactLine(), keepNext: true, children: runs(text, FONTS.heading2, '三号') });
}

/** Body paragraph: 3号仿宋, first line indented 2 字, continuation lines flush. */
export function paragraph(content: Runs, opts: { indent?: boolean; hao?: Hao; align?: 'left' | 'center' | 'right' | 'justify'; keepNext?: boolean } = {}): Paragraph {
  const hao = opts.hao ?? '三号';
  return new Paragraph({
    keepNext: opts.keepNext,
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: Math.round(2 * HAO[hao] * 20) },
    spacing: exactLine(),
    children: runs(content, FONTS.body, hao),
  });
}

/**
 * 附件说明 (GB/T 9704-2012 7.3.4): one blank line below the text, then "附件："
 * indented 2 字 and the names, numbered "1." "2." … when there are several, each
 * on its own line, no punctuation after a name, wrapped lines aligned with the
 * first character of the name. keepNext holds it to what follows (signatures).
 */
export function attachmentNote(names: string[], opts: { keepNext?: boolean } = {}): Paragraph[] {
  if (!names.length) return [];
  const head = '附件：';
  const numbered = names.length > 1;
  const numberZi = numbered ? Math.max(...names.map((_, i) => ziWidth(`${i + 1}.`))) : 0;
  const nameAt = 2 + ziWidth(head) + numberZi;
  const out = [new Paragraph({ keepNext: opts.keepNext, spacing: exactLine(), children: [run('')] })];
  names.forEach((name, i) => {
    const lead = `${i === 0 ? head : ''}${numbered ? `${i + 1}.` : ''}`;
    out.push(
      new Paragraph({
        keepNext: opts.keepNext,
        alignment: AlignmentType.LEFT,
        indent: { left: Math.round(nameAt * ZI), hanging: Math.round((i === 0 ? nameAt - 2 : numberZi) * ZI) },
        spacing: exactLine(),
        children: [run(lead + name)],
      }),
    );
  });
  return out;
}

/** An empty line of the grid. */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: exactLine(), children: [run('')] });
}

export function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

/** 2026-11-28 → "2026年11月28日" (full year, no leading zeros). */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * Printed width in 字: Chinese characters and punctuation are 1 — including
 * “ ” ‘ ’ — … (U+2010–U+206F), full-width in Chinese fonts — and digits and
 * Latin letters ½.
 */
export function ziWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 || (c >= 0x2010 && c <= 0x206f) ? 1 : 0.5;
  }
  return w;
}

/**
 * Signature and 成文日期 (GB/T 9704-2012 7.3.5).
 * Sealed: the date right with a 4-字 indent, the signature centred over the date.
 * Unsealed: the signature 2 字 from the right, the date on the next line with
 * its first character 2 字 right of the signature's first; when the date is
 * longer than the signature, the date goes 2 字 from the right and the
 * signature moves left to keep that shift. Widths count half-width digits as ½ 字.
 */
export function signatureBlock(signer: string, isoDate: string, opts: { sealed?: boolean } = {}): Paragraph[] {
  const date = chineseDate(isoDate);
  const [ws, wd] = [ziWidth(signer), ziWidth(date)];
  let signerRight: number;
  let dateRight: number;
  if (opts.sealed) {
    dateRight = 4;
    signerRight = Math.max(0, dateRight + (wd - ws) / 2);
  } else if (wd > ws) {
    dateRight = 2;
    signerRight = dateRight + wd + 2 - ws;
  } else {
    signerRight = 2;
    dateRight = signerRight + ws - 2 - wd;
  }
  return [
    blankLine(),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(signerRight * ZI) }, spacing: exactLine(), children: [run(signer)] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: Math.round(dateRight * ZI) }, spacing: exactLine(), children: [run(date)] }),
  ];
}

/**
 * Lines to sign by hand, e.g. ["主持人签字：", "记录人签字："]; each followed by a
 * blank rule. Labels, rules and the 2-字 gaps between them fill one 28-字 line
 * (3号) without running over it, every rule as long as the others.
 */
export function signatureLines(labels: string[], opts: { hao?: Hao } = {}): Paragraph {
  const hao = opts.hao ?? '三号';
  const lineZi = Math.floor((PAGE.chars * HAO.三号) / HAO[hao]);
  const gap = 2;
  const free = lineZi - labels.reduce((w, l) => w + ziWidth(l), 0) - gap * (labels.length - 1);
  const blank = Math.max(3, Math.floor(free / Math.max(1, labels.length)));
  const children: TextRun[] = [];
  labels.forEach((label, i) => {
    if (i > 0) children.push(run('\u3000'.repeat(gap), FONTS.body, hao));
    children.push(run(label, FONTS.body, hao), run('\u3000'.repeat(blank), FONTS.body, hao, { underline: {} }));
  });
  return new Paragraph({ spacing: { ...exactLine(), before: LINE_PITCH_TWIPS }, children });
}

// ---------------------------------------------------------------- tables

/**
 * The page-number line: its own exact 18 pt height (the footer would otherwise
 * take Normal's 28.99 pt grid line and sit lower), so where the "—" falls does
 * not depend on the grid.
 */
export const PAGE_NUMBER_LINE_TWIPS = 360;
/**
 * Footer distance from the bottom edge: 25 mm puts that line's bottom 272 mm
 * from the top, and the dash lines 7 mm below the type area (262 mm): 7.2 mm
 * measured in LibreOffice with the fonts of build/fonts.conf (the test allows
 * ± 1 mm). It was 23 mm with the grid line, which printed them 8.4 mm below.
 */
export const FOOTER_MM = 25;

/** "— 1 —" in 4号宋体 from a PAGE field; odd pages right, even pages left, 1-字 indent. */
function pageNumberFooter(side: 'right' | 'left'): Footer {
  const st = runStyle(FONTS.pageNumber, '四号');
  const indent = HAO.四号 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: indent } : { left: indent },
        spacing: exactLine(PAGE_NUMBER_LINE_TWIPS),
        children: [new TextRun({ ...st, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export interface GbSection {
  children: (Paragraph | Table)[];
  /** Print page numbers (default true). A cover section sets false. */
  pageNumbers?: boolean;
  /** Restart numbering at this page. */
  startPage?: number;
}

/** Section properties shared by every GB/T 9704 page. */
export function sectionProperties(s: Pick<GbSection, 'startPage'> = {}) {
  return {
    page: {
      size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm) },
      margin: {
        top: mmToTwip(PAGE.marginMm.top),
        bottom: mmToTwip(PAGE.marginMm.bottom),
        left: mmToTwip(PAGE.marginMm.left),
        right: mmToTwip(PAGE.marginMm.right),
        header: mmToTwip(15),
        // The page-number dash lines sit 7 mm below the type area (see FOOTER_MM).
        footer: mmToTwip(FOOTER_MM),
        gutter: 0,
      },
      pageNumbers: s.startPage ? { start: s.startPage } : undefined,
    },
    grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
  };
}

export interface DocMeta {
  title?: string;
  /** Ask Word to refresh fields (PAGEREF in a contents list) on opening. */
  updateFields?: boolean;
}

export function gbDocument(sections: GbSection[], meta: DocMeta = {}): Document {
  return new Document({
    creator: '党务台账',
    title: meta.title ?? '',
    features: meta.updateFields ? { updateFields: true } : undefined,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontSlots(FONTS.body), size: halfPoints('三号'), sizeComplexScript: halfPoints('三号') },
          paragraph: { spacing: exactLine() },
        },
      },
      // An explicit Normal style: LibreOffice measures the character grid from
      // Normal's East-Asian size (12 pt if absent), and a 16 pt glyph would then
      // take two grid cells.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: fontSlots(FONTS.body), size: halfPoints('三号'), sizeComplexScript: halfPoints('三号') },
          paragraph: { spacing: exactLine() },
        },
      ],
    },
    sections: sections.map((s) => ({
      properties: sectionProperties(s),
      footers: s.pageNumbers === false ? { default: new Footer({ children: [new Paragraph({ children: [] })] }), even: new Footer({ children: [new Paragraph({ children: [] })] }) } : { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
      children: s.children,
    })),
  });
}

/** Packs the sections into .docx bytes. */
export async function documentBytes(sections: GbSection[], meta: DocMeta = {}): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(gbDocument(sections, meta));
  return new Uint8Array(buf);
}

// Tables in the body fonts live beside this module; re-exported so templates import typography from one place.
export * from './gbt9704-table.ts';
