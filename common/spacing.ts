/**
 * House style of the printed documents: no space between a digit and a Chinese
 * character ("26268.11元", "连续6个月"), the way a typist sets Chinese text
 * (GB/T 9704 gives none; the house style applies it in every document it sets).
 */
const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef';
const AFTER_DIGIT = new RegExp(`(?<=[0-9%])[ \\u00a0]+(?=[${CJK}])`, 'g');
const BEFORE_DIGIT = new RegExp(`(?<=[${CJK}])[ \\u00a0]+(?=[0-9])`, 'g');

export function tight(s: string): string {
  return s.replace(AFTER_DIGIT, '').replace(BEFORE_DIGIT, '');
}
