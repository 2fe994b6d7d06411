/**
 * The common shape of every printed worksheet: a merged title row, an optional
 * subtitle, one header row repeated on every printed page, thin borders,
 * A4 (landscape by default) fitted to the page width. Templates only lay out
 * a model; they never touch the database or the file system.
 */
import ExcelJS from 'exceljs';
import { wrapLines } from './typography.ts';
import { chineseDate } from '../common/labels.ts';

/** How a column's values are written: 'money' takes 分 and prints 元 (0.00), 'count' whole numbers, 'percent' a percentage as a number (95.5 prints 95.5%), 'id' digit strings kept as text (ID and phone numbers, letter numbers), 'date' ISO dates as real date cells shown as 2026年1月1日 (other text, e.g. "—", as written), 'text' as given. */
export type ColumnKind = 'text' | 'money' | 'count' | 'percent' | 'date' | 'id';

export type Cell = string | number | null;

/** One column of a worksheet template: the model field it shows, its header, width and kind. */
export interface Column<K extends string = string> {
  key: K;
  header: string;
  width: number;
  kind: ColumnKind;
  /** Overrides the kind's alignment (money right, everything else centred). */
  align?: 'left' | 'center' | 'right';
}

/** A row of a sheet: the values by column key; a missing key is an empty cell. */
export type SheetRow<K extends string = string> = Partial<Record<K, Cell>>;

export interface SheetModel<K extends string = string> {
  name: string;
  title: string;
  subtitle?: string;
  columns: readonly Column<K>[];
  rows: readonly SheetRow<K>[];
  /** Rows after the data (totals, signatures), in bold. */
  footerRows?: readonly SheetRow<K>[];
  /** Lines printed below the table (e.g. 填表人 / 审核人). */
  notes?: string[];
  landscape?: boolean;
  /** Size of the table's text, pt (10.5 by default); the header and notes follow it. */
  fontSize?: number;
  /** Least height of a table row, pt (e.g. 8 mm for a row signed by hand). */
  minRowHeight?: number;
}

export const MONEY_FORMAT = '0.00';
export const COUNT_FORMAT = '0';
export const PERCENT_FORMAT = '0.0"%"';
/** A date cell as the reader sees it on paper: 2026年1月1日 (full year, no leading zeros). */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The number format a column's kind gives its cells. */
export function numberFormat(kind: ColumnKind): string | undefined {
  return kind === 'money' ? MONEY_FORMAT : kind === 'count' ? COUNT_FORMAT : kind === 'percent' ? PERCENT_FORMAT : kind === 'id' ? '@' : kind === 'date' ? DATE_FORMAT : undefined;
}

/** The value written for a model value: 分 become 元, ids stay text; strings (e.g. "—") pass through. */
export function cellValue(c: Column, v: Cell | undefined): Cell | Date {
  if (v === null || v === undefined) return null;
  if (c.kind === 'id') return String(v);
  if (c.kind === 'money' && typeof v === 'number') return v / 100;
  const day = c.kind === 'date' && typeof v === 'string' ? ISO_DAY.exec(v) : null;
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return v;
}

/** The text a cell shows when printed (for sizing rows): a date cell as 2026年1月1日. */
export function shownText(v: Cell | Date): string | null {
  if (v === null) return null;
  if (v instanceof Date) return chineseDate(v.toISOString());
  return String(v);
}

const FONT = '宋体';
const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const border: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

export function addSheet<K extends string>(wb: ExcelJS.Workbook, m: SheetModel<K>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(m.name, {
    pageSetup: {
      paperSize: 9,
      orientation: m.landscape === false ? 'portrait' : 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: m.subtitle ? 3 : 2 }],
  });
  const n = m.columns.length;
  ws.columns = m.columns.map((c) => ({ width: c.width }));
  let r = 1;
  ws.mergeCells(r, 1, r, n);
  const title = ws.getCell(r, 1);
  title.value = m.title;
  title.font = { name: FONT, size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(r).height = 32;
  if (m.subtitle) {
    r++;
    ws.mergeCells(r, 1, r, n);
    const sub = ws.getCell(r, 1);
    sub.value = m.subtitle;
    sub.font = { name: FONT, size: 11 };
    sub.alignment = { horizontal: 'left', vertical: 'middle' };
    ws.getRow(r).height = 20;
  }
  const size = m.fontSize ?? 10.5;
  const big = Math.max(11, size);
  r++;
  const headerRow = r;
  const hr = ws.getRow(r);
  m.columns.forEach((c, i) => {
    const cell = hr.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: big, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  hr.height = Math.max(30, rowHeight(m.columns.map((c) => c.header), m.columns, big));
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  const put = (record: SheetRow<K>, bold: boolean) => {
    r++;
    const row = ws.getRow(r);
    const values = m.columns.map((c) => wrapCell(c, cellValue(c, record[c.key]), size));
    // Spreadsheet programs do not grow a row for wrapped text on their own when printing; size it from the text.
    row.height = Math.max(m.minRowHeight ?? 0, rowHeight(values.map(shownText), m.columns, size));
    values.forEach((v, i) => {
      const c = m.columns[i];
      const cell = row.getCell(i + 1);
      cell.value = v;
      const fmt = c.kind === 'date' && !(v instanceof Date) ? undefined : numberFormat(c.kind);
      if (fmt) cell.numFmt = fmt;
      cell.font = { name: FONT, size, bold };
      cell.alignment = { horizontal: c.align ?? (c.kind === 'money' || c.kind === 'percent' ? 'right' : 'center'), vertical: 'middle', wrapText: true };
      cell.border = border;
    });
  };
  for (const row of m.rows) put(row, false);
  for (const row of m.footerRows ?? []) put(row, true);
  for (const note of m.notes ?? []) {
    r++;
    ws.mergeCells(r, 1, r, n);
    const cell = ws.getCell(r, 1);
    cell.value = note;
    cell.font = { name: FONT, size: big };
    cell.alignment = { vertical: 'middle', wrapText: true };
    ws.getRow(r).height = Math.max(24, rowHeight([note], [{ width: m.columns.reduce((a, c) => a + c.width, 0) }], big) + 4);
  }
  return ws;
}

/**
 * A text cell too long for its column, broken into lines here (joined by
 * "\n") rather than by the spreadsheet program: a name, a date's parts and a
 * short token between separators stay whole, and no line starts with closing
 * or ends with opening punctuation (templates/typography.ts). rowHeight counts
 * the same lines.
 */
export function wrapCell<V extends Cell | Date>(c: Pick<Column, 'kind' | 'width'>, v: V, size = 10.5): V {
  if (c.kind !== 'text' || typeof v !== 'string') return v;
  const usable = Math.max(1, c.width - 0.5);
  if (v.split('\n').every((part) => textWidth(part, size) <= usable)) return v;
  // 1 字 is 1.5 column units at 10.5 pt (in proportion to the size); digits (0.8) are a little over ½ 字, so keep ½ 字 spare
  const zi = (1.5 * size) / 10.5;
  return v
    .split('\n')
    .flatMap((part) => (textWidth(part, size) <= usable ? [part] : wrapLines(part, Math.max(1, usable / zi - 0.5))))
    .join('\n') as V;
}

/** Printed width of text in column-width units (measured in LibreOffice at 10.5 pt: a CJK character ≈ 1.5, a digit ≈ 0.8), in proportion to the size. */
export function textWidth(s: string, size = 10.5): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\uffff]/.test(ch) ? 1.5 : 0.8;
  return (w * size) / 10.5;
}

/** Points for a row whose cells wrap inside their column widths (10.5 pt text, 14 pt a line, in proportion to the size). */
export function rowHeight(values: readonly Cell[], columns: readonly Pick<Column, 'width'>[], size = 10.5): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (v === null || v === undefined || !columns[i]) return;
    const usable = Math.max(1, columns[i].width - 0.5);
    // each line of a multi-line value wraps on its own; the cell needs all of them
    let cell = 0;
    for (const part of String(v).split('\n')) cell += Math.ceil(textWidth(part, size) / usable) || 1;
    lines = Math.max(lines, cell);
  });
  return Math.round((lines * 14 * size) / 10.5) + 4;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '党务台账';
  wb.created = new Date(0);
  return wb;
}
