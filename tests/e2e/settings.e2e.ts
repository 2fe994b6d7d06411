/**
 * 单位设置 as one page, click by click on the demo bureau: the pages that had their own settings
 * dialogs (组织生活日历 频次规则, 回执跟踪 介绍信设置, 年度核定 党费设置, 发展党员 规则) link to its
 * sections; a rule change is saved as a new version with its source; 介绍信 shows the 党委's
 * address block as 单位信息 holds it; at 1024×768 every section's 保存 can be reached.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('单位设置, one page with a section per area', () => {
  const ui = useApp({ demo: true });

  it('shows every section as a tab', async () => {
    await goto(ui.page, '/settings');
    const tabs = ui.page.getByTestId('settings-tabs').locator('.el-tabs__item');
    await expect.poll(() => tabs.allInnerTexts()).toEqual(expect.arrayContaining(['单位信息', '党费', '组织生活频次规则', '发展党员规则', '介绍信', '数据与备份', '安全']));
    await expect.poll(() => ui.page.getByTestId('unit-seal').inputValue()).not.toBe('');
  });

  it('频次规则 on the calendar opens the rules section: versions with their sources, a change saved as a new version', async () => {
    await goto(ui.page, '/activities/calendar');
    await ui.page.getByTestId('cal-rules').click();
    await expect.poll(() => ui.page.url()).toContain('/settings?section=activities');
    const versions = ui.page.getByTestId('rules-versions');
    await expect.poll(() => versions.innerText()).toMatch(/全国默认[\s\S]*现行/);
    await ui.page.getByTestId('rules-source').fill('分局党委〔2026〕5号');
    await ui.page.getByTestId('rules-save').click();
    expect(await toast(ui.page, '已保存为新版本')).toContain('新版本');
    await expect.poll(() => versions.innerText()).toMatch(/本单位第 1 版[\s\S]*分局党委〔2026〕5号[\s\S]*现行/);
    await snap(ui.page, 'e2e-settings-activity-rules');
  });

  it('介绍信设置 on 回执跟踪 opens the letter section, whose address block follows 单位信息', async () => {
    await goto(ui.page, '/settings');
    await ui.page.getByTestId('settings-tabs').getByText('单位信息', { exact: true }).click();
    await ui.page.getByTestId('unit-fax').fill('0710-3216009');
    await ui.page.getByTestId('unit-save').click();
    await toast(ui.page, '已保存');
    await goto(ui.page, '/transfers/receipts');
    await ui.page.getByTestId('transfer-settings').click();
    await expect.poll(() => ui.page.url()).toContain('/settings?section=letter');
    await expect.poll(() => ui.page.getByTestId('letter-contact').innerText()).toContain('0710-3216009');
    await ui.page.getByTestId('letter-settings-save').click();
    expect(await toast(ui.page, '已保存介绍信设置')).toContain('介绍信');
  });

  it('at 1024×768 the 党费 section scrolls to its 保存', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/dues/assessment');
    await ui.page.getByTestId('dues-settings-link').click();
    const save = ui.page.getByTestId('dues-settings-save');
    await save.scrollIntoViewIfNeeded();
    const box = await save.boundingBox();
    expect(box && box.y + box.height <= 768 && box.x + box.width <= 1024).toBe(true);
    await snap(ui.page, 'e2e-settings-dues-1024');
    await ui.page.setViewportSize({ width: 1400, height: 900 });
  });
});
