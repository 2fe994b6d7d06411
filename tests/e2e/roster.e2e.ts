/** A clerk's first day: create the organization, a branch, a member (a bad ID is refused), import a roster, export it, find a member. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, fillDate, goto, toast, saveFromPreview } from './support/pages.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';

describe.skipIf(!hasChromium)('roster, click by click', () => {
  const ui = useApp();

  it('creates the organization on first start', async () => {
    await ui.page.getByTestId('setup-unit').fill('测试市公安局测试分局');
    await ui.page.getByTestId('setup-committee').fill('中共测试市公安局测试分局委员会');
    await snap(ui.page, 'e2e-setup');
    await ui.page.getByTestId('setup-create').click();
    await expect.poll(() => ui.page.getByTestId('brand').innerText()).toContain('测试市公安局测试分局');
  });

  it('adds a branch under the Party committee', async () => {
    await goto(ui.page, '/org');
    await ui.page.getByTestId('org-add-党支部').click();
    await ui.page.getByTestId('org-form-name').fill('刑侦大队党支部');
    await ui.page.getByTestId('org-form-save').click();
    await expect.poll(() => ui.page.getByTestId('org-tree').innerText()).toContain('刑侦大队党支部');
  });

  it('refuses a bad ID number, then adds the member', async () => {
    await goto(ui.page, '/members');
    await ui.page.getByTestId('member-add').click();
    await ui.page.getByTestId('mf-name').fill('周建国');
    const good = makeIdNumber('370102', '1980-05-04', 31, true);
    await ui.page.getByTestId('mf-idNumber').fill(good.slice(0, 17) + (good[17] === '1' ? '2' : '1'));
    await fillDate(ui.page, 'mf-birthDate', '1980-05-04');
    await fillDate(ui.page, 'mf-joinDate', '2005-07-01');
    await fillDate(ui.page, 'mf-fullDate', '2006-07-01');
    await choose(ui.page, 'mf-branch', '刑侦大队党支部');
    await ui.page.getByTestId('mf-save').click();
    await expect.poll(() => ui.page.getByTestId('member-form').innerText()).toContain('校验码不正确');
    await snap(ui.page, 'e2e-member-bad-id');
    await ui.page.getByTestId('mf-idNumber').fill(good);
    await ui.page.getByTestId('mf-save').click();
    await expect.poll(() => ui.page.getByTestId('member-table').innerText()).toContain('周建国');
  });

  it('imports a roster with one bad row: lists the error, imports the valid rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['刑侦大队党员名单']);
    ws.addRow(['序号', '姓名', '身份证号', '入党时间', '转正时间', '人员类别', '民族', '所属支部']);
    ws.addRow([1, '吴海燕', makeIdNumber('320302', '1990-03-08', 41, false), '2015-06-30', '2016-06-30', '在职', '汉族', '刑侦大队党支部']);
    ws.addRow([2, '郑立新', makeIdNumber('320302', '1975-11-20', 43, true), '2001-07-01', '2002-07-01', '在职', '回族', '刑侦大队党支部']);
    ws.addRow([3, '钱错号', '320302197511201234', '2001-07-01', '2002-07-01', '在职', '汉族', '刑侦大队党支部']);
    const file = `${ui.app.dataDir}/import.xlsx`;
    await wb.xlsx.writeFile(file);
    await ui.page.getByTestId('member-import').click();
    await ui.page.getByTestId('import-file').setInputFiles(file);
    await expect.poll(() => ui.page.getByTestId('import-summary').innerText()).toContain('2 行正确');
    const problems = await ui.page.getByTestId('import-problems').innerText();
    expect(problems).toContain('5');
    expect(problems).toContain('公民身份号码');
    await snap(ui.page, 'e2e-import-preview');
    await ui.page.getByTestId('import-commit').click();
    expect(await toast(ui.page, '已导入')).toContain('新增 2 人');
    await expect.poll(() => ui.page.getByTestId('member-table').innerText()).toContain('郑立新');
    expect(await ui.page.getByTestId('member-table').innerText()).not.toContain('钱错号');
  });

  it('offers a template workbook with the import’s headers, which reads back with its example row', async () => {
    await ui.page.getByTestId('member-import').click();
    const d = await saveFromPreview(ui.page, () => ui.page.getByTestId('import-template').click());
    expect(d.suggestedFilename()).toBe('党员花名册导入模板.xlsx');
    const saved = `${ui.app.dataDir}/template.xlsx`;
    await d.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['党员花名册', '说明']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['姓名', '公民身份号码', '入党日期', '所在支部']));
    await ui.page.getByTestId('import-file').setInputFiles(saved);
    await expect.poll(() => ui.page.getByTestId('import-summary').innerText()).toContain('1 行正确');
    await snap(ui.page, 'e2e-import-template');
    await ui.page.keyboard.press('Escape');
    await expect.poll(() => ui.page.locator('.el-dialog', { hasText: '导入花名册' }).isVisible()).toBe(false);
  });

  it('exports the roster as a workbook with every member', async () => {
    const d = await saveFromPreview(ui.page, () => ui.page.getByTestId('member-export').click());
    expect(d.suggestedFilename()).toMatch(/党员花名册.*\.xlsx$/);
    const saved = `${ui.app.dataDir}/export.xlsx`;
    await d.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(saved) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('党员花名册')!;
    const names = [4, 5, 6].map((r) => String(ws.getRow(r).getCell(2).value));
    expect(names.sort()).toEqual(['吴海燕', '周建国', '郑立新'].sort());
  });

  it('finds a member by search', async () => {
    await ui.page.getByTestId('member-search').fill('海燕');
    await expect.poll(() => ui.page.getByTestId('member-table').innerText()).not.toContain('周建国');
    expect(await ui.page.getByTestId('member-table').innerText()).toContain('吴海燕');
    await snap(ui.page, 'e2e-member-search');
  });

  it('操作日志 → 详情 shows Chinese labels, names, a local time, and no internal columns', async () => {
    await goto(ui.page, '/audit');
    const row = ui.page.getByTestId('audit-table').locator('tr.el-table__row', { hasText: '周建国' }).first();
    await row.waitFor();
    expect(await row.locator('td').first().innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await row.getByTestId('audit-detail').click();
    const fields = ui.page.getByTestId('audit-detail-fields');
    await expect.poll(() => fields.innerText()).toContain('周建国');
    const text = await ui.page.locator('.el-dialog', { hasText: '操作详情' }).innerText();
    expect(text).toContain('姓名');
    expect(text).toContain('所在支部');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).not.toMatch(/[a-z][A-Z]|_id\b|\bid\b|createdAt|T\d{2}:\d{2}|\b(true|false)\b/);
    await snap(ui.page, 'e2e-audit-detail');
    await ui.page.keyboard.press('Escape');
  });
});
