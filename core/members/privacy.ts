/**
 * 公民身份号码 on screen: masked by default (110105********0037: the first 6 and
 * last 4 digits), revealed for one record on request with a log line, and kept
 * unchanged when a form sends the masked value back. Search and uniqueness work
 * on the stored full number; only what leaves through a handler is masked.
 * Documents that need the number print it unless the unit masks it per document.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import type { Tx } from '../audit/service.ts';

/** First 6, then stars, last 4; 18 digits give 8 stars. Too short to keep anything: all stars. */
export function maskIdNumber(value: string): string;
export function maskIdNumber(value: string | null): string | null;
export function maskIdNumber(value: string | null): string | null {
  if (!value) return value;
  const s = value.trim();
  if (s.includes('*')) return s;
  if (s.length <= 10) return '*'.repeat(s.length);
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

export const isMaskedIdNumber = (value: string): boolean => value.includes('*');

/** Any 15- or 18-character ID number inside free text (summaries, labels, log values). */
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{6})(\d{5}|\d{8})(\d{3}[\dXx]|\d{4})(?![0-9A-Za-z])/g;
export const maskIdsInText = (text: string): string => text.replace(ID_IN_TEXT, (_m, a: string, mid: string, z: string) => `${a}${'*'.repeat(mid.length)}${z}`);

/** Masks every ID number in a JSON value: fields named idNumber / id_number and IDs inside strings. */
export function maskIdsDeep<T>(value: T): T;
export function maskIdsDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskIdsInText(value);
  if (Array.isArray(value)) return value.map((v) => maskIdsDeep(v));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = (k === 'idNumber' || k === 'id_number') && typeof v === 'string' ? maskIdNumber(v) : maskIdsDeep(v);
    return out;
  }
  return value;
}

export function maskMember<T extends { idNumber: string }>(m: T): T {
  return { ...m, idNumber: maskIdNumber(m.idNumber) };
}

/**
 * The number to store when a form comes back: the stored one when the clerk left the
 * masked value untouched; a masked value that differs means a half-edited mask.
 */
export function resolveIdNumber(input: string, stored: string): string {
  if (!isMaskedIdNumber(input)) return input;
  if (input.trim() === maskIdNumber(stored)) return stored;
  throw new LedgerError('“公民身份号码”只改了部分数字，请先点“显示”再修改完整号码', 'idNumber');
}

/** Documents that print the full number unless the unit chooses to mask it there. */
export const ID_MASK_KEYS = {
  roster: 'documents.maskId.roster',
  transferLetter: 'documents.maskId.transferLetter',
} as const;
export type IdMaskDocument = keyof typeof ID_MASK_KEYS;

export const idMaskSettingDefaults = { [ID_MASK_KEYS.roster]: false, [ID_MASK_KEYS.transferLetter]: false };

/** The number as a document prints it, per that document's setting. */
export async function idNumberFor(tx: Tx, doc: IdMaskDocument, idNumber: string): Promise<string> {
  return (await getSetting<boolean>(tx, ID_MASK_KEYS[doc])) === true ? maskIdNumber(idNumber) : idNumber;
}

/** The full number of one record, with a line in the operation log saying who looked. */
export async function revealIdNumber(ctx: Ctx, table: 'members' | 'development_files', id: string): Promise<{ idNumber: string }> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom(table).select(['name', 'id_number']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new LedgerError('找不到该记录，可能已被删除');
    const whose = table === 'members' ? '党员' : '发展对象';
    await audit(tx, ctx, { entity: table, entityId: id, action: '查看', summary: `查看身份证号：${whose}“${row.name}”` });
    return { idNumber: row.id_number };
  });
}
