/**
 * Takes screenshots of every page and the main dialogs with the demo bureau (pinned to TODAY), at
 * 1024×768 and 1400×900, for a person to look at: test-results/screens/<width>x<height>/*.png.
 * Each shot is the window as the clerk sees it (not the whole scrolled page).
 * `npm run screens -- 1024` takes one size only.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, startApp } from '../tests/e2e/support/app.ts';
import { NAV } from '../renderer/src/nav.ts';

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1400, height: 900 },
].filter((s) => !process.argv[2] || String(s.width) === process.argv[2]);

/** The dialogs a clerk opens most: where to go, what to click. */
const DIALOGS: { name: string; path: string; open: (page: Page) => Promise<void> }[] = [
  { name: 'member-add', path: '/members', open: (p) => p.getByTestId('member-add').click() },
  { name: 'activity-add', path: '/activities', open: (p) => p.getByTestId('activity-add').click() },
  { name: 'development-add', path: '/development', open: (p) => p.getByTestId('dev-add').click() },
  { name: 'dues-pay', path: '/dues/collection', open: (p) => p.locator('.cell.unpaid').first().click() },
  { name: 'dues-remit', path: '/dues/remittance', open: (p) => p.getByTestId('dues-remit-add').click() },
  { name: 'tests-import', path: '/tests', open: (p) => p.getByTestId('tests-import').click() },
];

const ROOT = path.resolve(import.meta.dirname, '..');

/** Waits until the page's loading masks are gone and the fonts and animations have settled. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  // a page's mask shows only once its component has loaded and asked for data: give it that moment first
  await page.waitForTimeout(300);
  await page
    .waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => (m as HTMLElement).offsetParent !== null), null, { timeout: 30_000 })
    .catch(() => console.warn(`screens: ${page.url()} still shows a loading mask after 30 s`));
  await page.waitForTimeout(400);
}

const app = await startApp({ demo: true });
const browser = await launchBrowser();
try {
  // one session: the launch URL's code is spent by the first load, so the sizes share the page
  const ctx = await browser.newContext({ viewport: SIZES[0], locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(app.url);
  await page.waitForSelector('[data-testid=brand]');
  for (const size of SIZES) {
    const dir = path.join(ROOT, 'test-results', 'screens', `${size.width}x${size.height}`);
    fs.mkdirSync(dir, { recursive: true });
    await page.setViewportSize(size);
    for (const n of NAV.filter((x) => !x.hidden)) {
      await page.goto(`${app.origin}#${n.path}`);
      await settle(page);
      await page.screenshot({ path: path.join(dir, `page${n.path === '/' ? '-home' : n.path.replaceAll('/', '-')}.png`) });
    }
    for (const d of DIALOGS) {
      await page.goto(`${app.origin}#${d.path}`);
      await settle(page);
      try {
        await d.open(page);
        await page.waitForSelector('.el-dialog', { state: 'visible', timeout: 5000 });
        await settle(page);
        await page.screenshot({ path: path.join(dir, `dialog-${d.name}.png`) });
      } catch (e) {
        console.log(`dialog ${d.name}: not opened (${(e as Error).message.split('\n')[0]})`);
      }
      await page.keyboard.press('Escape');
    }
    console.log(`${size.width}×${size.height}: ${dir}`);
  }
} finally {
  await browser.close();
  await app.stop();
}
