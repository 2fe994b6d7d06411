import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { addSheet, newWorkbook, workbookBytes, type Column } from '../../templates/xlsx-sheet.ts';
import { duesQuarterWorkbook, quarterColumns, type DuesQuarterSheet } from '../../templates/dues-quarter-sheet.ts';

async function load(b: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  return wb;
}

describe('a template’s columns drive the worksheet', () => {
  it('headers, widths, number formats and values follow each column’s key and kind', async () => {
    type K = 'name' | 'amount' | 'count' | 'day' | 'idNumber';
    const columns: Column<K>[] = [
      { key: 'name', header: '姓名', width: 10, kind: 'text' },
      { key: 'amount', header: '金额', width: 11, kind: 'money' },
      { key: 'count', header: '人数', width: 6, kind: 'count' },
      { key: 'day', header: '日期', width: 11, kind: 'date' },
      { key: 'idNumber', header: '公民身份号码', width: 21, kind: 'id', align: 'left' },
    ];
    const wb = newWorkbook();
    // keys in any order, one missing: cells are placed by key, not by position
    addSheet(wb, { name: 's', title: '标题', columns, rows: [{ idNumber: '37010219850301001X', day: '2026-03-01', count: 3, amount: 12345, name: '张三' }, { name: '李四', amount: null }], footerRows: [{ name: '合计', amount: 12345 }] });
    const ws = (await load(await workbookBytes(wb))).worksheets[0];
    expect((ws.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual(['姓名', '金额', '人数', '日期', '公民身份号码']);
    expect(ws.columns.map((c) => c.width)).toEqual([10, 11, 6, 11, 21]);
    const [name, money, count, day, idc] = [1, 2, 3, 4, 5].map((c) => ws.getCell(3, c));
    expect(name.value).toBe('张三');
    expect(money.value).toBe(123.45); // 分 in, 元 out
    expect(money.numFmt).toBe('0.00');
    expect(money.alignment.horizontal).toBe('right');
    expect(count.value).toBe(3);
    expect(count.numFmt).toBe('0');
    // a real date cell, shown as the reader writes it
    expect(day.value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(day.numFmt).toBe('yyyy"年"m"月"d"日"');
    expect(idc.value).toBe('37010219850301001X');
    expect(idc.numFmt).toBe('@');
    expect(idc.alignment.horizontal).toBe('left');
    expect(ws.getCell(4, 2).value).toBeNull();
    expect(ws.getCell(4, 5).border.top?.style).toBe('thin');
    expect([ws.getCell(5, 1).value, ws.getCell(5, 2).value, ws.getCell(5, 1).font.bold]).toEqual(['合计', 123.45, true]);
  });

  it('the 季度统计表 takes 分 and prints 元 under the headers of its own column list', async () => {
    const row = { orgName: '一支部', members: 10, dueFen: 150_050, collectedFen: 140_000, rate: '93.3%', arrears: 1, remittedFen: 70_000, remittedOn: '2026年10月10日', heldFen: 70_000, problems: '' };
    const m: DuesQuarterSheet = {
      title: '党费收缴情况季度统计表', subtitle: '单位：元', warnMonths: 3, upperBody: '机关工委',
      rows: [row], total: { ...row, orgName: '合计' },
      months: {
        title: '月度', subtitle: '填报单位：某党委', notes: ['填表人：'],
        rows: [{ month: '2026年7月', owed: 10, paid: 9, dueFen: 50_000, paidFen: 45_001, rate: '90.0%', branchRemittedFen: null, committeeRemittedFen: 12, remittedOn: '' }],
        total: { month: '本季度合计', owed: null, paid: null, dueFen: 50_000, paidFen: 45_001, rate: '90.0%', branchRemittedFen: 70_000, committeeRemittedFen: 35_000, remittedOn: '2026年10月10日' },
      },
      notes: [],
    };
    const wb = await load(await duesQuarterWorkbook(m));
    const ws = wb.worksheets[0];
    const columns = quarterColumns(3);
    expect((ws.getRow(3).values as ExcelJS.CellValue[]).slice(1)).toEqual(columns.map((c) => c.header));
    expect(columns.find((c) => c.key === 'arrears')!.header).toBe('欠缴3个月以上人数');
    columns.forEach((c, i) => {
      const cell = ws.getCell(4, i + 1);
      if (c.kind === 'money') {
        expect(cell.numFmt).toBe('0.00');
        expect(cell.value).toBe((row[c.key as keyof typeof row] as number) / 100);
      }
    });
    expect(ws.getCell(4, 4).value).toBe(1500.5);
    const months = wb.worksheets[1];
    expect(months.getCell(2, 1).value).toBe('填报单位：某党委');
    expect(months.getCell(3, 8).value).toBe('党委上缴机关工委');
    expect([months.getCell(4, 5).value, months.getCell(4, 7).value, months.getCell(4, 8).value]).toEqual([450.01, null, 0.12]);
    expect([months.getCell(5, 1).value, months.getCell(5, 7).value, months.getCell(5, 9).value]).toEqual(['本季度合计', 700, '2026年10月10日']);
  });
});
