/**
 * 党建工作提醒 (issue 15 item 4, ../shared/reference/rectification-summary.md 10.6): the monthly notice to the
 * branches and the year's 主题党日工作安排. Inputs, settings and labels.
 */
import { z } from 'zod';
import { optDate, optText, text, year } from '../validate.ts';

/** The 文号 reads `${prefix}〔${year}〕${n}号` (GB/T 9704: year in 六角括号, number without 第 or leading zeros). */
export const DOC_NO_PREFIX = 'notices.docNoPrefix';
/** The day of the month by which the branches collect the month's dues (null: by the month's end). */
export const DUES_DAY = 'notices.duesDay';

export const noticeSettingDefaults = {
  [DOC_NO_PREFIX]: '党委',
  [DUES_DAY]: null as number | null,
};

export const docNoOf = (prefix: string, year: number, n: number): string => `${prefix}〔${year}〕${n}号`;

export const planMonthInput = z.object({
  year,
  month: z.coerce.number({ error: '应为 1 至 12 的月份' }).int('应为 1 至 12 的月份').min(1, '应为 1 至 12 的月份').max(12, '应为 1 至 12 的月份'),
  theme: text(60),
  content: optText(500),
  docNo: optText(40),
  issuedOn: optDate,
});
export type PlanMonthInput = z.infer<typeof planMonthInput>;

export const noticeSettingsInput = z.object({
  docNoPrefix: text(30).refine((s) => !/[〔〕\[\]]/.test(s), { message: '只填机关代字（如“临江党委”），年份和序号由系统生成' }),
  duesDay: z.coerce.number({ error: '应为 1 至 28 的日期' }).int('应为 1 至 28 的日期').min(1, '应为 1 至 28 的日期').max(28, '应为 1 至 28 的日期').nullable(),
});

export const noticeLabels: Record<string, string> = {
  year: '年度', month: '月份', theme: '主题', content: '内容建议', docNo: '文号', issuedOn: '印发日期', docNoPrefix: '发文机关代字', duesDay: '党费收缴日',
  nextNo: '下一个序号', issuedOnDay: '发文日期', fileName: '文件名', sha256: '文件校验值', seq: '序号', from: '开始日期', to: '结束日期', id: '记录',
  [DOC_NO_PREFIX]: '发文机关代字', [DUES_DAY]: '党费收缴日',
};
