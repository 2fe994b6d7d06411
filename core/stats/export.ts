/** The numbers behind one chart of the 统计分析 page as an .xlsx (templates/stats-sheet.ts). */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { chineseDate, monthLabel } from '../../common/labels.ts';
import {
  ATTENDANCE_COLUMNS,
  ATTENDANCE_TYPE_COLUMNS,
  DUES_DETAIL_COLUMNS,
  DUES_RATE_COLUMNS,
  FUNNEL_COLUMNS,
  HEAT_COLUMNS,
  HEAT_DETAIL_COLUMNS,
  STRUCTURE_COLUMNS,
  statsWorkbook,
  type StatsSheet,
} from '../../templates/stats-sheet.ts';
import { duesStats } from './dues.ts';
import { complianceHeat } from './compliance.ts';
import { attendanceStats } from './attendance.ts';
import { developmentStats } from './development.ts';
import { memberStructure } from './members.ts';
import { pct } from './common.ts';

export const CHARTS = ['dues', 'compliance', 'attendance', 'development', 'members'] as const;
export type ChartKey = (typeof CHARTS)[number];

export const CHART_TITLES: Record<ChartKey, string> = {
  dues: '党费收缴率统计表',
  compliance: '组织生活开展情况热力图数据',
  attendance: '组织生活出席率统计表',
  development: '发展党员各阶段人数统计表',
  members: '党员队伍结构统计表',
};

const spread = <T>(values: readonly T[]) => Object.fromEntries(values.map((v, i) => [`m${i + 1}`, v]));

async function sheetsOf(ctx: Ctx, chart: ChartKey, year: number, asOf: string | undefined, subtitle: (day: string) => string): Promise<{ asOf: string; sheets: StatsSheet[] }> {
  const title = `${year}年度${CHART_TITLES[chart]}`;
  switch (chart) {
    case 'dues': {
      const s = await duesStats(ctx, year, asOf);
      const sub = subtitle(s.asOf);
      return {
        asOf: s.asOf,
        sheets: [
          {
            name: '收缴率',
            title,
            subtitle: sub,
            columns: DUES_RATE_COLUMNS,
            rows: s.branches.map((b, i) => ({ no: i + 1, branch: b.branch, ...spread(b.months.map((m) => m.rate)), dueFen: b.dueFen, paidFen: b.paidFen, rate: b.rate })),
            footerRows: [{ no: null, branch: '合计', ...spread(s.total.months.map((m) => m.rate)), dueFen: s.total.dueFen, paidFen: s.total.paidFen, rate: s.total.rate }],
            notes: ['收缴率 = 实缴金额 ÷ 应缴金额（按党费收缴表中各党员应缴的月份计）；尚未到来的月份和未核定标准的月份不计。', ...(s.unassessed ? [`本年度尚有 ${s.unassessed} 名党员未核定党费标准。`] : [])],
          },
          {
            name: '按月明细',
            title: `${title}（按月明细）`,
            subtitle: sub,
            columns: DUES_DETAIL_COLUMNS,
            rows: s.branches.flatMap((b) => b.months.filter((m) => !m.future).map((m) => ({ branch: b.branch, month: monthLabel(m.month), owedCount: m.owedCount, paidCount: m.paidCount, dueFen: m.dueFen, paidFen: m.paidFen, rate: m.rate }))),
          },
        ],
      };
    }
    case 'compliance': {
      const h = await complianceHeat(ctx, year, asOf);
      const sub = subtitle(h.asOf);
      const cell = new Map(h.cells.map((c) => [`${c.orgId}|${c.month}`, c]));
      const names = new Map(h.orgs.map((o) => [o.id, o.name]));
      return {
        asOf: h.asOf,
        sheets: [
          {
            name: '开展情况',
            title,
            subtitle: sub,
            columns: HEAT_COLUMNS,
            rows: h.orgs.map((o, i) => ({ no: i + 1, org: o.name, ...spread(h.months.map((m) => cell.get(`${o.id}|${m}`)?.statusLabel ?? '—')) })),
            notes: ['每月显示当月到期的各项要求：每月的活动在当月，每季度的在季末月，每年的在12月；取其中最差的情况。'],
          },
          {
            name: '逐项明细',
            title: `${title}（逐项明细）`,
            subtitle: sub,
            columns: HEAT_DETAIL_COLUMNS,
            rows: h.cells.flatMap((c) =>
              c.items.map((it) => ({ org: names.get(c.orgId) ?? '', month: monthLabel(c.month), item: it.label, period: it.periodLabel, status: h.statusLabels[it.status], records: it.activityIds.length, detail: it.detail ?? '' })),
            ),
          },
        ],
      };
    }
    case 'attendance': {
      const a = await attendanceStats(ctx, year, asOf);
      const sub = subtitle(a.asOf);
      return {
        asOf: a.asOf,
        sheets: [
          {
            name: '出席率',
            title,
            subtitle: sub,
            columns: ATTENDANCE_COLUMNS,
            rows: a.orgs.map((o, i) => ({ no: i + 1, org: o.name, meetings: o.meetings, due: o.due, present: o.present, rate: o.rate, ...spread(o.months.map((m) => m.rate)) })),
            footerRows: [{ no: null, org: '合计', meetings: a.total.meetings, due: a.total.due, present: a.total.present, rate: a.total.rate }],
            notes: ['出席率 = 实到人次 ÷ 应到人次；应到为会议记录的应到名单，实到为其中“出席”的人员。'],
          },
          {
            name: '按活动类型',
            title: `${title}（按活动类型）`,
            subtitle: sub,
            columns: ATTENDANCE_TYPE_COLUMNS,
            rows: a.orgs.flatMap((o) => o.byType.map((t) => ({ org: o.name, type: t.type, meetings: t.meetings, due: t.due, present: t.present, rate: t.rate }))),
          },
        ],
      };
    }
    case 'development': {
      const d = await developmentStats(ctx, year, asOf);
      return {
        asOf: d.asOf,
        sheets: [
          {
            name: '各阶段人数',
            title,
            subtitle: subtitle(d.asOf),
            columns: FUNNEL_COLUMNS,
            rows: d.stages.map((s, i) => ({ no: i + 1, stage: s.stage, reached: s.reached, current: s.current, enteredInYear: s.enteredInYear })),
            notes: [`共 ${d.files} 份发展档案，其中已终止 ${d.left} 份（累计达到人数含已终止的）。`],
          },
        ],
      };
    }
    case 'members': {
      const m = await memberStructure(ctx, year, asOf);
      return {
        asOf: m.asOf,
        sheets: [
          {
            name: '队伍结构',
            title,
            subtitle: subtitle(m.asOf),
            columns: STRUCTURE_COLUMNS,
            rows: m.dimensions.flatMap((d) => d.bands.map((b, i) => ({ dimension: i === 0 ? d.title : '', band: b.label, count: b.count, share: pct(b.count, m.total) }))),
            footerRows: [{ dimension: '合计', band: '', count: m.total, share: m.total ? 100 : null }],
            notes: [`统计截至当日在册党员 ${m.total} 人。`, ...m.dimensions.flatMap((d) => (d.missingText ? [d.missingText] : []))],
          },
        ],
      };
    }
  }
}

export async function exportChart(ctx: Ctx, chart: ChartKey, year: number, asOf?: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const { sheets } = await sheetsOf(ctx, chart, year, asOf, (day) => `填报单位：${unit}　　统计截至：${chineseDate(day)}`);
  return { fileName: `${year}年度${CHART_TITLES[chart]}.xlsx`, bytes: await statsWorkbook(sheets) };
}
