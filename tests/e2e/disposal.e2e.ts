/** 不合格党员处置, click by click: the demo's 限期改正 on the home card and the case page; a new case refused a step dated before the 事前备案. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, fillDate, goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('不合格党员处置', () => {
  const ui = useApp({ demo: true });

  it('the home card names the demo member whose 限期改正 ends within the month; the page shows the case and the unverified source', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/');
    const card = ui.page.getByTestId('widget-disposal');
    await expect.poll(() => card.innerText()).toContain('期限 2026-12-14，还有 16 天');
    await goto(ui.page, '/disposal');
    await expect.poll(() => ui.page.getByTestId('disposal-status').first().innerText()).toContain('限期改正，期限至 2026-12-14');
    expect(await ui.page.getByTestId('disposal-rule').innerText()).toContain('来源待核对');
    await snap(ui.page, 'e2e-disposal-demo');
  });

  it('opens a case, refuses a step before the 事前备案, records it after', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/disposal');
    await ui.page.getByTestId('disposal-add').click();
    await ui.page.getByTestId('disposal-member').click();
    await ui.page.locator('.el-select-dropdown:visible .el-select-dropdown__item').nth(5).click();
    await choose(ui.page, 'disposal-situation', '失联6个月以上2年以下');
    await fillDate(ui.page, 'disposal-opinion', '2026-11-02');
    await fillDate(ui.page, 'disposal-filed', '2026-11-06');
    await snap(ui.page, 'e2e-disposal-open');
    await ui.page.getByTestId('disposal-save').click();
    await toast(ui.page, '已保存');
    const caseCard = ui.page.locator('[data-testid^="disposal-case-"]', { hasText: '失联6个月以上2年以下' });
    await caseCard.getByRole('button', { name: '记录程序' }).click();
    const dialog = ui.page.getByTestId('disposal-dialog');
    await dialog.locator('input').nth(1).fill('2026-11-05');
    await dialog.locator('input').nth(1).press('Enter');
    await ui.page.getByTestId('disposal-save').click();
    await toast(ui.page, '不能早于支委会提出处置意见（2026-11-02）和向党委事前备案（2026-11-06）');
    await dialog.locator('input').nth(1).fill('2026-11-08');
    await dialog.locator('input').nth(1).press('Enter');
    const scan = `${ui.app.dataDir}/report.png`;
    fs.writeFileSync(scan, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    await ui.page.getByTestId('disposal-file').setInputFiles(scan);
    await ui.page.getByTestId('disposal-save').click();
    await toast(ui.page, '已保存');
    await expect.poll(() => caseCard.innerText()).toContain('调查核实 2026-11-08');
    expect(await caseCard.innerText()).toContain('附件 1');
    await snap(ui.page, 'e2e-disposal-case');
  });
});
