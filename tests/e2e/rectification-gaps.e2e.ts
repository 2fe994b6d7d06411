/**
 * 加入整改 from every gap, click by click on the demo: a 整改 item made from a compliance-calendar gap shows 整改中
 * there, gets its 佐证 and is 销号 (the gap offers 加入整改 again); the 迎检清单 and 欠缴党费 offer the same; the
 * 书记述职 figures on 统计分析 with each cell's source.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('加入整改 from the gaps', () => {
  const ui = useApp({ demo: true });
  const input = (testid: string) => ui.page.locator(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`).first();

  it('creates an item from a calendar gap, sees 整改中 there, then closes it', async () => {
    const page = ui.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await goto(page, '/activities/calendar');
    const gaps = page.getByTestId('cal-gaps');
    await gaps.getByTestId('cal-gaps-title').click();
    await gaps.getByTestId('cal-rectify').first().waitFor();
    const before = await gaps.getByTestId('cal-rectifying').count();
    const gap = gaps.getByTestId('cal-gap').filter({ has: page.getByTestId('cal-rectify') }).first();
    const message = (await gap.locator('.msg').innerText()).trim();
    await gap.getByTestId('cal-rectify').click();
    await page.getByTestId('rect-form').waitFor();
    const title = await page.locator('[data-testid="rect-title"] textarea, textarea[data-testid="rect-title"]').first().inputValue();
    expect(title).toBe(message);
    expect(await input('rect-owner-unit').inputValue()).toMatch(/党支部|党委/);
    await input('rect-owner').fill('王明');
    const due = page.locator('[data-testid="rect-due-item"] input').first();
    await due.fill('2026-12-31');
    await due.press('Enter');
    await snap(page, 'e2e-rectification-gaps-form');
    await page.getByTestId('rect-save').click();
    await toast(page, '已新增整改事项');
    await expect.poll(() => gaps.getByTestId('cal-rectifying').count()).toBe(before + 1);
    expect(await gaps.getByTestId('cal-gaps-title').innerText()).toContain(`整改中 ${before + 1} 项`);
    await snap(page, 'e2e-rectification-gaps-calendar');

    await goto(page, '/rectification');
    const row = page.getByTestId('rect-table').locator('.el-table__body tbody tr').filter({ hasText: title.slice(0, 12) }).first();
    await row.getByText('详情').click();
    const drawer = page.getByTestId('rect-drawer');
    const proof = `${ui.app.dataDir}/proof.txt`;
    fs.writeFileSync(proof, '补开会议记录');
    await drawer.getByTestId('rect-file').setInputFiles(proof);
    await toast(page, '已添加佐证材料');
    await drawer.getByTestId('rect-close').click();
    await input('rect-accepted-by').fill('李建国');
    await page.getByTestId('rect-close-confirm').click();
    await toast(page, '已销号');
    await expect.poll(() => row.innerText()).toContain('已销号');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await goto(page, '/activities/calendar');
    await page.getByTestId('cal-gaps').getByTestId('cal-gaps-title').click();
    await expect.poll(() => page.getByTestId('cal-gaps').getByTestId('cal-rectifying').count()).toBe(before);
  });

  it('the 迎检清单 gap and the arrears case offer 加入整改 too', async () => {
    const page = ui.page;
    await goto(page, '/inspect');
    await page.getByTestId('inspect-rectify').first().click();
    await page.getByTestId('rect-form').waitFor();
    await input('rect-owner').fill('王明');
    const due = page.locator('[data-testid="rect-due-item"] input').first();
    await due.fill('2026-12-31');
    await due.press('Enter');
    await page.getByTestId('rect-save').click();
    await toast(page, '已新增整改事项');
    await expect.poll(() => page.getByTestId('inspect-rectifying').count()).toBe(1);
    await page.waitForTimeout(400); // the tag fades in
    await snap(page, 'e2e-rectification-gaps-inspect');

    await goto(page, '/dues/arrears');
    await page.getByTestId('arrears-rectify').first().click();
    await page.getByTestId('rect-form').waitFor();
    expect(await page.locator('[data-testid="rect-title"] textarea, textarea[data-testid="rect-title"]').first().inputValue()).toMatch(/连续 \d+ 个月未缴纳党费/);
    await input('rect-owner').fill('王明');
    const due2 = page.locator('[data-testid="rect-due-item"] input').first();
    await due2.fill('2026-12-31');
    await due2.press('Enter');
    await page.getByTestId('rect-save').click();
    await toast(page, '已新增整改事项');
    await expect.poll(() => page.getByTestId('arrears-rectifying').count()).toBe(1);
    await page.waitForTimeout(400); // the tag fades in
    await snap(page, 'e2e-rectification-gaps-arrears');
  });

  it('统计分析 shows the 书记述职 figures, one row per branch and the 党委', async () => {
    const page = ui.page;
    await goto(page, '/stats');
    await page.getByRole('tab', { name: '书记述职指标' }).click();
    const table = page.getByTestId('secretary-table');
    await expect.poll(() => table.locator('.el-table__body tbody tr').count()).toBe(12);
    expect(await table.innerText()).toContain('计划未录入');
    await snap(page, 'e2e-secretary-indicators');
  });
});
