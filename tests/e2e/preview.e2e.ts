/**
 * Preview before print: the record book opens as the document itself (rendered by docx-preview), the
 * roster as a sheet with its header row and members; 保存 downloads the file and the message names it
 * and the download folder. At 1024×768 and 1400×900, 保存 stays inside the window.
 */
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, useApp } from './support/app.ts';
import { choose, goto, toast } from './support/pages.ts';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1400, height: 900 },
];

describe.skipIf(!hasChromium)('preview before print', () => {
  const ui = useApp({ demo: true });
  const preview = () => ui.page.getByTestId('file-preview');

  async function saveButtonInView() {
    const box = (await preview().getByTestId('preview-save').boundingBox())!;
    const vp = ui.page.viewportSize()!;
    expect(box.y + box.height).toBeLessThanOrEqual(vp.height);
    expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
  }

  async function close() {
    await preview().getByTestId('preview-close').click();
    await preview().waitFor({ state: 'hidden' });
  }

  for (const size of SIZES) {
    it(`shows the record book as the document itself, then saves it (${size.width}×${size.height})`, async () => {
      await ui.page.setViewportSize(size);
      await goto(ui.page, '/activities/record-book');
      await choose(ui.page, 'rb-org', '机关第二党支部');
      await ui.page.getByTestId('rb-export').click();
      const doc = preview().getByTestId('preview-docx');
      // docx-preview lays the document out as pages (section.docx) inside its wrapper
      await expect.poll(() => doc.locator('section.docx').count(), { timeout: 30_000 }).toBeGreaterThan(1);
      expect(await doc.locator('section.docx').first().innerText()).toContain('三会一课记录本');
      expect(await doc.innerText()).toContain('机关第二党支部');
      await saveButtonInView();
      await snap(ui.page, `e2e-preview-record-book-${size.width}`);
      const download = ui.page.waitForEvent('download');
      await preview().getByTestId('preview-save').click();
      const d = await download;
      expect(d.suggestedFilename()).toMatch(/三会一课记录本.*\.docx$/);
      const msg = await toast(ui.page, d.suggestedFilename());
      expect(msg).toContain('下载');
      await close();
    });

    it(`shows the roster workbook as a sheet with its header and members (${size.width}×${size.height})`, async () => {
      await goto(ui.page, '/members');
      const firstName = (await ui.page.getByTestId('member-table').locator('tbody tr').first().locator('td').nth(1).innerText()).trim();
      expect(firstName).toMatch(/^[\u4e00-\u9fa5·]{2,}/);
      await ui.page.getByTestId('member-export').click();
      const sheet = preview().getByTestId('preview-sheet');
      await sheet.first().waitFor();
      const text = await sheet.first().innerText();
      expect(text).toContain('姓名');
      expect(text).toContain(firstName.split(/\s/)[0]);
      // merged title row: one cell spanning the columns
      expect(Number(await sheet.first().locator('tr').first().locator('td').first().getAttribute('colspan'))).toBeGreaterThan(1);
      await saveButtonInView();
      await snap(ui.page, `e2e-preview-roster-${size.width}`);
      const download = ui.page.waitForEvent('download');
      await preview().getByTestId('preview-save').click();
      const d = await download;
      expect(d.suggestedFilename()).toMatch(/党员花名册.*\.xlsx$/);
      expect(await toast(ui.page, d.suggestedFilename())).toContain('下载');
      await close();
    });
  }
});
