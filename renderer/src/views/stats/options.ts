/**
 * ECharts options of the 统计分析 charts, built from the core's figures
 * (core/stats/*): pure functions, Chinese labels, sized for a card that is
 * readable at 1024×768. The empty states say what to do next.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { DuesStats } from '../../../../core/stats/dues';
import type { ComplianceHeat, HeatCell } from '../../../../core/stats/compliance';
import type { AttendanceStats } from '../../../../core/stats/attendance';
import type { DevelopmentStats } from '../../../../core/stats/development';
import type { MemberStructure } from '../../../../core/stats/members';
import { yuan } from '../../../../common/money';

export type { DuesStats, ComplianceHeat, HeatCell, AttendanceStats, DevelopmentStats, MemberStructure };

/** What an empty chart says, and the page that fixes it. */
export interface EmptyState {
  text: string;
  action?: { label: string; path: string };
}

const FONT = { fontFamily: 'system-ui, "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif' };
const pctText = (v: number | null) => (v === null ? '—' : `${v}%`);
/** 中共江城市公安局临江分局委员会 → 党委; a long branch name keeps its last characters. */
export const shortOrg = (name: string, kind?: string) => (kind === '党委' ? '党委' : name.length > 10 ? `${name.slice(0, 9)}…` : name);

/** A rate's colour: red under 80 %, orange under 95 %, green otherwise. */
export const rateColor = (v: number | null) => (v === null ? '#c0c4cc' : v < 80 ? '#f56c6c' : v < 95 ? '#e6a23c' : '#67c23a');

// ——— 党费收缴率 ———

export function duesEmpty(d: DuesStats): EmptyState | null {
  if (!d.assessed) return { text: '尚无党费记录：先在 年度核定 中核定党费', action: { label: '去年度核定', path: '/dues/assessment' } };
  if (!d.branches.length || d.total.dueFen === 0) return { text: '本年度还没有应缴的党费：在 党费收缴 中登记缴纳后这里显示收缴率', action: { label: '去党费收缴', path: '/dues/collection' } };
  return null;
}

/** `month`: '' for the year, else 'YYYY-MM'. */
export function duesOption(d: DuesStats, month = '', compact = false): EChartsCoreOption {
  const k = month ? d.months.indexOf(month) : -1;
  const fig = (b: DuesStats['branches'][number]) => (k >= 0 ? b.months[k] : b);
  const rows = d.branches.map((b) => ({ name: b.branch, f: fig(b) }));
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 48, top: compact ? 8 : 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const r = rows[ps[0].dataIndex];
        return `${r.name}<br/>收缴率 ${pctText(r.f.rate)}<br/>实缴 ${yuan(r.f.paidFen)} 元 / 应缴 ${yuan(r.f.dueFen)} 元`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => shortOrg(r.name)), axisLabel: { fontSize: 12 } },
    series: [
      {
        type: 'bar',
        name: '收缴率',
        barMaxWidth: 16,
        data: rows.map((r) => ({ value: r.f.rate ?? 0, itemStyle: { color: rateColor(r.f.rate) } })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => pctText(rows[p.dataIndex].f.rate), fontSize: 11 },
      },
    ],
  };
}

// ——— 组织生活开展情况热力图 ———

export const HEAT_STATUSES = ['held', 'held-late', 'quorum-not-met', 'due', 'missing', 'upcoming', 'before-start', 'n/a'] as const;
export const HEAT_COLORS: Record<string, string> = {
  held: '#95d475',
  'held-late': '#79bbff',
  'quorum-not-met': '#f89898',
  due: '#eebe77',
  missing: '#f56c6c',
  upcoming: '#e9e9eb',
  'before-start': '#dcdfe6',
  'n/a': '#f4f4f5',
};

export function heatEmpty(h: ComplianceHeat): EmptyState | null {
  if (!h.orgs.length || !h.cells.length) return { text: '尚无需要检查的党组织：先在 组织架构 中添加党支部', action: { label: '去组织架构', path: '/org' } };
  return null;
}

/** The heat map's data points: [month index, org index, status index], with the cell for a click. */
export function heatPoints(h: ComplianceHeat): { value: [number, number, number]; cell: HeatCell }[] {
  const orgIndex = new Map(h.orgs.map((o, i) => [o.id, i]));
  return h.cells.map((c) => ({ value: [h.months.indexOf(c.month), orgIndex.get(c.orgId) ?? 0, HEAT_STATUSES.indexOf(c.status)], cell: c }));
}

export function heatOption(h: ComplianceHeat, compact = false): EChartsCoreOption {
  const points = heatPoints(h);
  const names = h.orgs.map((o) => o.name);
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 8, top: compact ? 34 : 40, bottom: 4, containLabel: true },
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const c = points[p.dataIndex].cell;
        const lines = c.items.map((i) => `${i.label}${i.period.length === 7 ? '' : `（${i.periodLabel}）`}：${h.statusLabels[i.status]}${i.detail ? `，${i.detail}` : ''}`);
        const hint = c.items.some((i) => i.activityIds.length) && (c.status === 'held' || c.status === 'held-late') ? '点击查看记录' : '点击打开组织生活日历';
        return `${names[p.dataIndex === undefined ? 0 : points[p.dataIndex].value[1]]} ${Number(c.month.slice(5))}月：<b>${c.statusLabel}</b><br/>${lines.join('<br/>')}<br/><span style="color:#909399">${hint}</span>`;
      },
    },
    xAxis: { type: 'category', data: h.months.map((m) => `${Number(m.slice(5))}月`), splitArea: { show: true }, position: 'top', axisLabel: { fontSize: 11 } },
    yAxis: { type: 'category', inverse: true, data: h.orgs.map((o) => shortOrg(o.name, o.kind)), splitArea: { show: true }, axisLabel: { fontSize: 12 } },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      top: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 11 },
      pieces: HEAT_STATUSES.filter((s) => s !== 'n/a').map((s) => ({ value: HEAT_STATUSES.indexOf(s), label: h.statusLabels[s], color: HEAT_COLORS[s] })),
      outOfRange: { color: HEAT_COLORS['n/a'] },
    },
    series: [
      {
        type: 'heatmap',
        name: '开展情况',
        data: points.map((p) => p.value),
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { show: !compact, fontSize: 10, color: '#303133', formatter: (p: { dataIndex: number }) => MARK[points[p.dataIndex].cell.status] ?? '' },
        emphasis: { itemStyle: { borderColor: '#303133', borderWidth: 1 } },
      },
    ],
  };
}

const MARK: Record<string, string> = { held: '✓', 'held-late': '迟', 'quorum-not-met': '数', due: '待', missing: '缺', upcoming: '', 'before-start': '', 'n/a': '' };

/** Where a click on a heat-map cell goes: the record when the month's meetings were held, else the calendar of that year and organization. */
export function heatTarget(h: ComplianceHeat, c: HeatCell): { path: string; query: Record<string, string> } {
  const held = c.status === 'held' || c.status === 'held-late';
  const record = c.items.find((i) => i.activityIds.length)?.activityIds[0];
  if (held && record) return { path: '/activities', query: { edit: record } };
  return { path: '/activities/calendar', query: { year: String(h.year), org: c.orgId, month: c.month } };
}

// ——— 出席率 ———

export function attendanceEmpty(a: AttendanceStats): EmptyState | null {
  if (!a.orgs.length) return { text: '本年度还没有带出席名单的会议记录：先在 组织生活记录 中登记会议和出席情况', action: { label: '去组织生活记录', path: '/activities' } };
  return null;
}

export function attendanceOption(a: AttendanceStats): EChartsCoreOption {
  const orgs = a.orgs;
  return {
    textStyle: FONT,
    animation: false,
    grid: { left: 8, right: 48, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const o = orgs[ps[0].dataIndex];
        return `${o.name}<br/>出席率 ${pctText(o.rate)}<br/>实到 ${o.present} 人次 / 应到 ${o.due} 人次（${o.meetings} 次会议）`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: orgs.map((o) => shortOrg(o.name, o.name.endsWith('委员会') ? '党委' : undefined)), axisLabel: { fontSize: 12 } },
    series: [
      {
        type: 'bar',
        name: '出席率',
        barMaxWidth: 16,
        data: orgs.map((o) => ({ value: o.rate ?? 0, itemStyle: { color: rateColor(o.rate) } })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => pctText(orgs[p.dataIndex].rate), fontSize: 11 },
      },
    ],
  };
}

// ——— 发展党员 ———

export function developmentEmpty(d: DevelopmentStats): EmptyState | null {
  if (!d.files) return { text: '尚无发展党员档案：先在 发展党员 中为入党申请人建档', action: { label: '去发展党员', path: '/development' } };
  return null;
}

const STAGE_COLORS = ['#a0cfff', '#79bbff', '#409eff', '#337ecc', '#c45656'];

export function developmentOption(d: DevelopmentStats): EChartsCoreOption {
  return {
    textStyle: FONT,
    animation: false,
    tooltip: {
      formatter: (p: { dataIndex: number }) => {
        const s = d.stages[p.dataIndex];
        return `${s.stage}<br/>累计达到 ${s.reached} 人<br/>当前处于该阶段 ${s.current} 人<br/>本年度进入 ${s.enteredInYear} 人`;
      },
    },
    series: [
      {
        type: 'funnel',
        name: '发展党员',
        sort: 'none',
        left: '8%',
        right: '8%',
        top: 12,
        bottom: 12,
        min: 0,
        max: Math.max(1, ...d.stages.map((s) => s.reached)),
        minSize: '12%',
        gap: 3,
        label: { show: true, position: 'inside', fontSize: 12, color: '#fff', formatter: (p: { dataIndex: number }) => `${d.stages[p.dataIndex].stage} ${d.stages[p.dataIndex].reached} 人` },
        data: d.stages.map((s, i) => ({ name: s.stage, value: s.reached, itemStyle: { color: STAGE_COLORS[i] } })),
      },
    ],
  };
}

// ——— 党员队伍结构 ———

export function membersEmpty(m: MemberStructure): EmptyState | null {
  if (!m.total) return { text: '尚无在册党员：先在 党员花名册 中录入或导入党员', action: { label: '去党员花名册', path: '/members' } };
  return null;
}

const PIE_COLORS = ['#409eff', '#67c23a', '#e6a23c', '#f56c6c', '#909399', '#b37feb', '#36cfc9', '#ffc53d'];

export function membersOption(m: MemberStructure): EChartsCoreOption {
  const centers = [
    ['25%', '30%'],
    ['75%', '30%'],
    ['25%', '78%'],
    ['75%', '78%'],
  ];
  return {
    textStyle: FONT,
    animation: false,
    color: PIE_COLORS,
    title: m.dimensions.map((d, i) => ({ text: d.title, left: i % 2 ? '75%' : '25%', top: i < 2 ? 0 : '50%', textAlign: 'center', textStyle: { fontSize: 13, fontWeight: 600, ...FONT } })),
    tooltip: { trigger: 'item', formatter: '{a}<br/>{b}：{c} 人（{d}%）' },
    series: m.dimensions.map((d, i) => ({
      type: 'pie',
      name: d.title,
      radius: ['22%', '36%'],
      center: centers[i],
      avoidLabelOverlap: true,
      label: { fontSize: 11, formatter: '{b} {c}' },
      labelLine: { length: 6, length2: 6 },
      data: d.bands.filter((b) => b.count).map((b) => ({ name: b.label, value: b.count, ...(b.label === '未填' ? { itemStyle: { color: '#dcdfe6' } } : {}) })),
    })),
  };
}
