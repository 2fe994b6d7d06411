/** 一键生成迎检材料 from the 档案 page: the dialog, 生成 with its steps, 取消 (nothing downloaded), then the .zip downloaded and read back. */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('the binder in one click', () => {
  const ui = useApp({ demo: true });
  const downloads: string[] = [];

  it('opens the dialog with the year, the scope and the period', async () => {
    ui.page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await goto(ui.page, '/archive');
    await ui.page.getByTestId('archive-binder').click();
    const dialog = ui.page.getByTestId('binder-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('一键生成迎检材料');
    expect(await ui.page.getByTestId('binder-org').innerText()).toContain('（全部）');
    await snap(ui.page, 'e2e-binder-dialog-1024');
  });

  it('取消 while it runs: the steps stop, nothing is downloaded', async () => {
    await ui.page.getByTestId('binder-build').click();
    const progress = ui.page.getByTestId('binder-progress');
    await expect.poll(() => progress.locator('li[data-state="完成"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await ui.page.getByTestId('binder-cancel').click();
    expect(await toast(ui.page, '已取消')).toContain('未留下文件');
    await expect.poll(() => ui.page.getByTestId('binder-build').isEnabled()).toBe(true);
    expect(downloads).toEqual([]);
  }, 60_000);

  it('生成 shows each step and downloads the .zip with its binders, catalogs and checksums', async () => {
    // a loaded machine (CI beside other work) takes minutes; the steps are checked, not the time
    const download = ui.page.waitForEvent('download', { timeout: 240_000 });
    await ui.page.getByTestId('binder-build').click();
    const progress = ui.page.getByTestId('binder-progress');
    await expect.poll(() => progress.locator('li[data-state="完成"]').count(), { timeout: 240_000 }).toBeGreaterThan(2);
    expect(await progress.innerText()).toContain('整理 B 三会一课');
    await snap(ui.page, 'e2e-binder-progress-1024');
    const d = await download;
    expect(d.suggestedFilename()).toBe('2026年度迎检材料.zip');
    const summary = ui.page.getByTestId('binder-summary');
    await expect.poll(() => summary.innerText(), { timeout: 10_000 }).toContain('迎检清单未齐全');
    await snap(ui.page, 'e2e-binder-done-1024');
    const zip = unzipSync(new Uint8Array(fs.readFileSync((await d.path())!)));
    const names = Object.keys(zip);
    expect(names).toContain('A 组织建设/归档文件目录.xlsx');
    expect(names).toContain('K 党务公开及其他/备考表.docx');
    expect(names.some((n) => /^B 三会一课\/\d{4} .*记录本\.docx$/.test(n))).toBe(true);
    const sums = strFromU8(zip['SHA256SUMS']).trim().split('\n');
    expect(sums.length).toBe(names.length - 2);
    expect(await progress.locator('li[data-state="完成"]').count()).toBe(await progress.locator('li').count());
  }, 300_000);

  it('the 迎检清单 page opens the same dialog', async () => {
    await ui.page.getByTestId('binder-dialog').locator('.el-dialog__footer').getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => ui.page.getByTestId('binder-dialog').isVisible()).toBe(false);
    await goto(ui.page, '/inspect');
    await ui.page.getByTestId('inspect-make-binder').waitFor();
    await snap(ui.page, 'e2e-binder-inspect-1024');
    await ui.page.getByTestId('inspect-make-binder').click();
    await expect.poll(() => ui.page.getByTestId('binder-dialog').isVisible()).toBe(true);
    expect(ui.page.url()).not.toContain('binder=');
  });
});
