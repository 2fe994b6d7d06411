/** 迎检缺项清单 (.xlsx): every item not 齐全 with its reason and where to fix it, and the completeness by binder and organization. */
import { addSheet, newWorkbook, workbookBytes, type Column } from './xlsx-sheet.ts';

export interface GapRow {
  org: string;
  binder: string;
  item: string;
  status: string;
  reason: string;
  /** where in the app it is fixed, in words (在“组织生活记录”中补记) */
  how: string;
}

export interface CompletenessRow {
  kind: string;
  name: string;
  percent: number;
}

export interface InspectionGapsModel {
  title: string;
  subtitle: string;
  gaps: GapRow[];
  completeness: CompletenessRow[];
  footer: string;
}

export const GAP_COLUMNS: readonly Column<'no' | keyof GapRow>[] = [
  { key: 'no', header: '序号', width: 5, kind: 'text' },
  { key: 'org', header: '党组织', width: 20, kind: 'text', align: 'left' },
  { key: 'binder', header: '类别', width: 16, kind: 'text', align: 'left' },
  { key: 'item', header: '检查项目', width: 20, kind: 'text', align: 'left' },
  { key: 'status', header: '情况', width: 8, kind: 'text' },
  { key: 'reason', header: '缺项说明', width: 40, kind: 'text', align: 'left' },
  { key: 'how', header: '补齐方法', width: 26, kind: 'text', align: 'left' },
];

export const COMPLETENESS_COLUMNS: readonly Column<keyof CompletenessRow>[] = [
  { key: 'kind', header: '范围', width: 10, kind: 'text' },
  { key: 'name', header: '类别或党组织', width: 30, kind: 'text', align: 'left' },
  { key: 'percent', header: '完整度', width: 10, kind: 'percent' },
];

export async function inspectionGapsWorkbook(m: InspectionGapsModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, {
    name: '缺项清单',
    title: m.title,
    subtitle: m.subtitle,
    columns: GAP_COLUMNS,
    rows: m.gaps.length ? m.gaps.map((g, i) => ({ no: String(i + 1), ...g })) : [{ no: '', org: '', binder: '', item: '', status: '', reason: '无缺项', how: '' }],
    notes: [m.footer],
  });
  addSheet(wb, { name: '完整度', title: `${m.title}（完整度）`, subtitle: m.subtitle, columns: COMPLETENESS_COLUMNS, rows: m.completeness, landscape: false });
  return workbookBytes(wb);
}
