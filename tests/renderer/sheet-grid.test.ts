// @vitest-environment happy-dom
/** The sheet preview's reader: text, dates, 是/否, merged cells as spans, rows bounded. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellRef, readSheetGrids, serialDate } from '../../renderer/src/components/sheet-grid';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员花名册');
  ws.columns = [{ width: 6 }, { width: 10 }, { width: 12 }, { width: 8 }];
  ws.mergeCells('A1:D1');
  ws.getCell('A1').value = '党员花名册';
  ws.addRow(['序号', '姓名', '入党日期', '在职']);
  ws.addRow([1, '张文华', new Date(Date.UTC(2005, 6, 1)), true]);
  ws.getCell('C3').numFmt = 'yyyy-mm-dd';
  for (let i = 0; i < 20; i++) ws.addRow([i + 2, `党员${i}`]);
  wb.addWorksheet('说明').getCell('A1').value = { richText: [{ text: '数据' }, { text: '来源' }] };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readSheetGrids', () => {
  it('reads the header, names, dates and 是/否; a merged title spans its columns', async () => {
    const [sheet, notes] = await readSheetGrids(await workbook(), { sheets: 5, rows: 10, cols: 40 });
    expect(sheet.name).toBe('党员花名册');
    expect(sheet.rows[0][0]).toEqual({ text: '党员花名册', rowSpan: 1, colSpan: 4 });
    expect(sheet.rows[0].slice(1)).toEqual([null, null, null]);
    expect(sheet.rows[1].map((c) => c?.text)).toEqual(['序号', '姓名', '入党日期', '在职']);
    expect(sheet.rows[2].map((c) => c?.text)).toEqual(['1', '张文华', '2005-07-01', '是']);
    expect(sheet.rows).toHaveLength(10);
    expect(sheet.moreRows).toBe(13);
    expect(sheet.widths[1]).toBe(75);
    expect(notes.rows[0][0]?.text).toBe('数据来源');
  });

  it('cell references and day serials', () => {
    expect(cellRef('A1')).toEqual([0, 0]);
    expect(cellRef('AB12')).toEqual([11, 27]);
    expect(serialDate(46354)).toBe('2026-11-28');
  });

  it('refuses a file that is not a workbook', async () => {
    const JSZip = (await import('jszip')).default;
    const z = new JSZip();
    z.file('word/document.xml', '<x/>');
    await expect(readSheetGrids(await z.generateAsync({ type: 'uint8array' }))).rejects.toThrow('不是 Excel 工作簿');
  });
});
