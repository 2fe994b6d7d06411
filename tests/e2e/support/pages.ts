/** Page objects: what a clerk does, in steps the specs read like a task list. */
import type { Download, Page } from 'playwright-core';

export async function goto(page: Page, navPath: string): Promise<void> {
  await page.getByTestId(`nav-${navPath}`).click();
}

/** Picks an option of an Element Plus select by its visible label. */
export async function choose(page: Page, selectTestId: string, label: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).first().click();
}

/** Types a date into a date field (components/DateField.vue) and confirms it. */
export async function fillDate(page: Page, testId: string, iso: string): Promise<void> {
  // the id sits on the surrounding form item (or on the field itself); the input is inside it
  const input = page.getByTestId(testId).locator('input').first();
  // focus first: leaving the previous field may fill this one (the ID number fills 出生日期), then replace what is there
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

/**
 * Waits for a message toast and returns its text. Pass `text` to wait for the one that contains it:
 * earlier toasts may still be on screen, so the last one is not always the one you caused.
 */
export async function toast(page: Page, text?: string): Promise<string> {
  const el = (text ? page.locator('.el-message', { hasText: text }) : page.locator('.el-message')).last();
  await el.waitFor();
  return (await el.innerText()).trim();
}

/**
 * A generated document opens in the preview (components/FilePreview.vue): does what makes it
 * (`trigger`), waits for the preview, clicks 保存 and returns the download, then closes the preview.
 */
export async function saveFromPreview(page: Page, trigger: () => Promise<unknown>): Promise<Download> {
  await trigger();
  const preview = page.getByTestId('file-preview');
  await preview.getByTestId('preview-save').waitFor();
  const download = page.waitForEvent('download');
  await preview.getByTestId('preview-save').click();
  const d = await download;
  await preview.getByTestId('preview-close').click();
  await preview.waitFor({ state: 'hidden' });
  return d;
}
