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

export interface Visit {
  id: string;
  visitOn: string;
  personKind: PersonKind;
  memberId: string | null;
  /** the member visited or whose family was visited */
  memberName: string | null;
  branch: string | null;
  personName: string;
  relation: string | null;
  reason: CareReason;
  circumstances: string | null;
  visitors: string;
  amountFen: number;
  goods: string | null;
  fundSource: FundSource;
  approval: string | null;
  expenseId: string | null;
  note: string | null;
  /** 签收单 and other files attached */
  attachments: number;
}

export const careLabels = {
  visitOn: '慰问日期',
  personKind: '慰问对象类别',
  memberId: '党员',
  personName: '慰问对象姓名',
  relation: '与党员关系',
  reason: '慰问类别',
  circumstances: '困难情况',
  visitors: '慰问人',
  amountFen: '慰问金额',
  goods: '慰问品',
  fundSource: '资金来源',
  approval: '审批（会议纪要号）',
  from: '开始日期',
  to: '结束日期',
};

export const careSettingDefaults = {};
