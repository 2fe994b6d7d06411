/**
 * 政治理论测试: the kinds of test, marks and scores in tenths of a point, and the
 * arithmetic a summary quotes (../shared/reference/study.md 8.6): the average
 * rounded half-up to one decimal and the pass rate, in integer arithmetic, so
 * that 97.55 is 97.6 (JavaScript's toFixed gives 97.5) and 97.549 is 97.5.
 */
export const TEST_KINDS = ['全员普测', '集中抽测', '补考'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

/** Defaults of a test's marks (no source gives a pass mark: 60 of 100, study.md 8.4). */
export const DEFAULT_PASS = 60;
export const DEFAULT_FULL = 100;

export const testSettingDefaults = {
  'tests.passMark': DEFAULT_PASS,
  'tests.fullMark': DEFAULT_FULL,
  /** how the summary sentence names the participants: 全局共99名民警参加全员普测… */
  'tests.participantWord': '民警',
};

/** Points as tenths (97.5 → 975); null when the value has more than one decimal. */
export function toTenths(points: number): number | null {
  const t = Math.round(points * 10);
  return Math.abs(points * 10 - t) < 1e-6 ? t : null;
}

/** Tenths as points for display and JSON (975 → 97.5). */
export const points = (tenths: number): number => tenths / 10;

/** n/d rounded half-up to a whole number, for non-negative integers (floor((2n + d) / 2d)). */
export function divHalfUp(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

/** The average of scores in tenths, as points to one decimal, half-up; null without scores. */
export function averageOf(tenths: readonly number[]): number | null {
  if (!tenths.length) return null;
  const sum = tenths.reduce((a, b) => a + b, 0);
  return divHalfUp(sum, tenths.length) / 10;
}

/**
 * An average already computed to more places (97.55, 97.549), rounded once, half-up, to one decimal,
 * through its decimal digits rather than binary arithmetic.
 */
export function roundAverage(value: number): number {
  const [whole, frac = ''] = String(value).split('.');
  const digits = (frac + '00').slice(0, 2);
  const tenths = Number(whole) * 10 + Number(digits[0]) + (Number(digits[1]) >= 5 ? 1 : 0);
  return tenths / 10;
}

/** Passed of participants as a percentage to one decimal (98 of 99 → 99); null without participants. */
export function passRateOf(passed: number, participants: number): number | null {
  return participants ? divHalfUp(passed * 1000, participants) / 10 : null;
}

/** 100 → "100%", 99 → "99.0%", null → "—" (never 100% for no one). */
export function percentText(rate: number | null): string {
  if (rate === null) return '—';
  return rate === 100 ? '100%' : `${rate.toFixed(1)}%`;
}

/** 97.6 → "97.6", 98 → "98.0", null → "—". */
export function averageText(avg: number | null): string {
  return avg === null ? '—' : avg.toFixed(1);
}

/** A score as shown: 95 → "95", 97.5 → "97.5". */
export const scoreText = (tenths: number): string => (tenths % 10 ? (tenths / 10).toFixed(1) : String(tenths / 10));

export interface TestRow {
  id: string;
  name: string;
  testDate: string;
  kind: TestKind;
  passMark: number;
  fullMark: number;
  drawId: string | null;
  sourceFile: string | null;
  note: string | null;
  participants: number;
  passed: number;
  passRate: number | null;
  average: number | null;
}

export interface ResultRow {
  id: string;
  row: number;
  memberId: string | null;
  isMember: boolean;
  name: string;
  department: string | null;
  branchId: string | null;
  branch: string | null;
  policeNo: string | null;
  score: number;
  passed: boolean;
  /** 补考: the earlier failed attempt */
  firstAttempt: { resultId: string; testId: string; testName: string; testDate: string; score: number } | null;
  /** a failed result: the 补考 that followed, if any */
  retake: { resultId: string; testId: string; testName: string; testDate: string; score: number; passed: boolean } | null;
}

export const testLabels = {
  name: '测试名称',
  date: '测试日期',
  kind: '测试类型',
  pass: '合格分数线',
  full: '满分',
  testId: '测试',
  year: '年份',
  fromTestId: '从哪次测试中抽取',
  scope: '抽取范围',
  count: '抽取人数',
  seed: '随机种子',
  drawId: '抽测名单',
  resolve: '未匹配人员的处理',
  row: '行号',
  memberId: '党员',
  department: '部门',
  note: '备注',
};
