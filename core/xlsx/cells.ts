/**
 * What one spreadsheet cell holds, read faithfully. The streaming reader (in a
 * worker) turns each exceljs cell into a plain, cloneable `CellReading`; the
 * imports then ask for text, a date or a 公民身份号码 and get either the value or
 * the Chinese reason it cannot be read, never a guess ("[object Object]", a
 * number read as a date serial, an ID that lost its last digits).
 */
import type ExcelJS from 'exceljs';
import { daysInMonth, fmt } from '../../common/dates.ts';

export interface MergeInfo {
  /** The merged range, as in the file (B5:B6). */
  ref: string;
  /** This cell is the range's top-left cell, the one holding the value. */
  master: boolean;
  /** The range spans more than one row. */
  multiRow: boolean;
}

export type CellReading = (
  | { t: 'empty' }
  | { t: 'text'; v: string }
  | { t: 'number'; v: number }
  | { t: 'date'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'bad'; why: string }
) & { merge?: MergeInfo };

export type Read<T> = { ok: true; value: T } | { ok: false; problem: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (problem: string): Read<never> => ({ ok: false, problem });

/** Stray spaces (U+3000, NBSP, zero-width) become plain ones, runs collapse, ends are trimmed; line breaks stay. */
export function cleanText(s: string): string {
  return s
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Spaces between Chinese characters are alignment padding (张　三), not part of a name. */
export function compactCjk(s: string): string {
  return s.replace(/(?<=[\u3400-\u9fff·])\s+(?=[\u3400-\u9fff·])/g, '');
}

/** Full-width digits, letters and punctuation (０-９, Ｘ, －, ．) as ASCII; no spaces at all. */
export function halfWidthCompact(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');
}

const isDateFormat = (f: string | undefined) => !!f && /[ymdhsb]/i.test(f.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
const isoOf = (d: Date) => fmt(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** One exceljs cell as a reading; `maxLength` caps text so a huge cell is a problem, not a payload. */
export function readCell(value: ExcelJS.CellValue, numFmt: string | undefined, maxLength: number): CellReading {
  const v = value as unknown;
  if (v === null || v === undefined) return { t: 'empty' };
  if (typeof v === 'string') {
    if (v.length > maxLength) return { t: 'bad', why: `内容过长（${v.length} 字），一个单元格最多 ${maxLength} 字` };
    const s = cleanText(v);
    return s ? { t: 'text', v: s } : { t: 'empty' };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { t: 'bad', why: '是错误值，不是内容' };
    return { t: 'number', v };
  }
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { t: 'bad', why: '是无法识别的日期' } : { t: 'date', v: isoOf(v) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return readCell((o.richText as { text?: string | null }[]).map((r) => r.text ?? '').join(''), undefined, maxLength);
    if ('formula' in o || 'sharedFormula' in o) {
      const r = o.result;
      if (r === undefined || r === null || r === '') return { t: 'bad', why: '是公式，但文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存后重新导入，或把公式换成数值' };
      if (typeof r === 'object' && r !== null && 'error' in r) return { t: 'bad', why: `公式的结果是错误值 ${String((r as { error: unknown }).error)}` };
      // The streaming reader leaves a formula's date result as its serial number; the cell's format says it is a date.
      if (typeof r === 'number' && Number.isFinite(r) && isDateFormat(numFmt)) return readCell(new Date(Math.round((r - 25569) * 86400000)), undefined, maxLength);
      if (typeof r === 'number' && !Number.isFinite(r)) return { t: 'bad', why: '公式的结果是错误值' };
      return readCell(r as ExcelJS.CellValue, numFmt, maxLength);
    }
    if ('error' in o) return { t: 'bad', why: `是错误值 ${String(o.error)}` };
    if ('text' in o) return readCell(String(o.text ?? ''), undefined, maxLength);
    if ('sharedString' in o) return { t: 'bad', why: '引用的共享文字不存在，文件可能已损坏' };
  }
  return { t: 'bad', why: '内容无法识别' };
}

/** A number exactly as Excel would show it in a General cell, or a reason it lost digits. */
function numberText(n: number): Read<string> {
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return bad(`数字 ${n} 位数过多，已失去精度：请把该列设为文本后重新导出`);
  return ok(String(n));
}

/** Text of a cell for a text column; empty is ''. */
export function textOf(r: CellReading | undefined, opts: { compact?: boolean; halfWidth?: boolean } = {}): Read<string> {
  if (!r || r.t === 'empty') return ok('');
  switch (r.t) {
    case 'text':
      return ok(opts.halfWidth ? cleanText(r.v.normalize('NFKC')) : opts.compact ? compactCjk(r.v) : r.v);
    case 'number':
      return numberText(r.v);
    case 'date':
      return ok(r.v);
    case 'bool':
      return bad(`是逻辑值 ${r.v ? 'TRUE' : 'FALSE'}，不是文字`);
    case 'bad':
      return bad(r.why);
  }
}

const EXAMPLE = '（如 2001-07-01）';

/** A date column: a real date cell, or text with a full day (2001-07-01, 2001/7/1, 2001.07.01, 2001年7月1日, 20010701); null when empty. */
export function dateOf(r: CellReading | undefined): Read<string | null> {
  if (!r || r.t === 'empty') return ok(null);
  if (r.t === 'date') return ok(r.v);
  if (r.t === 'bad') return bad(r.why);
  if (r.t === 'bool') return bad(`是逻辑值 ${r.v ? 'TRUE' : 'FALSE'}，不是日期`);
  const shown = r.t === 'number' ? String(r.v) : r.v;
  const s = halfWidthCompact(shown);
  const full = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? ok(fmt(y, m, d)) : bad(`“${shown}”不是有效日期${EXAMPLE}`);
  }
  if (/^\d{4}[-/.年]\d{1,2}月?$/.test(s)) return bad(`“${shown}”只到月份，请填写到日${EXAMPLE}`);
  if (/^\d{4}年?$/.test(s)) return bad(`“${shown}”只有年份，请填写到日${EXAMPLE}`);
  if (r.t === 'number') return bad(`“${shown}”是数字，不是日期：请填写到日${EXAMPLE}或把单元格设为日期格式`);
  return bad(`“${shown}”不是有效日期${EXAMPLE}`);
}

/** 公民身份号码: text only (a number has already lost digits); full-width digits and spaces normalised. */
export function idNumberOf(r: CellReading | undefined): Read<string> {
  if (!r || r.t === 'empty') return ok('');
  if (r.t === 'number') return bad('身份证号被存成了数字，请把该列设为文本后重新导出');
  const t = textOf(r);
  return t.ok ? ok(halfWidthCompact(t.value).toUpperCase()) : t;
}

/** A reading holds something (not empty, even if unreadable). */
export const filled = (r: CellReading | undefined): boolean => !!r && r.t !== 'empty';
