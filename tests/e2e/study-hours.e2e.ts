/** 学时, click by click: the demo's hours with the short members, adding a training record with its certificate and seeing the member's hours change. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('学时', () => {
  const ui = useApp({ demo: true });

  it('adds a training record to a short member: the total rises by its 学时 and the certificate is kept', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/hours');
    await expect.poll(() => ui.page.getByTestId('hours-rule').innerText()).toContain('规划期已结束，待核对');
    expect(await ui.page.getByTestId('hours-rule').innerText()).toContain('《中国共产党党员教育管理工作条例》第二十条');
    await snap(ui.page, 'e2e-hours-demo');
    await ui.page.getByTestId('hours-only-short').click();
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
    await ui.page.getByTestId('hours-only-short').click();
    await expect.poll(async () => Number(await ui.page.getByTestId(`hours-total-${name}`).first().innerText())).toBe(before + 40);
    const trainings = ui.page.getByTestId('trainings-table');
    await expect.poll(() => trainings.innerText()).toContain('2026年度党员冬季集中轮训');
    expect(await trainings.locator('tr', { hasText: '2026年度党员冬季集中轮训' }).innerText()).toContain('查看');
  });
});
