/** The desktop shell's pure parts: who may call the core, and that IPC is registered from the handler map. */
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { channelOf, isOwnPage, rendererPageUrl, WEB_PREFERENCES } from '../../electron/security.ts';
import { registerIpc } from '../../electron/ipc.ts';
import { handlers } from '../../core/api.ts';
import { testLedger } from '../support/ledger.ts';

const page = rendererPageUrl(pathToFileURL('/opt/党务台账/resources/app/dist/renderer/index.html').href + '#/members');

describe('isOwnPage (exploit inputs)', () => {
  it('accepts our page with any route hash', () => {
    expect(isOwnPage(pathToFileURL('/opt/党务台账/resources/app/dist/renderer/index.html').href + '#/dues', page)).toBe(true);
  });
  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['another local file', 'file:///tmp/evil/index.html'],
    ['a path-traversal look-alike', 'file:///opt/党务台账/resources/app/dist/renderer/../../evil/index.html'],
    ['a data URL', 'data:text/html,<script>ledger.invoke()</script>'],
    ['no URL', undefined],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isOwnPage(url, page)).toBe(false);
  });
  it('keeps the sandbox on and node off', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  });
});

describe('registerIpc', () => {
  it('registers one channel per handler and refuses foreign senders', async () => {
    const l = await testLedger({ demo: true });
    const registered = new Map<string, (e: { senderFrame: { url: string } | null }, input: unknown) => Promise<unknown>>();
    const ipc = { handle: (ch: string, fn: never) => void registered.set(ch, fn) };
    registerIpc(ipc as never, Object.keys(handlers), l.invoke, page);
    expect([...registered.keys()].sort()).toEqual(Object.keys(handlers).map(channelOf).sort());
    const list = registered.get(channelOf('members/list'))!;
    const own = (await list({ senderFrame: { url: page } }, { pageSize: 5 })) as { ok: boolean; result: { total: number } };
    expect(own.ok).toBe(true);
    expect(own.result.total).toBe((await l.call('members/list', {})).total);
    const foreign = (await list({ senderFrame: { url: 'https://evil.example/' } }, {})) as { ok: boolean; error: { message: string } };
    expect(foreign).toEqual({ ok: false, error: { message: '拒绝访问：请求不是来自本程序的页面' } });
    const bad = (await registered.get(channelOf('members/get'))!({ senderFrame: { url: page } }, { id: 'nope' })) as { ok: boolean; error: { message: string } };
    expect(bad.error.message).toMatch(/找不到该党员/);
  });
});
