/** 党建工作总结, click by click: draft the half-year summary from the demo ledger, edit a paragraph, 刷新数据, export the .docx and file it in the archive. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { hasChromium, snap, useApp } from './support/app.ts';
import { goto, saveFromPreview, toast } from './support/pages.ts';

describe.skipIf(!hasChromium)('党建工作总结', () => {
  const ui = useApp({ demo: true });

  it('drafts the half-year summary, keeps the edited paragraph over 刷新数据 and exports it', async () => {
    const page = ui.page;
    await page.setViewportSize({ width: 1024, height: 768 });
    await goto(page, '/summary');
    // the demo's own H1 draft is there already
    await expect.poll(() => page.getByTestId('summary-preview-1').innerText()).toContain('主题党日活动');
    await page.getByTestId('summary-create').click();
    await toast(page, '已生成草稿');
    await expect.poll(() => page.getByTestId('summary-preview-1').innerText()).toMatch(/共开展主题党日活动\d+次，累计参加人次\d+人次/);
    await snap(page, 'e2e-summary-draft');

    await page.getByRole('tab', { name: '二、经验做法' }).click();
    const area = page.locator('[data-testid="summary-text-1"] textarea, textarea[data-testid="summary-text-1"]').first();
    const before = await area.inputValue();
    expect(before).toContain('{{themeDays}}');
    const mine = '（五）坚持党建引领，服务中心工作。各支部结合辖区治安实际开展党员先锋岗活动，成效明显。';
    await area.fill(`${before}\n${mine}`);
    await page.getByTestId('summary-save').click();
    await toast(page, '已保存');
    await expect.poll(() => page.getByTestId('summary-preview-1').innerText()).toContain(mine);

    await page.getByTestId('summary-refresh').click();
    const dialog = page.getByTestId('summary-changes');
    await dialog.getByText('知道了').waitFor();
    await snap(page, 'e2e-summary-refresh');
    await dialog.getByText('知道了').click();
    expect(await area.inputValue()).toContain(mine);
    expect(await area.inputValue()).toContain('{{themeDays}}');

    await page.getByRole('tab', { name: /^数据（\d+）$/ }).click();
    await expect.poll(() => page.getByTestId('summary-figures').innerText()).toContain('主题党日次数');
    await snap(page, 'e2e-summary-figures');

    await page.getByText(/^待补充（\d+）$/).click();
    await expect.poll(() => page.getByTestId('summary-gaps').innerText()).toContain('二、经验做法及成效');
    await snap(page, 'e2e-summary-gaps');

    // 主送 is asked at export (optional) and printed above the body
    const file = await (
      await saveFromPreview(page, async () => {
        await page.getByTestId('summary-export').click();
        await page.locator('.summary-addressee-box input').fill('市公安局党委');
        await page.locator('.summary-addressee-box .el-button--primary', { hasText: '导出' }).click();
      })
    ).path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('2026年上半年党建工作总结');
    expect(text).toContain('市公安局党委：');
    expect(text).toContain('坚持党建引领，服务中心工作');
    expect(text).toMatch(/共开展主题党日活动\d+次，累计参加人次\d+人次/);

    // 归档: the .docx filed as a binder K item
    await page.getByTestId('summary-archive').click();
    // the 主送 typed at export is offered again
    expect(await page.locator('.summary-addressee-box input').inputValue()).toBe('市公安局党委');
    await page.locator('.el-message-box .el-button--primary', { hasText: '归档' }).click();
    await toast(page, '已归档');
    await snap(page, 'e2e-summary-archived');
  });
});
