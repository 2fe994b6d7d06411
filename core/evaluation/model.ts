/** 民主评议党员: the steps, the shapes the handlers return, the field labels and the settings. */
import type { Grade } from './rules.ts';

export const STEPS = ['个人自评', '党员互评', '民主测评'] as const;
export type Step = (typeof STEPS)[number];

export type Votes = Record<Grade, number>;

export interface RatingLine {
  memberId: string;
  name: string;
  partyStatus: '正式' | '预备';
  grade: Grade | null;
  tookPart: boolean;
  absenceReason: string | null;
  votes: Votes | null;
  problems: string | null;
  /** "预备党员，不定等次" for a 预备党员, the grade, "未参加（…）" or "未评定" */
  result: string;
}

export interface EvaluationFigures {
  formalMembers: number;
  probationary: number;
  ratings: Record<Grade, number>;
  excellentLimit: number;
  /** formal members who took part and have no grade yet */
  unrated: number;
  absent: number;
}

export interface EvaluationView extends EvaluationFigures {
  id: string | null;
  year: number;
  branchId: string;
  branch: string;
  activityId: string | null;
  heldOn: string | null;
  ballotsIssued: number | null;
  ballotsReturned: number | null;
  ballotsInvalid: number | null;
  ballotsBlank: number | null;
  steps: { step: Step; done: boolean; note: string | null }[];
  note: string | null;
  scheme: { version: string; source: string; verified: boolean; grades: readonly Grade[]; excellentShare: { numerator: number; denominator: number }; excellentBasis: string; baseBasis: string; probationaryBasis: string };
  lines: RatingLine[];
  findings: string[];
}

export const evaluationLabels = {
  year: '年度',
  branchId: '党支部',
  branch: '党支部',
  activityId: '民主评议党员会议',
  heldOn: '评议日期',
  ballotsIssued: '发出测评表',
  ballotsReturned: '收回测评表',
  ballotsInvalid: '无效测评表',
  ballotsBlank: '空白测评表',
  steps: '评议步骤',
  step: '步骤',
  done: '已完成',
  note: '备注',
  ratings: '评议等次',
  memberId: '党员',
  grade: '等次',
  tookPart: '参加评议',
  absenceReason: '未参加原因',
  votes: '测评票数',
  problems: '存在问题',
  优秀: '优秀票数',
  合格: '合格票数',
  基本合格: '基本合格票数',
  不合格: '不合格票数',
};

export const evaluationSettingDefaults = {
  /** how the summary sentence names those evaluated: 评议党员98名 */
  'evaluation.memberWord': '党员',
};
