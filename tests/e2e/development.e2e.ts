/** Open a development file, record steps, watch a deadline warning appear and clear, accept a candidate at the 支部大会 and find the new 预备党员 on the roster. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, snap, TODAY, useApp } from './support/app.ts';
import { addDays, addMonths } from '../../common/dates.ts';

/** An application three months old, whose one-month talk is overdue; the talk 19 days after it; a 支部大会 yesterday. */
const applied = addMonths(TODAY, -3);
const talked = addDays(applied, 19);
const meeting = addDays(TODAY, -1);
import { choose, fillDate, goto, toast, saveFromPreview } from './support/pages.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';

/** The text box of an Element Plus input or input-number, wherever the test id landed. */
const field = (page: Page, id: string) => page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();

describe.skipIf(!hasChromium)('development, click by click', () => {
  const ui = useApp({ demo: true });

  it('shows the development reminders on the home page and the roster by stage', async () => {
    await expect.poll(() => ui.page.getByTestId('widget-development').innerText()).toContain('已逾期');
    await goto(ui.page, '/development');
    await expect.poll(() => ui.page.getByTestId('dev-table').innerText()).toContain('韩雨桐');
    await snap(ui.page, 'e2e-development-roster');
    await goto(ui.page, '/development/reminders');
    await expect.poll(() => ui.page.getByTestId('dev-reminders').innerText()).toMatch(/已逾期[\s\S]*韩雨桐/);
    await snap(ui.page, 'e2e-development-reminders');
    await goto(ui.page, '/development');
  });

  it('opens a file whose talk is overdue, and the warning clears once the talk is recorded', async () => {
    await ui.page.getByTestId('dev-add').click();
    await field(ui.page, 'dev-name').fill('欧阳新');
    await field(ui.page, 'dev-id-number').fill(makeIdNumber('370102', '1999-05-05', 777, true));
    await choose(ui.page, 'dev-branch', '刑侦大队党支部');
    await fillDate(ui.page, 'dev-application-date', applied);
    await ui.page.getByTestId('dev-file-save').click();
    expect(await toast(ui.page)).toContain('已为“欧阳新”建立发展档案');
    await expect.poll(() => ui.page.getByTestId('dev-findings').innerText()).toContain('尚未派人谈话');
    await expect.poll(() => ui.page.getByTestId('dev-finding-talk-1-month').count()).toBe(1);
    await snap(ui.page, 'e2e-development-overdue');
    await ui.page.getByTestId('dev-record-2').click();
    await fillDate(ui.page, 'dev-step-date', talked);
    await expect.poll(() => ui.page.getByTestId('dev-step-preview').innerText()).toContain('未发现违反规定');
    await ui.page.getByTestId('dev-step-save').click();
    await expect.poll(() => ui.page.locator('.el-message', { hasText: '已记录第2步' }).count()).toBe(1);
    await expect.poll(() => ui.page.getByTestId('dev-finding-talk-1-month').count()).toBe(0);
    await expect.poll(() => ui.page.getByTestId('dev-stage').innerText()).toBe('申请人');
  });

  it('refuses a 支部大会 without a quorum, then accepts the candidate, who joins the roster as 预备党员', async () => {
    await goto(ui.page, '/development');
    await ui.page.getByTestId('dev-open-许文博').click();
    await ui.page.getByTestId('dev-record-15').click();
    await fillDate(ui.page, 'dev-step-date', meeting);
    const num = (id: string) => field(ui.page, id);
    await num('dev-meeting-due').fill('16');
    await num('dev-meeting-present').fill('8');
    await num('dev-meeting-for').fill('8');
    await num('dev-meeting-for').press('Tab');
    await expect.poll(() => ui.page.getByTestId('dev-step-blocked').innerText()).toContain('未超过应到 16 人的半数');
    await snap(ui.page, 'e2e-development-quorum');
    await num('dev-meeting-present').fill('12');
    await num('dev-meeting-for').fill('11');
    await num('dev-meeting-for').press('Tab');
    await expect.poll(() => ui.page.getByTestId('dev-step-blocked').count()).toBe(0);
    await ui.page.getByTestId('dev-step-save').click();
    await expect.poll(() => ui.page.locator('.el-message', { hasText: '已记录第15步' }).count()).toBe(1);
    await expect.poll(() => ui.page.getByTestId('dev-stage').innerText()).toBe('预备党员');
    await snap(ui.page, 'e2e-development-accepted');
    await goto(ui.page, '/members');
    await ui.page.getByTestId('member-search').fill('许文博');
    await expect.poll(() => ui.page.getByTestId('member-table').innerText()).toMatch(new RegExp(`许文博[\\s\\S]*预备[\\s\\S]*${meeting}`)); // 状态 comes right after 姓名 since the 1024×768 layout
  });

  it('says which version judged each step; 单位设置 → 发展党员规则 lists the 2026.05 articles as 待核实 and edits the holiday calendar', async () => {
    await goto(ui.page, '/development');
    await ui.page.getByTestId('dev-open-许文博').click();
    await expect.poll(() => ui.page.getByTestId('dev-step-version-15').innerText()).toContain('按 2014');
    await expect.poll(() => ui.page.getByTestId('dev-rules-used').innerText()).toContain('2014');
    await goto(ui.page, '/development');
    await ui.page.getByTestId('dev-rules').click();
    await expect.poll(() => ui.page.url()).toContain('/settings?section=development');
    const dialog = ui.page.getByTestId('settings-development');
    await dialog.getByText('2026年修订细则', { exact: false }).first().click();
    await expect.poll(() => ui.page.getByTestId('dev-rule-changes').innerText()).toMatch(/第十三条[\s\S]*待核实[\s\S]*第十九条[\s\S]*第二十九条/);
    await expect.poll(() => dialog.innerText()).toContain('来源未经核实');
    await expect.poll(() => ui.page.getByTestId('dev-holidays').innerText()).toMatch(/2025[\s\S]*2026年部分节假日安排/);
    await snap(ui.page, 'e2e-development-rules-2026');
  });

  it('asks before saving a 公示 whose end date was counted Monday to Friday for 2027, and saves at once when 2026 covers it', async () => {
    await goto(ui.page, '/development');
    await ui.page.getByTestId('dev-open-冯宇航').click();
    await ui.page.getByTestId('dev-notice').click();
    // the 联系电话 starts as the 党委's phone from 单位设置 (the demo's)
    await expect.poll(() => ui.page.getByTestId('dev-notice-contact').inputValue()).toBe('0710-3216001');
    await fillDate(ui.page, 'dev-notice-start', '2026-12-28');
    await ui.page.getByTestId('dev-notice-save').click();
    const box = ui.page.locator('.el-message-box');
    await expect.poll(() => box.innerText()).toContain('2027年节假日安排未录入，公示截止日期按周一至周五暂算为2027年1月1日，请核对后再张贴');
    await snap(ui.page, 'e2e-development-notice-provisional');
    await box.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => box.isVisible()).toBe(false);
    let download = await saveFromPreview(ui.page, async () => {
      await ui.page.getByTestId('dev-notice-save').click();
      await box.getByRole('button', { name: '已核对，生成' }).click();
    });
    expect(download.suggestedFilename()).toBe('关于拟确定冯宇航同志为发展对象的公示.docx');
    // 12-21 to 12-25 lies wholly in 2026, whose 放假安排 the ledger ships: no question asked.
    await ui.page.getByTestId('dev-notice').click();
    await fillDate(ui.page, 'dev-notice-start', '2026-12-21');
    download = await saveFromPreview(ui.page, () => ui.page.getByTestId('dev-notice-save').click());
    expect(download.suggestedFilename()).toBe('关于拟确定冯宇航同志为发展对象的公示.docx');
    expect(await box.isVisible()).toBe(false);
  });
});
