/**
 * Worksheet geometry for print checks: how large a sheet's text and rows come
 * out on paper once its page setup has fitted it (paper, orientation, margins,
 * fitToWidth / fitToHeight or a fixed scale), from the column widths in
 * characters and the cells' font sizes. No rendering: the numbers follow the
 * spreadsheet's own rules (a column of width w is trunc(7w + 0.5) px of the
 * default 11 pt font's digit, 96 px an inch), so a test can assert that a sheet
 * meant for signatures prints at ≥ 9 pt with rows ≥ 8 mm.
 * (Rendering through LibreOffice is tests/support/document-check.ts.)
 * Load workbooks with loadSheets(): exceljs alone reads a font size as a whole
 * number (10.5 pt comes back as 10).
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

export const MM_PER_INCH = 25.4;
export const PT_PER_MM = 72 / MM_PER_INCH;
/** 8 mm, the least height of a row a person signs in. */
export const SIGN_ROW_MIN_PT = 8 * PT_PER_MM;
/** The least printed text size of a sheet meant to be read and signed. */
export const READABLE_MIN_PT = 9;

/** Paper sizes by the OOXML paperSize code (portrait width × height, mm). */
const PAPER_MM: Record<number, [number, number]> = { 1: [215.9, 279.4], 8: [297, 420], 9: [210, 297], 11: [148, 210] };

/** A column width in characters → printed millimetres (before scaling). */
export function columnWidthMm(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return (px * MM_PER_INCH) / 96;
}

export interface SheetGeometry {
  paperMm: { width: number; height: number };
  /** the paper's width (height) inside the left and right (top and bottom) margins */
  printableMm: { width: number; height: number };
  /** the used columns' widths, unscaled */
  contentWidthMm: number;
  /** what fitting (or the fixed scale) shrinks the sheet to, ≤ 1 when fitted */
  scale: number;
  /** the smallest font size set on the cells of the rows measured, unscaled */
  fontPt: number;
  /** fontPt × scale */
  effectiveFontPt: number;
  /** the lowest of the rows measured, unscaled, pt */
  minRowPt: number;
  /** minRowPt × scale, in mm */
  effectiveMinRowMm: number;
  /** minRowPt × scale, in pt */
  effectiveMinRowPt: number;
}

export interface GeometryOptions {
  /** rows measured for font and height (default: the rows below the repeated header row that have a border) */
  rows?: number[];
}

/** The rows of the table body: after the print-title row, those whose first cell has a border. */
export function tableRows(ws: ExcelJS.Worksheet): number[] {
  const titles = ws.pageSetup.printTitlesRow;
  const header = titles ? Number(String(titles).split(':').at(-1)!.replace(/\D/g, '')) : 0;
  const out: number[] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).border?.top) out.push(r);
  return out;
}

export function sheetGeometry(ws: ExcelJS.Worksheet, opts: GeometryOptions = {}): SheetGeometry {
  const ps = ws.pageSetup;
  const [pw, ph] = PAPER_MM[ps.paperSize ?? 9] ?? PAPER_MM[9];
  const landscape = ps.orientation === 'landscape';
  const paper = landscape ? { width: ph, height: pw } : { width: pw, height: ph };
  const m = ps.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const printable = { width: paper.width - (m.left + m.right) * MM_PER_INCH, height: paper.height - (m.top + m.bottom) * MM_PER_INCH };
  // the columns given a width, and any further column with a value
  let columns = Math.max(ws.columnCount, ws.columns?.length ?? 0);
  ws.eachRow((row) => (columns = Math.max(columns, row.cellCount)));
  let contentWidthMm = 0;
  for (let c = 1; c <= columns; c++) {
    const col = ws.getColumn(c);
    if (!col.hidden) contentWidthMm += columnWidthMm(col.width ?? 9.140625);
  }
  const rowPt = (r: number) => ws.getRow(r).height ?? 15;
  let scale: number;
  if (ps.fitToPage) {
    const fits: number[] = [1];
    if (ps.fitToWidth) fits.push((printable.width * ps.fitToWidth) / contentWidthMm);
    if (ps.fitToHeight) {
      let h = 0;
      for (let r = 1; r <= ws.rowCount; r++) if (!ws.getRow(r).hidden) h += rowPt(r);
      fits.push((printable.height * ps.fitToHeight) / (h / PT_PER_MM));
    }
    scale = Math.min(...fits);
  } else scale = (ps.scale ?? 100) / 100;
  const rows = opts.rows ?? tableRows(ws);
  let fontPt = Infinity;
  let minRowPt = Infinity;
  for (const r of rows) {
    const row = ws.getRow(r);
    minRowPt = Math.min(minRowPt, rowPt(r));
    for (let c = 1; c <= columns; c++) fontPt = Math.min(fontPt, row.getCell(c).font?.size ?? 11);
  }
  if (!rows.length) [fontPt, minRowPt] = [11, 15];
  return {
    paperMm: paper,
    printableMm: printable,
    contentWidthMm,
    scale,
    fontPt,
    effectiveFontPt: fontPt * scale,
    minRowPt,
    effectiveMinRowMm: (minRowPt * scale) / PT_PER_MM,
    effectiveMinRowPt: minRowPt * scale,
  };
}

/** The attributes of an XML start tag, by name. */
const attrs = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/**
 * The worksheets of an .xlsx as exceljs reads them, with each cell's font size
 * as written in the file (from styles.xml: the cell's style → its font's sz).
 */
export async function loadSheets(bytes: Uint8Array): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const zip = unzipSync(bytes);
  const text = (name: string) => (zip[name] ? strFromU8(zip[name]) : '');
  const styles = text('xl/styles.xml');
  const fontsXml = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '';
  const fontSizes = [...fontsXml.matchAll(/<font\b[^>]*\/>|<font\b[^>]*>([\s\S]*?)<\/font>/g)].map((m) => {
    const sz = /<sz\b[^>]*val="([\d.]+)"/.exec(m[1] ?? '');
    return sz ? Number(sz[1]) : null;
  });
  const xfsXml = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xfFont = [...xfsXml.matchAll(/<xf\b[^>]*>/g)].map((m) => Number(attrs(m[0]).fontId ?? 0));
  const rels = Object.fromEntries([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attrs(m[0]).Id, attrs(m[0]).Target]));
  const sheetFiles = [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = rels[attrs(m[0])['r:id']] ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  });
  sheetFiles.forEach((file, i) => {
    const ws = wb.worksheets[i];
    if (!ws) return;
    for (const m of text(file).matchAll(/<c\b[^>]*>/g)) {
      const a = attrs(m[0]);
      if (!a.r || a.s === undefined) continue;
      const size = fontSizes[xfFont[Number(a.s)] ?? 0];
      const cell = ws.getCell(a.r);
      if (size !== null && size !== undefined && cell.font?.size !== size) cell.font = { ...cell.font, size };
    }
  });
  return wb.worksheets;
}
