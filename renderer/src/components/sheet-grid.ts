/**
 * The first sheets of an .xlsx as plain grids for the preview dialog: cell text
 * (shared and inline strings, numbers, booleans as 是/否, cached formula values),
 * merged ranges as row and column spans, rows and columns bounded. Read with
 * JSZip and the browser's XML parser, not exceljs: the preview chunk stays small
 * and the reading is the same every time.
 */
import JSZip from 'jszip';

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

export interface SheetGrid {
  name: string;
  /** column widths in pixels (from the sheet's <col> widths), one per shown column */
  widths: number[];
  /** rows of the visible part; a cell covered by a merge is left out of its row */
  rows: (GridCell | null)[][];
  /** rows of the sheet beyond the shown ones */
  moreRows: number;
  moreCols: number;
}

export interface GridLimits {
  sheets: number;
  rows: number;
  cols: number;
}

export const GRID_LIMITS: GridLimits = { sheets: 5, rows: 200, cols: 40 };

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function xml(text: string): Document {
  return new DOMParser().parseFromString(text, 'application/xml');
}

function all(doc: Document | Element, name: string): Element[] {
  return Array.from(doc.getElementsByTagNameNS(MAIN_NS, name));
}

/** 'C12' → [11, 2] (zero-based row and column) */
export function cellRef(ref: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, ''));
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

function runText(el: Element): string {
  // rich text: <r><t>…</t></r>…; phonetic runs (<rPh>) are not part of the text
  const ts = Array.from(el.getElementsByTagNameNS(MAIN_NS, 't')).filter((t) => t.parentElement?.localName !== 'rPh');
  return ts.map((t) => t.textContent ?? '').join('');
}

function sheetPaths(workbook: Document, rels: Document | null): { name: string; path: string }[] {
  const targets = new Map<string, string>();
  for (const r of rels ? Array.from(rels.getElementsByTagName('Relationship')) : []) targets.set(r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '');
  return all(workbook, 'sheet').map((s, i) => {
    const rid = s.getAttributeNS('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'id') ?? '';
    const target = targets.get(rid) ?? `worksheets/sheet${i + 1}.xml`;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    return { name: s.getAttribute('name') ?? `工作表${i + 1}`, path };
  });
}

/** Built-in number formats that are dates (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 50, 57]);

/** Style index → whether it shows a date, from xl/styles.xml. */
export function dateStyles(styles: Document | null): boolean[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  for (const f of all(styles, 'numFmt')) custom.set(Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '');
  const xfs = all(styles, 'cellXfs')[0];
  if (!xfs) return [];
  return Array.from(xfs.children).map((xf) => {
    const id = Number(xf.getAttribute('numFmtId') ?? 0);
    const code = custom.get(id);
    // a custom code with y/m/d outside quoted text and brackets is a date
    return code !== undefined ? /[yd]|m(?!.*[hs])/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, '')) && !/^[#0.,%]+$/.test(code) : DATE_FORMAT_IDS.has(id);
  });
}

/** An Excel day serial (1900 system) → 2026-11-28. */
export function serialDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

function cellText(c: Element, shared: string[], dates: boolean[]): string {
  const t = c.getAttribute('t');
  const v = c.getElementsByTagNameNS(MAIN_NS, 'v')[0]?.textContent ?? '';
  if ((t === null || t === 'n') && v !== '' && dates[Number(c.getAttribute('s') ?? 0)]) return serialDate(Number(v));
  if (t === 's') return shared[Number(v)] ?? '';
  if (t === 'inlineStr') {
    const is = c.getElementsByTagNameNS(MAIN_NS, 'is')[0];
    return is ? runText(is) : '';
  }
  if (t === 'b') return v === '1' ? '是' : '否';
  return v;
}

function grid(sheet: Document, name: string, shared: string[], dates: boolean[], limits: GridLimits): SheetGrid {
  const cells = new Map<string, string>();
  let lastRow = -1;
  let lastCol = -1;
  for (const c of all(sheet, 'c')) {
    const [r, col] = cellRef(c.getAttribute('r') ?? '');
    const text = cellText(c, shared, dates);
    if (text === '') continue;
    cells.set(`${r}:${col}`, text);
    lastRow = Math.max(lastRow, r);
    lastCol = Math.max(lastCol, col);
  }
  const spans = new Map<string, [number, number]>();
  const covered = new Set<string>();
  for (const m of all(sheet, 'mergeCell')) {
    const [a, b] = (m.getAttribute('ref') ?? '').split(':');
    if (!b) continue;
    const [r1, c1] = cellRef(a);
    const [r2, c2] = cellRef(b);
    spans.set(`${r1}:${c1}`, [r2 - r1 + 1, c2 - c1 + 1]);
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r}:${c}`);
    lastRow = Math.max(lastRow, r2);
    lastCol = Math.max(lastCol, c2);
  }
  const nRows = Math.min(lastRow + 1, limits.rows);
  const nCols = Math.min(lastCol + 1, limits.cols);
  const rows: (GridCell | null)[][] = [];
  for (let r = 0; r < nRows; r++) {
    const row: (GridCell | null)[] = [];
    for (let c = 0; c < nCols; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) {
        row.push(null);
        continue;
      }
      const [rs, cs] = spans.get(key) ?? [1, 1];
      row.push({ text: cells.get(key) ?? '', rowSpan: Math.min(rs, nRows - r), colSpan: Math.min(cs, nCols - c) });
    }
    rows.push(row);
  }
  const widths = new Array<number>(nCols).fill(64);
  for (const col of all(sheet, 'col')) {
    const w = Number(col.getAttribute('width'));
    if (!w) continue;
    for (let c = Number(col.getAttribute('min')) - 1; c < Math.min(Number(col.getAttribute('max')), nCols); c++) if (c >= 0) widths[c] = Math.round(w * 7 + 5);
  }
  return { name, widths, rows, moreRows: Math.max(0, lastRow + 1 - nRows), moreCols: Math.max(0, lastCol + 1 - nCols) };
}

/** The first sheets of a workbook, as grids. */
export async function readSheetGrids(bytes: Uint8Array, limits: GridLimits = GRID_LIMITS): Promise<SheetGrid[]> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string) => (await zip.file(p)?.async('string')) ?? null;
  const wb = await text('xl/workbook.xml');
  if (!wb) throw new Error('不是 Excel 工作簿（缺少 workbook.xml）');
  const relsText = await text('xl/_rels/workbook.xml.rels');
  const sharedText = await text('xl/sharedStrings.xml');
  const shared = sharedText ? all(xml(sharedText), 'si').map(runText) : [];
  const stylesText = await text('xl/styles.xml');
  const dates = dateStyles(stylesText ? xml(stylesText) : null);
  const out: SheetGrid[] = [];
  for (const s of sheetPaths(xml(wb), relsText ? xml(relsText) : null).slice(0, limits.sheets)) {
    const body = await text(s.path);
    if (body) out.push(grid(xml(body), s.name, shared, dates, limits));
  }
  return out;
}
