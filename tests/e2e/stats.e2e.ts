/**
 * 统计分析, as a clerk uses it at 1024×768 and 1400×900: every chart draws (its
 * canvas has pixels), a heat-map cell opens the month's record or the 组织生活日历
 * there, 导出数据 gives a workbook with the chart's numbers, 保存图片 a PNG; the
 * home page has its compact chart card.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, snap, TODAY, useApp } from './support/app.ts';
import { goto } from './support/pages.ts';
import { HEAT_STATUSES } from '../../renderer/src/views/stats/options.ts';

const YEAR = Number(TODAY.slice(0, 4));
const CHARTS = ['dues', 'compliance', 'attendance', 'development', 'members'] as const;

/** Non-transparent pixels of a chart's canvas. */
async function inkedPixels(page: Page, scope: string, chart: string): Promise<number> {
  return page.evaluate(
    ([scope, chart]) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`${scope} [data-testid="chart-${chart}-canvas"] canvas`);
      if (!canvas || !canvas.width || !canvas.height) return 0;
      const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let n = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 0) n++;
      return n;
    },
    [scope, chart] as const,
  );
}

/**
 * The page position (CSS px) of the first heat-map cell of a status, through the chart's own convertToPixel
 * (window.__charts, registered while the clock is pinned: renderer/src/views/stats/test-hook.ts).
 */
async function cellOfStatus(page: Page, status: (typeof HEAT_STATUSES)[number]): Promise<{ x: number; y: number } | null> {
  return page.evaluate((s) => {
    const hook = (window as unknown as { __charts?: Record<string, { data: () => unknown[]; toPixel: (v: number[]) => { x: number; y: number } | null }> }).__charts?.compliance;
    const point = hook?.data().find((d) => Array.isArray(d) && d[2] === s) as number[] | undefined;
    return point ? hook!.toPixel([point[0], point[1]]) : null;
  }, HEAT_STATUSES.indexOf(status));
}

describe.skipIf(!hasChromium)('统计分析: charts a clerk can look at, save and export', () => {
  const ui = useApp({ demo: true });

  for (const [width, height] of [
    [1024, 768],
    [1400, 900],
  ] as const) {
    it(`draws every chart at ${width}×${height}`, async () => {
      await ui.page.setViewportSize({ width, height });
      await goto(ui.page, '/stats');
      for (const c of CHARTS) {
        await ui.page.getByTestId(`chart-${c}`).scrollIntoViewIfNeeded();
        await expect.poll(() => inkedPixels(ui.page, '.page', c), { message: c }).toBeGreaterThan(2000);
      }
      await ui.page.evaluate(() => window.scrollTo(0, 0));
      await snap(ui.page, `e2e-stats-${width}`);
    });
  }

  it('draws the other charts without waiting for the heat map, which shows its own loading state', async () => {
    await goto(ui.page, '/recycle');
    // hold the heat map's figures back: the other four draw meanwhile, and it is asked for after them
    const asked: string[] = [];
    const answered: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const onRequest = (r: { url: () => string }) => void (r.url().includes('/api/stats/') && asked.push(r.url().split('/api/stats/')[1]));
    const onResponse = (r: { url: () => string }) => void (r.url().includes('/api/stats/') && answered.push(r.url().split('/api/stats/')[1]));
    ui.page.on('request', onRequest);
    ui.page.on('response', onResponse);
    await ui.page.route('**/api/stats/compliance', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await goto(ui.page, '/stats');
      for (const c of CHARTS.filter((c) => c !== 'compliance')) {
        await ui.page.getByTestId(`chart-${c}`).scrollIntoViewIfNeeded();
        await expect.poll(() => inkedPixels(ui.page, '.page', c), { message: c }).toBeGreaterThan(2000);
      }
      // a load held longer than 200 ms shows its mask (composables/delayed-loading.ts)
      await expect.poll(() => ui.page.locator('[data-testid="chart-compliance"] .el-loading-mask').isVisible()).toBe(true);
      expect(asked.indexOf('compliance')).toBeGreaterThanOrEqual(CHARTS.length - 1);
      expect(answered.slice(0, 4).sort()).toEqual(['attendance', 'development', 'dues', 'members']);
      release();
      await ui.page.getByTestId('chart-compliance').scrollIntoViewIfNeeded();
      await expect.poll(() => inkedPixels(ui.page, '.page', 'compliance')).toBeGreaterThan(2000);
    } finally {
      release();
      await ui.page.unroute('**/api/stats/compliance');
      ui.page.off('request', onRequest);
      ui.page.off('response', onResponse);
    }
  });

  it('opens the record of a month that was held from its heat-map cell', async () => {
    await goto(ui.page, '/stats');
    await ui.page.getByTestId('chart-compliance').scrollIntoViewIfNeeded();
    await expect.poll(() => inkedPixels(ui.page, '.page', 'compliance')).toBeGreaterThan(2000);
    const held = await cellOfStatus(ui.page, 'held');
    expect(held).not.toBeNull();
    // the heat map comes in after the other charts, so its layout may still settle: click again while on 统计分析
    await expect
      .poll(async () => {
        if (ui.page.url().includes('/stats')) {
          const at = await cellOfStatus(ui.page, 'held');
          if (at) await ui.page.mouse.click(at.x, at.y);
        }
        return ui.page.url();
      })
      .toContain('/activities');
    // the page opens the record named by ?edit= and then clears the address, so the record itself is what is checked
    await expect.poll(() => ui.page.locator('.el-overlay-dialog[aria-label="编辑组织生活记录"]:visible').count()).toBeGreaterThan(0);
    await snap(ui.page, 'e2e-stats-heat-record');
    // close the record unchanged, so the next test starts from the menu
    await ui.page.keyboard.press('Escape');
    await expect.poll(() => ui.page.locator('.el-dialog:visible').count()).toBe(0);
  });

  it('opens the 组织生活日历 at a missing month', async () => {
    await goto(ui.page, '/stats');
    await ui.page.getByTestId('chart-compliance').scrollIntoViewIfNeeded();
    await expect.poll(() => inkedPixels(ui.page, '.page', 'compliance')).toBeGreaterThan(2000);
    const missing = await cellOfStatus(ui.page, 'missing');
    expect(missing).not.toBeNull();
    // the chart may still be settling its layout after the page came in: click again while the page has not left 统计分析
    await expect
      .poll(async () => {
        if (ui.page.url().includes('/stats')) {
          const at = await cellOfStatus(ui.page, 'missing');
          if (at) await ui.page.mouse.click(at.x, at.y);
        }
        return ui.page.url();
      })
      .toContain('/activities/calendar?');
    expect(ui.page.url()).toContain(`year=${YEAR}`);
    const focused = ui.page.locator('[data-testid="calendar-grid"] tr[data-focus="org"]').first();
    await focused.waitFor();
    // the missing month of that organization is on the focused rows
    expect(await ui.page.locator('[data-testid="calendar-grid"] tr[data-focus="org"] [data-status="missing"]').count()).toBeGreaterThan(0);
    await snap(ui.page, 'e2e-stats-heat-calendar');
  });

  it('exports the numbers behind 党费收缴率 as a workbook, and saves the chart as a PNG', async () => {
    await goto(ui.page, '/stats');
    await expect.poll(() => inkedPixels(ui.page, '.page', 'dues')).toBeGreaterThan(2000);
    let download = ui.page.waitForEvent('download');
    await ui.page.getByTestId('chart-dues-export').click();
    let d = await download;
    expect(d.suggestedFilename()).toBe(`${YEAR}年度党费收缴率统计表.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await d.path())!) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('收缴率')!;
    expect(String(ws.getCell('A1').value)).toBe(`${YEAR}年度党费收缴率统计表`);
    const names: string[] = [];
    ws.eachRow((r) => names.push(String(r.getCell(2).value ?? '')));
    expect(names).toContain('机关第一党支部');
    expect(names).toContain('合计');

    download = ui.page.waitForEvent('download');
    await ui.page.getByTestId('chart-dues-png').click();
    d = await download;
    expect(d.suggestedFilename()).toBe(`${YEAR}年度党费收缴率.png`);
    const png = fs.readFileSync((await d.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });

  it('shows the compact chart card on the home page', async () => {
    await goto(ui.page, '/');
    const card = ui.page.getByTestId('widget-stats');
    await card.scrollIntoViewIfNeeded();
    await expect.poll(() => inkedPixels(ui.page, '[data-testid="widget-stats"]', 'compliance')).toBeGreaterThan(2000);
    await card.getByText('党费收缴率', { exact: true }).first().click();
    await expect.poll(() => inkedPixels(ui.page, '[data-testid="widget-stats"]', 'dues')).toBeGreaterThan(2000);
    await card.scrollIntoViewIfNeeded();
    await snap(ui.page, 'e2e-stats-home');
  });
});
