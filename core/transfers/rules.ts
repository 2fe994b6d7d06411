/**
 * The transfer rules as data (transfer.md §4.2–4.3), held in settings so a unit
 * can change them without a rebuild. The national text fixes no validity; the
 * default of 30 days and the 3-month maximum are the commonest local practice
 * ("市内 10 天, 市外 30 天, 最长不超过 3 个月").
 */
import type { Tx } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import type { NumeralStyle } from './numerals.ts';

export interface TransferRules {
  version: string;
  effectiveOn: string;
  source: string;
  /** Validity printed on a new letter unless the clerk changes it. */
  validityDaysDefault: number;
  /** Longest validity accepted (local rule; cross-province practice allows up to 180). */
  validityDaysMax: number;
  /** The receiving 基层党委 returns the receipt within this many months of receiving the member. */
  receiptMonths: number;
}

export const NATIONAL_TRANSFER_RULES: TransferRules = {
  version: '组通字〔2006〕45号',
  effectiveOn: '2007-01-01',
  source: '组通字〔2006〕45号 介绍信填写说明；中组发〔2004〕10号；有效期为地方惯例（市内 10 天、市外 30 天、最长不超过 3 个月）',
  validityDaysDefault: 30,
  validityDaysMax: 90,
  receiptMonths: 1,
};

/** The sending 基层党委's address block, printed on the 介绍信 (filled or stamped by the upper 党委). */
export interface CommitteeContact {
  address: string;
  phone: string;
  fax: string;
  postcode: string;
}

export const SETTING_KEYS = {
  rules: 'transfers.rules',
  contact: 'transfers.committeeContact',
  numeralStyle: 'transfers.numeralStyle',
  letterNoPattern: 'transfers.letterNoPattern',
} as const;

export const transferSettingDefaults = {
  [SETTING_KEYS.rules]: NATIONAL_TRANSFER_RULES,
  [SETTING_KEYS.contact]: { address: '', phone: '', fax: '', postcode: '' } satisfies CommitteeContact,
  // 填写使用说明: the dues month and the validity "均要采用大写的数字表示，以免涂改" (壹贰叁); 'chinese' (一二三) is a unit's choice.
  [SETTING_KEYS.numeralStyle]: 'financial' satisfies NumeralStyle,
  // {year} and {seq} (zero-padded to 3) are replaced: 2026 + 7 → "2026007".
  [SETTING_KEYS.letterNoPattern]: '{year}{seq}',
};

export async function transferRules(tx: Tx): Promise<TransferRules> {
  return { ...NATIONAL_TRANSFER_RULES, ...(await getSetting<Partial<TransferRules>>(tx, SETTING_KEYS.rules)) };
}

export async function committeeContact(tx: Tx): Promise<CommitteeContact> {
  return { address: '', phone: '', fax: '', postcode: '', ...(await getSetting<Partial<CommitteeContact>>(tx, SETTING_KEYS.contact)) };
}

export async function numeralStyle(tx: Tx): Promise<NumeralStyle> {
  const s = await getSetting<string>(tx, SETTING_KEYS.numeralStyle);
  return s === 'chinese' ? 'chinese' : 'financial';
}

export function formatLetterNo(pattern: string, year: number, seq: number): string {
  return (pattern || '{year}{seq}').replace('{year}', String(year)).replace('{seq}', String(seq).padStart(3, '0'));
}
