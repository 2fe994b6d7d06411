/** File an uploaded scan on the 档案 page: it is listed with its 档号, found by its words, and can be voided with a reason while keeping its number. */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, goto, toast } from './support/pages.ts';

const TITLE = '中共江城市公安局临江分局委员会关于加强党建档案管理的规定';
// the upload takes the next 件号 after the demo's 2026 制度建设 (永久) items, read from the list before it
const H_PREFIX = 'J012-WS·2026-Y-H-';
let ARCHIVE_NO = '';

describe.skipIf(!hasChromium)('the archive, click by click', () => {
  const ui = useApp({ demo: true });

  it('lists the demo year’s filed items with their 档号, the voided ones marked', async () => {
    await goto(ui.page, '/archive');
    const table = ui.page.getByTestId('archive-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(100);
    await expect.poll(() => table.innerText()).toContain('作废');
    // the scanned sign-in sheets (images) have no text: marked, kept, found by their other fields
    expect(await table.getByTestId('tag-no-text').count()).toBeGreaterThan(0);
    const numbers = (await table.getByTestId('row-archive-no').allInnerTexts()).filter((n) => n.startsWith(H_PREFIX));
    expect(numbers.length).toBeGreaterThan(0);
    const last = Math.max(...numbers.map((n) => Number(n.slice(H_PREFIX.length))));
    ARCHIVE_NO = H_PREFIX + String(last + 1).padStart(4, '0');
    await snap(ui.page, 'e2e-archive-list');
    await ui.page.setViewportSize({ width: 1024, height: 768 });
    await snap(ui.page, 'e2e-archive-list-1024');
    await ui.page.setViewportSize({ width: 1400, height: 900 });
  });

  it('files an uploaded scan with a text file and shows it with its 档号', async () => {
    await ui.page.getByTestId('archive-upload-start').click();
    const dialog = ui.page.getByTestId('archive-upload');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await choose(ui.page, 'upload-category', 'H 制度建设');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d30000000049454e44ae426082', 'hex');
    await ui.page.getByTestId('upload-input').setInputFiles([
      { name: '档案管理规定扫描件.png', mimeType: 'image/png', buffer: png },
      { name: '档案管理规定.txt', mimeType: 'text/plain', buffer: Buffer.from('党建档案实行专柜保管，换届时办理移交手续。') },
    ]);
    await expect.poll(() => dialog.innerText()).toContain('档案管理规定.txt');
    await ui.page.getByTestId('upload-title').fill(TITLE);
    await snap(ui.page, 'e2e-archive-upload');
    await ui.page.getByTestId('upload-submit').click();
    expect(await toast(ui.page, '已归档')).toContain(ARCHIVE_NO);
    await ui.page.getByTestId('archive-search').fill('专柜保管');
    const table = ui.page.getByTestId('archive-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toContain(TITLE);
    expect(await table.getByTestId('row-archive-no').innerText()).toBe(ARCHIVE_NO);
  });

  it('opens the item with its two files and voids it with a reason, keeping its number', async () => {
    await ui.page.getByTestId('archive-table').getByText(TITLE).click();
    const drawer = ui.page.getByTestId('archive-item');
    await expect.poll(() => drawer.innerText()).toContain('档案管理规定扫描件.png');
    expect(await ui.page.getByTestId('item-archive-no').innerText()).toBe(ARCHIVE_NO);
    await ui.page.getByTestId('item-void').click();
    await ui.page.locator('.el-message-box input').fill('误传：应归入上级文件');
    await ui.page.locator('.el-message-box').getByRole('button', { name: '作废' }).click();
    expect(await toast(ui.page, '已作废')).toContain('已作废');
    await expect.poll(() => drawer.innerText()).toContain('误传：应归入上级文件');
    await snap(ui.page, 'e2e-archive-item');
    expect(await ui.page.getByTestId('item-archive-no').innerText()).toBe(ARCHIVE_NO);
  });
});
