/** 党建工作提醒, click by click on the demo (today 2026-11-28): edit a month's theme, preview the notice per branch, generate it with its 文号, see it issued and the theme on the calendar. */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, goto, saveFromPreview, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('党建工作提醒', () => {
  const ui = useApp({ demo: true });

  it('shows the month’s notice per branch with the 文号 it will take', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/notices');
    await expect.poll(() => ui.page.getByTestId('notice-heading').innerText()).toBe('关于做好2026年11月党建工作的提醒');
    expect(await ui.page.getByTestId('notice-next-docno').innerText()).toContain('临江党委〔2026〕1号');
    expect(await ui.page.getByTestId('notice-org-治安大队党支部').innerText()).toContain('任期已于2026年4月10日届满');
    expect(await ui.page.getByTestId('notice-theme').innerText()).toContain('规范执法 为民服务');
    await snap(ui.page, 'e2e-notice-month');
  });

  it('edits November’s theme in the 主题党日工作安排; the notice quotes it', async () => {
    await ui.page.getByTestId('notice-tabs').locator('.el-tabs__item', { hasText: '主题党日工作安排' }).click();
    const theme = ui.page.getByTestId('plan-theme-11');
    await expect.poll(() => theme.inputValue()).toBe('规范执法 为民服务');
    await theme.fill('');
    await ui.page.getByTestId('plan-content-11').fill('围绕执法规范化开展案例评查');
    await theme.fill('');
    await ui.page.getByTestId('plan-save-11').click();
    // an empty theme of a planned month deletes it; then a new theme is planned
    await toast(ui.page, '已删除11月安排');
    await theme.fill('执法为民 规范执法');
    await ui.page.getByTestId('plan-content-11').fill('开展执法案例评查，听取群众意见');
    await ui.page.getByTestId('plan-save-11').click();
    await toast(ui.page, '已保存11月主题党日安排');
    await snap(ui.page, 'e2e-notice-plan');
    await ui.page.getByTestId('notice-tabs').locator('.el-tabs__item', { hasText: '本月提醒' }).click();
    await expect.poll(() => ui.page.getByTestId('notice-theme').innerText()).toContain('执法为民 规范执法');
  });

  it('生成通知 takes the 文号, shows the .docx before saving, and lists it as issued', async () => {
    await ui.page.getByTestId('notice-issue').click();
    const box = ui.page.locator('.el-message-box', { hasText: '临江党委〔2026〕1号' });
    await box.waitFor();
    const d = await saveFromPreview(ui.page, () => box.getByRole('button', { name: '生成' }).click());
    expect(d.suggestedFilename()).toBe('2026年11月党建工作提醒.docx');
    await expect.poll(() => ui.page.getByTestId('notice-next-docno').innerText()).toContain('临江党委〔2026〕2号');
    await ui.page.getByTestId('notice-tabs').locator('.el-tabs__item', { hasText: '已印发' }).click();
    await expect.poll(() => ui.page.getByTestId('notice-issued').innerText()).toContain('临江党委〔2026〕1号');
    await snap(ui.page, 'e2e-notice-issued');
  });

  it('the compliance calendar names the month’s planned theme', async () => {
    await goto(ui.page, '/activities/calendar');
    await expect.poll(() => ui.page.getByTestId('cal-theme').innerText()).toContain('11月主题党日：执法为民 规范执法');
    expect(await ui.page.getByTestId('cal-month-11').getAttribute('title')).toBe('主题党日：执法为民 规范执法');
    await snap(ui.page, 'e2e-notice-calendar');
  });

  it('a new 主题党日 in November starts from the planned theme', async () => {
    await ui.page.getByTestId('cal-cell-机关第二党支部-支部委员会-2026-11').click();
    const editor = ui.page.getByTestId('activity-editor');
    await expect.poll(() => editor.isVisible()).toBe(true);
    await choose(ui.page, 'af-type', '主题党日');
    await expect.poll(() => ui.page.getByTestId('af-topic').inputValue()).toBe('执法为民 规范执法');
    expect(await ui.page.getByTestId('af-planned-theme').innerText()).toContain('开展执法案例评查');
    await snap(ui.page, 'e2e-notice-editor-theme');
    await ui.page.getByTestId('af-close').click();
    const discard = ui.page.locator('.el-message-box', { hasText: '放弃未保存的内容？' });
    await expect.poll(async () => (await discard.isVisible()) || !(await editor.isVisible())).toBe(true);
    if (await discard.isVisible()) await discard.getByRole('button', { name: '放弃' }).click();
  });
});
