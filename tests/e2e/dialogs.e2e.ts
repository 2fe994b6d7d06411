/**
 * Nothing typed is lost (issue 11 items 5 and 6): typed dates are kept in every
 * spelling and an impossible one is refused naming the field; a changed dialog
 * asks before it closes, an unchanged one does not; 会议内容 keeps a draft
 * across a reload; Ctrl+S saves the open dialog, Ctrl+N opens 新增.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, TODAY, useApp } from './support/app.ts';
import { choose, goto, toast } from './support/pages.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';

const BRANCH = '机关第二党支部';
const TOPIC = '核对日期保留';

/** The question a changed dialog asks, and its two answers. */
const discardBox = (page: Page) => page.locator('.el-message-box', { hasText: '放弃未保存的内容？' });
const dateInput = (page: Page, testId: string) => page.getByTestId(testId).locator('input').first();

describe.skipIf(!hasChromium)('nothing typed is lost, click by click', () => {
  const ui = useApp({ demo: true });

  it('Ctrl+N opens 添加党员 on 党员花名册; unchanged, Esc closes it without asking', async () => {
    await goto(ui.page, '/members');
    await ui.page.getByTestId('member-table').waitFor();
    await ui.page.keyboard.press('Control+n');
    const form = ui.page.getByTestId('member-form');
    await expect.poll(() => form.isVisible()).toBe(true);
    await ui.page.keyboard.press('Escape');
    await expect.poll(() => form.isVisible()).toBe(false);
    expect(await discardBox(ui.page).count()).toBe(0);
  });

  it('Esc on a changed member dialog asks first; 继续编辑 keeps the text, 放弃 closes', async () => {
    await ui.page.getByTestId('member-add').click();
    await ui.page.getByTestId('mf-name').fill('李保留');
    await ui.page.keyboard.press('Escape');
    await expect.poll(() => discardBox(ui.page).isVisible()).toBe(true);
    await discardBox(ui.page).getByRole('button', { name: '继续编辑' }).click();
    await expect.poll(() => discardBox(ui.page).isVisible()).toBe(false);
    expect(await ui.page.getByTestId('member-form').isVisible()).toBe(true);
    expect(await ui.page.getByTestId('mf-name').inputValue()).toBe('李保留');
    await ui.page.getByTestId('mf-cancel').click();
    await discardBox(ui.page).getByRole('button', { name: '放弃' }).click();
    await expect.poll(() => ui.page.getByTestId('member-form').isVisible()).toBe(false);
  });

  it('refuses 2026-13-45 naming the field, keeps 1980年5月4日 and 20050701, and Ctrl+S saves before any blur', async () => {
    await ui.page.getByTestId('member-add').click();
    await ui.page.getByTestId('mf-name').fill('周日期');
    const birth = dateInput(ui.page, 'mf-birthDate');
    await birth.fill('2026-13-45');
    await birth.press('Enter');
    await expect.poll(() => ui.page.getByTestId('mf-birthDate').innerText()).toContain('“出生日期”无法识别为日期');
    expect(await birth.inputValue()).toBe('2026-13-45'); // kept on screen, not replaced
    await birth.fill('1980年5月4日');
    await birth.press('Tab');
    await expect.poll(() => birth.inputValue()).toBe('1980-05-04');
    expect(await ui.page.getByTestId('mf-birthDate').innerText()).not.toContain('无法识别');
    await ui.page.getByTestId('mf-idNumber').fill(makeIdNumber('370102', '1980-05-04', 35, true));
    await choose(ui.page, 'mf-branch', BRANCH);
    await dateInput(ui.page, 'mf-fullDate').fill('2006/7/1');
    const join = dateInput(ui.page, 'mf-joinDate');
    await join.click();
    await join.fill('20050701');
    // no Enter, no blur: Ctrl+S straight from the date field
    await ui.page.keyboard.press('Control+s');
    expect(await toast(ui.page, '已保存')).toContain('已保存');
    await expect.poll(() => ui.page.getByTestId('member-form').isVisible()).toBe(false);
    await ui.page.getByTestId('member-search').fill('周日期');
    await expect.poll(() => ui.page.getByTestId('member-table').innerText()).toContain('周日期');
    const row = ui.page.getByTestId('member-table').locator('tr', { hasText: '周日期' }).first();
    expect(await row.innerText()).toContain('2005-07-01');
  });

  it('a typed 2026-10-15 over the prefilled meeting date survives save and reopen', async () => {
    await goto(ui.page, '/activities');
    await ui.page.getByTestId('activity-add').click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    await choose(ui.page, 'af-org', BRANCH);
    const held = dateInput(ui.page, 'af-heldOn');
    expect(await held.inputValue()).toBe(TODAY);
    await held.fill('2026-10-15');
    await held.press('Tab');
    await ui.page.getByTestId('af-topic').fill(TOPIC);
    await ui.page.getByTestId('af-place').fill('分局党员活动室');
    await ui.page.getByTestId('af-agenda').fill('核对会议日期');
    await ui.page.getByTestId('af-content').fill('书记主持，委员逐一发言。');
    await expect.poll(() => ui.page.getByTestId('af-host').inputValue()).not.toBe('');
    await expect.poll(() => ui.page.locator('[data-testid="af-findings"] [data-level="refuse"]').count()).toBe(0);
    await ui.page.getByTestId('af-save').click();
    expect(await toast(ui.page, '已保存')).toContain('已保存');
    await expect.poll(() => editor.isVisible()).toBe(false);
    await openRecord(ui.page);
    await expect.poll(() => dateInput(ui.page, 'af-heldOn').inputValue()).toBe('2026-10-15');
    await ui.page.getByTestId('af-close').click(); // unchanged: closes without asking
    await expect.poll(() => editor.isVisible()).toBe(false);
  });

  it('offers the 会议内容 draft back when the record is reopened after a reload; 放弃 drops it', async () => {
    await openRecord(ui.page);
    const draft = '书记主持，委员逐一发言。\n补充：下月开展谈心谈话。';
    await ui.page.getByTestId('af-content').fill(draft);
    await ui.page.waitForTimeout(300);
    await ui.page.goto(ui.app.origin);
    await goto(ui.page, '/activities');
    await openRecord(ui.page);
    const offer = ui.page.locator('.el-message-box', { hasText: '恢复上次未保存的草稿？' });
    await expect.poll(() => offer.isVisible()).toBe(true);
    await offer.getByRole('button', { name: '恢复', exact: true }).click();
    await expect.poll(() => ui.page.getByTestId('af-content').inputValue()).toBe(draft);
    await ui.page.getByTestId('af-close').click();
    await discardBox(ui.page).getByRole('button', { name: '放弃' }).click();
    await expect.poll(() => ui.page.getByTestId('activity-editor').isVisible()).toBe(false);
    await openRecord(ui.page);
    await expect.poll(() => ui.page.getByTestId('af-content').inputValue()).toBe('书记主持，委员逐一发言。');
    expect(await offer.count()).toBe(0);
    await ui.page.keyboard.press('Escape');
    await expect.poll(() => ui.page.getByTestId('activity-editor').isVisible()).toBe(false);
  });

  it.each(['due', 'missing'])('a new record opened from a calendar cell (%s), looked at and left unchanged, closes on Esc without asking', async (status) => {
    await goto(ui.page, '/activities/calendar');
    const owed = ui.page.locator(`[data-testid="calendar-grid"] [data-status="${status}"]`).first();
    await owed.waitFor();
    await owed.click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    expect(await editor.locator('.el-dialog__title').innerText()).toBe('新增组织生活记录');
    // the suggested host and the 应到 list have arrived; the clerk looks at the attendance tab, changes nothing
    await expect.poll(() => ui.page.getByTestId('af-host').inputValue()).not.toBe('');
    await editor.getByRole('tab', { name: /出席情况/ }).click();
    await expect.poll(async () => (await ui.page.getByTestId('att-table').locator('tbody tr').count()) > 0).toBe(true);
    await ui.page.waitForTimeout(500); // the record check (400 ms) has answered
    await ui.page.keyboard.press('Escape');
    await expect.poll(() => editor.isVisible()).toBe(false);
    expect(await discardBox(ui.page).count()).toBe(0);
  });
});

/** Opens the record made above from 组织生活记录 (searched by its topic). */
async function openRecord(page: Page) {
  const search = page.locator('input[placeholder="主题、内容、地点等"]');
  await search.fill(TOPIC);
  await search.press('Enter');
  const row = page.getByTestId('activity-table').locator('tr', { hasText: TOPIC }).first();
  await row.waitFor();
  await row.getByRole('button', { name: '编辑' }).click();
  await expect.poll(() => page.getByTestId('activity-editor').isVisible()).toBe(true);
  await expect.poll(() => page.getByTestId('af-topic').inputValue()).toBe(TOPIC);
}
