/**
 * How large a worksheet prints once its page setup has fitted it: the table's
 * font size × the fit scale, and its lowest row × the same scale. No rendering;
 * read from the .xlsx itself (sizes from styles.xml as written: exceljs alone
 * reads 10.5 pt back as 10).
 *
 * Column width (Excel characters) → mm: by default width × 7 px + 5 px padding at
 * 96 dpi, 1 px = 0.2646 mm (Excel's character of the default font, Calibri 11, plus
 * its cell padding). LibreOffice without Calibri measures the character in its
 * fallback font and draws a column of width w as w × 9.31 px (LIBREOFFICE, measured
 * from the column centres of a rendered register); pass it to size a sheet as the
 * rendered PDF shows it. The scale is printable width / sum of column widths when
 * fitToWidth is on and the columns are wider, else 1 (or the fixed scale when not
 * fitting).
 */
import { strFromU8, unzipSync } from 'fflate';

export const MM_PER_PX = 25.4 / 96;
export const PT_PER_MM = 72 / 25.4;

/** How a column width in characters becomes pixels (96 dpi). */
export interface CharMetrics {
  pxPerChar: number;
  paddingPx: number;
}
/** Excel with its default font: a character 7 px, 5 px cell padding. */
export const EXCEL: CharMetrics = { pxPerChar: 7, paddingPx: 5 };
/** LibreOffice as installed here and in CI (no Calibri): 9.31 px a character, no padding. */
export const LIBREOFFICE: CharMetrics = { pxPerChar: 9.31, paddingPx: 0 };

/** Printed width of a column of `chars` Excel characters, mm. */
export const columnMm = (chars: number, m: CharMetrics = EXCEL): number => (chars * m.pxPerChar + m.paddingPx) * MM_PER_PX;

/** A4 and the others a sheet may use: OOXML paperSize → portrait width × height, mm. */
const PAPER: Record<number, [number, number]> = { 1: [215.9, 279.4], 8: [297, 420], 9: [210, 297], 11: [148, 210] };

export interface SheetSize {
  printableWidthMm: number;
  contentWidthMm: number;
  scale: number;
  /** smallest font size of the table cells (header and body rows), as written */
  fontPt: number;
  effectiveFontPt: number;
  /** lowest body row of the table, as written */
  minRowPt: number;
  minRowHeightMm: number;
}

const attrs = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

/**
 * The printed size of one sheet's table: its header row (the repeated print-title row)
 * and the bordered rows below it down to the first row without a border.
 */
export function sheetSize(bytes: Uint8Array, sheetName: string, metrics: CharMetrics = EXCEL): SheetSize {
  const zip = unzipSync(bytes);
  const text = (name: string): string => (zip[name] ? strFromU8(zip[name]) : '');
  const styles = text('xl/styles.xml');
  const fonts = [...(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font\b[^>]*\/>|<font\b[^>]*>([\s\S]*?)<\/font>/g)].map(
    (m) => Number(/<sz\b[^>]*val="([\d.]+)"/.exec(m[1] ?? '')?.[1] ?? 11),
  );
  const xfs = [...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((m) => attrs(m[0]));
  const borders = [...(/<borders\b[^>]*>([\s\S]*?)<\/borders>/.exec(styles)?.[1] ?? '').matchAll(/<border\b[^>]*\/>|<border\b[^>]*>([\s\S]*?)<\/border>/g)].map(
    (m) => /<top\b[^>]*style=/.test(m[1] ?? ''),
  );
  const workbook = text('xl/workbook.xml');
  const rels = Object.fromEntries([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attrs(m[0]).Id, attrs(m[0]).Target]));
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => attrs(m[0]));
  const index = sheets.findIndex((s) => s.name === sheetName);
  if (index < 0) throw new Error(`no sheet named ${sheetName}`);
  const target = rels[sheets[index]!['r:id']!]!;
  const xml = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);

  // Page: paper, orientation, margins (inches), fitting.
  const setup = attrs(/<pageSetup\b[^>]*>/.exec(xml)?.[0] ?? '');
  const margins = attrs(/<pageMargins\b[^>]*>/.exec(xml)?.[0] ?? '');
  const [pw, ph] = PAPER[Number(setup.paperSize ?? 9)] ?? PAPER[9]!;
  const paperWidth = setup.orientation === 'landscape' ? ph : pw;
  const printableWidthMm = paperWidth - (Number(margins.left ?? 0.7) + Number(margins.right ?? 0.7)) * 25.4;
  const fitToPage = /<pageSetUpPr\b[^>]*fitToPage="(1|true)"/.test(xml);

  // Columns in use: those with a width, up to the last column of the widest row.
  const colDefs = [...xml.matchAll(/<col\b[^>]*>/g)].map((m) => attrs(m[0]));
  const widthOf = (c: number): number => {
    const d = colDefs.find((x) => Number(x.min) <= c && c <= Number(x.max));
    return d?.hidden === '1' ? 0 : columnMm(Number(d?.width ?? 8.43), metrics);
  };
  const cellCol = (ref: string): number => [...ref.replace(/\d+/g, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = [...xml.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)].map((m) => {
    const a = attrs(m[1]!);
    const cells = [...m[2]!.matchAll(/<c\b[^>]*>/g)].map((c) => attrs(c[0]));
    return { r: Number(a.r), height: Number(a.ht ?? 15), cells };
  });
  const lastCol = Math.max(colDefs.reduce((n, d) => Math.max(n, Number(d.max)), 0), ...rows.flatMap((r) => r.cells.map((c) => cellCol(c.r ?? 'A'))));
  let contentWidthMm = 0;
  for (let c = 1; c <= lastCol; c++) contentWidthMm += widthOf(c);

  const fitToWidth = Number(setup.fitToWidth ?? 1);
  const scale = fitToPage
    ? fitToWidth > 0 && contentWidthMm > printableWidthMm * fitToWidth
      ? (printableWidthMm * fitToWidth) / contentWidthMm
      : 1
    : Number(setup.scale ?? 100) / 100;

  // The table: the print-title row (the header) and the bordered rows after it.
  const titles = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)</g)].find((m) => attrs(m[1]!).name === '_xlnm.Print_Titles' && attrs(m[1]!).localSheetId === String(index));
  const spec = titles?.[2] ?? '';
  const header = Number(/\$(\d+)$/.exec(spec)?.[1] ?? 0);
  if (!header) throw new Error(`sheet ${sheetName} has no repeated header row`);
  const bordered = (c: Record<string, string>): boolean => borders[Number(xfs[Number(c.s ?? 0)]?.borderId ?? 0)] ?? false;
  const table = rows.filter((r) => r.r >= header);
  const body: typeof rows = [];
  for (const row of table.slice(1)) {
    if (!row.cells.length || !bordered(row.cells[0]!)) break;
    body.push(row);
  }
  const fontPt = Math.min(...[table[0]!, ...body].flatMap((r) => r.cells.map((c) => fonts[Number(xfs[Number(c.s ?? 0)]?.fontId ?? 0)] ?? 11)));
  const minRowPt = body.length ? Math.min(...body.map((r) => r.height)) : Infinity;
  return {
    printableWidthMm,
    contentWidthMm,
    scale,
    fontPt,
    effectiveFontPt: fontPt * scale,
    minRowPt,
    minRowHeightMm: (minRowPt * scale) / PT_PER_MM,
  };
}

/** The table's smallest font size as printed, pt (font size × fit scale). */
export function effectiveFontPt(workbookBytes: Uint8Array, sheetName: string, metrics: CharMetrics = EXCEL): number {
  return sheetSize(workbookBytes, sheetName, metrics).effectiveFontPt;
}

/** The table's lowest body row as printed, mm (row height × fit scale). */
export function minRowHeightMm(workbookBytes: Uint8Array, sheetName: string, metrics: CharMetrics = EXCEL): number {
  return sheetSize(workbookBytes, sheetName, metrics).minRowHeightMm;
}
