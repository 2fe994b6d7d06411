/** Record this month's 支委会 from the calendar with attendance and a sign-in sheet, watch the cell turn from due to held, print the record book. */
import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, TODAY, useApp } from './support/app.ts';
import { choose, fillDate, goto, toast, saveFromPreview } from './support/pages.ts';

const BRANCH = '机关第二党支部';
const month = TODAY.slice(0, 7);
const [y, m, d] = TODAY.split('-').map(Number);

describe.skipIf(!hasChromium)('organizational life, click by click', () => {
  const ui = useApp({ demo: true });
  const cell = () => ui.page.getByTestId(`cal-cell-${BRANCH}-支部委员会-${month}`);

  it('lists what each branch still owes this month on the home page', async () => {
    await expect.poll(() => ui.page.getByTestId('widget-activities-todo').innerText()).toContain(BRANCH);
  });

  it('shows this month’s 支委会 as due in the calendar', async () => {
    await goto(ui.page, '/activities/calendar');
    await expect.poll(() => cell().getAttribute('data-status')).toBe('due');
    await snap(ui.page, 'e2e-activities-calendar');
  });

  it('explains a cell in one shared tooltip, on hover and on keyboard focus; Enter opens it', async () => {
    const tip = ui.page.locator('.cal-tip:visible');
    await cell().hover();
    await expect.poll(() => tip.innerText()).toContain('（点击新增记录）');
    // one tooltip for the whole grid, not one per cell
    expect(await ui.page.locator('.cal-tip').count()).toBe(1);
    expect(await ui.page.locator('[data-testid="calendar-grid"] .el-tooltip__trigger').count()).toBe(0);
    await ui.page.mouse.move(1, 1);
    await expect.poll(() => tip.count()).toBe(0);
    // a held cell names its records
    const held = ui.page.locator('[data-testid="calendar-grid"] [data-status="held"]').first();
    await held.focus();
    await expect.poll(() => tip.innerText()).toMatch(/（\d+ 条记录，点击查看）/);
    await cell().focus();
    await expect.poll(() => tip.innerText()).toContain('（点击新增记录）');
    await ui.page.keyboard.press('Enter');
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    await expect.poll(() => tip.count()).toBe(0);
    await ui.page.keyboard.press('Escape');
    // the prefilled new record may count as changed: leave it without saving
    const discard = ui.page.locator('.el-message-box', { hasText: '放弃未保存的内容？' });
    await expect.poll(async () => (await discard.isVisible()) || !(await editor.isVisible())).toBe(true);
    if (await discard.isVisible()) await discard.getByRole('button', { name: '放弃' }).click();
    await expect.poll(() => editor.isVisible()).toBe(false);
  });

  it('records the 支委会 from the calendar cell, with attendance and an absence reason', async () => {
    await cell().click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    await ui.page.getByTestId('af-topic').fill('研究年终组织生活会准备工作');
    await ui.page.getByTestId('af-place').fill('分局党员活动室');
    await ui.page.getByTestId('af-agenda').fill('研究召开年度组织生活会\n部署民主评议党员');
    await ui.page.getByTestId('af-content').fill('书记传达上级通知并提出要求。\n与会委员逐一发言。');
    await editor.getByRole('tab', { name: /出席情况/ }).click();
    const table = ui.page.getByTestId('att-table');
    await expect.poll(async () => (await table.locator('tbody tr').count()) > 1).toBe(true);
    const firstName = (await table.locator('tbody tr').nth(1).locator('td').first().innerText()).trim().split(/\s/)[0];
    await ui.page.getByTestId(`att-status-${firstName}`).getByText('公出').click();
    await ui.page.getByTestId(`att-reason-${firstName}`).fill('外出办案');
    await expect.poll(() => ui.page.getByTestId('att-summary').innerText()).toMatch(/实到 \d+ 人/);
    await snap(ui.page, 'e2e-activities-attendance');
    // the recorder suggested was the 组织委员; marked 公出, a present committee member records instead
    await editor.getByRole('tab', { name: '会议信息' }).click();
    await expect.poll(() => ui.page.getByTestId('af-recorder').inputValue()).not.toBe(firstName);
    expect(await ui.page.getByTestId('af-recorder').inputValue()).not.toBe('');
    // a host marked absent is shown before saving, as the save would refuse it
    const host = await ui.page.getByTestId('af-host').inputValue();
    expect(host).not.toBe('');
    await editor.getByRole('tab', { name: /出席情况/ }).click();
    await ui.page.getByTestId(`att-status-${host}`).getByText('缺席').click();
    await expect.poll(() => ui.page.getByTestId('af-findings').innerText()).toContain(`不能保存：主持人“${host}”在出席名单中为缺席`);
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await snap(ui.page, 'e2e-activities-findings-1024');
    await ui.page.setViewportSize({ width: 1400, height: 900 });
    await ui.page.getByTestId(`att-status-${host}`).getByText('出席').first().click();
    await expect.poll(() => ui.page.locator('[data-testid="af-findings"] [data-level="refuse"]').count()).toBe(0);
    await ui.page.getByTestId('af-save-continue').click();
    expect(await toast(ui.page)).toContain('已保存');
  });

  it('attaches the scanned sign-in sheet and previews it', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d30000000049454e44ae426082', 'hex');
    await ui.page.getByTestId('attachment-input').setInputFiles({ name: '签到表.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => ui.page.getByTestId('attachments').innerText()).toContain('签到表.png');
    await ui.page.getByTestId('attachments').getByText('签到表.png').click();
    await expect.poll(() => ui.page.getByTestId('attachment-preview').isVisible()).toBe(true);
    await ui.page.keyboard.press('Escape');
    const stored = fs.readdirSync(`${ui.app.dataDir}/attachments`, { recursive: true }).map(String);
    expect(stored.some((f) => /^[0-9a-f]{2}[\\/][0-9a-f]{64}$/.test(f))).toBe(true);
  });

  it('turns the calendar cell from due to held', async () => {
    await ui.page.getByTestId('af-close').click();
    await expect.poll(() => cell().getAttribute('data-status')).toBe('held');
  });

  it('prints the record book with the new meeting', async () => {
    await goto(ui.page, '/activities/record-book');
    await choose(ui.page, 'rb-org', BRANCH);
    const file = await (await saveFromPreview(ui.page, () => ui.page.getByTestId('rb-export').click())).path();
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file!))).file('word/document.xml')!.async('string');
    expect(xml).toContain('研究年终组织生活会准备工作');
    expect(xml).toContain(`${y}年${m}月${d}日`);
    expect(xml).toContain('外出办案');
    await snap(ui.page, 'e2e-activities-record-book');
  });

  it('a new 政治学习日 record is dated on this week\'s 政治学习日 weekday (系统设置), the latest one held', async () => {
    await goto(ui.page, '/activities');
    await ui.page.getByTestId('activity-add').click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    const date = ui.page.getByTestId('af-heldOn').locator('input').first();
    await expect.poll(() => date.inputValue()).toBe(TODAY);
    await choose(ui.page, 'af-type', '政治学习日');
    const hint = ui.page.getByTestId('af-study-day-hint');
    await expect.poll(() => hint.isVisible()).toBe(true);
    const label = (await hint.innerText()).match(/（(星期.)）/)![1];
    const weekday = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'].indexOf(label) + 1;
    // this week's day (Monday to Sunday), or the week before's when it is still ahead of today
    const t = new Date(`${TODAY}T00:00:00Z`);
    const iso = t.getUTCDay() || 7;
    t.setUTCDate(t.getUTCDate() + (weekday <= iso ? weekday - iso : weekday - iso - 7));
    const expected = t.toISOString().slice(0, 10);
    await expect.poll(() => date.inputValue()).toBe(expected);
    await snap(ui.page, 'e2e-activities-study-day');
    // a date the clerk typed stays when the type changes again
    await fillDate(ui.page, 'af-heldOn', '2026-11-18');
    await choose(ui.page, 'af-type', '党课');
    await choose(ui.page, 'af-type', '政治学习日');
    expect(await date.inputValue()).toBe('2026-11-18');
    expect(await hint.count()).toBe(0);
    await ui.page.getByTestId('af-close').click();
    const discard = ui.page.locator('.el-message-box', { hasText: '放弃未保存的内容？' });
    await expect.poll(async () => (await discard.isVisible()) || !(await editor.isVisible())).toBe(true);
    if (await discard.isVisible()) await discard.getByRole('button', { name: '放弃' }).click();
  });
});
