/**
 * 台账启用日期, click by click: a clerk who creates the ledger on 2 December (the setup form
 * offers 1 December) sees no 1月…11月 缺失 in the calendar or on the home page, only 未启用; after
 * moving the start date to 1 January in 单位设置, the gaps of January to November appear.
 * At 1024×768 first, then 1400×900.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { fillDate, goto, toast } from './support/pages.ts';

const TODAY = '2026-12-02';
const BRANCH = '刑侦大队党支部';
const MONTHS = Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
const cell = (month: string) => `cal-cell-${BRANCH}-支部委员会-${month}`;

describe.skipIf(!hasChromium)('台账启用日期: nothing before it is judged', () => {
  const ui = useApp({ today: TODAY });

  it('the setup form offers the first day of the month and creates the ledger', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await expect.poll(() => ui.page.getByTestId('setup-start-date').locator('input').inputValue()).toBe('2026-12-01');
    await ui.page.getByTestId('setup-unit').fill('测试市公安局测试分局');
    await ui.page.getByTestId('setup-committee').fill('中共测试市公安局测试分局委员会');
    await snap(ui.page, 'e2e-start-date-setup');
    await ui.page.getByTestId('setup-create').click();
    await expect.poll(() => ui.page.getByTestId('brand').innerText()).toContain('测试市公安局测试分局');
    await goto(ui.page, '/org');
    await ui.page.getByTestId('org-add-党支部').click();
    await ui.page.getByTestId('org-form-name').fill(BRANCH);
    await ui.page.getByTestId('org-form-save').click();
    await expect.poll(() => ui.page.getByTestId('org-tree').innerText()).toContain(BRANCH);
  });

  it('the calendar shows January to November as 未启用, December as due, and no 缺失', async () => {
    await goto(ui.page, '/activities/calendar');
    await expect.poll(() => ui.page.getByTestId(cell('2026-12')).getAttribute('data-status')).toBe('due');
    for (const m of MONTHS) expect(await ui.page.getByTestId(cell(m)).getAttribute('data-status')).toBe('before-start');
    expect(await ui.page.locator('[data-status="missing"]').count()).toBe(0);
    await expect.poll(() => ui.page.getByTestId('cal-before-start').innerText()).toContain('2026-12-01');
    await snap(ui.page, 'e2e-start-date-calendar-1024');
  });

  it('the home page lists this month’s meetings and no 缺失', async () => {
    await goto(ui.page, '/');
    await expect.poll(() => ui.page.getByTestId('widget-activities-todo').innerText()).toContain(BRANCH);
    expect(await ui.page.locator('main, .main, body').first().innerText()).not.toMatch(/\d+月[^\n]*缺失/);
  });

  it('moving the start date to 1 January in 单位设置 brings the gaps back', async () => {
    await ui.page.setViewportSize({ width: 1400, height: 900 });
    await goto(ui.page, '/settings');
    await ui.page.getByTestId('settings-tabs').getByText('台账启用日期', { exact: true }).click();
    await expect.poll(() => ui.page.getByTestId('start-date').locator('input').inputValue()).toBe('2026-12-01');
    // a date after today is refused with a message naming the field
    await fillDate(ui.page, 'start-date', '2026-12-20');
    await ui.page.getByTestId('start-save').click();
    expect(await toast(ui.page, '台账启用日期')).toContain('不能晚于今天');
    await fillDate(ui.page, 'start-date', '2026-01-01');
    await ui.page.getByTestId('start-save').click();
    await toast(ui.page, '已保存');
    await snap(ui.page, 'e2e-start-date-settings');
    await goto(ui.page, '/activities/calendar');
    await expect.poll(() => ui.page.getByTestId(cell('2026-01')).getAttribute('data-status')).toBe('missing');
    for (const m of MONTHS) expect(await ui.page.getByTestId(cell(m)).getAttribute('data-status')).toBe('missing');
    expect(await ui.page.getByTestId('cal-before-start').count()).toBe(0);
    await goto(ui.page, '/');
    await expect.poll(() => ui.page.getByTestId('widget-activities-todo').innerText()).toMatch(/1月[^\n]*缺失/);
  });
});
