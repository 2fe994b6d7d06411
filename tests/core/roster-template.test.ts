/**
 * 导入花名册 offers a template workbook built from the import's own schema:
 * its headers are the import's, its example row reads back through the real
 * import without a problem, and its 说明 sheet covers every column.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HEADER_VARIANTS } from '../../core/members/import.ts';
import { fileBytes } from '../../core/validate.ts';
import { testLedger } from '../support/ledger.ts';
import { bureau } from '../support/bureau.ts';

describe('members/import-template', () => {
  it('headers of the import, one example row that imports cleanly, a 说明 sheet for every column', async () => {
    const l = await testLedger();
    const b = await bureau(l, { branches: 2 });
    const file = await l.call('members/import-template', {});
    expect(file.fileName).toBe('党员花名册导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileBytes(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['党员花名册', '说明']);
    const ws = wb.getWorksheet('党员花名册')!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const firstNames = Object.entries(HEADER_VARIANTS).filter(([k]) => k !== 'workUnitAndPosition').map(([, v]) => v[0]);
    expect(headers).toEqual(firstNames);
    expect(ws.rowCount).toBe(2);
    expect(ws.getCell(2, headers.indexOf('所在支部') + 1).value).toBe(b.branches[0].name);
    const help = wb.getWorksheet('说明')!;
    const helpText = help.getSheetValues().flat().map(String).join('\n');
    for (const h of firstNames) expect(helpText).toContain(h);
    expect(helpText).toContain('身份证号'); // another spelling the import reads

    const upload = { fileName: file.fileName, contentBase64: file.contentBase64 };
    const preview = await l.call('members/import-preview', upload);
    expect(preview.problems).toEqual([]);
    expect([preview.validCount, preview.invalidCount]).toEqual([1, 0]);
    expect(preview.recognized).toEqual(expect.arrayContaining(firstNames));
    expect(preview.ignored).toEqual([]);
    await l.call('members/import-commit', upload);
    const { rows } = await l.call('members/list', {});
    expect(rows.map((m) => [m.name, m.branchName, m.partyStatus])).toEqual([['张文华', b.branches[0].name, '正式']]);
    await l.close();
  });
});
