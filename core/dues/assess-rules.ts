/**
 * 年度核定, the rules of one standard: the record as the API sees it, the
 * figures of a standard under the unit's settings, and the months a member owes
 * in a year. No writes. The parts the renderer applies too (default category,
 * rated categories, the pay-item base) are in common/dues-assess.ts.
 */
import { LedgerError } from '../errors.ts';
import { defaultCategory, hasPayItems, isRated, sumPayItems } from '../../common/dues-assess.ts';
import { calcDues, yuan, type DuesCategory } from './calc.ts';
import { calcOptions, type DuesSettings, type PayItem } from './settings.ts';
import { firstDueMonth, lastDueMonth } from './months.ts';
import type { DuesAssessmentsTable } from '../../db/schema.ts';

export { defaultCategory };

export interface Assessment {
  id: string;
  year: number;
  memberId: string;
  category: DuesCategory;
  items: Record<string, number>;
  baseFen: number;
  rateBasisPoints: number | null;
  monthlyDueFen: number;
  capApplied: boolean;
  rounding: string;
  fromMonth: string;
  hardshipRef: string | null;
  reason: string | null;
  fixedOn: string;
  fixedBy: string;
  approvedOn: string | null;
  approvedBy: string | null;
  note: string | null;
}

export interface AssessInput {
  memberId: string;
  category?: DuesCategory | null;
  /** pay items in 分; when given, the base is computed from the unit's item table */
  items?: Record<string, number> | null;
  /** the after-tax base in 分 when entered directly (e.g. 税后工资总额 from the pay office) */
  baseFen?: number | null;
  /** 困难减免: the approved monthly amount (0 = exempt) */
  reducedFen?: number | null;
  hardshipRef?: string | null;
  reason?: string | null;
  /** a mid-year change: the month the new pay was first received */
  fromMonth?: string | null;
  note?: string | null;
}

export function rowToAssessment(r: DuesAssessmentsTable): Assessment {
  return {
    id: r.id,
    year: r.year,
    memberId: r.member_id,
    category: r.category as DuesCategory,
    items: JSON.parse(r.items_json),
    baseFen: r.base_fen,
    rateBasisPoints: r.rate_bp,
    monthlyDueFen: r.monthly_due_fen,
    capApplied: r.cap_applied === 1,
    rounding: r.rounding,
    fromMonth: r.from_month,
    hardshipRef: r.hardship_ref,
    reason: r.reason,
    fixedOn: r.fixed_on,
    fixedBy: r.fixed_by,
    approvedOn: r.approved_on,
    approvedBy: r.approved_by,
    note: r.note,
  };
}

/** Base = included income items − included deductions (common/dues-assess.ts), refused when negative. */
export function computeBase(items: Record<string, number>, table: PayItem[]): { baseFen: number; counted: string[]; ignored: string[] } {
  const r = sumPayItems(items, table);
  if (!r.ok) throw new LedgerError(r.message, 'items');
  return { baseFen: r.baseFen, counted: r.counted, ignored: r.ignored };
}

function hasItems(i: AssessInput): boolean {
  return hasPayItems(i.items);
}

/**
 * The figures of one standard under the unit's settings, without saving.
 * `usual` is the category the member would otherwise pay under: a 困难减免
 * amount must be below what that gives (少交或免交, 2008 第七条).
 */
export function evaluate(input: AssessInput, category: DuesCategory, s: DuesSettings, usual?: DuesCategory) {
  const fixed = !isRated(category);
  let baseFen = input.baseFen ?? 0;
  if (hasItems(input)) baseFen = computeBase(input.items!, s.payItems).baseFen;
  else if (!fixed && (input.baseFen === null || input.baseFen === undefined)) throw new LedgerError('请填写工资项目或直接填写计算基数', 'baseFen');
  if (category === '困难减免' && !input.hardshipRef?.trim())
    throw new LedgerError(
      usual === '离退休'
        ? '离退休党员确有困难的，经党支部研究可以少交或免交（组电明字〔2017〕5号），请填写支部会议记录或批准文号'
        : '困难减免须经党支部研究、上级党委批准，请填写批准文号或会议记录',
      'hardshipRef',
    );
  const r = calcDues({ category, baseFen, reducedFen: input.reducedFen ?? 0 }, calcOptions(s, input.fromMonth));
  if (category === '困难减免' && usual && usual !== '困难减免' && r.monthlyDueFen > 0) {
    // the usual amount is known for fixed categories, or when a base was entered
    const baseKnown = !isRated(usual) || hasItems(input) || (input.baseFen ?? 0) > 0;
    const normal = calcDues({ category: usual, baseFen }, calcOptions(s, input.fromMonth)).monthlyDueFen;
    if (baseKnown && r.monthlyDueFen >= normal)
      throw new LedgerError(`减免后金额 ${yuan(r.monthlyDueFen)} 元应低于按规定应缴的 ${yuan(normal)} 元（困难党员可以少交或免交）`, 'reducedFen');
  }
  return r;
}

export interface MemberRow {
  id: string;
  name: string;
  category: string;
  join_date: string;
  left_type: string | null;
  left_date: string | null;
  dues_start?: string | null;
}

/** The months of `year` a member owes dues in, or null when none. */
export function owedSpan(m: MemberRow, year: number, s: DuesSettings): { from: string; to: string } | null {
  const first = firstDueMonth(m, s);
  const last = lastDueMonth(m);
  const from = first > `${year}-01` ? first : `${year}-01`;
  const to = last && last < `${year}-12` ? last : `${year}-12`;
  return from <= to ? { from, to } : null;
}

/** The standard in force for a month, from a member's rows of that year (sorted by fromMonth). */
export function standardFor<A extends Pick<Assessment, 'fromMonth'>>(rows: readonly A[] | undefined, month: string): A | null {
  let hit: A | null = null;
  for (const a of rows ?? []) if (a.fromMonth <= month) hit = a;
  return hit;
}
