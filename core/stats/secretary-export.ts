/** The 基层组织建设重点指标完成情况统计表 as an .xlsx (templates/secretary-indicators.ts): the table, the 说明 and each cell's source. */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { chineseDate } from '../../common/labels.ts';
import { indicatorWorkbook } from '../../templates/secretary-indicators.ts';
import { INDICATOR_KEYS, indicatorValue, secretaryIndicators, type IndicatorRow } from './secretary.ts';

export async function exportSecretaryIndicators(ctx: Ctx, year: number, asOf?: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const s = await secretaryIndicators(ctx, year, asOf);
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const title = `${year}年度基层组织建设重点指标完成情况统计表`;
  const row = (r: IndicatorRow, no: number | null) => ({
    no, org: r.org, meetingsDue: r.meetingsDue, meetingsHeld: r.meetingsHeld, meetingsRate: r.meetingsRate, themeDue: r.themeDue, themeHeld: r.themeHeld,
    lifeMeeting: r.lifeMeeting, evaluation: r.evaluation, developmentPlan: r.developmentPlan, developmentDone: r.developmentDone, duesRate: r.duesRate,
    term: r.term, hoursRate: r.hoursRate, rectItems: r.rectItems, rectClosed: r.rectClosed, rectRate: r.rectRate, rectOverdue: r.rectOverdue,
  });
  const branches = s.rows.filter((r) => r.kind === '党支部');
  const committee = s.rows.filter((r) => r.kind === '党委');
  const bytes = await indicatorWorkbook({
    title,
    subtitle: `填报单位：${unit}　　统计截至：${chineseDate(s.asOf)}`,
    rows: branches.map((r, i) => row(r, i + 1)),
    footerRows: committee.map((r) => row(r, null)),
    notes: [
      '各项数据均取自本台账，口径见“说明”页，每一格的来源见“明细”页；比例保留一位小数。',
      `末行为党委：各党支部合计（整改为整改台账中的全部事项，含党委机关各部门的）。`,
      ...s.missing.map((m) => `${m}。`),
      '填表人：　　　　　　审核人：　　　　　　填报日期：',
    ],
    explain: s.indicators.map((x, i) => ({ no: i + 1, name: x.name, rule: x.rule, source: x.source })),
    details: s.rows.flatMap((r) => INDICATOR_KEYS.map((k) => ({ org: r.org, name: s.indicators.find((x) => x.key === k)!.name, value: indicatorValue(r, k), fact: r.notes[k] }))),
  });
  return { fileName: `${title}.xlsx`, bytes };
}
