/**
 * 党员花名册导入模板 (.xlsx): a sheet “党员花名册” with the import's own headers
 * in row 1 and one example row, and a sheet “说明” saying, column by column,
 * whether it must be filled, what it takes and which other headers the import
 * also reads. The model comes from core/members/import-template.ts.
 */
import { newWorkbook, workbookBytes } from './xlsx-sheet.ts';

export interface ImportTemplateColumn {
  header: string;
  /** characters */
  width: number;
  /** digits kept as text (ID and phone numbers) */
  text: boolean;
  example: string;
  required: string;
  how: string;
  alsoAs: string;
}

export interface ImportTemplateModel {
  sheetName: string;
  columns: ImportTemplateColumn[];
  /** general lines at the top of 说明 */
  lines: string[];
}

const FONT = { name: '宋体', size: 11 };

export async function rosterImportTemplate(m: ImportTemplateModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(m.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = m.columns.map((c) => ({ width: c.width, style: { font: FONT, ...(c.text ? { numFmt: '@' } : {}) } }));
  const header = ws.addRow(m.columns.map((c) => c.header));
  header.font = { ...FONT, bold: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }));
  ws.addRow(m.columns.map((c) => c.example));

  const help = wb.addWorksheet('说明');
  help.columns = [{ width: 16 }, { width: 22 }, { width: 60 }, { width: 40 }];
  for (const line of m.lines) help.addRow([line]).font = FONT;
  help.addRow([]);
  const head = help.addRow(['列名', '是否必填', '填写说明', '也可写作']);
  head.font = { ...FONT, bold: true };
  for (const c of m.columns) {
    const r = help.addRow([c.header, c.required, c.how, c.alsoAs]);
    r.font = FONT;
    r.alignment = { wrapText: true, vertical: 'top' };
  }
  return workbookBytes(wb);
}
