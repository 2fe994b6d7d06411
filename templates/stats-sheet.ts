/**
 * 统计分析 workbooks: the numbers behind each chart of the 统计分析 page, one
 * sheet per table, each with a title row and a subtitle naming the unit and the
 * day counted to. Columns are named here; the rows come from core/stats/export.ts.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export interface StatsSheet<K extends string = string> {
  name: string;
  title: string;
  subtitle: string;
  columns: readonly Column<K>[];
  rows: readonly SheetRow<K>[];
  footerRows?: readonly SheetRow<K>[];
  notes?: string[];
}

const text = <K extends string>(key: K, header: string, width: number, align?: 'left'): Column<K> => ({ key, header, width, kind: 'text', align });
const count = <K extends string>(key: K, header: string, width = 8): Column<K> => ({ key, header, width, kind: 'count' });
const percent = <K extends string>(key: K, header: string, width = 8): Column<K> => ({ key, header, width, kind: 'percent' });
const money = <K extends string>(key: K, header: string, width = 11): Column<K> => ({ key, header, width, kind: 'money' });

type MonthKey = `m${number}`;
const monthColumns = <K extends string>(make: (key: MonthKey, header: string) => Column<K | MonthKey>) => Array.from({ length: 12 }, (_, i) => make(`m${i + 1}`, `${i + 1}月`));

/** 党费收缴率: one row per branch, the rate of each month, the year's 应缴, 实缴 and rate. */
export const DUES_RATE_COLUMNS: readonly Column<'no' | 'branch' | MonthKey | 'dueFen' | 'paidFen' | 'rate'>[] = [
  count('no', '序号', 5),
  text('branch', '党支部', 20, 'left'),
  ...monthColumns((k, h) => percent(k, h, 7)),
  money('dueFen', '应缴金额（元）', 12),
  money('paidFen', '实缴金额（元）', 12),
  percent('rate', '收缴率', 8),
];

/** 党费收缴明细: one row per branch and month. */
export const DUES_DETAIL_COLUMNS: readonly Column<'branch' | 'month' | 'owedCount' | 'paidCount' | 'dueFen' | 'paidFen' | 'rate'>[] = [
  text('branch', '党支部', 20, 'left'),
  text('month', '月份', 10),
  count('owedCount', '应缴人数'),
  count('paidCount', '已缴人数'),
  money('dueFen', '应缴金额（元）', 12),
  money('paidFen', '实缴金额（元）', 12),
  percent('rate', '收缴率', 8),
];

/** 组织生活开展情况热力图: one row per organization, the status of each month. */
export const HEAT_COLUMNS: readonly Column<'no' | 'org' | MonthKey>[] = [count('no', '序号', 5), text('org', '党组织', 20, 'left'), ...monthColumns((k, h) => text(k, h, 8))];

/** The requirements behind each cell of the heat map. */
export const HEAT_DETAIL_COLUMNS: readonly Column<'org' | 'month' | 'item' | 'period' | 'status' | 'records' | 'detail'>[] = [
  text('org', '党组织', 20, 'left'),
  text('month', '月份', 8),
  text('item', '活动（频次）', 20, 'left'),
  text('period', '期间', 14),
  text('status', '开展情况', 10),
  count('records', '记录数', 7),
  text('detail', '说明', 30, 'left'),
];

/** 出席率: one row per organization, the year's figures and each month's rate. */
export const ATTENDANCE_COLUMNS: readonly Column<'no' | 'org' | 'meetings' | 'due' | 'present' | 'rate' | MonthKey>[] = [
  count('no', '序号', 5),
  text('org', '党组织', 20, 'left'),
  count('meetings', '会议次数'),
  count('due', '应到人次'),
  count('present', '实到人次'),
  percent('rate', '出席率'),
  ...monthColumns((k, h) => percent(k, h, 7)),
];

/** 出席率按活动类型. */
export const ATTENDANCE_TYPE_COLUMNS: readonly Column<'org' | 'type' | 'meetings' | 'due' | 'present' | 'rate'>[] = [
  text('org', '党组织', 20, 'left'),
  text('type', '活动类型', 16, 'left'),
  count('meetings', '会议次数'),
  count('due', '应到人次'),
  count('present', '实到人次'),
  percent('rate', '出席率'),
];

/** 发展党员各阶段人数. */
export const FUNNEL_COLUMNS: readonly Column<'no' | 'stage' | 'reached' | 'current' | 'enteredInYear'>[] = [
  count('no', '序号', 5),
  text('stage', '阶段', 16),
  count('reached', '累计达到人数', 14),
  count('current', '当前处于该阶段', 14),
  count('enteredInYear', '本年度进入', 12),
];

/** 党员队伍结构: one row per band of each dimension. */
export const STRUCTURE_COLUMNS: readonly Column<'dimension' | 'band' | 'count' | 'share'>[] = [
  text('dimension', '项目', 12),
  text('band', '分组', 16),
  count('count', '人数'),
  percent('share', '占比', 9),
];

export async function statsWorkbook(sheets: readonly StatsSheet[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const s of sheets) addSheet(wb, { name: s.name, title: s.title, subtitle: s.subtitle, columns: s.columns, rows: s.rows, footerRows: s.footerRows, notes: s.notes });
  return workbookBytes(wb);
}
