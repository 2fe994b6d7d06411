/** Reading clerk-made workbooks: headers matched loosely, cells turned into plain text and ISO dates. */
import ExcelJS from 'exceljs';
import { isValidIsoDate } from './validate.ts';
import { fmt } from './dates.ts';
import { LedgerError } from './errors.ts';
import { normalizeHeader } from './xlsx/headers.ts';

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

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return fmt(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text).trim();
    if ('error' in v) return '';
  }
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return String(v).trim();
}

/** A date cell as ISO; null for empty; throws a reason for text that is not a whole date. */
export function cellDate(v: ExcelJS.CellValue): string | null {
  if (v instanceof Date) return fmt(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number' && v > 1000 && v < 80000) {
    // An Excel serial day number typed into a text-formatted cell.
    const d = new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86400000);
    return fmt(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const s = cellText(v);
  if (!s) return null;
  const m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (m) {
    const iso = fmt(Number(m[1]), Number(m[2]), Number(m[3]));
    if (isValidIsoDate(iso)) return iso;
  }
  if (/^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$/.test(s)) throw new Error(`“${s}”只到月份，请填写到日（如 2001-07-01）`);
  throw new Error(`“${s}”不是有效日期（应如 2001-07-01）`);
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
