/**
 * Browser mode: the same handler map over HTTP on 127.0.0.1 only, a random
 * port, Host and Origin checked, and a session cookie got by spending the
 * one-time launch code of the printed URL (core/host/session.ts). It also
 * serves the built renderer.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../ledger.ts';
import { toErrorPayload } from '../errors.ts';
import { isAllowedHost, isAllowedOrigin, isHandlerName } from './security.ts';
import { Sessions } from './session.ts';
import { BadPathError, contentTypeOf, decodePath, staticFileFor } from './static-files.ts';
import { readBody, send, sendJson } from './http-io.ts';

const USED_CODE_PAGE =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>党务台账</title><body style="font-family:sans-serif;padding:40px">' +
  '<h2>此启动地址已使用过或无效</h2><p>启动地址只能打开一次。请回到已经打开的党务台账页面；如已关闭浏览器，请在启动党务台账的窗口中按回车键获取新地址，或重新启动。</p></body></html>';

export interface HostOptions {
  ledger: Ledger;
  staticDir: string | null;
  port?: number;
}

export interface RunningHost {
  /** The launch URL: the address with a one-time code, for the first page load. */
  url: string;
  /** The address without a code (pages opened after the first load). */
  origin: string;
  port: number;
  /** Another one-time launch URL (e.g. after the browser was closed). */
  newLaunchUrl: () => string;
  close: () => Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  let port = 0;
  let sessions = new Sessions('ledger_session');
  const server = http.createServer(async (req, res) => {
    try {
      if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin as string | undefined, port)) return sendJson(res, 403, { ok: false, error: { message: '拒绝访问：来源不被允许' } });
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { message: '只接受 POST' } });
        const session = sessions.fromCookieHeader(req.headers.cookie);
        if (!session) return sendJson(res, 401, { ok: false, error: { message: '会话无效：请使用启动时显示的地址打开（启动地址只能使用一次）' } });
        const name = decodePath(url.pathname.slice('/api/'.length));
        if (!isHandlerName(name)) return sendJson(res, 404, { ok: false, error: { message: `未知的操作：${name}` } });
        const body = await readBody(req, res);
        if (body === null) return;
        let input: unknown;
        try {
          input = body ? JSON.parse(body) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { message: '请求内容不是有效的 JSON' } });
        }
        try {
          return sendJson(res, 200, { ok: true, result: await opts.ledger.invoke(name, input, session) });
        } catch (e) {
          return sendJson(res, 200, { ok: false, error: toErrorPayload(e) });
        }
      }
      if (req.method !== 'GET' || !opts.staticDir) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      const headers: Record<string, string> = {};
      if (url.searchParams.has('code')) {
        const id = sessions.exchange(url.searchParams.get('code'));
        // a used code opens nothing; a browser that already holds our cookie just gets the page
        if (id) headers['Set-Cookie'] = sessions.setCookie(id);
        else if (!sessions.fromCookieHeader(req.headers.cookie)) return send(res, 403, USED_CODE_PAGE, 'text/html; charset=utf-8');
      }
      let file = staticFileFor(opts.staticDir, url.pathname);
      if (!file) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(opts.staticDir, 'index.html');
      // the session is set even when the page has not been built yet (`npm run build`), so the API stays usable
      if (!fs.existsSync(file)) return send(res, 503, '界面文件尚未构建：请先运行 npm run build 或 npm start', 'text/plain; charset=utf-8', headers);
      return send(res, 200, fs.readFileSync(file), contentTypeOf(file), headers);
    } catch (e) {
      if (e instanceof BadPathError) return sendJson(res, 400, { ok: false, error: { message: e.message } });
      sendJson(res, 500, { ok: false, error: toErrorPayload(e) });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  // cookies are not told apart by port: one name per port keeps two hosts from overwriting each other's session
  sessions = new Sessions(`ledger_session_${port}`);
  const origin = `http://127.0.0.1:${port}/`;
  const newLaunchUrl = () => `${origin}?code=${sessions.newCode()}`;
  return {
    url: newLaunchUrl(),
    origin,
    port,
    newLaunchUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
