/** The month's 党建工作提醒 as a .docx (templates/monthly-notice.ts lays it out): a preview with the next 文号, or issued. */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { monthlyNoticeDocument } from '../../templates/monthly-notice.ts';
import { noticePreview, type NoticeOrg, type NoticePreview } from './compose.ts';
import { issueNoticeTx, yearPlan, type IssuedNotice } from './service.ts';
import { themeDayPlanDocument } from '../../templates/theme-day-plan.ts';
import { committeeName } from '../study/export.ts';

const lineText = (o: NoticeOrg) => o.lines.map((l) => `${l.topic}：${l.text}`);

function documentOf(p: NoticePreview, docNo: string, issuedOn: string): Promise<Uint8Array> {
  const mon = Number(p.month.slice(5, 7));
  return monthlyNoticeDocument({
    committee: p.committee,
    docNo,
    heading: p.heading,
    addressee: '各党支部',
    intro: `为落实“三会一课”等党的组织生活制度，推动各项党建工作按时完成，根据组织生活日历和党费、发展党员、学时、整改等台账，现将${mon}月党建工作提醒如下，请各党支部对照落实。`,
    theme: p.theme,
    monthLabel: `${mon}月`,
    branches: p.branches.map((b) => ({ name: b.name, lines: lineText(b) })),
    party: lineText(p.party),
    requirements: [
      '各党支部书记要认真履行第一责任人职责，对照本提醒逐项落实，确保组织生活按时开展、记录完整规范。',
      `组织生活开展后及时在台账中登记；党费请于${p.duesBy}收齐。未能按时完成的，请于月底前向党委说明原因。`,
    ],
    issuedOn,
    keep: p.people,
  });
}

export const noticeFileName = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月党建工作提醒.docx`;

/** The date of issue: today unless the clerk names an earlier day (a notice sent last week, recorded now). */
function issueDate(ctx: Ctx, on?: string | null): string {
  const today = ctx.platform.today();
  const day = on ?? today;
  if (day > today) throw new LedgerError(`发文日期 ${day} 晚于今天`, 'issuedOnDay');
  return day;
}

/** A preview document: the next 文号 printed, nothing consumed or recorded. */
export async function previewNoticeDocument(ctx: Ctx, month: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const p = await noticePreview(ctx, month);
  return { fileName: noticeFileName(month).replace('.docx', '（预览）.docx'), bytes: await documentOf(p, p.nextDocNo, ctx.platform.today()) };
}

/** Issues the month's notice: consumes the year's next 文号 and records it with the file's hash. */
export async function issueNotice(ctx: Ctx, month: string, on?: string | null): Promise<IssuedNotice & { bytes: Uint8Array }> {
  const issuedOn = issueDate(ctx, on);
  const p = await noticePreview(ctx, month);
  return issueNoticeTx(ctx, month, issuedOn, async (_tx: Tx, docNo) => ({ fileName: noticeFileName(month), bytes: await documentOf(p, docNo, issuedOn) }));
}

/** The year's 主题党日工作安排 as a document (the summary's "每月下发《主题党日工作安排》"); months without a theme read 未安排. */
export async function exportThemeDayPlan(ctx: Ctx, year: number): Promise<{ fileName: string; bytes: Uint8Array }> {
  const plan = await yearPlan(ctx.db, year);
  if (!plan.some((m) => m.theme)) throw new LedgerError(`${year}年尚未安排主题党日，请先逐月填写主题`, 'year');
  const today = ctx.platform.today();
  const bytes = await themeDayPlanDocument({
    heading: `${year}年主题党日工作安排`,
    addressee: '各党支部',
    intro: `根据《中国共产党支部工作条例（试行）》关于每月相对固定1天开展主题党日的要求，结合分局工作实际，现将${year}年主题党日工作安排如下，请各党支部结合实际认真组织实施。`,
    rows: plan.map((m) => [`${m.month}月`, m.theme ?? '未安排', m.content ?? '']),
    outro: ['各党支部要按月开展主题党日，做好活动记录并及时在台账中登记；上级另有部署的，按上级要求调整。'],
    signer: await committeeName(ctx),
    date: today,
  });
  return { fileName: `${year}年主题党日工作安排.docx`, bytes };
}
