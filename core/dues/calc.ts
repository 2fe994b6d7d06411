/**
 * The dues formula, pure: no database, no settings lookup. Money is integer 分
 * throughout; the rate is in basis points (150 = 1.5%).
 *
 * Rules (中组发〔2008〕3号 第二、六、七条; 组电明字〔2017〕5号):
 * - whole-amount rate (全额累进): the bracket's rate applies to the whole base;
 * - a boundary belongs to the lower bracket ("以下（含）"): 3000.00 → 0.5%;
 * - in-service: ≤3000 0.5%, ≤5000 1%, ≤10000 1.5%, above 2%;
 * - retired (basic pension only, 2017): ≤5000 0.5%, above 1%;
 * - students, laid-off, 抚恤/救济, 低保: 0.20 元; farmers: set by the province;
 * - hardship (困难减免): a reduced amount or nothing, with the approval reference;
 * - 2017 cap: generally ≤ 1000 元 a month (configurable, on by default);
 * - rounding after rate × base, half-up to 分 (default) or 角.
 *
 * The numbers are a versioned record (NATIONAL_DUES); the formula takes the
 * numbers of the version in force for the month assessed.
 */

import type { Versioned } from '../../common/rules.ts';
import type { DuesCategory } from '../../common/enums.ts';
import { MAX_FEN } from '../../common/money.ts';
export { DUES_CATEGORIES, type DuesCategory } from '../../common/enums.ts';

export type Rounding = 'fen' | 'jiao';

export interface Bracket {
  /** Inclusive upper bound of the base in 分; null for the open top bracket. */
  upToFen: number | null;
  rateBasisPoints: number;
}

/** The numbers of the dues rules: brackets, the monthly cap, the fixed amounts and the rounding. */
export interface DuesRules {
  inService: Bracket[];
  retired: Bracket[];
  rounding: Rounding;
  capEnabled: boolean;
  /** Monthly cap in 分 (1000 元 = 100000). */
  capFen: number;
  /** Fixed monthly amount for 学生 / 下岗失业 / 低保 (0.20 元). */
  fixedLowFen: number;
  /** Fixed monthly amount for 农民党员 (province sets 0.2–1 元). */
  farmerFen: number;
}

/** One version of the dues rules (common/rules.ts); a unit's own settings are a further version (settings.ts). */
export type DuesVersion = Versioned<DuesRules>;

/**
 * The national rules: 中组部《关于中国共产党党费收缴、使用和管理的规定》(中组发〔2008〕3号,
 * in force 2008-04-01) 第二条 brackets and 第六条 fixed amounts, with the 2017 cap of
 * 组电明字〔2017〕5号 ("一般不超过 1000 元"). Rounding is not set nationally; 分 is the default.
 */
export const NATIONAL_DUES: DuesVersion = {
  version: '2008-2017',
  effectiveFrom: '2008-04-01',
  source: '中组部《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）第二、六条；每月一般不超过 1000 元：组电明字〔2017〕5号',
  verified: true,
  values: {
    inService: [
      { upToFen: 300_000, rateBasisPoints: 50 },
      { upToFen: 500_000, rateBasisPoints: 100 },
      { upToFen: 1_000_000, rateBasisPoints: 150 },
      { upToFen: null, rateBasisPoints: 200 },
    ],
    retired: [
      { upToFen: 500_000, rateBasisPoints: 50 },
      { upToFen: null, rateBasisPoints: 100 },
    ],
    rounding: 'fen',
    capEnabled: true,
    capFen: 100_000,
    fixedLowFen: 20,
    farmerFen: 20,
  },
};

/** The national versions, oldest first (no revision after 2008/2017 was found: reference dues.md §1.1). */
export const NATIONAL_DUES_VERSIONS: readonly DuesVersion[] = [NATIONAL_DUES];

/** What the formula needs: the numbers of the version in force for the month assessed. */
export type CalcOptions = DuesRules;

export const DEFAULT_CALC: CalcOptions = NATIONAL_DUES.values;

export interface CalcInput {
  category: DuesCategory;
  /** Monthly after-tax base in 分 (ignored for fixed amounts, still reported). */
  baseFen: number;
  /** 困难减免 only: the approved reduced amount (0 = exempt). */
  reducedFen?: number;
}

export interface CalcResult {
  baseFen: number;
  /** null for fixed amounts. */
  rateBasisPoints: number | null;
  monthlyDueFen: number;
  capApplied: boolean;
}

/** Largest amount in 分 the app accepts (a 2^51 guard, common/money.ts). */
export { MAX_FEN };

export function assertFen(n: number, what = '金额'): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_FEN) throw new RangeError(`${what}应为非负整数分`);
}

export function rateFor(brackets: Bracket[], baseFen: number): number {
  for (const b of brackets) if (b.upToFen === null || baseFen <= b.upToFen) return b.rateBasisPoints;
  return brackets[brackets.length - 1].rateBasisPoints;
}

/**
 * base (分) × rate (万分之) rounded half-up to 分 or 角, in integers only:
 * the exact product is baseFen × bp / 10000 分.
 */
export function applyRate(baseFen: number, bp: number, rounding: Rounding): number {
  const num = BigInt(baseFen) * BigInt(bp);
  const unit = rounding === 'jiao' ? 100_000n : 10_000n;
  const q = (num + unit / 2n) / unit;
  return Number(rounding === 'jiao' ? q * 10n : q);
}

export function calcDues(input: CalcInput, opts: CalcOptions = DEFAULT_CALC): CalcResult {
  const baseFen = input.baseFen;
  assertFen(baseFen, '计算基数');
  const fixed = (fen: number): CalcResult => ({ baseFen, rateBasisPoints: null, monthlyDueFen: fen, capApplied: false });
  switch (input.category) {
    case '学生':
    case '下岗失业':
    case '低保':
      return fixed(opts.fixedLowFen);
    case '农民':
      return fixed(opts.farmerFen);
    case '困难减免': {
      const r = input.reducedFen ?? 0;
      assertFen(r, '减免后金额');
      return fixed(r);
    }
    case '在职':
    case '离退休': {
      const bp = rateFor(input.category === '在职' ? opts.inService : opts.retired, baseFen);
      const raw = applyRate(baseFen, bp, opts.rounding);
      const capApplied = opts.capEnabled && raw > opts.capFen;
      return { baseFen, rateBasisPoints: bp, monthlyDueFen: capApplied ? opts.capFen : raw, capApplied };
    }
  }
}

// Money text (元 ↔ 分) is side-agnostic: common/money.ts; re-exported for the core's importers.
export { parseYuan, ratePercent, yuan } from '../../common/money.ts';
