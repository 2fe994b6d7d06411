/** 党员积分, click by click: the demo's ranking, a member's points with the source of every line, entering an item and approving it at the 支委会. */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('党员积分', () => {
  const ui = useApp({ demo: true });

  it('shows the example scheme as local practice and a member\'s points with every line\'s source', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/points');
    const rule = ui.page.getByTestId('points-rule');
    await expect.poll(() => rule.innerText()).toContain('积分方案：示例（本地做法）');
    expect(await rule.innerText()).toContain('出处未核实');
    const row = ui.page.getByTestId('points-table').locator('.el-table__body tbody tr').first();
    await expect.poll(() => row.innerText()).toMatch(/\d/);
    await snap(ui.page, 'e2e-points-ranking');
    const name = (await row.locator('td').first().innerText()).trim();
    const total = Number(await ui.page.getByTestId(`points-total-${name}`).first().innerText());
    await ui.page.getByTestId(`points-name-${name}`).first().click();
    const drawer = ui.page.getByTestId('points-member');
    await expect.poll(() => drawer.getByTestId('points-member-total').innerText()).toBe(String(total));
    const lines = drawer.getByTestId('points-lines');
    await expect.poll(() => lines.innerText()).toContain('会议');
    const text = await lines.innerText();
    expect(text).toMatch(/参加三会一课/);
    expect(text).toMatch(/党费/);
    expect(text).toMatch(/2026-\d\d-\d\d .*党支部(党课|支部党员大会|党小组会)/);
    await snap(ui.page, 'e2e-points-member');
    await ui.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('enters a 表彰 for a member: shown as waiting, not counted; approved by the 支委会, the total rises by 5', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    const rows = ui.page.getByTestId('points-table').locator('.el-table__body tbody tr');
    // a member without a 作用发挥 point yet (the demo's entries went to a few)
    const all = await rows.allInnerTexts();
    const i = all.findIndex((t) => !t.includes('不参加积分') && !t.includes('待审核') && t.split('\t')[5]?.trim() === '0');
    expect(i).toBeGreaterThanOrEqual(0);
    const row = rows.nth(i);
    const name = (await row.locator('td').first().innerText()).trim();
    const total = ui.page.getByTestId(`points-total-${name}`).first();
    const before = Number(await total.innerText());
    await row.getByText('登记事项').click();
    const dialog = ui.page.getByTestId('points-entry-dialog');
    await dialog.getByTestId('points-entry-reason').fill('获分局个人嘉奖');
    await snap(ui.page, 'e2e-points-entry');
    await dialog.getByTestId('points-entry-save').click();
    await toast(ui.page, '已登记，待支委会审核后计分');
    await expect.poll(() => row.innerText()).toContain('1 项待审核');
    expect(Number(await total.innerText())).toBe(before);
    await ui.page.getByRole('tab', { name: /登记事项/ }).click();
    const entries = ui.page.getByTestId('points-entries');
    const entry = entries.locator('tr', { hasText: '获分局个人嘉奖' });
    expect(await entry.innerText()).toContain('未审核，不计分');
    await entry.getByTestId(`points-approve-${name}`).click();
    const approve = ui.page.getByTestId('points-approve-dialog');
    await approve.getByTestId('points-approve-ref').fill('2026年11月支部委员会');
    await snap(ui.page, 'e2e-points-approve');
    await approve.getByTestId('points-approve-save').click();
    await toast(ui.page, '已审核，计入积分');
    await expect.poll(() => entry.innerText()).toContain('2026年11月支部委员会');
    await ui.page.getByRole('tab', { name: '积分排名' }).click();
    await expect.poll(async () => Number(await total.innerText())).toBe(before + 5);
    await ui.page.getByTestId(`points-name-${name}`).first().click();
    const lines = ui.page.getByTestId('points-member').getByTestId('points-lines');
    await expect.poll(() => lines.innerText()).toContain('获分局个人嘉奖；支委会审核：2026-11-28 2026年11月支部委员会');
  });

  it('积分设置: the 评先树优 rule and who is not scored; one member left out with a reason and back in', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    const drawer = ui.page.getByTestId('points-member');
    if (await drawer.isVisible()) {
      await ui.page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    }
    await ui.page.getByTestId('points-settings').click();
    const dialog = ui.page.getByTestId('points-settings-dialog');
    await expect.poll(() => dialog.innerText()).toContain('不参加的人员类别');
    await expect.poll(() => dialog.getByTestId('points-settings-categories').innerText()).toContain('离退休');
    expect(await dialog.getByTestId('points-settings-reasons').innerText()).toContain('长期病假');
    await dialog.getByTestId('points-settings-mode').getByText('达到分数线').click();
    const threshold = dialog.getByTestId('points-settings-threshold').locator('input');
    await threshold.fill('70');
    await threshold.press('Tab');
    await snap(ui.page, 'e2e-points-settings');
    await dialog.getByTestId('points-settings-save').click();
    await toast(ui.page, '已保存积分设置');
    await ui.page.getByRole('tab', { name: '评先树优名单' }).click();
    await expect.poll(() => ui.page.getByTestId('points-honours-rule').innerText()).toContain('积分达到 70 分');
    const totals = (await ui.page.getByTestId('points-honours').locator('.el-table__body tbody tr').allInnerTexts()).map((t) => Number(t.split('\t')[2]));
    expect(totals.length).toBeGreaterThan(0);
    expect(totals.every((n) => n >= 70)).toBe(true);

    await ui.page.getByRole('tab', { name: '积分排名' }).click();
    const rows = ui.page.getByTestId('points-table').locator('.el-table__body tbody tr');
    const all = await rows.allInnerTexts();
    const i = all.findIndex((t) => !t.includes('不参加积分'));
    const name = (await rows.nth(i).locator('td').first().innerText()).trim();
    await ui.page.getByTestId(`points-exclude-${name}`).first().click();
    const ex = ui.page.getByTestId('points-exclude-dialog');
    await expect.poll(() => ex.isVisible()).toBe(true);
    await ex.getByTestId('points-exclude-save').click();
    await expect.poll(() => ex.innerText()).toContain('请选择不参加积分的情形');
    await ex.getByTestId('points-exclude-reason').click();
    await ui.page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '长期病假' }).first().click();
    await ex.getByTestId('points-exclude-note').fill('2026年3月起病休');
    await snap(ui.page, 'e2e-points-exclude');
    await ex.getByTestId('points-exclude-save').click();
    await toast(ui.page, `${name} 2026年不参加积分（长期病假）`);
    await expect.poll(() => ui.page.getByTestId(`points-excluded-${name}`).first().innerText()).toBe('不参加积分（长期病假）');
    expect(await ui.page.getByTestId(`points-total-${name}`).count()).toBe(0);
    await expect.poll(() => ui.page.getByTestId('points-count').innerText()).toMatch(/其中 \d+ 名不参加积分/);
    await ui.page.getByTestId(`points-include-${name}`).first().click();
    await ui.page.locator('.el-message-box').getByRole('button', { name: '恢复' }).click();
    await toast(ui.page, '已恢复积分');
    await expect.poll(() => ui.page.getByTestId(`points-total-${name}`).count()).toBeGreaterThan(0);
  });

  it('sorts the ranking by 总分 high to low on a click, the members not scored last, without sideways scroll at 1024', async () => {
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/points');
    const table = ui.page.getByTestId('points-table');
    await expect.poll(() => table.locator('.el-table__body tbody tr').count()).toBeGreaterThan(20);
    const wrap = table.locator('.el-table__body-wrapper .el-scrollbar__wrap').first();
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    await table.locator('th', { hasText: '总分' }).locator('.sort-caret.descending').click();
    const cells = await table.locator('.el-table__body tbody tr').evaluateAll((trs) => trs.map((tr) => (tr.querySelector('td:nth-child(8)') as HTMLElement | null)?.innerText.trim() ?? ''));
    const scored = cells.filter((c) => c !== '').map(Number);
    expect(scored.length).toBeGreaterThan(20);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    // the not-scored rows (blank 总分) come after every score
    expect(cells.slice(scored.length).every((c) => c === '')).toBe(true);
    await snap(ui.page, 'e2e-points-sorted');
  });
});
