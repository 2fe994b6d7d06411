/**
 * 缴纳类型 of a month's dues, apart from 缴纳方式 (现金/转账/代缴): it follows the
 * dates. Paid within its own month: 按月 (on time, never 补交); paid after its
 * month: 补交; paid before it: 预交. With the branch's consent a member may pay a
 * quarter at once (2008 规定 第十二条): months of the quarter the payment falls
 * in are then 按季, months outside it still follow their dates.
 * Used by core/dues (what is stored) and the 登记党费 dialog (what it shows).
 */
import { monthLabel } from './labels.ts';

export const PAY_KINDS = ['按月', '按季', '补交', '预交'] as const;
export type PayKind = (typeof PAY_KINDS)[number];

/** Method of a payment recorded before 缴纳方式 and 缴纳类型 were told apart, when it was a type (按季/补交/预交). */
export const UNRECORDED_METHOD = '未记录';

const quarterOf = (m: string) => `${m.slice(0, 4)}Q${Math.floor((Number(m.slice(5, 7)) - 1) / 3)}`;

/** The type of paying `month` on `paidOn`; `quarterly`: the clerk chose 按季. */
export function payKindFor(month: string, paidOn: string, quarterly = false): PayKind {
  const paidMonth = paidOn.slice(0, 7);
  if (quarterly && quarterOf(month) === quarterOf(paidMonth)) return '按季';
  if (paidMonth > month) return '补交';
  if (paidMonth < month) return '预交';
  return '按月';
}

/**
 * Why a type the clerk chose does not fit the dates, in Chinese; null when it
 * fits. 按月 always fits (each month then follows its dates); 补交 needs every
 * month past; 预交 no month past and some month ahead; 按季 some month in the
 * payment's quarter.
 */
export function payKindProblem(chosen: PayKind, months: readonly string[], paidOn: string): string | null {
  const paidMonth = paidOn.slice(0, 7);
  for (const m of months) {
    if (chosen === '补交' && m >= paidMonth) return m === paidMonth ? `${monthLabel(m)}按期缴纳，不是补交` : `${monthLabel(m)}尚未过去，不是补交`;
    if (chosen === '预交' && m < paidMonth) return `${monthLabel(m)}已经过去，不是预交`;
  }
  // paying this month together with months ahead is a 预交 (this month itself is stored as 按月)
  if (chosen === '预交' && months.length && months.every((m) => m <= paidMonth))
    return months.length === 1 ? `${monthLabel(months[0])}按期缴纳，不是预交` : '所选月份都不是以后的月份，不是预交';
  if (chosen === '按季' && !months.some((m) => quarterOf(m) === quarterOf(paidMonth))) return '所选月份都不在缴纳日期所在的季度，不是按季缴纳';
  return null;
}

/** The type to propose for a month before the clerk says anything: the one its dates give. */
export function suggestedPayKind(months: readonly string[], paidOn: string): PayKind {
  const kinds = new Set(months.map((m) => payKindFor(m, paidOn)));
  return kinds.size === 1 ? [...kinds][0] : '按月';
}
