/** Roster import and export against a real ledger; the workbook is read back with exceljs. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testLedger } from '../support/ledger.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { maskIdNumber } from '../../core/members/privacy.ts';

async function workbook(rows: unknown[][], header: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['某支部党员名册']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const HEADER = ['姓名', '身份证号码', '性别', '民族', '出生年月', '入党时间', '转正时间', '党员状态', '人员身份', '所在党支部', '手机'];
const row = (name: string, id: string, over: Partial<Record<string, unknown>> = {}) => {
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const base = { name, id, gender: Number(id[16]) % 2 ? '男' : '女', eth: '汉族', birth, join: '2010-07-01', full: '2011-07-01', status: '正式', cat: '在职', branch: '刑侦大队党支部', phone: '13800000000', ...over };
  return [base.name, base.id, base.gender, base.eth, base.birth, base.join, base.full, base.status, base.cat, base.branch, base.phone];
};

describe('roster import', () => {
  it('maps header variants, lists every bad row by row and column, and writes nothing', async () => {
    const l = await testLedger({ demo: true });
    const contentBase64 = await workbook(
      [
        row('甲一', makeIdNumber('370102', '1980-01-01', 501, true)),
        row('乙二', '370102198001010000'),
        row('丙三', makeIdNumber('370102', '1990-01-01', 503, true), { branch: '不存在党支部', join: '2031-01-01' }),
        row('丁四', makeIdNumber('370102', '1985-05-05', 505, false), { join: '2001.07' }),
      ],
      HEADER,
    );
    const before = (await l.call('members/list', {})).total;
    const r = await l.call('members/import-commit', { fileName: 'x.xlsx', contentBase64 });
    expect(r.written).toBe(false);
    expect((await l.call('members/list', {})).total).toBe(before);
    expect(r.validCount).toBe(1);
    const where = r.problems.map((p) => `${p.row}|${p.column}|${p.message}`);
    expect(where).toContainEqual(expect.stringMatching(/^4\|B列（公民身份号码）\|校验码不正确/));
    expect(where).toContainEqual(expect.stringMatching(/^5\|J列（所在支部）\|找不到党支部“不存在党支部”/));
    expect(where).toContainEqual(expect.stringMatching(/^5\|F列（入党日期）\|.*晚于今天/));
    expect(where).toContainEqual(expect.stringMatching(/^6\|F列（入党日期）\|“2001.07”只到月份/));
  });

  it('imports exactly the valid rows when asked, and re-import updates instead of duplicating', async () => {
    const l = await testLedger({ demo: true });
    const good = makeIdNumber('370102', '1980-01-01', 601, true);
    const contentBase64 = await workbook([row('甲一', good), row('乙二', '370102198001010000')], HEADER);
    const before = (await l.call('members/list', {})).total;
    const r = await l.call('members/import-commit', { fileName: 'x.xlsx', contentBase64, validOnly: true, expectValid: 1 });
    expect(r).toMatchObject({ written: true, created: 1, updated: 0 });
    expect((await l.call('members/list', {})).total).toBe(before + 1);
    const again = await workbook([row('甲一', good, { phone: '13911112222' })], HEADER);
    const r2 = await l.call('members/import-commit', { fileName: 'y.xlsx', contentBase64: again });
    expect(r2).toMatchObject({ written: true, created: 0, updated: 1 });
    const found = await l.call('members/list', { search: good });
    expect(found.total).toBe(1);
    expect(found.rows[0].phone).toBe('13911112222');
    const log = await l.call('audit/log', { search: '导入花名册' });
    expect(log.rows[0].summary).toContain('新增 0 人，更新 1 人');
  });

  it('refuses a file changed between preview and commit', async () => {
    const l = await testLedger({ demo: true });
    const contentBase64 = await workbook([row('甲一', makeIdNumber('370102', '1980-01-01', 701, true))], HEADER);
    await expect(l.call('members/import-commit', { fileName: 'x.xlsx', contentBase64, validOnly: true, expectValid: 2 })).rejects.toThrow(/不一致/);
  });

  it('says clearly when the file is not a workbook or has no header', async () => {
    const l = await testLedger({ demo: true });
    await expect(l.call('members/import-preview', { fileName: 'a.xlsx', contentBase64: Buffer.from('hello').toString('base64') })).rejects.toThrow(/\.xlsx/);
    const noHeader = await workbook([['x']], ['甲', '乙']);
    await expect(l.call('members/import-preview', { fileName: 'b.xlsx', contentBase64: noHeader })).rejects.toThrow(/没有找到表头/);
  });
});

describe('党员花名册 export', () => {
  it('has the title, standard headers, widths, A4 landscape, repeated header and text ID numbers', async () => {
    const l = await testLedger({ demo: true });
    const file = await l.call('members/export', {});
    expect(file.fileName).toMatch(/^中共江城市公安局临江分局委员会党员花名册（2026-11-28）\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('党员花名册')!;
    const members = await l.call('members/list', { pageSize: 1000 });
    const n = members.total;
    expect(ws.getCell('A1').value).toBe('中共江城市公安局临江分局委员会党员花名册');
    expect(String(ws.getCell('A2').value)).toContain(`共 ${n} 名`);
    const headers = (ws.getRow(3).values as unknown[]).slice(1);
    expect(headers).toEqual(['序号', '姓名', '性别', '民族', '出生日期', '公民身份号码', '籍贯', '学历', '参加工作时间', '入党日期', '转正日期', '党员状态', '人员类别', '工作单位及职务', '联系电话', '所在支部', '党小组', '备注']);
    expect(ws.getColumn(6).width).toBeGreaterThanOrEqual(20);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    const id = ws.getCell('F4');
    expect(typeof id.value).toBe('string');
    expect(id.value).toMatch(/^\d{17}[\dX]$/);
    expect(id.numFmt).toBe('@');
    expect(ws.rowCount).toBe(3 + n + 1);
    const exportedIds = new Set(Array.from({ length: n }, (_, i) => ws.getCell(`F${4 + i}`).value));
    // The list shows numbers masked, the roster prints them in full.
    const maskedExported = new Set([...exportedIds].map((v) => maskIdNumber(String(v))));
    expect(members.rows.every((m) => maskedExported.has(m.idNumber))).toBe(true);
  });

  it('exports one branch', async () => {
    const l = await testLedger({ demo: true });
    const [b] = await l.call('org/branches', {});
    const file = await l.call('members/export', { branchId: b.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(String(wb.getWorksheet(1)!.getCell('A1').value)).toContain(b.name);
    expect(wb.getWorksheet(1)!.rowCount).toBe(3 + b.memberCount + 1);
  });
});
