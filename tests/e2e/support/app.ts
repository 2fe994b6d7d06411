/**
 * The e2e harness: the real browser-mode host (core/host/main.ts, as `npm start`
 * runs it) on a temporary data folder, driven by Debian's Chromium through
 * playwright-core. Never downloads a browser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { nodeArgs } from '../../../scripts/core-build-state.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
/**
 * The day every e2e run (and `npm run screens`) is pinned to, through PARTY_LEDGER_TODAY:
 * the demo is dated relative to it and specs compute every date they type or look for from it
 * with the app's own date helpers, so the suite passes on any real day.
 */
export const TODAY = '2026-11-28';
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');

export interface RunningApp {
  /** The printed launch URL: its one-time code is spent by the first page load. */
  url: string;
  /** The address without a code, for later navigations in a page that holds the session cookie. */
  origin: string;
  dataDir: string;
  stop: () => Promise<void>;
}

export interface AppOptions {
  /** load the demo bureau first (dated relative to `today`) */
  demo?: boolean;
  /** the pinned day (PARTY_LEDGER_TODAY) for the demo and the host; default TODAY */
  today?: string;
}

export async function startApp(opts: AppOptions = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-e2e-'));
  const env = { ...process.env, PARTY_LEDGER_HOME: dataDir, PARTY_LEDGER_NO_BROWSER: '1', PARTY_LEDGER_TODAY: opts.today ?? TODAY };
  if (opts.demo) {
    const r = spawn(process.execPath, [path.join(ROOT, 'bin', 'party-ledger.mjs'), 'demo'], { env, stdio: 'pipe' });
    await new Promise((resolve, reject) => r.on('exit', (c) => (c === 0 ? resolve(null) : reject(new Error(`demo failed: ${c}`)))));
  }
  const child: ChildProcess = spawn(process.execPath, nodeArgs('host'), { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${log}`)), 30_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/(http:\/\/127\.0\.0\.1:\d+\/\?code=[0-9a-f]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (c) => reject(new Error(`host exited ${c}:\n${log}`)));
  });
  return {
    url,
    origin: new URL(url).origin + '/',
    dataDir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function newPage(browser: Browser, url: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(url);
  return page;
}

/** What a spec reads from `useApp`: the running host and the page open on it. */
export interface AppSession {
  readonly app: RunningApp;
  readonly page: Page;
}

/**
 * Registers a spec's hooks: before all tests, start the host (with the demo bureau when
 * `demo`, pinned at `today` or TODAY), launch Chromium and open the app in a new page; after all, close the browser and
 * stop the host. Call it inside the `describe`; read `app` and `page` inside the tests.
 */
export function useApp(opts: AppOptions = {}): AppSession {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    app = await startApp(opts);
    browser = await launchBrowser();
    page = await newPage(browser, app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useApp: ${what} is not ready before beforeAll has run`);
    return value;
  };
  return {
    get app() {
      return ready(app, 'app');
    },
    get page() {
      return ready(page, 'page');
    },
  };
}

/** Screenshots for a person to look at, kept under test-results/ (ignored by git). */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = path.join(ROOT, 'test-results', 'screens');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
