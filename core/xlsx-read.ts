/**
 * Helpers for a workbook loaded whole in this thread. A file the clerk uploads is
 * read with `readWorkbook` (core/xlsx/parse.ts) instead: streamed, bounded, in a
 * worker, each cell read faithfully (core/xlsx/cells.ts, which these helpers use).
 */
import ExcelJS from 'exceljs';
import { LedgerError } from './errors.ts';
import { normalizeHeader } from './xlsx/headers.ts';
import { dateOf, readCell, textOf } from './xlsx/cells.ts';

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new LedgerError('无法读取该文件：请选择 Excel 工作簿（.xlsx）；旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx');
  }
  return wb;
}

export { columnLetter, normalizeHeader } from './xlsx/headers.ts';

/** Plain text of a cell of a workbook already loaded (headers, small generated files); a formula without a result is ''. */
export function cellText(v: ExcelJS.CellValue): string {
  const r = textOf(readCell(v, undefined, Number.MAX_SAFE_INTEGER));
  return r.ok ? r.value : '';
}

/** A date cell as ISO; null for empty; throws the reason for anything that is not a whole date (never reads a number as a serial). */
export function cellDate(v: ExcelJS.CellValue): string | null {
  const r = dateOf(readCell(v, undefined, Number.MAX_SAFE_INTEGER));
  if (!r.ok) throw new Error(r.problem);
  return r.value;
}

export interface HeaderMatch<K extends string> {
  headerRow: number;
  columns: Partial<Record<K, number>>;
  unknown: string[];
}

/** Finds the header row (within the first 10 rows) that names the most known fields. */
export function matchHeaders<K extends string>(sheet: ExcelJS.Worksheet, variants: Record<K, string[]>): HeaderMatch<K> | null {
  let best: HeaderMatch<K> | null = null;
  let bestCount = 0;
  const lookup = new Map<string, K>();
  for (const [k, names] of Object.entries(variants) as [K, string[]][]) for (const n of names) lookup.set(normalizeHeader(n), k);
  for (let r = 1; r <= Math.min(10, sheet.rowCount); r++) {
    const columns: Partial<Record<K, number>> = {};
    const unknown: string[] = [];
    sheet.getRow(r).eachCell((cell, col) => {
      const h = normalizeHeader(cellText(cell.value));
      if (!h) return;
      const k = lookup.get(h);
      if (k && columns[k] === undefined) columns[k] = col;
      else if (!k) unknown.push(h);
    });
    const n = Object.keys(columns).length;
    if (n > bestCount) {
      best = { headerRow: r, columns, unknown };
      bestCount = n;
    }
  }
  return best;
}
