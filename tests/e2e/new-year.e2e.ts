/**
 * The new year, click by click, on the demo bureau pinned at 5 January 2027: the
 * 演示日期 banner, the home page asking for the 2027 年度核定 (沿用上年 offered)
 * instead of listing everyone as behind, the calendar on 2027 with January due,
 * and 2026's calendar and record book one click away.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, goto, toast, saveFromPreview } from './support/pages.ts';
import { monthOf } from '../../common/dates.ts';

const TODAY = '2027-01-05';
const YEAR = Number(TODAY.slice(0, 4));
const LAST = YEAR - 1;
const month = monthOf(TODAY);

describe.skipIf(!hasChromium)('the new year, click by click', () => {
  const ui = useApp({ demo: true, today: TODAY });

  it('shows the pinned date in the 演示日期 banner and on the home page', async () => {
    await expect.poll(() => ui.page.getByTestId('pinned-date-banner').innerText()).toContain(`演示日期：${TODAY}`);
    await expect.poll(() => ui.page.locator('.page-header').first().innerText()).toContain(`今天是 ${TODAY}`);
  });

  it('asks for the 2027 年度核定 with 沿用上年 instead of listing every member as behind', async () => {
    const card = ui.page.getByTestId('widget-dues');
    await expect.poll(() => card.innerText()).toContain(`党费收缴（${YEAR}年1月）`);
    expect(await ui.page.getByTestId('dues-assess-needed').innerText()).toContain(`${YEAR}年党费标准尚未核定`);
    expect(await ui.page.getByTestId('dues-go-assess').innerText()).toContain(`可沿用${LAST}年标准`);
    // only the demo's three laggards, behind on last year's months
    const lines = await ui.page.getByTestId('dues-arrears-line').allInnerTexts();
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.includes(`${LAST}年12月`))).toBe(true);
    expect(await card.innerText()).not.toContain('本月已交');
    await snap(ui.page, 'e2e-new-year-home');
  });

  it('carries 2026 forward from the assessment page the card links to, and the card then shows January', async () => {
    await ui.page.getByTestId('dues-go-assess').click();
    await expect.poll(() => ui.page.url()).toContain('/dues/assessment');
    // the page opens on the ledger's year: carrying forward there is what fixes 2027 (the card below stops asking)
    // the whole bureau's grid with an input per member: slow to render on a loaded machine
    await ui.page.getByTestId('dues-assess-table').locator('tbody tr').first().waitFor({ timeout: 120_000 });
    await ui.page.getByTestId('dues-carry').click({ timeout: 120_000 });
    expect(await toast(ui.page, '新核定')).toMatch(/新核定 \d+ 人/);
    await goto(ui.page, '/');
    const card = ui.page.getByTestId('widget-dues');
    await expect.poll(() => card.innerText()).toContain('本月已交');
    expect(await ui.page.getByTestId('dues-assess-needed').count()).toBe(0);
    // January is now owed: the laggards are a month further behind, up to this month
    await expect.poll(async () => (await ui.page.getByTestId('dues-arrears-line').allInnerTexts()).every((l) => l.includes(`${YEAR}年1月`))).toBe(true);
  }, 300_000);

  it('opens the compliance calendar on 2027 with January’s 支委会 due', async () => {
    await goto(ui.page, '/activities/calendar');
    const jan = ui.page.getByTestId(`cal-cell-机关第二党支部-支部委员会-${month}`);
    await expect.poll(() => jan.getAttribute('data-status')).toBe('due');
    expect(await ui.page.getByTestId(`cal-year-${YEAR}`).getAttribute('class')).toContain('is-active');
    await snap(ui.page, 'e2e-new-year-calendar');
  });

  it('shows 2026 one click away, with last year’s gaps and its December held', async () => {
    await ui.page.getByTestId(`cal-year-${LAST}`).click();
    await expect.poll(() => ui.page.getByTestId(`cal-cell-治安大队党支部-支部委员会-${LAST}-03`).getAttribute('data-status')).toBe('missing');
    expect(await ui.page.getByTestId(`cal-cell-机关第二党支部-支部委员会-${LAST}-12`).getAttribute('data-status')).toBe('held');
  });

  it('prints 2026’s record book one click from the current year', async () => {
    await goto(ui.page, '/activities/record-book');
    await choose(ui.page, 'rb-org', '机关第一党支部');
    await ui.page.getByTestId(`rb-year-${LAST}`).click();
    const file = await (await saveFromPreview(ui.page, () => ui.page.getByTestId('rb-export').click())).path();
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file!))).file('word/document.xml')!.async('string');
    expect(xml).toContain(`${LAST}年12月`);
  });
});
