/** 迎检清单, click by click: the home card, a 缺失 item with its reason, its fix link opening the right form, an item added to the checklist. */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('the inspection checklist, click by click', () => {
  const ui = useApp({ demo: true });

  it('shows the year’s completeness and the worst gaps on the home page', async () => {
    await expect.poll(() => ui.page.getByTestId('widget-inspect').innerText()).toContain('书记抓基层党建述职报告');
    expect(await ui.page.getByTestId('inspect-widget-overall').innerText()).toMatch(/^\d+(\.\d)?%$/);
  });

  it('shows the 党委’s missing 述职报告 with its reason, grouped under its binder with the percent', async () => {
    await goto(ui.page, '/inspect');
    const binder = ui.page.locator('[data-testid="inspect-binder"][data-binder="I 党建责任和述职评议考核"]');
    await expect.poll(() => binder.innerText()).toContain('2026年未归档书记抓基层党建述职报告');
    expect(await binder.getByTestId('inspect-binder-percent').innerText()).toBe('0%');
    expect(await binder.locator('[data-testid="inspect-row"][data-status="缺失"]').count()).toBe(1);
    await snap(ui.page, 'e2e-inspect-results');
  });

  it('opens the meeting whose 签到表 is missing from the sign-in gap', async () => {
    const row = ui.page.locator('[data-testid="inspect-row"]', { hasText: '三会一课签到表' });
    await expect.poll(() => row.innerText()).toContain('5次会议缺签到表（第三季度均无签到表）');
    await row.getByTestId('inspect-fix').click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    expect(await editor.locator('.el-dialog__title').innerText()).toBe('编辑组织生活记录');
    await expect.poll(() => editor.getByTestId('af-org').innerText()).toContain('巡特警大队党支部');
    await expect.poll(() => editor.getByTestId('attachments').count()).toBe(1);
    expect(await editor.getByTestId('attachment-签到表.png').count()).toBe(0);
    await editor.getByTestId('af-close').click();
    await expect.poll(() => editor.isVisible()).toBe(false);
  });

  it('adds an item to the checklist; its 缺失 rows say why and 去补齐 opens the new-record form prefilled', async () => {
    await goto(ui.page, '/inspect');
    await ui.page.locator('.el-tabs__item', { hasText: '检查项目' }).click();
    await ui.page.getByTestId('inspect-item-add').click();
    const page = ui.page;
    await page.locator('[data-testid="inspect-item-title"] input, input[data-testid="inspect-item-title"]').first().fill('谈心谈话记录');
    await choose(ui.page, 'inspect-item-type', '谈心谈话');
    await page.getByTestId('inspect-item-cadence').locator('label', { hasText: '季' }).click();
    await page.getByTestId('inspect-item-save').click();
    expect(await toast(ui.page, '已保存')).toContain('已保存');
    await ui.page.locator('.el-tabs__item', { hasText: '检查结果' }).click();
    const row = ui.page.locator('[data-testid="inspect-row"][data-status="缺失"]', { hasText: '谈心谈话记录' }).first();
    await expect.poll(() => row.innerText()).toContain('第一季度、第二季度、第三季度谈心谈话无记录');
    const org = (await row.locator('.muted').first().innerText()).trim();
    await row.getByTestId('inspect-fix').click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    expect(await editor.locator('.el-dialog__title').innerText()).toBe('新增组织生活记录');
    await expect.poll(() => editor.getByTestId('af-type').innerText()).toContain('谈心谈话');
    await expect.poll(() => editor.getByTestId('af-org').innerText()).toContain(org);
    await snap(ui.page, 'e2e-inspect-fix-form');
  });
});
