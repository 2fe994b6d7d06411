/**
 * The transfer rules as versioned data (transfer.md §4.2–4.3, common/rules.ts).
 * The national text fixes no validity; the default of 30 days and the 3-month
 * maximum are the commonest local practice ("市内 10 天, 市外 30 天, 最长不超过
 * 3 个月"). A unit's change is a new version in the setting `transfers.rules`,
 * effective from the day it was saved and with its own source ("本单位规定：…");
 * the national version is never overwritten.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { getSetting, setSetting } from '../settings/service.ts';
import { inForceOn, type Versioned } from '../../common/rules.ts';
import type { NumeralStyle } from './numerals.ts';

export interface TransferRuleValues {
  /** Validity printed on a new letter unless the clerk changes it. */
  validityDaysDefault: number;
  /** Longest validity accepted (local rule; cross-province practice allows up to 180). */
  validityDaysMax: number;
  /** The receiving 基层党委 returns the receipt within this many months of receiving the member. */
  receiptMonths: number;
}

export type TransferVersion = Versioned<TransferRuleValues>;

export const NATIONAL_TRANSFER_RULES: TransferVersion = {
  version: '组通字〔2006〕45号',
  effectiveFrom: '2007-01-01',
  source: '组通字〔2006〕45号 介绍信填写说明；中组发〔2004〕10号；有效期为地方惯例（市内 10 天、市外 30 天、最长不超过 3 个月）',
  verified: true,
  values: { validityDaysDefault: 30, validityDaysMax: 90, receiptMonths: 1 },
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
  // The unit's own versions, oldest first (the national one is built in).
  [SETTING_KEYS.rules]: [],
  [SETTING_KEYS.contact]: { address: '', phone: '', fax: '', postcode: '' } satisfies CommitteeContact,
  // 填写使用说明: the dues month and the validity "均要采用大写的数字表示，以免涂改" (壹贰叁); 'chinese' (一二三) is a unit's choice.
  [SETTING_KEYS.numeralStyle]: 'financial' satisfies NumeralStyle,
  // {year} and {seq} (zero-padded to 3) are replaced: 2026 + 7 → "2026007".
  [SETTING_KEYS.letterNoPattern]: '{year}{seq}',
};

/**
 * The unit's versions from the setting. Before versions, the setting held one object with the
 * national source and `version: '本单位设置'`, `effectiveOn`: it becomes the unit's first version.
 */
export function unitTransferVersions(stored: unknown): TransferVersion[] {
  if (Array.isArray(stored)) return stored as TransferVersion[];
  if (!stored || typeof stored !== 'object') return [];
  const old = stored as Partial<TransferRuleValues> & { version?: string; effectiveOn?: string };
  if (old.version !== '本单位设置') return [];
  const n = NATIONAL_TRANSFER_RULES.values;
  return [unitVersion(1, old.effectiveOn ?? NATIONAL_TRANSFER_RULES.effectiveFrom, { ...n, validityDaysDefault: old.validityDaysDefault ?? n.validityDaysDefault, validityDaysMax: old.validityDaysMax ?? n.validityDaysMax })];
}

function unitVersion(n: number, effectiveFrom: string, values: TransferRuleValues): TransferVersion {
  return {
    version: `本单位第${n}版`,
    effectiveFrom,
    source: `本单位规定：介绍信默认有效期 ${values.validityDaysDefault} 天，最长不超过 ${values.validityDaysMax} 天`,
    verified: true,
    values,
  };
}

/** Every version: the national one, then the unit's, oldest first. */
export async function transferVersions(tx: Tx): Promise<TransferVersion[]> {
  return [NATIONAL_TRANSFER_RULES, ...unitTransferVersions(await getSetting<unknown>(tx, SETTING_KEYS.rules))];
}

/** The version in force on a day (none: the latest). */
export async function transferVersion(tx: Tx, day?: string | null): Promise<TransferVersion> {
  return inForceOn(await transferVersions(tx), day ?? '9999-12-31');
}

/** The numbers in force on a day (none: the latest version's). */
export async function transferRules(tx: Tx, day?: string | null): Promise<TransferRuleValues> {
  return (await transferVersion(tx, day)).values;
}

/**
 * A unit's change of the validity: a new version from `today` with its own source (a second
 * change on the same day corrects that day's version); nothing is added when nothing changes.
 */
export async function saveUnitTransferRules(tx: Tx, ctx: Ctx, change: Pick<TransferRuleValues, 'validityDaysDefault' | 'validityDaysMax'>): Promise<void> {
  const unit = unitTransferVersions(await getSetting<unknown>(tx, SETTING_KEYS.rules));
  const today = ctx.platform.today();
  const current = inForceOn([NATIONAL_TRANSFER_RULES, ...unit], today).values;
  const values = { ...current, validityDaysDefault: change.validityDaysDefault, validityDaysMax: Math.max(change.validityDaysMax, change.validityDaysDefault) };
  if (values.validityDaysDefault === current.validityDaysDefault && values.validityDaysMax === current.validityDaysMax) return;
  const kept = unit.filter((v) => v.effectiveFrom !== today);
  await setSetting(tx, ctx, SETTING_KEYS.rules, [...kept, unitVersion(kept.length + 1, today, values)]);
}

/** Where 单位设置 keeps the 党委's address block (written by org/settings-save). */
export const CONTACT_SETTING_KEYS: Record<keyof CommitteeContact, string> = {
  address: 'org.committeeAddress',
  phone: 'org.committeePhone',
  fax: 'org.committeeFax',
  postcode: 'org.committeePostcode',
};

export const CONTACT_LABELS: Record<keyof CommitteeContact, string> = { address: '通讯地址', phone: '联系电话', fax: '传真', postcode: '邮编' };

/**
 * The 党委's address block from 单位设置; a field not filled there falls back to the one a ledger
 * kept in the former 介绍信设置 (`transfers.committeeContact`), so an older ledger prints as before.
 */
export async function committeeContact(tx: Tx): Promise<CommitteeContact> {
  const legacy = { address: '', phone: '', fax: '', postcode: '', ...(await getSetting<Partial<CommitteeContact>>(tx, SETTING_KEYS.contact)) };
  const out = { ...legacy };
  for (const k of Object.keys(CONTACT_SETTING_KEYS) as (keyof CommitteeContact)[]) {
    const v = await getSetting<string>(tx, CONTACT_SETTING_KEYS[k]);
    if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  }
  return out;
}

/**
 * What the clerk is told before printing a letter whose address block is incomplete: the receipt
 * is mailed (address, postcode) or answered by phone, so these blank are worth a second look; the
 * fax is often not kept and is left blank without a word.
 */
export function contactWarnings(c: CommitteeContact): string[] {
  const missing = (['address', 'phone', 'postcode'] as const).filter((k) => !c[k].trim()).map((k) => CONTACT_LABELS[k]);
  return missing.length ? [`单位设置中未填写${missing.join('、')}，介绍信上将留空。`] : [];
}

export async function numeralStyle(tx: Tx): Promise<NumeralStyle> {
  const s = await getSetting<string>(tx, SETTING_KEYS.numeralStyle);
  return s === 'chinese' ? 'chinese' : 'financial';
}

export function formatLetterNo(pattern: string, year: number, seq: number): string {
  return (pattern || '{year}{seq}').replace('{year}', String(year)).replace('{seq}', String(seq).padStart(3, '0'));
}
