/**
 * The desktop shell, as a list of small steps: one instance, the ledger in
 * userData, the UI from our own app:// protocol, IPC from the handler map,
 * a locked-down window.
 */
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { handlers } from '../core/api.ts';
import { openLedgerContext, type Ledger } from '../core/ledger.ts';
import { ledgerFile } from '../core/paths.ts';
import { systemPlatform } from '../core/platform.ts';
import { LedgerDamagedError } from '../core/errors.ts';
import { damagedHelp } from '../core/storage-errors.ts';
import { acquireLock } from '../core/backup/lock.ts';
import { registerIpc } from './ipc.ts';
import { hostHandlers } from './host-handlers.ts';
import { CSP } from '../core/host/http-io.ts';
import { contentTypeOf } from '../core/host/static-files.ts';
import { APP_PAGE_URL, APP_SCHEME, appFileFor, appResponseHeaders, isAllowedFrameNavigation, isOwnPage, WEB_PREFERENCES } from './security.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const pageUrl = APP_PAGE_URL;

// before 'ready': app:// is a standard, secure origin (fetch, CSP 'self', blob: URLs of its own)
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
let win: BrowserWindow | null = null;
let ledger: Ledger | null = null;

// The same data folder as browser mode and the CLI, unless PARTY_LEDGER_HOME says otherwise.
app.setPath('userData', process.env.PARTY_LEDGER_HOME ?? path.join(app.getPath('appData'), 'party-ledger'));

function singleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  return true;
}

/** Serves the built renderer on app://ledger/, nothing outside it (appFileFor is the tested predicate). */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appFileFor(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(rendererDir, 'index.html');
    return new Response(await fs.promises.readFile(target), { headers: appResponseHeaders(contentTypeOf(target), CSP) });
  });
}

function lockDownWebContents(): void {
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url, pageUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPage(url, pageUrl)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAllowedFrameNavigation(event.url, event.isMainFrame)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

async function openLedger(): Promise<Ledger> {
  const dataDir = app.getPath('userData');
  return openLedgerContext(ledgerFile(dataDir), systemPlatform(dataDir, '党务工作者'));
}

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1400,
    height: 900,
    title: '党务台账',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: path.join(here, 'preload.cjs') },
  });
  w.once('ready-to-show', () => w.show());
  void w.loadURL(pageUrl);
  return w;
}

if (singleInstance()) {
  void app.whenReady().then(async () => {
    serveRenderer();
    lockDownWebContents();
    // one ledger, one app: browser mode (or a desktop app of another user session) may hold this data folder
    const lock = acquireLock(app.getPath('userData'), 'desktop');
    if (!lock.ok) {
      const { dialog } = await import('electron');
      dialog.showErrorBox('党务台账已在运行', lock.message);
      app.quit();
      return;
    }
    app.on('will-quit', lock.release);
    try {
      ledger = await openLedger();
    } catch (e) {
      const { dialog } = await import('electron');
      const help = e instanceof LedgerDamagedError ? `\n\n${damagedHelp(e)}` : '';
      dialog.showErrorBox(e instanceof LedgerDamagedError ? '台账文件已损坏' : '无法打开台账', (e as Error).message + help);
      app.quit();
      return;
    }
    const l = ledger;
    const host = hostHandlers(() => win);
    const invoke = (name: string, input: unknown) => (name in host ? host[name](input) : l.invoke(name, input));
    registerIpc(ipcMain, [...Object.keys(handlers), ...Object.keys(host)], invoke, pageUrl);
    win = createWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void ledger?.close());
}
