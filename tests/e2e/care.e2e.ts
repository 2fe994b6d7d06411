/** 走访慰问, click by click: the demo's four 生活困难 visits, a new visit paid from 党费 that shows in the dues spending, marked as the visit's. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, fillDate, goto, saveFromPreview, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('走访慰问', () => {
  const ui = useApp({ demo: true });

  it('the demo year: four visits to members in difficulty, 2000 元 from 党费', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/care');
    await expect.poll(() => ui.page.getByTestId('care-sentence').innerText()).toContain('走访慰问困难党员4人，发放慰问金2000元');
    const table = ui.page.getByTestId('care-table');
    expect(await table.locator('.el-table__body tbody tr.el-table__row').count()).toBe(4);
    // fits 1024×768 without sideways scrolling; the details open in the row's expansion
    const wrap = table.locator('.el-table__body-wrapper .el-scrollbar__wrap').first();
    expect(await wrap.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(1);
    expect(await ui.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await snap(ui.page, 'e2e-care-demo');
    await table.locator('.el-table__expand-icon').first().click();
    const detail = table.locator('[data-testid^="care-detail-"]').first();
    await expect.poll(() => detail.innerText()).toMatch(/慰问人[\s\S]*审批[\s\S]*签收单/);
    await snap(ui.page, 'e2e-care-expanded');
    await table.locator('.el-table__expand-icon').first().click();
  });

  it('records a visit paid from 本级党费 with its receipt and finds it in the dues spending', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/care');
    await ui.page.getByTestId('care-add').click();
    await fillDate(ui.page, 'care-date', '2026-11-20');
    await ui.page.getByTestId('care-kind').getByText('党员家属').click();
    await ui.page.getByTestId('care-member').click();
    await ui.page.locator('.el-select-dropdown:visible .el-select-dropdown__item').nth(3).click();
    await ui.page.getByTestId('care-person').fill('刘某英');
    await choose(ui.page, 'care-reason', '因病');
    await ui.page.getByTestId('care-visitors').fill('分局党委书记');
    await ui.page.getByTestId('care-amount').fill('800');
    expect(await ui.page.getByTestId('care-dues-hint').innerText()).toContain('同时记入党费使用');
    // no approval yet: refused, nothing written, the form stays open with what was typed
    await ui.page.getByTestId('care-save').click();
    await toast(ui.page, '会议纪要号');
    expect(await ui.page.getByTestId('care-person').inputValue()).toBe('刘某英');
    await ui.page.getByTestId('care-approval').fill('分局党委会议纪要〔2026〕15号');
    const receipt = `${ui.app.dataDir}/receipt.png`;
    fs.writeFileSync(receipt, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    await ui.page.getByTestId('care-receipt').setInputFiles(receipt);
    await snap(ui.page, 'e2e-care-dialog');
    await ui.page.getByTestId('care-save').click();
    await toast(ui.page, '并记入党费使用');
    const table = ui.page.getByTestId('care-table');
    await expect.poll(() => table.innerText()).toContain('刘某英');
    expect(await table.locator('tr', { hasText: '刘某英' }).innerText()).toMatch(/800\.00[\s\S]*本级党费[\s\S]*党费使用[\s\S]*已上传/);
    await expect.poll(() => ui.page.getByTestId('care-sentence').innerText()).toContain('发放慰问金2800元');

    const sheet = await saveFromPreview(ui.page, () => ui.page.getByTestId('care-export').click());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await sheet.path());
    const rows = Array.from(wb.worksheets[0].getSheetValues(), (r) => (Array.isArray(r) ? r.join('|') : ''));
    expect(rows.find((r) => r.includes('刘某英'))).toMatch(/因病.*800.*本级党费.*已签收/);

    await goto(ui.page, '/dues/remittance');
    const row = ui.page.locator('tr', { hasText: '刘某英' }).filter({ has: ui.page.getByTestId('expense-from-care') });
    await expect.poll(() => row.innerText()).toContain('800.00');
    expect(await row.innerText()).toContain('补助生活困难党员');
    expect(await row.getByTestId('expense-from-care').innerText()).toBe('走访慰问');
    expect(await ui.page.getByText('这里不能单独改动').count()).toBe(1);
    await snap(ui.page, 'e2e-care-dues');
  });
});
