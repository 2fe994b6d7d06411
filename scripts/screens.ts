/** Takes screenshots of every page with the demo bureau, for a person to look at (test-results/screens). */
import { launchBrowser, newPage, snap, startApp } from '../tests/e2e/support/app.ts';
import { NAV } from '../renderer/src/nav.ts';

const app = await startApp({ demo: true });
const browser = await launchBrowser();
try {
  const page = await newPage(browser, app.url);
  await page.waitForSelector('[data-testid=brand]');
  for (const n of NAV.filter((x) => !x.hidden)) {
    await page.goto(`${app.origin}#${n.path}`);
    await page.waitForTimeout(1200);
    await snap(page, `page${n.path.replaceAll('/', '-') || '-home'}`);
    console.log('shot', n.path);
  }
} finally {
  await browser.close();
  await app.stop();
}
