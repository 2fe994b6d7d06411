/** 公民身份号码 (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check digit. */
import { isValidIsoDate } from '../validate.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Returns null when valid, else a Chinese reason. */
export function idNumberProblem(raw: string): string | null {
  const s = normalizeIdNumber(raw);
  if (s.length !== 18) return `应为 18 位（现为 ${s.length} 位）`;
  if (!/^\d{17}[\dX]$/.test(s)) return '前 17 位应为数字，末位为数字或 X';
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isValidIsoDate(birth)) return `其中的出生日期 ${birth} 无效`;
  if (idCheckDigit(s.slice(0, 17)) !== s[17]) return '校验码不正确，请核对号码';
  return null;
}

/** Full-width digits and Ｘ as ASCII, every space (U+3000, NBSP included) removed, x as X. */
export function normalizeIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '').toUpperCase();
}

export function birthDateFromId(s: string): string {
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
}

/** 男 when the 17th digit is odd. */
export function genderFromId(s: string): '男' | '女' {
  return Number(s[16]) % 2 === 1 ? '男' : '女';
}

export function makeIdNumber(region: string, birth: string, seq: number, male: boolean): string {
  let order = seq % 1000;
  if ((order % 2 === 1) !== male) order = (order + 1) % 1000;
  const first17 = `${region}${birth.replaceAll('-', '')}${String(order).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}
