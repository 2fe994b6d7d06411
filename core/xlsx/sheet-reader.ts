/**
 * Streaming read of a clerk-made workbook with exceljs' WorkbookReader: finds
 * the header row (within the first 10 rows) of the first sheet that has the
 * required columns, and returns its data rows as plain `CellReading`s, with
 * merged ranges resolved. Bounded: at most `maxRows` data rows (reading stops
 * with a Chinese message beyond), `maxCell` characters a cell, and a limit on
 * the unpacked size. Runs inside the import worker (see parse.ts); plain Node.
 */
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { LedgerError } from '../errors.ts';
import { columnLetter, normalizeHeader } from './headers.ts';
import { cleanText, readCell, type CellReading } from './cells.ts';

export const MAX_ROWS = 20_000;
export const MAX_CELL = 2_000;
/** Unpacked size of all parts; a roster of 20,000 rows is well under 100 MB. */
export const MAX_UNPACKED = 400 * 1024 * 1024;

export interface SheetSpec {
  /** Column key → header texts that name it. */
  variants: Record<string, string[]>;
  /** A sheet qualifies only with every one of these columns… */
  requireAll?: string[];
  /** …and at least one of these. */
  requireAny?: string[];
  /** Only the first sheet is considered. */
  firstSheetOnly?: boolean;
  /** Every sheet whose header qualifies is read (the first in the result, the others in `more`); sheets that do not qualify (a summary) are passed over. */
  allSheets?: boolean;
  maxRows?: number;
  maxCell?: number;
}

export interface SheetRow {
  row: number;
  cells: Record<string, CellReading>;
  /** Text in columns the import does not use (a 序号, a note typed beside the table), for telling note lines apart. */
  other: string | null;
}

export interface SheetData {
  sheetName: string;
  headerRow: number;
  columns: Record<string, number>;
  unknown: string[];
  rows: SheetRow[];
  /** With `allSheets`: the later sheets that qualified, in workbook order. */
  more?: SheetData[];
}

export interface ReadProgress {
  /** Fraction of the sheets' XML read, 0…1. */
  fraction: number;
  rows: number;
}

export const NOT_XLSX = '无法读取该文件：请选择 Excel 工作簿（.xlsx）；旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx';

/** Sizes from the zip directory, without unpacking anything. */
function sheetBytes(bytes: Uint8Array): number {
  let total = 0;
  let sheets = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) sheets += f.originalSize;
        return false;
      },
    });
  } catch {
    throw new LedgerError(NOT_XLSX);
  }
  if (total > MAX_UNPACKED) throw new LedgerError(`文件解压后超过 ${MAX_UNPACKED / 1024 / 1024} MB，不像是一份名册，请检查文件或分成几个文件导入`);
  return Math.max(sheets, 1);
}

/**
 * exceljs' streaming reader loses the workbook part when several worksheets come
 * before the shared strings (it parks them in temporary files and its zip loop then
 * ends before xl/workbook.xml: "Cannot read properties of undefined (reading
 * 'sheets')"), which is how exceljs itself writes a workbook of many sheets (a
 * 核定表 of the whole bureau). With one sheet parked it happens too, now and then on
 * a busy machine (about 1 read in 150 under load; the CI run of stop 18 failed on it).
 * Such a workbook is repacked with the workbook, its relations, shared strings and
 * styles first, so nothing is ever parked; the unpacked size is already bounded by
 * MAX_UNPACKED. A workbook in a good order is read as it is.
 */
export function inReadableOrder(bytes: Uint8Array): Uint8Array {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch {
    throw new LedgerError(NOT_XLSX);
  }
  const sheets = names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  const firstSheet = names.indexOf(sheets[0] ?? '');
  const late = ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/_rels/workbook.xml.rels'].some((n) => names.indexOf(n) > firstSheet);
  if (!sheets.length || !late) return bytes;
  const parts = unzipSync(bytes);
  const rank = (n: string) => (n === 'xl/_rels/workbook.xml.rels' ? 0 : n === 'xl/workbook.xml' ? 1 : n === 'xl/sharedStrings.xml' ? 2 : n === 'xl/styles.xml' ? 3 : sheets.includes(n) ? 5 : 4);
  const ordered: Record<string, Uint8Array> = {};
  for (const n of Object.keys(parts).sort((a, b) => rank(a) - rank(b) || names.indexOf(a) - names.indexOf(b))) ordered[n] = parts[n]!;
  return zipSync(ordered, { level: 0 });
}

interface HeaderPick {
  headerRow: number;
  columns: Record<string, number>;
  unknown: string[];
}

function pickHeader(head: ExcelJS.Row[], spec: SheetSpec): HeaderPick | null {
  const lookup = new Map<string, string>();
  for (const [k, names] of Object.entries(spec.variants)) for (const n of names) lookup.set(normalizeHeader(n), k);
  let best: HeaderPick | null = null;
  for (const row of head) {
    const columns: Record<string, number> = {};
    const unknown: string[] = [];
    row.eachCell((cell, col) => {
      const r = readCell(cell.value, undefined, 200);
      const h = r.t === 'text' ? normalizeHeader(r.v) : r.t === 'number' ? String(r.v) : '';
      if (!h) return;
      const k = lookup.get(h);
      if (k && columns[k] === undefined) columns[k] = col;
      else if (!k) unknown.push(h);
    });
    if (Object.keys(columns).length > Object.keys(best?.columns ?? {}).length) best = { headerRow: row.number, columns, unknown };
  }
  if (!best) return null;
  const has = (k: string) => best!.columns[k] !== undefined;
  if (spec.requireAll && !spec.requireAll.every(has)) return null;
  if (spec.requireAny && !spec.requireAny.some(has)) return null;
  return best;
}

const MERGE = /<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

interface Range {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Copies the top-left value down a vertically merged column; marks every cell of a merged range. */
function applyMerges(rows: SheetRow[], ranges: Range[], columns: Record<string, number>): void {
  if (!ranges.length) return;
  const byNumber = new Map(rows.map((r) => [r.row, r]));
  const keyOfCol = new Map(Object.entries(columns).map(([k, c]) => [c, k]));
  for (const g of ranges) {
    const masterKey = keyOfCol.get(g.left);
    const masterReading = masterKey ? byNumber.get(g.top)?.cells[masterKey] : undefined;
    for (let r = g.top; r <= g.bottom; r++) {
      const row = byNumber.get(r);
      if (!row) continue;
      for (let c = g.left; c <= g.right; c++) {
        const k = keyOfCol.get(c);
        if (!k) continue;
        const master = r === g.top && c === g.left;
        const merge = { ref: g.ref, master, multiRow: g.bottom > g.top };
        const own = row.cells[k] ?? { t: 'empty' as const };
        row.cells[k] = !master && c === g.left && masterReading && own.t === 'empty' ? { ...masterReading, merge } : { ...own, merge };
      }
    }
  }
}

/**
 * Passes a sheet's XML through as text, counting bytes and collecting the <mergeCell>
 * ranges at its end. Decoding here (not chunk by chunk, as exceljs does) keeps a
 * Chinese character split across two chunks whole instead of two U+FFFD.
 */
async function* watch(source: AsyncIterable<Buffer | string>, seen: (n: number) => void, ranges: Range[]): AsyncGenerator<string> {
  let tail = '';
  const refs = new Set<string>();
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    seen(chunk.length);
    const decoded = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    const text = tail + decoded;
    if (text.includes('mergeCell')) {
      for (const m of text.matchAll(MERGE)) {
        const [left, top, right, bottom] = [colNumber(m[1]), Number(m[2]), colNumber(m[3]), Number(m[4])];
        const ref = `${m[1]}${m[2]}:${m[3]}${m[4]}`;
        if (!refs.has(ref)) refs.add(ref), ranges.push({ ref, top, left, bottom, right });
      }
    }
    tail = text.slice(-200);
    yield decoded;
  }
}

type Entry = { setEncoding(e: string): void };
type Parts = Record<'_parseRels' | '_parseWorkbook' | '_parseSharedStrings' | '_parseStyles', (entry: Entry) => unknown>;

type WorkbookReader = InstanceType<typeof ExcelJS.stream.xlsx.WorkbookReader>;
let Utf8Reader: (new (...args: ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>) => WorkbookReader) | undefined;

/**
 * exceljs' streaming reader with every part decoded as UTF-8 across chunk boundaries (shared strings hold the
 * Chinese text). Made on first use, so a process that never reads a workbook never loads exceljs.
 */
function utf8Reader(...args: ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>): WorkbookReader {
  if (!Utf8Reader) {
    class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}
    const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Parts;
    const own = Utf8WorkbookReader.prototype as unknown as Parts;
    for (const part of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles'] as const)
      own[part] = function (this: unknown, entry: Entry) {
        entry.setEncoding('utf8');
        return base[part].call(this, entry);
      };
    Utf8Reader = Utf8WorkbookReader;
  }
  return new Utf8Reader(...args);
}

export async function readSheet(bytes: Uint8Array, spec: SheetSpec, onProgress?: (p: ReadProgress) => void): Promise<SheetData | null> {
  const maxRows = spec.maxRows ?? MAX_ROWS;
  const maxCell = spec.maxCell ?? MAX_CELL;
  const totalBytes = sheetBytes(bytes);
  let readBytes = 0;
  let lastReport = 0;
  let rowsRead = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!onProgress || (!force && now - lastReport < 100)) return;
    lastReport = now;
    onProgress({ fraction: Math.min(1, readBytes / totalBytes), rows: rowsRead });
  };
  const input = inReadableOrder(bytes);
  const reader = utf8Reader(Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const found: SheetData[] = [];
  const result = (): SheetData | null => (found.length ? { ...found[0]!, more: found.slice(1) } : null);
  try {
    for await (const ws of reader) {
      const ranges: Range[] = [];
      const sheet = ws as unknown as { iterator: AsyncIterable<Buffer | string>; name: string };
      // The sheet's XML, decoded and watched (bytes for progress, merged ranges at its end).
      sheet.iterator = watch(sheet.iterator, (n) => ((readBytes += n), report()), ranges);
      const head: ExcelJS.Row[] = [];
      let pick: HeaderPick | null = null;
      let decided = false;
      const rows: SheetRow[] = [];
      let keyOfCol = new Map<number, string>();
      const take = (row: ExcelJS.Row) => {
        const cells: Record<string, CellReading> = {};
        let other: string | null = null;
        let any = false;
        row.eachCell((cell, col) => {
          const k = keyOfCol.get(col);
          if (k) {
            const r = readCell(cell.value, cell.numFmt, maxCell);
            if (r.t !== 'empty') (cells[k] = r), (any = true);
          } else if (other === null) {
            const r = readCell(cell.value, undefined, maxCell);
            if (r.t === 'text' || r.t === 'number') (other = cleanText(String(r.v)).slice(0, 100)), (any = true);
          }
        });
        if (!any) return;
        if (rows.length >= maxRows)
          throw new LedgerError(`工作表“${sheet.name}”的数据超过 ${maxRows} 行（第 ${row.number} 行起未读取），一次最多导入 ${maxRows} 行：请把文件分成几个后分批导入`);
        rows.push({ row: row.number, cells, other });
        rowsRead = rows.length;
      };
      const decide = () => {
        decided = true;
        pick = pickHeader(head, spec);
        if (pick) keyOfCol = new Map(Object.entries(pick.columns).map(([k, c]) => [c, k]));
        if (pick) for (const h of head) if (h.number > pick.headerRow) take(h);
      };
      for await (const row of ws) {
        if (!decided) {
          if (row.number <= 10) {
            head.push(row);
            continue;
          }
          decide();
        }
        // A sheet that does not qualify is read to its end all the same: leaving it half-read stalls the zip stream for the next sheet.
        if (pick) take(row);
      }
      if (!decided) decide();
      if (pick) {
        const p = pick as HeaderPick;
        applyMerges(rows, ranges, p.columns);
        report(true);
        const data = { sheetName: sheet.name, headerRow: p.headerRow, columns: p.columns, unknown: p.unknown, rows };
        if (!spec.allSheets) return data;
        found.push(data);
        continue;
      }
      if (spec.firstSheetOnly) return result();
    }
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw new LedgerError(NOT_XLSX);
  }
  return result();
}

export { columnLetter };
