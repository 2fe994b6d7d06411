/**
 * The pure rules of 年度核定 that the screen and the ledger apply alike: which
 * category a member pays under by default, which categories take a rate on a
 * base, and the base as the sum of the unit's pay items (never negative).
 */
import type { DuesCategory } from './enums.ts';

/** Categories whose dues are a rate on the after-tax base; every other one is a fixed amount. */
export const RATED_CATEGORIES: readonly DuesCategory[] = ['在职', '离退休'];

export function isRated(category: string): boolean {
  return (RATED_CATEGORIES as readonly string[]).includes(category);
}

/** Member categories that are also dues categories; 其他 (and anything unknown) pays under the in-service brackets. */
const SAME_AS_MEMBER: readonly DuesCategory[] = ['在职', '离退休', '学生', '下岗失业', '低保', '农民'];

/** The dues category a member's 人员类别 suggests. */
export function defaultCategory(memberCategory: string): DuesCategory {
  return (SAME_AS_MEMBER as readonly string[]).includes(memberCategory) ? (memberCategory as DuesCategory) : '在职';
}

/** One row of the unit's pay-item table, as far as the base is concerned. */
export interface PayItemRule {
  name: string;
  /** income adds to the base, deduction is subtracted */
  kind: 'income' | 'deduction';
  include: boolean;
}

export type PayItemSum =
  | { ok: true; baseFen: number; counted: string[]; ignored: string[] }
  /** `item`: the item whose amount is not a non-negative amount; absent when the deductions exceed the income */
  | { ok: false; message: string; item?: string };

/** Whether any pay item carries an amount. */
export function hasPayItems(items: Record<string, number> | null | undefined): boolean {
  return !!items && Object.values(items).some((v) => v > 0);
}

/** Base = included income items − included deductions; unknown or excluded items are kept but not counted. */
export function sumPayItems(items: Record<string, number>, table: readonly PayItemRule[]): PayItemSum {
  const byName = new Map(table.map((t) => [t.name, t]));
  let base = 0;
  const counted: string[] = [];
  const ignored: string[] = [];
  for (const [name, fen] of Object.entries(items)) {
    if (!Number.isSafeInteger(fen) || fen < 0) return { ok: false, message: `工资项目“${name}”的金额应为非负金额`, item: name };
    const t = byName.get(name);
    if (!t || !t.include) {
      if (fen) ignored.push(name);
      continue;
    }
    base += t.kind === 'income' ? fen : -fen;
    counted.push(name);
  }
  if (base < 0) return { ok: false, message: '扣除项目合计大于应计工资项目，计算基数不能为负数' };
  return { ok: true, baseFen: base, counted, ignored };
}
