/**
 * A development file as the API sees it, the step record with its per-step
 * facts, and the translation of both into the rule engine's dossier.
 */
import { z } from 'zod';
import type { DevelopmentFilesTable, DevelopmentStepsTable } from '../../db/schema.ts';
import { isoDate, listOf, optDate, optText, ref, text } from '../validate.ts';
import type { Dossier, Meeting } from './engine.ts';
import { STAGE_TITLES, STEP, type StageTitle } from './steps.ts';

export const LEAVE_TYPES = ['撤回申请', '不再培养', '未被接收', '未被批准', '取消预备党员资格', '其他'] as const;
import { DEV_CATEGORIES as CATEGORIES } from '../../common/enums.ts';
export { DEV_CATEGORIES as CATEGORIES } from '../../common/enums.ts';

export interface IntroducerRecord {
  memberId: string | null;
  name: string;
  fullMemberSince: string | null;
  underProbation: boolean;
}

/** Facts some steps carry for the rules; every field optional, each step uses its own. */
export interface StepDetails {
  /** 6: dates of the branch's half-yearly assessments */
  assessments?: string[];
  /** 7: 公示 */
  publicityStart?: string | null;
  publicityEnd?: string | null;
  /** 9 */
  introducers?: IntroducerRecord[];
  /** 10: the written conclusion */
  conclusion?: string | null;
  /** 11 */
  trainingDays?: number;
  trainingHours?: number;
  /** 15, 23 */
  meeting?: Meeting & { against?: number; abstain?: number };
  /** 19 */
  groupId?: string | null;
  /** 5: contact persons */
  contacts?: string[];
}

export interface StepRecord {
  step: number;
  date: string;
  actor: string | null;
  outcome: string | null;
  documents: string[];
  details: StepDetails;
  note: string | null;
  enteredOn: string;
}

export interface DevFile {
  id: string;
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  nativePlace: string | null;
  education: string | null;
  category: string;
  workUnit: string | null;
  position: string | null;
  phone: string | null;
  branchId: string;
  branchName: string;
  memberId: string | null;
  extensionMonths: number | null;
  extensionDecidedOn: string | null;
  leftType: string | null;
  leftDate: string | null;
  leftReason: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export const fileLabels: Record<string, string> = {
  name: '姓名',
  ethnicity: '民族',
  idNumber: '公民身份号码',
  nativePlace: '籍贯',
  education: '学历',
  category: '人员类别',
  workUnit: '工作单位',
  position: '职务',
  phone: '联系电话',
  branchId: '所在支部',
  applicationDate: '递交入党申请书日期',
  step: '步骤',
  date: '日期',
  actor: '经办人',
  outcome: '结果',
  documents: '留存材料',
  months: '延长月数',
  decidedOn: '决定日期',
  leftType: '离开方式',
  leftDate: '离开日期',
  leftReason: '原因',
  version: '规则版本',
  activistAfterApplicationMonths: '递交申请后列为积极分子的月数',
  publicityWorkingDays: '公示工作日数',
  stage: '阶段',
  fileId: '发展档案',
  details: '步骤内容',
  assessments: '考察日期',
  publicityStart: '公示开始日期',
  publicityEnd: '公示结束日期',
  introducers: '入党介绍人',
  memberId: '党员',
  fullMemberSince: '转正日期',
  underProbation: '预备期内',
  conclusion: '政审结论',
  trainingDays: '培训天数',
  trainingHours: '培训学时',
  meeting: '支部大会',
  due: '应到人数',
  present: '实到人数',
  for: '赞成人数',
  writtenFor: '书面赞成人数',
  against: '反对人数',
  abstain: '弃权人数',
  secretBallot: '无记名投票',
  holidays: '放假日期',
  workdays: '调休上班日期',
  source: '依据',
  year: '年份',
  groupId: '党小组',
  contacts: '培养联系人',
  kind: '公示类别',
  start: '公示开始日期',
  days: '公示工作日数',
  contact: '联系方式',
  scope: '范围',
};

export const fileInputSchema = z.object({
  name: text(30),
  ethnicity: text(20).default('汉族'),
  idNumber: text(18),
  nativePlace: optText(30),
  education: optText(20),
  category: z.enum(CATEGORIES, { error: `应为 ${CATEGORIES.join('、')} 之一` }).default('在职'),
  workUnit: optText(60),
  position: optText(30),
  phone: optText(20),
  branchId: text(64),
  note: optText(500),
});
export type FileInput = z.output<typeof fileInputSchema>;

const count = z.number({ error: '应为人数' }).int('应为整数').min(0, '不能为负数').max(100_000, '人数过大');
export const meetingSchema = z.object({
  due: count.min(1, '至少 1 人'),
  present: count,
  for: count,
  writtenFor: count.optional(),
  against: count.optional(),
  abstain: count.optional(),
  /** 无记名投票 (2026.05, unverified); false: 举手; absent: not recorded. */
  secretBallot: z.boolean({ error: '应为是或否' }).optional(),
});

export const detailsSchema = z
  .object({
    assessments: listOf(isoDate, 100).optional(),
    publicityStart: optDate,
    publicityEnd: optDate,
    introducers: listOf(z.object({ memberId: ref.nullish().transform((v) => v ?? null), name: z.string().trim().max(30, '不能超过 30 字').default(''), fullMemberSince: optDate, underProbation: z.boolean().default(false) }), 10)
      .optional(),
    conclusion: optText(500),
    trainingDays: z.number().min(0, '不能为负数').max(365, '天数过大').optional(),
    trainingHours: z.number().min(0, '不能为负数').max(2000, '学时过大').optional(),
    meeting: meetingSchema.optional(),
    groupId: ref.nullish(),
    contacts: z.array(text(30)).max(2, '培养联系人为 1 至 2 名').optional(),
  })
  .prefault({});

export const stepInputSchema = z.object({
  fileId: text(64),
  step: z.number({ error: '应为 1 至 25' }).int().min(1, '应为 1 至 25').max(25, '应为 1 至 25'),
  date: isoDate,
  actor: optText(60),
  outcome: optText(60),
  documents: listOf(text(60), 100).default([]),
  details: detailsSchema,
  note: optText(500),
});
export type StepInput = z.output<typeof stepInputSchema>;

export function rowToFile(r: DevelopmentFilesTable & { branch_name: string }): DevFile {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    idNumber: r.id_number,
    nativePlace: r.native_place,
    education: r.education,
    category: r.category,
    workUnit: r.work_unit,
    position: r.position,
    phone: r.phone,
    branchId: r.branch_id,
    branchName: r.branch_name,
    memberId: r.member_id,
    extensionMonths: r.extension_months,
    extensionDecidedOn: r.extension_decided_on,
    leftType: r.left_type,
    leftDate: r.left_date,
    leftReason: r.left_reason,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function rowToStep(r: DevelopmentStepsTable): StepRecord {
  return {
    step: r.step,
    date: r.date,
    actor: r.actor,
    outcome: r.outcome,
    documents: JSON.parse(r.documents_json) as string[],
    details: JSON.parse(r.details_json) as StepDetails,
    note: r.note,
    enteredOn: r.entered_on,
  };
}

/** The stage a person has reached, from the steps recorded. */
export function stageOf(steps: Pick<StepRecord, 'step'>[]): StageTitle {
  const has = new Set(steps.map((s) => s.step));
  if (has.has(STEP.conversionApproval)) return STAGE_TITLES[4];
  if (has.has(STEP.branchMeeting)) return STAGE_TITLES[3];
  if (has.has(STEP.candidate)) return STAGE_TITLES[2];
  if (has.has(STEP.activist)) return STAGE_TITLES[1];
  return STAGE_TITLES[0];
}

/** What the rule engine needs, read off the file and its steps. */
export function dossierOf(f: Pick<DevFile, 'birthDate' | 'extensionMonths'>, steps: StepRecord[]): Dossier {
  const by = new Map(steps.map((s) => [s.step, s]));
  const d = (n: number) => by.get(n)?.details ?? {};
  const s6 = by.get(STEP.assessment);
  const training = by.get(STEP.training);
  const publicity = d(STEP.candidate);
  return {
    birthDate: f.birthDate,
    steps: Object.fromEntries(steps.map((s) => [s.step, s.date])),
    introducers: d(STEP.introducers).introducers?.map((i) => ({ name: i.name, fullMemberSince: i.fullMemberSince, underProbation: i.underProbation })),
    training: training ? { days: training.details.trainingDays ?? 0, hours: training.details.trainingHours ?? 0 } : null,
    politicalReviewConcluded: by.has(STEP.politicalReview),
    branchMeeting: d(STEP.branchMeeting).meeting ?? null,
    conversionMeeting: d(STEP.conversionMeeting).meeting ?? null,
    extensionMonths: f.extensionMonths,
    assessments: s6 ? [...new Set([s6.date, ...(s6.details.assessments ?? [])])].sort() : by.has(STEP.activist) ? [] : undefined,
    publicity: publicity.publicityStart && publicity.publicityEnd ? { start: publicity.publicityStart, end: publicity.publicityEnd } : null,
  };
}
