/**
 * 归档文件目录 (.xlsx): DA/T 22-2015 columns 序号, 档号, 文号, 责任者, 题名, 日期
 * (8 digits, YYYYMMDD, as text), 密级, 页数, 备注 (archives.md 7.5); A4 landscape, the
 * header repeated on each page. One sheet per 年度 + 保管期限 (+ category): the
 * 保管期限 is on the sheet's title (the catalog's cover), never a column.
 */
import { addSheet, newWorkbook, workbookBytes, type Column } from './xlsx-sheet.ts';

export interface CatalogRow {
  no: number;
  archiveNo: string;
  docNo: string;
  author: string;
  title: string;
  /** YYYYMMDD or blank */
  date: string;
  secrecy: string;
  /** blank when not known */
  pages: number | null;
  note: string;
}

export interface CatalogSheet {
  /** the sheet tab (≤ 31 characters) */
  name: string;
  /** e.g. 归档文件目录 */
  title: string;
  /** the cover's data: 全宗号, 全宗名称, 年度, 保管期限, 机构（问题） */
  subtitle: string;
  rows: CatalogRow[];
}

export const CATALOG_COLUMNS: readonly Column<keyof CatalogRow>[] = [
  { key: 'no', header: '序号', width: 6, kind: 'count' },
  { key: 'archiveNo', header: '档号', width: 26, kind: 'id', align: 'left' },
  { key: 'docNo', header: '文号', width: 14, kind: 'id' },
  { key: 'author', header: '责任者', width: 20, kind: 'text' },
  { key: 'title', header: '题名', width: 40, kind: 'text', align: 'left' },
  { key: 'date', header: '日期', width: 10, kind: 'id' },
  { key: 'secrecy', header: '密级', width: 6, kind: 'text' },
  { key: 'pages', header: '页数', width: 6, kind: 'count' },
  { key: 'note', header: '备注', width: 14, kind: 'text', align: 'left' },
];

export async function archiveCatalogXlsx(sheets: CatalogSheet[]): Promise<Uint8Array> {
  const wb = newWorkbook();
  for (const s of sheets) {
    addSheet(wb, {
      name: s.name,
      title: s.title,
      subtitle: s.subtitle,
      columns: CATALOG_COLUMNS,
      rows: s.rows.map((r) => ({ ...r })),
      landscape: true,
    });
  }
  return workbookBytes(wb);
}
