/** 民主评议党员, click by click: a demo branch's grades, one more 优秀 shows the one-third warning as it is clicked, saved with it, the ballot printed. */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('民主评议党员', () => {
  const ui = useApp({ demo: true });

  it('the home card gives the summary sentence and opens the branch over the limit', async () => {
    const page = ui.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await goto(page, '/');
    const card = page.getByTestId('widget-evaluation');
    await expect.poll(() => card.innerText()).toContain('已评议 11/11 个党支部');
    expect(await page.getByTestId('evaluation-widget-sentence').innerText()).toMatch(/^评议党员\d+名，评为优秀28名、合格\d+名、基本合格\d+名、不合格1名/);
    const over = page.getByTestId('evaluation-widget-over');
    expect(await over.count()).toBe(1);
    expect(await over.innerText()).toContain('治安大队党支部：优秀 3 名，上限 2 名');
    await over.click();
    await page.getByTestId('eval-excellent-warning').waitFor();
    expect(await page.getByTestId('eval-excellent-warning').innerText()).toContain('评为优秀3名，超过正式党员8名的三分之一（最多2名）');
  });

  it('entering one 优秀 too many warns live with the count and the limit; saving keeps the warning as a finding', async () => {
    const page = ui.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await goto(page, '/evaluation');
    await choose(page, 'eval-branch', '交警中队党支部');
    await expect.poll(() => page.getByTestId('eval-tally').innerText()).toContain('正式党员 9 名');
    expect(await page.getByTestId('eval-count-优秀').innerText()).toBe('3');
    expect(await page.getByTestId('eval-limit').innerText()).toBe('3');
    // 3 of 9 is allowed: no warning
    expect(await page.getByTestId('eval-excellent-warning').count()).toBe(0);
    expect(await page.getByTestId('eval-scheme').innerText()).toContain('依据尚未核对原文');
    await snap(page, 'e2e-evaluation-branch');

    // a member rated 合格 becomes 优秀: 4 of 9, the warning shows at once
    const groups = page.locator('[data-testid^="eval-grade-"]');
    let target = '';
    for (let i = 0; i < (await groups.count()); i++) {
      const g = groups.nth(i);
      if ((await g.locator('.el-radio-button.is-active').innerText()).trim() === '合格') {
        target = (await g.getAttribute('data-testid'))!;
        break;
      }
    }
    expect(target).not.toBe('');
    await page.getByTestId(target).getByText('优秀', { exact: true }).click();
    const warning = page.getByTestId('eval-excellent-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('评为优秀4名，超过正式党员9名的三分之一（最多3名）');
    expect(await page.getByTestId('eval-count-优秀').innerText()).toBe('4');
    await snap(page, 'e2e-evaluation-warning');
    // back to 合格: gone
    await page.getByTestId(target).getByText('合格', { exact: true }).click();
    await warning.waitFor({ state: 'hidden' });
    // 优秀 again and saved: a warning, not a block
    await page.getByTestId(target).getByText('优秀', { exact: true }).click();
    await page.getByTestId('eval-save').click();
    await toast(page, '已保存');
    await expect.poll(() => page.getByTestId('eval-findings').innerText()).toContain('评为优秀4名，超过正式党员9名的三分之一（最多3名）');
    expect(await page.getByTestId('eval-save').innerText()).toContain('已保存');

    // the ballot for the meeting opens in the preview
    await page.getByTestId('eval-print-sheet').click();
    await page.getByTestId('file-preview').getByTestId('preview-save').waitFor();
    await snap(page, 'e2e-evaluation-ballot');
  });
});
