/** Browser mode's gate, attacked with the real server: launch code and session cookie, Host, Origin, handler names, bad paths and bodies. */
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../core/host/server.ts';
import { staticFileFor } from '../../core/host/static-files.ts';
import { tempDir, testLedger, type TestLedger } from '../support/ledger.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

function request(port: number, method: string, urlPath: string, body: string | null, headers: Record<string, string>): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          /* an HTML page */
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/** Writes raw bytes on a socket and collects whatever the server answers before it closes. */
function rawExchange(port: number, head: string, bodyChunks: Iterable<Buffer>): Promise<string> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let got = '';
    sock.on('data', (d) => (got += d.toString('utf8')));
    sock.on('error', () => {});
    sock.on('close', () => resolve(got));
    sock.write(head);
    (async () => {
      for (const c of bodyChunks) if (!sock.destroyed && !sock.write(c)) await new Promise((r) => sock.once('drain', r));
    })().catch(() => {});
  });
}

describe('browser-mode host', () => {
  let l: TestLedger;
  let host: RunningHost;
  let cookie = '';
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>党务台账</title>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log(1)');
  const hostHeader = () => ({ Host: `127.0.0.1:${host.port}` });
  const own = () => ({ ...hostHeader(), Cookie: cookie });
  const api = (name: string, body: string, headers: Record<string, string> = own()) => request(host.port, 'POST', `/api/${name}`, body, headers);
  /** Spends a launch code like a first page load and returns the cookie the host set. */
  const exchange = async (launchUrl: string) => {
    const u = new URL(launchUrl);
    const r = await request(host.port, 'GET', u.pathname + u.search, null, hostHeader());
    expect(r.status).toBe(200);
    return String(r.headers['set-cookie']?.[0] ?? '').split(';')[0];
  };

  beforeAll(async () => {
    l = await testLedger({ demo: true });
    host = await startHost({ ledger: l, staticDir });
    cookie = await exchange(host.url);
  });
  afterAll(async () => {
    await host.close();
    await l.close();
  });

  it('prints a loopback URL with a one-time launch code, and no token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?code=[0-9a-f]{48}$`));
  });
  it('exchanges the code once for an HttpOnly, SameSite=Strict session cookie', async () => {
    const url = host.newLaunchUrl();
    const u = new URL(url);
    const first = await request(host.port, 'GET', u.pathname + u.search, null, hostHeader());
    expect(first.headers['set-cookie']).toEqual([expect.stringMatching(new RegExp(`^ledger_session_${host.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`))]);
    const again = await request(host.port, 'GET', u.pathname + u.search, null, hostHeader());
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.text).toMatch(/此启动地址已使用过或无效/);
    expect((await request(host.port, 'GET', '/?code=' + '0'.repeat(48), null, hostHeader())).status).toBe(403);
    // the browser that spent the code keeps working when it reloads the old address
    expect((await request(host.port, 'GET', u.pathname + u.search, null, own())).status).toBe(200);
  });
  it('answers a call with the session cookie', async () => {
    const r = await api('members/list', '{"pageSize":1}');
    expect(r.status).toBe(200);
    expect(r.json.result.total).toBe((await l.call('members/list', {})).total);
  });
  it('refuses a missing, wrong or code-as-cookie session, and the old token header', async () => {
    expect((await api('members/list', '{}', hostHeader())).status).toBe(401);
    expect((await api('members/list', '{}', { ...hostHeader(), Cookie: `ledger_session_${host.port}=${'x'.repeat(43)}` })).status).toBe(401);
    const code = new URL(host.newLaunchUrl()).searchParams.get('code')!;
    expect((await api('members/list', '{}', { ...hostHeader(), Cookie: `ledger_session_${host.port}=${code}` })).status).toBe(401);
    expect((await api('members/list', '{}', { ...hostHeader(), 'X-Ledger-Token': code })).status).toBe(401);
    expect((await api('members/list', '{}', hostHeader())).json.error.message).toMatch(/启动地址只能使用一次/);
  });
  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    expect((await api('members/list', '{}', { ...own(), Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await api('members/list', '{}', { ...own(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('members/list', '{}', { ...own(), Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    const u = new URL(host.newLaunchUrl());
    expect((await request(host.port, 'GET', u.pathname + u.search, null, { Host: `evil.example:${host.port}` })).status).toBe(403);
  });
  it('has no generic settings writer: settings/set is an unknown handler and changes nothing', async () => {
    const before = await l.call('settings/get', { prefix: 'dues.' });
    const r = await api('settings/set', JSON.stringify({ key: 'dues.arrearsMonths', value: -1 }));
    expect(r.json.ok).toBe(false);
    expect(r.json.error.message).toBe('未知的操作：settings/set');
    // The same answer as for a name that never existed.
    expect((await api('settings/nothing', '{}')).json).toEqual({ ok: false, error: expect.objectContaining({ message: '未知的操作：settings/nothing' }) });
    expect(await l.call('settings/get', { prefix: 'dues.' })).toEqual(before);
  });
  it('refuses odd handler names and bad JSON, and reports bad input in Chinese', async () => {
    expect((await api('__proto__', '{}')).status).toBe(404);
    expect((await api('members/list', '{nope')).status).toBe(400);
    const r = await api('members/create', '{"name":""}');
    expect(r.json.ok).toBe(false);
    expect(r.json.error.message).toMatch(/“姓名”/);
  });
  it('sends the security headers on pages and API replies, allowing only blob: frames', async () => {
    for (const r of [await request(host.port, 'GET', '/', null, own()), await api('members/list', '{}')]) {
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(r.headers['content-security-policy']).toMatch(/frame-src blob:;/);
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    }
  });
  it('answers a malformed %-escape with 400 and a Chinese message, not 500', async () => {
    for (const p of ['/%E0%A4%A', '/api/members%2/list', '/%', '/assets/%zz.js']) {
      const r = p.startsWith('/api/') ? await request(host.port, 'POST', p, '{}', own()) : await request(host.port, 'GET', p, null, own());
      expect(r.status, p).toBe(400);
      expect(r.json.error.message, p).toBe('地址中含有无效的 % 转义，请检查地址是否完整');
    }
  });
  it('answers a body over 64 MB with 413 请求内容过大 on a real socket, by Content-Length and when streamed', async () => {
    const size = 64 * 1024 * 1024 + 1;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const chunks = function* (n: number) {
      for (let i = 0; i < n; i++) yield chunk;
    };
    const head = `POST /api/members/list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\n`;
    const declared = await rawExchange(host.port, `${head}Content-Length: ${size}\r\n\r\n`, chunks(65));
    expect(declared).toMatch(/^HTTP\/1\.1 413 /);
    expect(declared).toContain('请求内容过大');
    const streamed = await rawExchange(
      host.port,
      `${head}Transfer-Encoding: chunked\r\n\r\n`,
      (function* () {
        for (const c of chunks(70)) yield Buffer.concat([Buffer.from(`${c.length.toString(16)}\r\n`), c, Buffer.from('\r\n')]);
      })(),
    );
    expect(streamed).toMatch(/^HTTP\/1\.1 413 /);
    expect(streamed).toContain('请求内容过大');
    expect((await api('members/list', '{}')).status).toBe(200);
  });
  it('serves files inside the renderer folder only', async () => {
    expect((await request(host.port, 'GET', '/app.js', null, own())).text).toBe('console.log(1)');
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) expect((await request(host.port, 'GET', p, null, own())).text, p).toMatch(/<title>党务台账/);
    expect((await request(host.port, 'GET', '/a%00.js', null, own())).status).toBe(404);
  });
});

describe('browser mode with the app lock', () => {
  it('the cookie alone no longer opens the ledger; the unlock belongs to one session and ends with the lock', async () => {
    const l = await testLedger({ demo: true });
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    const host = await startHost({ ledger: l, staticDir: dir });
    const h = { Host: `127.0.0.1:${host.port}` };
    const cookieOf = async (url: string) => {
      const u = new URL(url);
      return String((await request(host.port, 'GET', u.pathname + u.search, null, h)).headers['set-cookie']?.[0]).split(';')[0];
    };
    const a = await cookieOf(host.url);
    const b = await cookieOf(host.newLaunchUrl());
    const call = async (c: string, name: string, input: unknown = {}) => (await request(host.port, 'POST', `/api/${name}`, JSON.stringify(input), { ...h, Cookie: c })).json;
    expect((await call(a, 'lock/set', { newPassword: '支部密码2026' })).ok).toBe(true);
    expect((await call(a, 'members/list')).ok).toBe(true);
    expect(await call(b, 'members/list')).toEqual({ ok: false, error: { message: '台账已锁定，请输入密码解锁', field: 'lock' } });
    expect((await call(b, 'lock/unlock', { password: '错' })).error.message).toMatch(/^密码不正确/);
    expect((await call(b, 'lock/unlock', { password: '支部密码2026' })).ok).toBe(true);
    expect((await call(b, 'members/list')).ok).toBe(true);
    expect((await call(b, 'lock/lock')).ok).toBe(true);
    expect((await call(b, 'members/list')).error.field).toBe('lock');
    expect((await call(a, 'members/list')).ok).toBe(true);
    await host.close();
    await l.close();
  });
});

describe('staticFileFor (pure path predicate)', () => {
  const root = path.resolve('/srv/app/dist/renderer');
  it.each([
    ['/', root],
    ['/index.html', path.join(root, 'index.html')],
    ['/assets/a%20b.js', path.join(root, 'assets', 'a b.js')],
    ['/../../etc/passwd', path.join(root, 'etc', 'passwd')],
    ['/%2e%2e/%2e%2e/etc/passwd', path.join(root, 'etc', 'passwd')],
    ['/../renderer-evil/x.js', path.join(root, 'renderer-evil', 'x.js')],
  ])('keeps %s inside the folder', (p, want) => {
    expect(staticFileFor(root, p)).toBe(want);
  });
  it.each(['/a%00.js', '/..%5c..%5cwindows%5cwin.ini', '/a\\b'])('refuses %s', (p) => {
    expect(staticFileFor(root, p)).toBeNull();
  });
  it('throws a Chinese message for a malformed escape', () => {
    expect(() => staticFileFor(root, '/%E0%A4%A')).toThrow('地址中含有无效的 % 转义');
  });
});
