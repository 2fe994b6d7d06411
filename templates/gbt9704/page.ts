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
 * This file holds the page and its type: sizes, fonts, the grid, runs. The
 * blocks (blocks.ts), tables (tables.ts), page-number footers (footers.ts) and
 * the document (document.ts) build on it; templates import them all through
 * templates/gbt9704.ts, never touch the database or the file system.
 */
import { ImportedXmlComponent, LineRuleType, TextRun, type IRunOptions } from 'docx';
import { keptPieces, nestQuotes } from '../typography.ts';

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

export const fontSlots = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** Run options with every font slot set to a Chinese font and a 号 size. */
export function runStyle(font: string, hao: Hao, extra: Partial<IRunOptions> = {}): IRunOptions {
  const sz = halfPoints(hao);
  return { font: fontSlots(font), size: sz, sizeComplexScript: sz, ...(hao === '三号' ? { characterSpacing: CONDENSE } : {}), ...extra } as IRunOptions;
}

/** A run of text (nested quotes made ‘’ inside “”, templates/typography.ts). */
export function run(text: string, font: string = FONTS.body, hao: Hao = '三号', extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ ...runStyle(font, hao, extra), text: nestQuotes(text) });
}

/** Extra width of a kept run (a ruby) in LibreOffice, in 字: 4 two-字 rubies cost a line one 字. */
export const RUBY_COST = 0.3;

/** One XML element as a docx component (fromXmlString wraps the parsed document in a nameless root). */
export function xmlElement(xml: string): ImportedXmlComponent {
  return (ImportedXmlComponent.fromXmlString(xml) as unknown as { root: ImportedXmlComponent[] }).root[0];
}

/**
 * A run that never breaks across lines (a name, a label's word, a date part):
 * a ruby whose ruby text is empty, laid out by Word and LibreOffice as one
 * unit and printed as plain text (why a ruby: templates/typography.ts). Typed
 * as a TextRun so it goes wherever a run goes.
 */
export function keptRun(text: string, font: string = FONTS.body, hao: Hao = '三号', extra: Partial<IRunOptions> = {}): TextRun {
  const sz = halfPoints(hao);
  const r = new ImportedXmlComponent('w:r');
  const ruby = new ImportedXmlComponent('w:ruby');
  ruby.addChildElement(xmlElement(`<w:rubyPr><w:rubyAlign w:val="center"/><w:hps w:val="2"/><w:hpsRaise w:val="0"/><w:hpsBaseText w:val="${sz}"/><w:lid w:val="zh-CN"/></w:rubyPr>`));
  const rt = new ImportedXmlComponent('w:rt');
  rt.addChildElement(new TextRun({ font: fontSlots(font), size: 2, text: '' }));
  const base = new ImportedXmlComponent('w:rubyBase');
  base.addChildElement(new TextRun({ ...runStyle(font, hao, extra), text }));
  ruby.addChildElement(rt);
  ruby.addChildElement(base);
  r.addChildElement(ruby);
  return r as unknown as TextRun;
}

/**
 * The runs of a text with the `keep` strings (the people a text mentions)
 * kept whole as rubies. Each ruby costs LibreOffice about ¼ 字 of the line
 * (RUBY_COST), so prose keeps only what it names; table cells are wrapped by
 * the template itself (tables.ts) and need none.
 */
export function keptRuns(text: string, font: string = FONTS.body, hao: Hao = '三号', extra: Partial<IRunOptions> & { keep?: readonly string[]; auto?: boolean } = {}): TextRun[] {
  const { keep, auto, ...rest } = extra;
  return keptPieces(text, { keep, auto: auto ?? false }).map((p) => (p.keep ? keptRun(p.text, font, hao, rest) : new TextRun({ ...runStyle(font, hao, rest), text: p.text })));
}

/** Exactly one grid line (or `twips`), no space before or after. */
export const exactLine = (twips = LINE_PITCH_TWIPS) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

export type Runs = string | TextRun | (string | TextRun)[];
/** Strings become kept runs (keptRuns); runs pass through. */
export function runs(content: Runs, font: string, hao: Hao, extra: Partial<IRunOptions> & { keep?: readonly string[] } = {}): TextRun[] {
  const list = Array.isArray(content) ? content : [content];
  return list.flatMap((c) => (typeof c === 'string' ? keptRuns(c, font, hao, extra) : [c]));
}
