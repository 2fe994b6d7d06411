/** 走访慰问 records as the core hands them out; the kinds, reasons, funds and the 党费 purpose are in common/care.ts. */
import type { CareReason, FundSource, PersonKind } from '../../common/care.ts';

export { PERSON_KINDS, CARE_REASONS, FUND_SOURCES, fromDues, duesPurposeOf, type PersonKind, type CareReason, type FundSource } from '../../common/care.ts';

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
  expenseId: '党费使用记录',
  from: '开始日期',
  to: '结束日期',
};

export const careSettingDefaults = {};
