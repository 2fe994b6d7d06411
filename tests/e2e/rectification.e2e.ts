/** 整改台账, click by click: "加入整改" from an overdue compliance gap on the home page, the gap then shows 整改中; the item gets its 佐证 and is 销号. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('整改台账', () => {
  const ui = useApp({ demo: true });

  it('creates an item from a calendar gap, shows it being rectified, adds 佐证 and closes it', async () => {
    const page = ui.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await goto(page, '/rectification');
    await expect.poll(() => page.getByTestId('rect-table').innerText()).toContain('ZG-2026-001');
    await page.getByTestId('rect-plan').click();
    await page.locator('.el-select-dropdown__item').filter({ hasText: '作风建设' }).first().click();
    await expect.poll(() => page.getByTestId('rect-plan-summary').innerText()).toContain('19条整改措施已完成15条，销号率78.9%');
    await snap(page, 'e2e-rectification-plan');

    await goto(page, '/');
    const todo = page.getByTestId('widget-activities-todo');
    await todo.getByTestId('todo-rectify').first().waitFor();
    const before = await todo.getByTestId('todo-rectifying').count();
    await todo.getByTestId('todo-rectify').first().click();
    await page.getByTestId('rect-form').waitFor();
    const title = await page.locator('[data-testid="rect-title"] textarea, textarea[data-testid="rect-title"]').first().inputValue();
    expect(title.length).toBeGreaterThan(3);
    expect(await page.locator('[data-testid="rect-owner-unit"] input, input[data-testid="rect-owner-unit"]').first().inputValue()).toMatch(/党支部|党委/);
    await page.locator('[data-testid="rect-owner"] input, input[data-testid="rect-owner"]').first().fill('王明');
    const due = page.locator('[data-testid="rect-due-item"] input').first();
    await due.fill('2026-12-31');
    await due.press('Enter');
    await snap(page, 'e2e-rectification-form');
    await page.getByTestId('rect-save').click();
    await toast(page, '已新增整改事项');

    await goto(page, '/');
    await expect.poll(() => todo.getByTestId('todo-rectifying').count()).toBe(before + 1);
    await snap(page, 'e2e-rectification-home');

    await goto(page, '/rectification');
    const row = page.getByTestId('rect-table').locator('.el-table__body tbody tr').filter({ hasText: title.slice(0, 12) }).first();
    await row.getByText('详情').click();
    const drawer = page.getByTestId('rect-drawer');
    await drawer.locator('[data-testid="rect-note"] input, input[data-testid="rect-note"]').first().fill('已补开支委会');
    await drawer.getByTestId('rect-note-add').click();
    await toast(page, '已登记进展');
    const proof = `${ui.app.dataDir}/proof.txt`;
    fs.writeFileSync(proof, '支委会会议记录');
    await drawer.getByTestId('rect-file').setInputFiles(proof);
    await toast(page, '已添加佐证材料');
    await drawer.getByTestId('rect-close').click();
    await page.locator('[data-testid="rect-accepted-by"] input, input[data-testid="rect-accepted-by"]').first().fill('李建国');
    await snap(page, 'e2e-rectification-close');
    await page.getByTestId('rect-close-confirm').click();
    await toast(page, '已销号');
    await expect.poll(() => row.innerText()).toContain('已销号');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await goto(page, '/');
    await expect.poll(() => todo.getByTestId('todo-rectifying').count()).toBe(before);
  });
});
