/** The desktop shell's pure parts: who may call the core, where frames may go, what app:// serves, and that IPC is registered from the handler map. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL, appFileFor, channelOf, isAllowedFrameNavigation, isOwnPage, isTrustedSender, PDF_VIEWER_ORIGIN, rendererPageUrl, WEB_PREFERENCES } from '../../electron/security.ts';
import { registerIpc } from '../../electron/ipc.ts';
import { handlers } from '../../core/api.ts';
import { testLedger } from '../support/ledger.ts';

const page = rendererPageUrl(APP_PAGE_URL + '#/members');

describe('isOwnPage (exploit inputs)', () => {
  it('accepts our app:// page with any route hash', () => {
    expect(page).toBe('app://ledger/index.html');
    expect(isOwnPage('app://ledger/index.html#/dues', page)).toBe(true);
    expect(isOwnPage('app://ledger/index.html?x=1#/dues', page)).toBe(true);
  });
  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['the old file:// page', 'file:///opt/党务台账/resources/app/dist/renderer/index.html'],
    ['another local file', 'file:///tmp/evil/index.html'],
    ['another app:// host', 'app://evil/index.html'],
    ['another page of ours', 'app://ledger/assets/x.html'],
    ['a path-traversal look-alike', 'app://ledger/assets/../../evil/index.html'],
    ['a data URL', 'data:text/html,<script>ledger.invoke()</script>'],
    ['a blob of ours', 'blob:app://ledger/1234'],
    ['no URL', undefined],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isOwnPage(url, page)).toBe(false);
  });
  it('keeps the sandbox on and node off', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  });
});

describe('isAllowedFrameNavigation (will-frame-navigate)', () => {
  it('lets the main frame show our page only', () => {
    expect(isAllowedFrameNavigation('app://ledger/index.html#/activities', true)).toBe(true);
    for (const u of ['https://evil.example/', 'blob:app://ledger/1234', 'file:///etc/passwd', `${PDF_VIEWER_ORIGIN}/index.html`]) expect(isAllowedFrameNavigation(u, true), u).toBe(false);
  });
  it('lets a subframe show our own blob (the PDF preview) and the PDF viewer, nothing else', () => {
    expect(isAllowedFrameNavigation('blob:app://ledger/6f1c2a0e-0000-4000-8000-000000000000', false)).toBe(true);
    expect(isAllowedFrameNavigation(`${PDF_VIEWER_ORIGIN}/index.html`, false)).toBe(true);
    expect(isAllowedFrameNavigation('about:blank', false)).toBe(true);
    for (const u of ['blob:https://evil.example/1234', 'blob:null/1234', 'https://evil.example/', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'blob:'])
      expect(isAllowedFrameNavigation(u, false), u).toBe(false);
  });
});

describe('appFileFor (the app:// protocol)', () => {
  const root = path.resolve('/opt/党务台账/resources/app.asar/dist/renderer');
  it('serves files of the built renderer', () => {
    expect(appFileFor(root, 'app://ledger/index.html')).toBe(path.join(root, 'index.html'));
    expect(appFileFor(root, 'app://ledger/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });
  it.each([
    'app://ledger/../../../../etc/passwd',
    'app://ledger/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'app://ledger/..%2f..%2f..%2fetc%2fpasswd',
    'app://ledger/assets/%2e%2e%2f%2e%2e%2fmain.js',
  ])('keeps %s inside the renderer folder', (url) => {
    const f = appFileFor(root, url);
    expect(f === null || f.startsWith(root + path.sep)).toBe(true);
  });
  it.each(['app://evil/index.html', 'file:///etc/passwd', 'https://ledger/index.html', 'app://ledger/a%00.js', 'app://ledger/..%5c..%5cmain.js', 'app://ledger/%E0%A4%A', 'not a url'])('refuses %s', (url) => {
    expect(appFileFor(root, url)).toBeNull();
  });
});

describe('registerIpc', () => {
  it('registers one channel per handler and takes calls from the main frame of our page only', async () => {
    const l = await testLedger({ demo: true });
    type Ev = { senderFrame: { url: string } | null; sender: { mainFrame: unknown } };
    const registered = new Map<string, (e: Ev, input: unknown) => Promise<unknown>>();
    const ipc = { handle: (ch: string, fn: never) => void registered.set(ch, fn) };
    registerIpc(ipc as never, Object.keys(handlers), l.invoke, page);
    expect([...registered.keys()].sort()).toEqual(Object.keys(handlers).map(channelOf).sort());
    const list = registered.get(channelOf('members/list'))!;
    const main = { url: 'app://ledger/index.html#/members' };
    const own = (await list({ senderFrame: main, sender: { mainFrame: main } }, { pageSize: 5 })) as { ok: boolean; result: { total: number } };
    expect(own.ok).toBe(true);
    expect(own.result.total).toBe((await l.call('members/list', {})).total);
    const refused = { ok: false, error: { message: '拒绝访问：请求不是来自本程序的页面' } };
    expect(await list({ senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: main } }, {})).toEqual(refused);
    // a subframe, even one showing our own URL (e.g. the PDF preview), is not the main frame
    const sub = { url: 'app://ledger/index.html' };
    expect(await list({ senderFrame: sub, sender: { mainFrame: main } }, {})).toEqual(refused);
    expect(await list({ senderFrame: null, sender: { mainFrame: main } }, {})).toEqual(refused);
    const navigatedAway = { url: 'https://evil.example/' };
    expect(await list({ senderFrame: navigatedAway, sender: { mainFrame: navigatedAway } }, {})).toEqual(refused);
    const bad = (await registered.get(channelOf('members/get'))!({ senderFrame: main, sender: { mainFrame: main } }, { id: 'nope' })) as { ok: boolean; error: { message: string } };
    expect(bad.error.message).toMatch(/找不到该党员/);
  });
  it('isTrustedSender needs the very main frame object', () => {
    const main = { url: APP_PAGE_URL };
    expect(isTrustedSender(main, main)).toBe(true);
    expect(isTrustedSender({ ...main }, main)).toBe(false);
    expect(isTrustedSender(undefined, undefined)).toBe(false);
  });
});
