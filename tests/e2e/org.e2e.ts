/** Committee posts of a demo branch, click by click: 卸任 keeps the holder in the post's history, a new 书记 is appointed, a second one is refused, a history row is corrected. */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, TODAY, useApp } from './support/app.ts';
import { choose, fillDate, goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('committee posts, click by click', () => {
  const ui = useApp({ demo: true });
  const roles = () => ui.page.getByTestId('org-roles').innerText();
  const history = () => ui.page.getByTestId('org-role-history').innerText();

  it('shows a branch’s current committee and no history yet', async () => {
    await goto(ui.page, '/org');
    await ui.page.getByTestId('org-tree').getByText('治安大队党支部').click();
    await expect.poll(() => ui.page.getByTestId('org-selected-name').innerText()).toContain('治安大队党支部');
    await expect.poll(roles).toContain('侯艳');
    await expect.poll(() => ui.page.getByText('暂无卸任记录').count()).toBe(1);
    // the demo's posts meet every appointment rule: no warning
    expect(await ui.page.getByTestId('org-role-findings').count()).toBe(0);
  });

  it('卸任 moves the holder into the history with the period', async () => {
    await ui.page.getByTestId('org-roles').locator('tr', { hasText: '侯艳' }).getByRole('button', { name: '卸任' }).click();
    const box = ui.page.locator('.el-message-box');
    await box.locator('input').fill(TODAY);
    await box.getByRole('button', { name: '确定' }).click();
    expect(await toast(ui.page, '已记录卸任')).toBe('已记录卸任');
    await expect.poll(history).toContain('侯艳');
    expect(await history()).toContain(`2023-04-10 至 ${TODAY}`);
    expect(await roles()).not.toContain('侯艳');
  });

  it('appoints a successor from the 卸任日期 and refuses a second 书记 naming the holder', async () => {
    await ui.page.getByTestId('org-add-role').click();
    await choose(ui.page, 'role-member', '康军');
    await fillDate(ui.page, 'role-start', TODAY);
    await ui.page.getByTestId('role-save').click();
    expect(await toast(ui.page, '已任命')).toBe('已任命');
    await expect.poll(roles).toMatch(/书记\s+康军/);
    await ui.page.getByTestId('org-add-role').click();
    await choose(ui.page, 'role-member', '廖卫东');
    await fillDate(ui.page, 'role-start', TODAY);
    await ui.page.getByTestId('role-save').click();
    expect(await toast(ui.page, '已有书记')).toBe(`该组织已有书记“康军”（${TODAY}起，现任），与本次任职时间重叠，请先为其办理卸任`);
    await ui.page.locator('.el-dialog').getByRole('button', { name: '取消' }).click();
    // the form was changed: closing it asks first
    await ui.page.locator('.el-message-box').getByRole('button', { name: '放弃' }).click();
    await expect.poll(() => ui.page.locator('.el-dialog:visible').count()).toBe(0);
  });

  it('corrects a history row’s 任职日期 from the dialog', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await ui.page.getByTestId('org-role-history').locator('tr', { hasText: '侯艳' }).getByRole('button', { name: '更正' }).click();
    await expect.poll(() => ui.page.locator('.el-dialog__title').innerText()).toBe('更正任职记录');
    await fillDate(ui.page, 'role-start', '2023-04-01');
    await snap(ui.page, 'e2e-org-role-correct');
    await ui.page.getByTestId('role-save').click();
    expect(await toast(ui.page, '已更正')).toBe('已更正');
    await expect.poll(history).toContain(`2023-04-01 至 ${TODAY}`);
    await snap(ui.page, 'e2e-org-posts');
  });
});
