/**
 * The dossier file of `party-ledger development check FILE.json`: its schema
 * (Chinese messages naming the field) and the conversion to the engine's input.
 */
import { z } from 'zod';
import { isoDate } from '../validate.ts';
import { describeZodError } from '../handler.ts';
import { LedgerError } from '../errors.ts';
import type { Dossier } from './engine.ts';

const count = z.number({ error: '应为人数' }).int('应为整数').min(0, '不能为负数');
const meeting = z.object({ due: count, present: count, for: count, writtenFor: count.optional() });

export const dossierSchema = z.object({
  birthDate: isoDate.optional(),
  steps: z
    .record(z.string(), isoDate)
    .default({})
    .superRefine((steps, c) => {
      for (const k of Object.keys(steps))
        if (!/^([1-9]|1\d|2[0-5])$/.test(k)) c.addIssue({ code: 'custom', path: [k], message: `步骤编号应为 1 至 25（不是“${k}”）` });
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
};

export function parseDossier(json: unknown): { dossier: Dossier; today: string | null; ruleVersion: string | null } {
  const r = dossierSchema.safeParse(json);
  if (!r.success) {
    const e = describeZodError(r.error, labels);
    throw new LedgerError(`档案文件有误：${e.message}（位置：${r.error.issues[0].path.join('.') || '根'}）`, e.field);
  }
  const f = r.data;
  const steps: Record<number, string> = {};
  for (const [k, v] of Object.entries(f.steps)) steps[Number(k)] = v;
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
      publicity: f.publicity ?? null,
    },
    today: f.today ?? null,
    ruleVersion: f.ruleVersion ?? null,
  };
}
