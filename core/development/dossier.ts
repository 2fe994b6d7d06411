/**
 * The dossier file of `party-ledger development check FILE.json`: its schema
 * (Chinese messages naming the field) and the conversion to the engine's input.
 */
import { z } from 'zod';
import { isoDate } from '../validate.ts';
import { describeZodError } from '../handler.ts';
import { LedgerError } from '../errors.ts';
import type { Dossier } from './engine.ts';
import type { HolidayYear } from '../../common/workdays.ts';

const count = z.number({ error: '应为人数' }).int('应为整数').min(0, '不能为负数');
const meeting = z.object({ due: count, present: count, for: count, writtenFor: count.optional(), secretBallot: z.boolean({ error: '应为 true 或 false' }).optional() });
const holidayYear = z.object({
  year: z.number().int('应为整数').min(2000, '应为 2000 至 2100 年').max(2100, '应为 2000 至 2100 年'),
  holidays: z.array(isoDate).default([]),
  workdays: z.array(isoDate).default([]),
  source: z.string().max(200, '不能超过 200 字').default('档案文件所附'),
});

/** 公示 start and end: steps "13a" and "13b" (第十三条 of the 2026 text). */
const NOTICE_START = '13a';
const NOTICE_END = '13b';

export const dossierSchema = z.object({
  birthDate: isoDate.optional(),
  steps: z
    .record(z.string(), isoDate)
    .default({})
    .superRefine((steps, c) => {
      for (const k of Object.keys(steps))
        if (!/^([1-9]|1\d|2[0-5]|13a|13b)$/.test(k)) c.addIssue({ code: 'custom', path: [k], message: `步骤编号应为 1 至 25，或 13a、13b（公示开始、结束日期；不是“${k}”）` });
      if (!steps[NOTICE_START] !== !steps[NOTICE_END]) c.addIssue({ code: 'custom', path: [steps[NOTICE_START] ? NOTICE_END : NOTICE_START], message: '公示开始日期（13a）和结束日期（13b）应同时填写' });
      else if (steps[NOTICE_START] && steps[NOTICE_END] < steps[NOTICE_START]) c.addIssue({ code: 'custom', path: [NOTICE_END], message: '公示结束日期（13b）早于开始日期（13a）' });
    }),
  introducers: z.array(z.object({ name: z.string().min(1, '不能为空'), fullMemberSince: isoDate.nullable(), underProbation: z.boolean().optional() })).optional(),
  training: z.object({ days: z.number().min(0, '不能为负数'), hours: z.number().min(0, '不能为负数') }).nullable().optional(),
  politicalReviewConcluded: z.boolean().optional(),
  branchMeeting: meeting.nullable().optional(),
  conversionMeeting: meeting.nullable().optional(),
  extensionMonths: z.number().int('应为整数').nullable().optional(),
  extensionCount: count.optional(),
  assessments: z.array(isoDate).optional(),
  publicity: z.object({ start: isoDate, end: isoDate }).nullable().optional(),
  /** Optional: years of 放假安排 beyond (or replacing) the ones the ledger ships. */
  calendar: z.array(holidayYear).max(50, '不超过 50 年').optional(),
  /** Optional: judge deadlines against this date (missing steps become overdue). */
  today: isoDate.optional(),
  /** Optional: '2014' (default) or '2026.05' (unverified). */
  ruleVersion: z.string().optional(),
});

export type DossierFile = z.output<typeof dossierSchema>;

const labels: Record<string, string> = {
  birthDate: '出生日期',
  steps: '步骤日期',
  introducers: '入党介绍人',
  fullMemberSince: '转正日期',
  training: '集中培训',
  politicalReviewConcluded: '政治审查结论',
  branchMeeting: '接收预备党员的支部大会',
  conversionMeeting: '讨论转正的支部大会',
  extensionMonths: '延长预备期月数',
  today: '今天',
  secretBallot: '无记名投票',
  calendar: '节假日安排',
};

export function parseDossier(json: unknown): { dossier: Dossier; today: string | null; ruleVersion: string | null; calendar: HolidayYear[] | null } {
  const r = dossierSchema.safeParse(json);
  if (!r.success) {
    const e = describeZodError(r.error, labels);
    throw new LedgerError(`档案文件有误：${e.message}（位置：${r.error.issues[0].path.join('.') || '根'}）`, e.field);
  }
  const f = r.data;
  const steps: Record<number, string> = {};
  for (const [k, v] of Object.entries(f.steps)) if (k !== NOTICE_START && k !== NOTICE_END) steps[Number(k)] = v;
  const start = f.steps[NOTICE_START];
  const end = f.steps[NOTICE_END];
  if (start && f.publicity && (f.publicity.start !== start || f.publicity.end !== end))
    throw new LedgerError('档案文件有误：公示日期在 steps 的 13a、13b 和 publicity 中不一致（位置：steps.13a）', 'publicity');
  return {
    dossier: {
      birthDate: f.birthDate ?? null,
      steps,
      introducers: f.introducers,
      training: f.training ?? null,
      politicalReviewConcluded: f.politicalReviewConcluded,
      branchMeeting: f.branchMeeting ?? null,
      conversionMeeting: f.conversionMeeting ?? null,
      extensionMonths: f.extensionMonths ?? null,
      extensionCount: f.extensionCount,
      assessments: f.assessments,
      publicity: start && end ? { start, end } : (f.publicity ?? null),
    },
    today: f.today ?? null,
    ruleVersion: f.ruleVersion ?? null,
    calendar: f.calendar ?? null,
  };
}
