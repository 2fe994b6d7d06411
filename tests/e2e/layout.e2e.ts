/**
 * Every screen at 1024×768 (and 1400×900 where it differs): what a clerk must see without hunting,
 * checked as bounding boxes against the window. No timing here.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { hasChromium, TODAY, useApp } from './support/app.ts';
import { goto } from './support/pages.ts';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1400, height: 900 },
];
const thisMonth = TODAY.slice(0, 7);

/** The element's box lies inside the window (a pixel of rounding allowed). */
async function inView(page: Page, l: Locator): Promise<boolean> {
  await l.first().waitFor({ state: 'visible' });
  const b = await l.first().boundingBox();
  const v = page.viewportSize()!;
  return !!b && b.width > 0 && b.x >= -1 && b.y >= -1 && b.x + b.width <= v.width + 1 && b.y + b.height <= v.height + 1;
}

/** Not covered by a fixed column or the table's edge: the point at its centre hits it. */
async function notCovered(l: Locator): Promise<boolean | string> {
  return l.first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return (!!hit && (el === hit || el.contains(hit) || hit.contains(el))) || `${hit?.tagName}.${hit?.className}`;
  });
}

describe.skipIf(!hasChromium)('every screen at 1024×768', () => {
  const ui = useApp({ demo: true });

  for (const size of SIZES) {
    describe(`${size.width}×${size.height}`, () => {
      it('党费收缴 opens on the current month: its cell, 实缴 and the 合计 row are in the window', async () => {
        await ui.page.setViewportSize(size);
        await goto(ui.page, '/dues/collection');
        const table = ui.page.getByTestId('dues-collect-table');
        const cell = table.locator(`[data-testid^="dues-cell-"][data-testid$="-${thisMonth}"]`).first();
        await expect.poll(() => inView(ui.page, cell)).toBe(true);
        await expect.poll(() => notCovered(cell)).toBe(true);
        const paidHeader = table.locator('thead th.total-paid');
        expect(await inView(ui.page, paidHeader)).toBe(true);
        const footer = table.locator('tfoot td.total-paid');
        expect(await inView(ui.page, footer)).toBe(true);
        expect(await footer.first().innerText()).toMatch(/^\d+\.\d\d$/);
        expect(await inView(ui.page, table.locator('tfoot td').first())).toBe(true);
      });

      it('党员花名册 keeps 状态, 所在支部 and 职务 in the window; 保存 of the member dialog is visible', async () => {
        await ui.page.setViewportSize(size);
        await goto(ui.page, '/members');
        const table = ui.page.getByTestId('member-table');
        for (const c of ['col-status', 'col-branch', 'col-position']) {
          const th = table.locator(`.el-table__header-wrapper th.${c}`);
          expect(await inView(ui.page, th), c).toBe(true);
          await expect.poll(() => notCovered(th), { message: c }).toBe(true);
        }
        await ui.page.getByTestId('member-add').click();
        const save = ui.page.getByTestId('mf-save');
        await expect.poll(() => inView(ui.page, save)).toBe(true);
        await expect.poll(() => notCovered(save)).toBe(true);
        await ui.page.locator('.el-dialog:visible').getByText('取消').click();
      });

      it('组织关系转接 shows 对方党组织, 党费 and 回执; 年度核定 its 核定/审批 column', async () => {
        await ui.page.setViewportSize(size);
        await goto(ui.page, '/transfers');
        for (const c of ['col-other-org', 'col-dues', 'col-receipt']) {
          const th = ui.page.locator(`.el-table__header-wrapper th.${c}`);
          expect(await inView(ui.page, th), c).toBe(true);
          await expect.poll(() => notCovered(th), { message: c }).toBe(true);
        }
        await goto(ui.page, '/dues/assessment');
        const approval = ui.page.getByTestId('dues-assess-table').locator('.el-table__header-wrapper th.col-approval');
        expect(await inView(ui.page, approval)).toBe(true);
        await expect.poll(() => notCovered(approval)).toBe(true);
      });

      it('欠缴党费, 上缴与对账 and 发展党员 keep their key columns in the window', async () => {
        await ui.page.setViewportSize(size);
        const pages: [string, string, string[]][] = [
          ['/dues/arrears', 'dues-arrears-table', ['col-member', 'col-months', 'col-owed', 'col-hint', 'col-go']],
          ['/dues/remittance', 'dues-recon-table', ['col-org', 'col-expected', 'col-remitted', 'col-diff', 'col-problems', 'col-remit']],
          ['/development', 'dev-table', ['col-name', 'col-next', 'col-deadline', 'col-problems', 'col-open']],
        ];
        for (const [nav, table, cols] of pages) {
          await goto(ui.page, nav);
          for (const c of cols) {
            const th = ui.page.getByTestId(table).locator(`.el-table__header-wrapper th.${c}`);
            expect(await inView(ui.page, th), `${nav} ${c}`).toBe(true);
            await expect.poll(() => notCovered(th), { message: `${nav} ${c}` }).toBe(true);
          }
        }
        // a row's 去登记 and 打开档案 are reachable too, not only their headers
        await goto(ui.page, '/development');
        const open = ui.page.getByTestId('dev-table').locator('.el-table__body-wrapper [data-testid^="dev-open-"]');
        expect(await inView(ui.page, open)).toBe(true);
        await expect.poll(() => notCovered(open)).toBe(true);
      });

      it('组织生活日历 shows the whole year with the current month and the 党组织 column', async () => {
        await ui.page.setViewportSize(size);
        await goto(ui.page, '/activities/calendar');
        const grid = ui.page.getByTestId('calendar-grid');
        await grid.locator('[data-status]').first().waitFor();
        const month = grid.locator('thead th', { hasText: new RegExp(`^${Number(thisMonth.slice(5))}月$`) });
        for (const th of [grid.locator('th.org'), month, grid.locator('thead th').last()]) {
          expect(await inView(ui.page, th), await th.first().innerText()).toBe(true);
          await expect.poll(() => notCovered(th)).toBe(true);
        }
        // the grid does not scroll sideways: all twelve months, the quarters and 全年 fit
        const scroll = await grid.evaluate((el) => ({ table: el.scrollWidth, box: el.parentElement!.clientWidth }));
        expect(scroll.table).toBeLessThanOrEqual(scroll.box + 1);
      });

      it('组织生活记录 pages the demo year: a pager, at most a page of rows', async () => {
        await ui.page.setViewportSize(size);
        await goto(ui.page, '/activities');
        const pager = ui.page.getByTestId('activity-pager');
        await expect.poll(() => inView(ui.page, pager)).toBe(true);
        const total = Number((await ui.page.getByTestId('activity-total').innerText()).match(/\d+/)![0]);
        expect(total).toBeGreaterThan(200);
        const rows = await ui.page.getByTestId('activity-table').locator('.el-table__body-wrapper tr.el-table__row').count();
        expect(rows).toBeGreaterThan(0);
        expect(rows).toBeLessThanOrEqual(50);
      });
    });
  }

  it('the menu scrolls on its own, the page stays put; a folded group stays folded', async () => {
    await ui.page.setViewportSize(SIZES[0]);
    await goto(ui.page, '/members');
    const menu = ui.page.getByTestId('nav-menu');
    const main = ui.page.locator('.main');
    const sizes = await menu.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    await menu.evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await menu.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await main.evaluate((el) => el.scrollTop)).toBe(0);
    expect(await ui.page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    expect(await inView(ui.page, ui.page.getByTestId('nav-/settings'))).toBe(true);
    // fold 党费: its items go, and stay folded after a reload
    await ui.page.getByTestId('nav-group-党费').locator('.el-sub-menu__title').click();
    await expect.poll(() => ui.page.getByTestId('nav-/dues/collection').isVisible()).toBe(false);
    await ui.page.reload();
    await ui.page.getByTestId('nav-/members').waitFor();
    await ui.page.waitForTimeout(300);
    expect(await ui.page.getByTestId('nav-/dues/collection').isVisible()).toBe(false);
    await ui.page.getByTestId('nav-group-党费').locator('.el-sub-menu__title').click();
    await expect.poll(() => ui.page.getByTestId('nav-/dues/collection').isVisible()).toBe(true);
  });
});
