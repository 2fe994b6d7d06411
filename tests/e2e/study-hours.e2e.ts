/** 学时, click by click: the demo's hours with the short members, adding a training record with its certificate and seeing the member's hours change. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

/** Sets the 只看未达标 box (it keeps its state from an earlier visit). */
async function onlyShort(page: Page, on: boolean) {
  const box = page.getByTestId('hours-only-short');
  if ((await box.evaluate((el) => el.classList.contains('is-checked'))) !== on) await box.click();
}

describe.skipIf(!hasChromium)('学时', () => {
  const ui = useApp({ demo: true });

  it('from the home page (November): one 本月待办 item for the short members opens the 学时 page filtered to them', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/');
    await ui.page.getByTestId('widget-desk-todo').getByTestId('desk-todo-item').first().waitFor();
    const more = ui.page.getByTestId('desk-todo-more');
    if ((await more.count()) && (await more.innerText()).includes('全部显示')) await more.click();
    const item = ui.page.locator('[data-testid="desk-todo-item"][data-id="hours:2026"]');
    expect(await item.innerText()).toMatch(/\d+ 名党员2026年学时未达要求/);
    const n = Number(/(\d+) 名党员/.exec(await item.innerText())![1]);
    await item.click();
    await expect.poll(() => ui.page.getByTestId('hours-table').locator('.el-table__body tbody tr').count()).toBe(n);
    expect(await ui.page.getByTestId('hours-only-short').innerText()).toContain(`只看未达标（${n} 人）`);
    for (const t of await ui.page.getByTestId('hours-table').locator('.el-table__body tbody tr').allInnerTexts()) expect(t).toContain('未达标');
  });

  it('adds a training record to a short member: the total rises by its 学时 and the certificate is kept', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/hours');
    await expect.poll(() => ui.page.getByTestId('hours-rule').innerText()).toContain('规划期已结束，待核对');
    expect(await ui.page.getByTestId('hours-rule').innerText()).toContain('《中国共产党党员教育管理工作条例》第二十条');
    await snap(ui.page, 'e2e-hours-demo');
    await onlyShort(ui.page, true);
    const row = ui.page.getByTestId('hours-table').locator('.el-table__body tbody tr').first();
    await expect.poll(() => row.innerText()).toContain('未达标');
    const name = (await row.locator('td').first().innerText()).trim();
    const total = ui.page.getByTestId(`hours-total-${name}`).first();
    const before = Number(await total.innerText());
    await row.getByText('登记培训').click();
    await ui.page.getByTestId('training-title').fill('2026年度党员冬季集中轮训');
    const hours = ui.page.getByTestId('training-hours').locator('input');
    await hours.fill('40');
    await hours.blur();
    const cert = `${ui.app.dataDir}/certificate.png`;
    fs.writeFileSync(cert, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    await ui.page.getByTestId('training-certificate').setInputFiles(cert);
    await snap(ui.page, 'e2e-hours-training');
    await ui.page.getByTestId('training-save').click();
    await toast(ui.page, '已登记培训记录');
    // now met: gone from the short list; shown again with all members, 40 学时 more
    await onlyShort(ui.page, false);
    await expect.poll(async () => Number(await ui.page.getByTestId(`hours-total-${name}`).first().innerText())).toBe(before + 40);
    const trainings = ui.page.getByTestId('trainings-table');
    await expect.poll(() => trainings.innerText()).toContain('2026年度党员冬季集中轮训');
    expect(await trainings.locator('tr', { hasText: '2026年度党员冬季集中轮训' }).innerText()).toContain('查看');
  });

  it('imports online-study hours: a bad row refuses the whole file, the corrected one adds to the member', async () => {
    const name = (await ui.page.getByTestId('hours-table').locator('.el-table__body tbody tr').first().locator('td').first().innerText()).trim();
    const before = Number(await ui.page.getByTestId(`hours-total-${name}`).first().innerText());
    const sheet = async (file: string, h: ExcelJS.CellValue) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('学时');
      ws.addRow(['网络学院学习情况']);
      ws.addRow(['姓名', '获得学时']);
      ws.addRow([name, h]);
      fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      return file;
    };
    await ui.page.getByTestId('hours-import').click();
    await ui.page.getByTestId('hours-file').setInputFiles(await sheet(`${ui.app.dataDir}/bad-hours.xlsx`, '很多'));
    await expect.poll(() => ui.page.getByTestId('hours-import-summary').innerText()).toContain('1 行有误');
    expect(await ui.page.getByTestId('hours-import-problems').innerText()).toContain('“很多”不是学时数');
    expect(await ui.page.getByTestId('hours-import-commit').isDisabled()).toBe(true);
    await ui.page.getByTestId('hours-file').setInputFiles(await sheet(`${ui.app.dataDir}/hours.xlsx`, 6.5));
    await expect.poll(() => ui.page.getByTestId('hours-import-summary').innerText()).toContain('全部正确');
    await snap(ui.page, 'e2e-hours-import');
    await ui.page.getByTestId('hours-import-commit').click();
    await toast(ui.page, '已导入');
    await expect.poll(async () => Number(await ui.page.getByTestId(`hours-total-${name}`).first().innerText())).toBe(before + 6.5);
    expect(await ui.page.getByTestId('hours-imports').innerText()).toContain('hours.xlsx');
  });

  it('计算设置: a meeting type counted at a fixed number of 学时 is saved and raises the hours from that type', async () => {
    await goto(ui.page, '/hours');
    await onlyShort(ui.page, false);
    const totals = async () => (await ui.page.getByTestId('hours-table').locator('.el-table__body tbody tr').allInnerTexts()).join('\n');
    await expect.poll(totals).not.toBe('');
    const before = await totals();
    await ui.page.getByTestId('hours-settings-link').click();
    const row = ui.page.getByTestId('hours-type-主题党日');
    await row.getByText('每次固定').click();
    await row.locator('.el-input-number input').fill('8');
    await row.locator('.el-input-number input').press('Tab');
    await snap(ui.page, 'e2e-hours-settings');
    await ui.page.getByTestId('hours-settings-save').click();
    await toast(ui.page, '已保存');
    await ui.page.reload();
    await expect.poll(() => ui.page.getByTestId('hours-type-主题党日').locator('.el-radio-button.is-active').innerText()).toBe('每次固定');
    await goto(ui.page, '/hours');
    await expect.poll(totals).not.toBe(before);
  });
});
