/** 组织生活开展情况统计表 (.xlsx): per organization and type, counts by month and quarter, 参加人次 and compliance; a summary by type; the findings. */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

export interface LifeStatsRow {
  org: string;
  type: string;
  /** 频次要求: '每月、每季度', or '—' */
  frequency: string;
  /** January to December; null for none */
  months: (number | null)[];
  /** first to fourth quarter; null for none */
  quarters: (number | null)[];
  count: number;
  persons: number;
  /** 开展情况 */
  status: string;
}

export interface LifeStatsSummaryRow {
  type: string;
  count: number;
  persons: number;
  /** 工作总结表述 */
  sentence: string;
}

export interface LifeStatsFinding {
  org: string;
  type: string;
  period: string;
  state: string;
  message: string;
}

export interface LifeStatsModel {
  title: string;
  subtitle: string;
  rows: LifeStatsRow[];
  totals: { months: number[]; quarters: number[]; count: number; persons: number; status: string };
  summary: LifeStatsSummaryRow[];
  findings: LifeStatsFinding[];
  footer: string;
}

type MonthKey = `m${number}`;
type QuarterKey = `q${number}`;
export type LifeStatsKey = 'no' | 'org' | 'type' | 'frequency' | MonthKey | QuarterKey | 'count' | 'persons' | 'status';

const count = <K extends string>(key: K, header: string, width = 5): Column<K> => ({ key, header, width, kind: 'count' });

export const LIFE_STATS_COLUMNS: readonly Column<LifeStatsKey>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'count' },
  { key: 'org', header: '党组织', width: 20, kind: 'text', align: 'left' },
  { key: 'type', header: '活动类型', width: 14, kind: 'text', align: 'left' },
  { key: 'frequency', header: '频次要求', width: 8, kind: 'text' },
  ...Array.from({ length: 12 }, (_, i) => count<LifeStatsKey>(`m${i + 1}`, `${i + 1}月`, 4.5)),
  ...['一季度', '二季度', '三季度', '四季度'].map((q, i) => count<LifeStatsKey>(`q${i + 1}`, q, 6)),
  count('count', '合计次数', 7),
  count('persons', '参加人次', 7),
  { key: 'status', header: '开展情况', width: 26, kind: 'text', align: 'left' },
];

export const LIFE_STATS_SUMMARY_COLUMNS: readonly Column<keyof LifeStatsSummaryRow>[] = [
  { key: 'type', header: '活动类型', width: 18, kind: 'text', align: 'left' },
  count('count', '次数', 8),
  count('persons', '参加人次', 10),
  { key: 'sentence', header: '工作总结表述', width: 48, kind: 'text', align: 'left' },
];

export const LIFE_STATS_FINDING_COLUMNS: readonly Column<'no' | keyof LifeStatsFinding>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'text' },
  { key: 'org', header: '党组织', width: 20, kind: 'text', align: 'left' },
  { key: 'type', header: '活动类型', width: 16, kind: 'text', align: 'left' },
  { key: 'period', header: '期间', width: 14, kind: 'text' },
  { key: 'state', header: '情况', width: 12, kind: 'text' },
  { key: 'message', header: '说明', width: 56, kind: 'text', align: 'left' },
];

const spread = (prefix: 'm' | 'q', values: readonly (number | null)[]): SheetRow<LifeStatsKey> => Object.fromEntries(values.map((v, i) => [`${prefix}${i + 1}`, v]));

export async function lifeStatsWorkbook(m: LifeStatsModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  const t = m.totals;
  addSheet(wb, {
    name: '开展情况统计',
    title: m.title,
    subtitle: m.subtitle,
    columns: LIFE_STATS_COLUMNS,
    rows: m.rows.map((r, i) => ({ no: i + 1, org: r.org, type: r.type, frequency: r.frequency, ...spread('m', r.months), ...spread('q', r.quarters), count: r.count, persons: r.persons, status: r.status })),
    footerRows: [{ no: '', org: '合计', type: '', frequency: '', ...spread('m', t.months), ...spread('q', t.quarters), count: t.count, persons: t.persons, status: t.status }],
    notes: [m.footer],
  });
  addSheet(wb, { name: '分类汇总', title: `${m.title}（分类汇总）`, subtitle: m.subtitle, columns: LIFE_STATS_SUMMARY_COLUMNS, rows: m.summary, landscape: false });
  addSheet(wb, {
    name: '问题清单',
    title: `${m.title}（问题清单）`,
    subtitle: m.subtitle,
    columns: LIFE_STATS_FINDING_COLUMNS,
    rows: m.findings.length ? m.findings.map((f, i) => ({ no: String(i + 1), ...f })) : [{ no: '', org: '', type: '', period: '', state: '', message: '无' }],
  });
  return workbookBytes(wb);
}
