/**
 * 基层组织建设重点指标完成情况统计表 (书记抓基层党建工作述职评议): one row per 党支部 and one for the 党委 (the
 * 统计表 sheet), how each indicator is counted and where it comes from (说明), and each cell's fact in words
 * (明细). Columns named here; the rows come from core/stats/secretary-export.ts.
 */
import { addSheet, newWorkbook, workbookBytes, type Column, type SheetRow } from './xlsx-sheet.ts';

const text = <K extends string>(key: K, header: string, width: number, align?: 'left'): Column<K> => ({ key, header, width, kind: 'text', align });
const count = <K extends string>(key: K, header: string, width = 7): Column<K> => ({ key, header, width, kind: 'count' });
const percent = <K extends string>(key: K, header: string, width = 7): Column<K> => ({ key, header, width, kind: 'percent' });

export type IndicatorColumn =
  | 'no' | 'org' | 'meetingsDue' | 'meetingsHeld' | 'meetingsRate' | 'themeDue' | 'themeHeld' | 'lifeMeeting' | 'evaluation'
  | 'developmentPlan' | 'developmentDone' | 'duesRate' | 'term' | 'hoursRate' | 'rectItems' | 'rectClosed' | 'rectRate' | 'rectOverdue';

export const INDICATOR_COLUMNS: readonly Column<IndicatorColumn>[] = [
  count('no', '序号', 4),
  text('org', '党组织', 16, 'left'),
  count('meetingsDue', '三会一课应开展项数'),
  count('meetingsHeld', '三会一课按期开展项数'),
  percent('meetingsRate', '三会一课完成率'),
  count('themeDue', '主题党日应开展月数'),
  count('themeHeld', '主题党日已开展月数'),
  text('lifeMeeting', '组织生活会', 9),
  text('evaluation', '民主评议党员', 9),
  text('developmentPlan', '发展党员计划数', 7),
  count('developmentDone', '发展党员完成数'),
  percent('duesRate', '党费收缴率'),
  text('term', '按期换届', 8),
  percent('hoursRate', '学时达标率'),
  count('rectItems', '整改事项条数'),
  count('rectClosed', '已销号条数'),
  percent('rectRate', '整改销号率'),
  count('rectOverdue', '超期未销号条数'),
];

export const EXPLAIN_COLUMNS: readonly Column<'no' | 'name' | 'rule' | 'source'>[] = [count('no', '序号', 5), text('name', '指标', 14, 'left'), text('rule', '统计口径', 60, 'left'), text('source', '数据来源', 40, 'left')];

export const DETAIL_COLUMNS: readonly Column<'org' | 'name' | 'value' | 'fact'>[] = [text('org', '党组织', 18, 'left'), text('name', '指标', 14, 'left'), text('value', '填报数', 14), text('fact', '台账中的情况（数据来源）', 70, 'left')];

export interface IndicatorWorkbook {
  title: string;
  subtitle: string;
  rows: readonly SheetRow<IndicatorColumn>[];
  footerRows: readonly SheetRow<IndicatorColumn>[];
  notes: string[];
  explain: readonly SheetRow<'no' | 'name' | 'rule' | 'source'>[];
  details: readonly SheetRow<'org' | 'name' | 'value' | 'fact'>[];
}

export async function indicatorWorkbook(m: IndicatorWorkbook): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '统计表', title: m.title, subtitle: m.subtitle, columns: INDICATOR_COLUMNS, rows: m.rows, footerRows: m.footerRows, notes: m.notes, fontSize: 9 });
  addSheet(wb, { name: '说明', title: `${m.title}（指标说明）`, subtitle: m.subtitle, columns: EXPLAIN_COLUMNS, rows: m.explain });
  addSheet(wb, { name: '明细', title: `${m.title}（各项数据来源）`, subtitle: m.subtitle, columns: DETAIL_COLUMNS, rows: m.details });
  return workbookBytes(wb);
}
