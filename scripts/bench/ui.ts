/**
 * UI figure (issue 11): in Debian's Chromium against browser mode on the 5,000-member, 10-year ledger
 * (ui-ledger.ts), the time from a click in the left menu to the page's data drawn: its data element is
 * there, no loading mask shows and no API call is in flight, for two frames running. Each page is reached
 * from 回收站 (a light page), once to warm up, then RUNS times; the median is reported, with the longest
 * API call of the median run beside it (handler + transport, so handler vs render can be told apart).
 * A loading mask shows only for a read slower than 200 ms (renderer/src/composables/delayed-loading.ts).
 * Target ≤ 300 ms each. Needs the renderer built (vite build) and /usr/bin/chromium; says so when missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { coreBuildFresh, nodeArgs } from '../core-build-state.mjs';
import { bigUiLedger, UI_TODAY } from './ui-ledger.ts';
import { hostLaunchUrl, time } from './util.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 5;

/** page → [nav path, what shows its data] */
const PAGES: [string, string, string][] = [
  ['home', '/', '.widgets > *'],
  ['members', '/members', '[data-testid="member-table"] .el-table__row'],
  ['activities', '/activities', '[data-testid="activity-table"] .el-table__row'],
  ['calendar', '/activities/calendar', '[data-testid="calendar-grid"] [data-status]'],
  ['duesCollectionBranch100', '/dues/collection', '[data-testid="dues-collect-table"] tbody tr'],
  ['stats', '/stats', '[data-testid="chart-members-canvas"] canvas'],
];

/** Counts the API calls in flight and keeps their durations (installed before the app's scripts run). */
const FETCH_PROBE = `(() => {
  const w = window;
  // tsx compiles this file keeping function names through a __name helper that the page lacks
  w.__name = (f) => f;
  w.__bench = { inflight: 0, calls: [] };
  const f = w.fetch.bind(w);
  w.fetch = async (...a) => {
    const t0 = performance.now(); w.__bench.inflight++;
    try { return await f(...a); } finally { w.__bench.inflight--; w.__bench.calls.push({ url: String(a[0]), ms: performance.now() - t0 }); }
  };
})();`;

/** Clicks the menu item and resolves with [ms to data drawn, longest API call ms, API calls]. */
async function measure(page: Page, nav: string, selector: string): Promise<[number, number, number]> {
  return page.evaluate(
    ([nav, selector]) =>
      new Promise<[number, number, number]>((resolve, reject) => {
        const b = (window as unknown as { __bench: { inflight: number; calls: { url: string; ms: number }[] } }).__bench;
        b.calls = [];
        const t0 = performance.now();
        let stable = 0;
        let readyAt = 0;
        const masked = () => [...document.querySelectorAll<HTMLElement>('.page .el-loading-mask')].some((m) => m.offsetParent !== null && getComputedStyle(m).display !== 'none');
        const tick = () => {
          const ok = b.calls.length + b.inflight > 0 && b.inflight === 0 && document.querySelector(selector) && !masked();
          if (ok) {
            if (!stable++) readyAt = performance.now();
            if (stable >= 2) return resolve([readyAt - t0, Math.max(0, ...b.calls.map((c) => c.ms)), b.calls.length]);
          } else stable = 0;
          if (performance.now() - t0 > 60_000) return reject(new Error(`${nav}: data not drawn in 60 s`));
          requestAnimationFrame(tick);
        };
        document.querySelector<HTMLElement>(`[data-testid="nav-${nav}"]`)!.click();
        requestAnimationFrame(tick);
      }),
    [nav, selector] as const,
  );
}

/**
 * 统计分析's five reads on a fresh connection, one after the other as the host answers them: what the page
 * waits for on the first visit after a write (a revisit is served from the read memo, core/read-memo.ts).
 */
async function statsCold(home: string): Promise<Record<string, number>> {
  const runs: number[] = [];
  const year = Number(UI_TODAY.slice(0, 4));
  for (let i = 0; i <= 3; i++) {
    const l = await openLedgerContext(path.join(home, 'ledger.sqlite'), fixedPlatform({ today: UI_TODAY, dataDir: home }));
    const t = await time(async () => {
      for (const chart of ['dues', 'attendance', 'development', 'members', 'compliance']) await l.invoke(`stats/${chart}`, { year });
    });
    await l.close();
    if (i) runs.push(t.ms);
  }
  runs.sort((a, b) => a - b);
  return { statsReadsAfterWriteMs: Math.round(runs[1]) };
}

async function startHost(home: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, PARTY_LEDGER_HOME: home, PARTY_LEDGER_NO_BROWSER: '1', PARTY_LEDGER_TODAY: UI_TODAY };
  const child = spawn(process.execPath, nodeArgs('host'), { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await hostLaunchUrl(child, 120_000);
  return { url, child };
}

export async function bench(): Promise<Record<string, number | string>> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) return { ui: 'not measured: renderer not built (npm start or vite build)' };
  if (!fs.existsSync(CHROMIUM)) return { ui: `not measured: no Chromium at ${CHROMIUM}` };
  if (!coreBuildFresh()) spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-core.mjs')], { stdio: 'inherit' });
  // PARTY_LEDGER_BENCH_UI_HOME: a folder to build the ledger in once and reuse (kept), for profiling one page
  const keep = process.env.PARTY_LEDGER_BENCH_UI_HOME;
  const home = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pl-bench-ui-'));
  const out: Record<string, number | string> = {};
  let host: ChildProcess | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    if (keep) fs.mkdirSync(keep, { recursive: true });
    const reuse = !!keep && fs.existsSync(path.join(home, 'ledger.sqlite'));
    const built = reuse ? null : await time(() => bigUiLedger(home));
    if (built) Object.assign(out, { ledgerMembers: built.value.members, ledgerActivities: built.value.activities, ledgerAttendanceRows: built.value.attendance, ledgerPayments: built.value.payments, ledgerBuildMs: Math.round(built.ms) });
    Object.assign(out, await statsCold(home));
    const started = await startHost(home);
    host = started.child;
    const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await ctx.addInitScript(FETCH_PROBE);
    const page = await ctx.newPage();
    await page.goto(started.url);
    await page.getByTestId('nav-/recycle').waitFor();
    const only = process.env.PARTY_LEDGER_BENCH_PAGES?.split(',');
    for (const [name, nav, selector] of PAGES) {
      if (only && !only.includes(name)) continue;
      const runs: [number, number, number][] = [];
      for (let i = 0; i <= RUNS; i++) {
        await measure(page, '/recycle', '.page');
        const r = await measure(page, nav, selector);
        if (i) runs.push(r);
      }
      runs.sort((a, b) => a[0] - b[0]);
      const mid = runs[Math.floor(runs.length / 2)];
      out[`${name}Ms`] = Math.round(mid[0]);
      out[`${name}LongestApiMs`] = Math.round(mid[1]);
      out[`${name}ApiCalls`] = mid[2];
    }
    out.target = 'each page ≤ 300 ms from the menu click to its data drawn (median of 5, Chromium 1400×900); statsReadsAfterWriteMs: the five 统计分析 reads in-process on a fresh connection (median of 3), what a first visit after a write adds';
    return out;
  } finally {
    await browser.close();
    if (host) {
      host.kill('SIGTERM');
      await new Promise((r) => host!.once('exit', r));
    }
    if (!keep) fs.rmSync(home, { recursive: true, force: true });
  }
}
