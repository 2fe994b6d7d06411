/**
 * 每周政治学习日: switched off on the 频次规则 page the calendar has no such row; switched on, a branch that
 * holds none shows "0/5周" for November, a click records that week's 政治学习日 on the preferred weekday,
 * and the cell counts it.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

// the demo branch that holds no weekly 政治学习日 (core/activities/demo-study.ts: every branch but the last does)
const BRANCH = '退休党支部';
// TODAY is Saturday 28 November: November's weeks start 2, 9, 16, 23 (running) and 30 November (not begun)
const CELL = `cal-cell-${BRANCH}-政治学习日-2026-11`;

describe.skipIf(!hasChromium)('每周政治学习日, click by click', () => {
  const ui = useApp({ demo: true });
  const section = () => ui.page.getByTestId('settings-study-day');
  const saveSetting = async (on: boolean) => {
    const sw = ui.page.getByTestId('study-day-enabled');
    if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
    await ui.page.getByTestId('study-day-save').click();
    expect(await toast(ui.page, '已保存')).toContain('已保存');
  };

  it('switched off, the calendar has no 政治学习日 row', async () => {
    await goto(ui.page, '/activities/calendar');
    await ui.page.getByTestId('cal-rules').click();
    await expect.poll(() => section().isVisible()).toBe(true);
    await section().scrollIntoViewIfNeeded();
    expect(await section().innerText()).toContain('地方做法（每周政治学习日制度），非全国统一规定；默认关闭');
    await saveSetting(false);
    await goto(ui.page, '/activities/calendar');
    await expect.poll(() => ui.page.getByTestId(`cal-cell-${BRANCH}-支部委员会-2026-11`).isVisible()).toBe(true);
    expect(await ui.page.getByTestId(CELL).count()).toBe(0);
  });

  it('switched on, the month cell shows the weeks held', async () => {
    await ui.page.getByTestId('cal-rules').click();
    await expect.poll(() => section().isVisible()).toBe(true);
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await section().scrollIntoViewIfNeeded();
    await snap(ui.page, 'e2e-study-day-settings-1024');
    await saveSetting(true);
    await goto(ui.page, '/activities/calendar');
    await expect.poll(() => ui.page.getByTestId(CELL).innerText()).toBe('0/5周');
    expect(await ui.page.getByTestId(CELL).getAttribute('data-status')).toBe('missing');
    await ui.page.getByTestId(CELL).scrollIntoViewIfNeeded();
    await snap(ui.page, 'e2e-study-day-calendar-1024');
  });

  it('a click records the first week owed on its Friday; the cell counts it', async () => {
    await ui.page.getByTestId(CELL).click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    await expect.poll(() => ui.page.getByTestId('af-heldOn').locator('input').first().inputValue()).toBe('2026-11-06');
    await ui.page.getByTestId('af-topic').fill('学习党章');
    await expect.poll(() => ui.page.getByTestId('af-host').inputValue()).not.toBe('');
    await expect.poll(() => ui.page.getByTestId('af-recorder').inputValue()).not.toBe('');
    await ui.page.getByTestId('af-save-continue').click();
    expect(await toast(ui.page, '已保存')).toContain('已保存');
    await ui.page.getByTestId('af-close').click();
    await expect.poll(() => ui.page.getByTestId(CELL).innerText()).toBe('1/5周');
  });
});
