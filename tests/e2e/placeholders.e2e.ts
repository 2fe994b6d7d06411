/**
 * No placeholder is cut off at 1024×768: on every page of the menu, and in the
 * forms a clerk opens most (新增党员, 新增组织生活记录, 登记党费, 导入花名册,
 * 任命, 转出), each visible input's placeholder fits inside its box (measured in
 * the box's own font), and an empty select's placeholder is not truncated.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useApp } from './support/app.ts';
import { choose } from './support/pages.ts';

/** Opens a route by its address (some are not in the menu, and the menu's groups may be folded at 1024 px). */
async function goto(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => (location.hash = `#${r}`), route);
  await page.waitForFunction((r) => location.hash === `#${r}`, route, { timeout: 60_000 });
  await page.waitForTimeout(400);
}

const PAGES = [
  '/', '/stats', '/org', '/members', '/dues/assessment', '/dues/collection', '/dues/arrears', '/dues/remittance', '/dues/exports',
  '/activities', '/activities/calendar', '/activities/record-book', '/development', '/development/reminders', '/transfers', '/transfers/receipts',
  '/transfers/in', '/audit', '/recycle', '/settings',
];

/** Placeholders wider than their box, as "where: text (needs N px, has M px)". */
async function cutPlaceholders(page: Page, where: string): Promise<string[]> {
  const cut = await page.evaluate(() => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    const shown = (el: HTMLElement) => el.offsetParent !== null && el.getClientRects().length > 0;
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!el.placeholder || el.value || !shown(el) || el.type === 'file' || el.readOnly && el.closest('.el-select')) continue;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const need = ctx.measureText(el.placeholder).width;
      const has = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      if (need > has + 1) out.push(`${el.placeholder}（需 ${Math.ceil(need)} px，只有 ${Math.floor(has)} px）`);
    }
    // Element Plus draws a select's placeholder as a span that ends in an ellipsis when cut
    for (const el of document.querySelectorAll<HTMLElement>('.el-select__placeholder.is-transparent span, .el-select__placeholder.is-transparent')) {
      if (!shown(el) || el.children.length) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.textContent?.trim()}（下拉框，需 ${el.scrollWidth} px，只有 ${el.clientWidth} px）`);
    }
    return out;
  });
  return cut.map((c) => `${where}：${c}`);
}

describe.skipIf(!hasChromium)('placeholders at 1024×768', () => {
  const ui = useApp({ demo: true });
  const found: string[] = [];

  it('every page of the menu', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    for (const p of PAGES) {
      await goto(ui.page, p);
      await ui.page.waitForTimeout(300);
      found.push(...(await cutPlaceholders(ui.page, p)));
    }
  }, 180_000);

  it('the forms a clerk opens most', async () => {
    const forms: [string, string, () => Promise<void>][] = [
      ['/members', '新增党员', () => ui.page.getByTestId('member-add').click()],
      ['/members', '导入花名册', () => ui.page.getByTestId('member-import').click()],
      ['/activities', '新增组织生活记录', () => ui.page.getByTestId('activity-add').click()],
      ['/org', '任命', () => ui.page.getByTestId('org-add-role').click()],
    ];
    for (const [p, what, open] of forms) {
      await goto(ui.page, p);
      await open();
      await ui.page.locator('.el-dialog:visible').first().waitFor();
      await ui.page.waitForTimeout(300);
      found.push(...(await cutPlaceholders(ui.page, what)));
      await ui.page.keyboard.press('Escape');
      await ui.page.locator('.el-dialog:visible').first().waitFor({ state: 'hidden' }).catch(() => undefined);
    }
    // 登记党费: an unpaid month of the first branch
    await goto(ui.page, '/dues/collection');
    await ui.page.locator('.cell.unpaid').first().click();
    await ui.page.locator('.el-dialog:visible').first().waitFor();
    found.push(...(await cutPlaceholders(ui.page, '登记党费')));
    await ui.page.keyboard.press('Escape');
    // 转出 step 2: the letter's fields
    await goto(ui.page, '/transfers/out');
    await choose(ui.page, 'transfer-out-member', '杨浩然');
    await ui.page.getByTestId('transfer-out-next').click();
    await ui.page.getByTestId('transfer-out-to').waitFor();
    found.push(...(await cutPlaceholders(ui.page, '转出')));
  }, 180_000);

  it('finds none cut off', () => {
    expect(found.join('\n')).toBe('');
  });
});
