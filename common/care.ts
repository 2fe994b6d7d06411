/**
 * 走访慰问 (../shared/reference/evaluation.md 9.5): who is visited, why, from which fund, and which
 * 党费 use a visit paid from 党费 is (中组发〔2008〕3号 第十九条: 补助生活困难的党员, aid after
 * natural disasters). A visit paid from 上级下拨党费 or 本级党费 is also a 党费使用 record.
 */
export const PERSON_KINDS = ['党员', '党员家属', '其他'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const CARE_REASONS = ['生活困难', '老党员', '因病', '因灾', '节日慰问（七一）', '节日慰问（春节）', '因公牺牲家属'] as const;
export type CareReason = (typeof CARE_REASONS)[number];

export const FUND_SOURCES = ['上级下拨党费', '本级党费', '工会', '行政'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** Whether the money comes from 党费 (and so is a 党费使用 record). */
export const fromDues = (f: string): boolean => f === '上级下拨党费' || f === '本级党费';

/** The 党费 purpose (EXPENSE_PURPOSES) a visit paid from 党费 is recorded under: 因灾 as aid to members hit by disaster, every other visit as 补助生活困难党员. */
export function duesPurposeOf(reason: string): '补助生活困难党员' | '补助受灾党员和修缮受灾党员教育设施' {
  return reason === '因灾' ? '补助受灾党员和修缮受灾党员教育设施' : '补助生活困难党员';
}
