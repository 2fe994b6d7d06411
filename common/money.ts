/**
 * Money as the ledger keeps it: integer 分 everywhere, converted to 元 text only
 * for display and documents, and back to 分 only when the clerk's typing is parsed.
 */

/** Largest amount in 分 the app accepts (a 2^51 guard, well inside Number.MAX_SAFE_INTEGER). */
export const MAX_FEN = 2 ** 51;

/** 432187 → "4321.87"; '' for a missing amount. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const a = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** "4321.87" → 432187; null for text that is not an amount (more than two decimals, signs, letters). Commas are ignored. */
export function parseYuan(s: string | number): number | null {
  const m = String(s).trim().replace(/,/g, '').match(/^(\d{1,13})(?:\.(\d{1,2}))?$/);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** What the clerk typed in an amount field: null when left empty, NaN when it is not an amount. */
export function toFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  return parseYuan(text) ?? NaN;
}

/** 150 (basis points) → "1.5%"; a fixed amount (no rate) → "定额". */
export function ratePercent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '定额';
  return `${(bp / 100).toString()}%`;
}
