/** Money on screen: integer 分 in, "1234.56" out; what the clerk types back to 分. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const a = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** "4321.87" → 432187; null for empty; NaN for text that is not an amount. */
export function toFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined || String(text).trim() === '') return null;
  const m = String(text).trim().replace(/,/g, '').match(/^(\d{1,13})(?:\.(\d{1,2}))?$/);
  if (!m) return NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function ratePercent(bp: number | null | undefined): string {
  return bp === null || bp === undefined ? '定额' : `${bp / 100}%`;
}

export const monthName = (m: string) => `${Number(m.slice(5, 7))}月`;

export function addMonthText(m: string, n: number): string {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
