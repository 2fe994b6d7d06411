/** 组织生活开展情况统计表 (.xlsx): per organization and type, counts by month and quarter, 参加人次 and compliance; a summary by type; the findings. */
import { addSheet, newWorkbook, workbookBytes, type SheetColumn } from './xlsx-sheet.ts';

export interface LifeStatsModel {
  title: string;
  subtitle: string;
  /** 序号, 党组织, 活动类型, 频次要求, 1–12月, 一–四季度, 合计次数, 参加人次, 开展情况 */
  rows: (string | number | null)[][];
  totals: (string | number | null)[];
  summary: (string | number)[][];
  findings: string[][];
  footer: string;
}

const n = (header: string, width = 5): SheetColumn => ({ header, width, numFmt: '0' });

export const LIFE_STATS_COLUMNS: SheetColumn[] = [
  { header: '序号', width: 5 },
  { header: '党组织', width: 20, align: 'left' },
  { header: '活动类型', width: 14, align: 'left' },
  { header: '频次要求', width: 8 },
  ...Array.from({ length: 12 }, (_, i) => n(`${i + 1}月`, 4.5)),
  ...['一季度', '二季度', '三季度', '四季度'].map((q) => n(q, 6)),
  n('合计次数', 7),
  n('参加人次', 7),
  { header: '开展情况', width: 26, align: 'left' },
];

export async function lifeStatsWorkbook(m: LifeStatsModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '开展情况统计', title: m.title, subtitle: m.subtitle, columns: LIFE_STATS_COLUMNS, rows: m.rows, footerRows: [m.totals], notes: [m.footer] });
  addSheet(wb, {
    name: '分类汇总',
    title: `${m.title}（分类汇总）`,
    subtitle: m.subtitle,
    columns: [{ header: '活动类型', width: 18, align: 'left' }, n('次数', 8), n('参加人次', 10), { header: '工作总结表述', width: 48, align: 'left' }],
    rows: m.summary,
    landscape: false,
  });
  addSheet(wb, {
    name: '问题清单',
    title: `${m.title}（问题清单）`,
    subtitle: m.subtitle,
    columns: [
      { header: '序号', width: 5 },
      { header: '党组织', width: 20, align: 'left' },
      { header: '活动类型', width: 16, align: 'left' },
      { header: '期间', width: 14 },
      { header: '情况', width: 12 },
      { header: '说明', width: 56, align: 'left' },
    ],
    rows: m.findings.length ? m.findings : [['', '', '', '', '', '无']],
  });
  return workbookBytes(wb);
}
