/**
 * 民主评议党员 rules as versioned data (../shared/reference/evaluation.md 9.1, 9.6). The grade scheme
 * changed over time: the current one has four grades (优秀, 合格, 基本合格, 不合格) [S Q7]; a 2018 local
 * rule used three (优秀, 合格, 不合格) [S V4] and older schemes 好/中/差 — the "Contradiction" paragraph
 * of 9.1. So the scheme is a list of versions, each with its source and whether it was checked, read
 * with `inForceOn`; the one-third limit is part of the version ("一般" in the texts: a warning, never a
 * block). Old grades of another scheme are mapped on import with a warning (`LEGACY_GRADES`).
 */
import type { Versioned } from '../../common/rules.ts';
import { inForceOn } from '../../common/rules.ts';

export const GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeSchemeValues {
  grades: readonly Grade[];
  /** 优秀 × denominator ≤ numerator × formal members: 1/3 */
  excellentShare: { numerator: number; denominator: number };
  excellentBasis: string;
  /** what the base of the limit is */
  baseBasis: string;
  probationaryBasis: string;
  /** the words written for a 预备党员 on the 测评表 and the results */
  probationaryMark: string;
}

export type GradeScheme = Versioned<GradeSchemeValues>;

const PROBATIONARY_MARK = '预备党员，不定等次';

export const GRADE_SCHEMES: readonly GradeScheme[] = [
  {
    version: '2018-三等次',
    effectiveFrom: '2018-01-01',
    // evaluation.md 9.1 [S V4]
    source: '2018年一地方规定：优秀、合格、不合格三个等次；已被四个等次取代，仅用于识别旧数据',
    verified: false,
    values: {
      grades: ['优秀', '合格', '不合格'],
      excellentShare: { numerator: 1, denominator: 3 },
      excellentBasis: '评为优秀的党员一般不超过党员总数的三分之一',
      baseBasis: '党员总数指组织关系在本支部的正式党员，预备党员不计入',
      probationaryBasis: '预备党员参加评议，不宜评为优秀',
      probationaryMark: PROBATIONARY_MARK,
    },
  },
  {
    version: '四等次',
    effectiveFrom: '2019-01-01',
    // evaluation.md 9.1 [S V2, Q7, Q19]
    source: '《中国共产党支部工作条例（试行）》《中国共产党党员教育管理工作条例》；民主评议党员等次：优秀、合格、基本合格、不合格',
    verified: false,
    values: {
      grades: GRADES,
      excellentShare: { numerator: 1, denominator: 3 },
      excellentBasis: '评为优秀的党员一般不超过党员总数的三分之一',
      baseBasis: '党员总数指组织关系在本支部的正式党员，预备党员不计入基数',
      probationaryBasis: '预备党员参加评议，可以评议其他党员，但不确定等次',
      probationaryMark: PROBATIONARY_MARK,
    },
  },
];

/** The scheme that judges an evaluation held on a day. */
export function gradeSchemeOn(day: string): GradeScheme {
  return inForceOn(GRADE_SCHEMES, day);
}

/** Grades of older schemes as the current scheme reads them, with the warning an import shows. */
export const LEGACY_GRADES: Record<string, { grade: Grade; warning: string }> = {
  好: { grade: '优秀', warning: '旧等次“好”按“优秀”导入' },
  中: { grade: '合格', warning: '旧等次“中”按“合格”导入' },
  差: { grade: '不合格', warning: '旧等次“差”按“不合格”导入' },
  称职: { grade: '合格', warning: '旧等次“称职”按“合格”导入' },
};

/** The most 优秀 the base allows: floor(formal × n / d), in integers (9 → 3, 10 → 3, 3 → 1). */
export function excellentLimit(formal: number, scheme: GradeScheme): number {
  const { numerator, denominator } = scheme.values.excellentShare;
  return Math.floor((formal * numerator) / denominator);
}

/** The one-third warning, or null when the count is within the limit (the bound inclusive: 3 of 9 is allowed). */
export function excellentWarning(excellent: number, formal: number, scheme: GradeScheme): string | null {
  const { numerator, denominator } = scheme.values.excellentShare;
  if (excellent * denominator <= formal * numerator) return null;
  const limit = excellentLimit(formal, scheme);
  return `评为优秀${excellent}名，超过正式党员${formal}名的三分之一（最多${limit}名）：${scheme.values.excellentBasis}`;
}
