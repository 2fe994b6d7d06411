/**
 * 首页 at 1024×768, as a clerk uses it: 本月待办 lists the most urgent first and each item opens its exact form
 * prefilled (a missing 支委会 → a new 支委会 of that branch and month; an arrears line → the payment form of that
 * member from the first unpaid month; a development reminder → that step), the address is cleared so a reload does
 * not open it again; the cards agree; on a new ledger, 开始使用 lists the five steps and ticks them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, TODAY, useApp } from './support/app.ts';
import { goto } from './support/pages.ts';

const MONTH = TODAY.slice(0, 7);
/** One item of 本月待办, the whole list shown first (it opens short). */
async function item(page: Page, text: string) {
  const more = page.getByTestId('desk-todo-more');
  if ((await more.count()) && (await more.innerText()).includes('全部显示')) await more.click();
  return page.getByTestId('desk-todo-item').filter({ hasText: text }).first();
}
/** The shown text of an Element Plus select (its data-testid is on the select). */
const selected = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).trim();

async function home(page: Page) {
  await goto(page, '/');
  await page.getByTestId('widget-desk-todo').getByTestId('desk-todo-item').first().waitFor();
}

describe.skipIf(!hasChromium)('首页 本月待办 on the demo, at 1024×768', () => {
  const ui = useApp({ demo: true });

  it('lists overdue first, then this week, then this month, and shows the earlier gaps as one line', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await home(ui.page);
    const todo = ui.page.getByTestId('widget-desk-todo');
    // a short list: the rest behind one button
    await todo.getByTestId('desk-todo-more').click();
    const urgencies = await todo.getByTestId('desk-todo-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-urgency')));
    const rank = { overdue: 0, week: 1, month: 2 } as Record<string, number>;
    expect(urgencies.map((u) => rank[u!])).toEqual([...urgencies.map((u) => rank[u!])].sort());
    expect(urgencies[0]).toBe('overdue');
    expect(urgencies).toContain('week');
    const past = todo.getByTestId('desk-todo-item').filter({ hasText: /往期缺失 \d+ 项 → 查看/ });
    expect(await past.count()).toBe(1);
    // no single earlier month of 组织生活 stands on its own
    expect(await todo.getByTestId('desk-todo-item').filter({ hasText: /^\s*已逾期.*[0-9]+月支部委员会/ }).count()).toBe(0);
    await snap(ui.page, 'e2e-home-todo-1024');
    await past.click();
    await expect.poll(() => ui.page.url()).toContain('#/activities/calendar');
  });

  it('a missing 支委会 opens a new 支委会 of that branch for this month, and a reload does not open it again', async () => {
    await home(ui.page);
    await (await item(ui.page, '机关第二党支部：本月尚未开展支部委员会')).click();
    const editor = ui.page.getByTestId('activity-editor');
    await editor.waitFor();
    await expect.poll(() => editor.locator('.el-dialog__title').innerText()).toBe('新增组织生活记录');
    await expect.poll(() => selected(ui.page, 'af-org')).toBe('机关第二党支部');
    expect(await selected(ui.page, 'af-type')).toBe('支部委员会');
    expect(await ui.page.getByTestId('af-heldOn').locator('input').first().inputValue()).toBe(TODAY);
    expect(await ui.page.getByTestId('af-countsFor').locator('input').first().inputValue()).toBe('');
    await snap(ui.page, 'e2e-home-open-meeting-1024');
    // the address no longer carries the form: back or reload leave it closed
    await expect.poll(() => ui.page.url()).not.toContain('new=1');
    await ui.page.reload();
    await ui.page.getByTestId('activity-table').waitFor();
    await ui.page.waitForTimeout(500);
    expect(await ui.page.getByTestId('activity-editor').isVisible()).toBe(false);
  });

  it('a red 缺失 tag of the 组织生活 card is clickable and opens the 补开 record for its month', async () => {
    await home(ui.page);
    const tag = ui.page.getByTestId('widget-activities-todo').getByTestId('todo-overdue-tag').filter({ hasText: '3月支部委员会缺失' }).first();
    await tag.click();
    await ui.page.getByTestId('activity-editor').waitFor();
    await expect.poll(() => selected(ui.page, 'af-org')).toBe('治安大队党支部');
    expect(await selected(ui.page, 'af-type')).toBe('支部委员会');
    expect(await ui.page.getByTestId('af-countsFor').locator('input').first().inputValue()).toBe(`${TODAY.slice(0, 4)}-03`);
    await ui.page.getByTestId('af-close').click();
    await ui.page.getByTestId('activity-editor').waitFor({ state: 'hidden' });
  });

  it('an arrears line opens the payment form of that member from the first unpaid month', async () => {
    await home(ui.page);
    await (await item(ui.page, '孔云飞（城关派出所党支部）连续 4 个月未交党费')).click();
    const dialog = ui.page.locator('.el-dialog', { hasText: '登记党费：孔云飞' });
    await dialog.waitFor();
    expect(await selected(ui.page, 'dues-collect-branch')).toBe('城关派出所党支部');
    expect(await ui.page.getByTestId('dues-pay-months').innerText()).toContain(`${TODAY.slice(0, 4)}年8月`);
    await snap(ui.page, 'e2e-home-open-payment-1024');
    await expect.poll(() => ui.page.url()).not.toContain('memberId');
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('a development reminder opens that step of the dossier', async () => {
    await home(ui.page);
    await (await item(ui.page, '韩雨桐（城关派出所党支部）：第2步 党组织派人谈话')).click();
    const step = ui.page.getByTestId('dev-step-dialog');
    await step.waitFor();
    expect(await step.locator('.el-dialog__title').innerText()).toBe('第2步 党组织派人谈话');
    await expect.poll(() => ui.page.url()).not.toContain('step=');
    expect(ui.page.url()).toContain('id=');
    await ui.page.keyboard.press('Escape');
    await step.waitFor({ state: 'hidden' });
  });

  it('the cards agree on 预备党员 and never show a zero in alarm red', async () => {
    await home(ui.page);
    await ui.page.getByTestId('dev-stage-预备党员').waitFor();
    // both cards load on their own: wait for each to show the roster's 6 (the development files alone hold 3)
    await expect.poll(() => ui.page.getByTestId('roster-probationary').locator('.stat').innerText()).toBe('6');
    await expect.poll(() => ui.page.getByTestId('dev-stage-预备党员').locator('.stat').innerText()).toBe('6');
    const reds = await ui.page.locator('.stat').evaluateAll((els) => els.filter((e) => getComputedStyle(e).color === 'rgb(192, 0, 0)').map((e) => e.textContent!.trim()));
    expect(reds.length).toBeGreaterThan(0);
    expect(reds).not.toContain('0');
    // 本月已交 counts only members still on the roster
    expect(await ui.page.getByTestId('widget-dues').innerText()).toMatch(/\d+\/\d+\s*本月已交/);
  });

  it('at 1400×900 the list spans the row above the cards', async () => {
    await ui.page.setViewportSize({ width: 1400, height: 900 });
    await home(ui.page);
    const list = await ui.page.getByTestId('widget-desk-todo').boundingBox();
    const roster = await ui.page.getByTestId('widget-roster').boundingBox();
    expect(list!.y + list!.height).toBeLessThanOrEqual(roster!.y);
    expect(list!.width).toBeGreaterThan(roster!.width * 1.5);
    await snap(ui.page, 'e2e-home-todo-1400');
    await ui.page.setViewportSize({ width: 1024, height: 768 });
  });
});

describe.skipIf(!hasChromium)('首页 开始使用 on a new ledger, at 1024×768', () => {
  const ui = useApp();

  it('lists the five steps, none done, and says what to do next', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await ui.page.getByTestId('setup-unit').fill('测试市公安局测试分局');
    await ui.page.getByTestId('setup-committee').fill('中共测试市公安局测试分局委员会');
    await ui.page.getByTestId('setup-create').click();
    const card = ui.page.getByTestId('widget-setup-checklist');
    await card.waitFor();
    expect(await card.locator('[data-testid="setup-step"] .label').allInnerTexts()).toEqual(['添加党支部', '任命支委', '录入或导入党员', '年度党费核定', '第一次组织生活记录']);
    expect(await card.locator('[data-done="1"]').count()).toBe(0);
    expect(await card.innerText()).toContain('下一步：添加党支部');
    // no branch yet: no to-do list to read
    expect(await ui.page.getByTestId('widget-desk-todo').count()).toBe(0);
    await snap(ui.page, 'e2e-home-setup-1024');
  });

  it('ticks 添加党支部 once a branch exists, and the to-do list appears', async () => {
    await ui.page.getByTestId('widget-setup-checklist').getByRole('button', { name: '添加党支部' }).click();
    await expect.poll(() => ui.page.url()).toContain('#/org');
    await ui.page.getByTestId('org-add-党支部').click();
    await ui.page.getByTestId('org-form-name').fill('刑侦大队党支部');
    await ui.page.getByTestId('org-form-save').click();
    await expect.poll(() => ui.page.getByTestId('org-tree').innerText()).toContain('刑侦大队党支部');
    await goto(ui.page, '/');
    const card = ui.page.getByTestId('widget-setup-checklist');
    await expect.poll(() => card.locator('[data-key="branch"]').getAttribute('data-done')).toBe('1');
    expect(await card.innerText()).toContain('下一步：任命支委');
    await ui.page.getByTestId('widget-desk-todo').waitFor();
    expect(await ui.page.getByTestId('widget-desk-todo').innerText()).toContain(`刑侦大队党支部：本月尚未开展支部委员会`);
    void MONTH;
    await snap(ui.page, 'e2e-home-setup-branch-1024');
  });
});
