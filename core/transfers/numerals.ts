/**
 * Chinese numerals for the 介绍信. The filling rules (组通字〔2006〕45号) ask for
 * the dues-paid-to month and the validity days in capital numerals (大写) so
 * that they cannot be altered: "贰零贰陆年壹拾壹月", "叁拾天" — the 'financial'
 * style, the default. The plain 'chinese' style ("二〇二六年十一月", "三十天")
 * is kept as a unit setting, and writes the letter's date in either case
 * ("二〇二六年十一月二十八日"), which the rules do not ask to be 大写.
 * Pure functions, no dependencies.
 */

export type NumeralStyle = 'chinese' | 'financial';

const DIGITS: Record<NumeralStyle, string[]> = {
  chinese: ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
  financial: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
};
const UNITS: Record<NumeralStyle, { ten: string; hundred: string; thousand: string; zero: string }> = {
  chinese: { ten: '十', hundred: '百', thousand: '千', zero: '零' },
  financial: { ten: '拾', hundred: '佰', thousand: '仟', zero: '零' },
};

/** A year digit by digit: 2026 → 二〇二六 (贰零贰陆 in the financial style). */
export function yearNumerals(year: number, style: NumeralStyle = 'chinese'): string {
  if (!Number.isInteger(year) || year < 0) throw new RangeError(`not a year: ${year}`);
  return String(year)
    .split('')
    .map((d) => DIGITS[style][Number(d)])
    .join('');
}

/**
 * A count as read aloud, 0–9999: 30 → 三十, 10 → 十, 15 → 十五, 105 → 一百零五.
 * In the financial style ten keeps its digit (10 → 壹拾), as cheques write it.
 */
export function countNumerals(n: number, style: NumeralStyle = 'chinese'): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`out of range: ${n}`);
  const d = DIGITS[style];
  const u = UNITS[style];
  if (n === 0) return style === 'chinese' ? '零' : d[0];
  const places: [number, string][] = [
    [Math.floor(n / 1000), u.thousand],
    [Math.floor(n / 100) % 10, u.hundred],
    [Math.floor(n / 10) % 10, u.ten],
    [n % 10, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [digit, unit] of places) {
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += u.zero;
    pendingZero = false;
    // 十五, not 一十五, when the count starts with the tens (chinese style only).
    const skipOne = style === 'chinese' && unit === u.ten && digit === 1 && out === '';
    out += (skipOne ? '' : d[digit]) + unit;
  }
  return out;
}

function isoParts(iso: string): [number, number, number | null] {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date or month: ${iso}`);
  return [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null];
}

/** 2026-11 (or 2026-11-28) → 二〇二六年十一月 */
export function monthNumerals(isoMonth: string, style: NumeralStyle = 'chinese'): string {
  const [y, m] = isoParts(isoMonth);
  return `${yearNumerals(y, style)}年${countNumerals(m, style)}月`;
}

/** 2026-11-28 → 二〇二六年十一月二十八日 */
export function dateNumerals(isoDate: string, style: NumeralStyle = 'chinese'): string {
  const [y, m, d] = isoParts(isoDate);
  if (d === null) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${yearNumerals(y, style)}年${countNumerals(m, style)}月${countNumerals(d, style)}日`;
}

/** 30 → 三十天 */
export function daysNumerals(days: number, style: NumeralStyle = 'chinese'): string {
  return `${countNumerals(days, style)}天`;
}
