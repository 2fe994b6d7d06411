/** What every figure of the 统计分析 page shares: the year asked for and the day it is counted up to. */

/** The day a year's figures are counted up to: the ledger's today within the year, its last day for a past year. */
export function asOfFor(year: number, today: string, asOf?: string): string {
  const end = `${year}-12-31`;
  const day = asOf ?? today;
  return day < end ? day : end;
}

/** 实收 / 应收 as a percentage with one decimal, null when nothing was due. */
export function pct(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

export const MONTHS_OF = (year: number): string[] => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
