/**
 * Browser mode: the same handler map over HTTP on 127.0.0.1 only, a random
 * port, a per-launch token on every API call, Host and Origin checked. It also
 * serves the built renderer.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Ledger } from '../ledger.ts';
import { toErrorPayload } from '../errors.ts';
import { isAllowedHost, isAllowedOrigin, isHandlerName, tokenMatches } from './security.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const MAX_BODY = 64 * 1024 * 1024;

export interface HostOptions {
  ledger: Ledger;
  staticDir: string | null;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Content-Security-Policy': CSP });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('请求过大'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let port = 0;
  const server = http.createServer(async (req, res) => {
    try {
      if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin as string | undefined, port)) return send(res, 403, JSON.stringify({ ok: false, error: { message: '拒绝访问：来源不被允许' } }));
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, JSON.stringify({ ok: false, error: { message: '只接受 POST' } }));
        if (!tokenMatches(req.headers['x-ledger-token'] as string | undefined, token)) return send(res, 401, JSON.stringify({ ok: false, error: { message: '访问令牌无效，请使用启动时显示的完整地址打开' } }));
        const name = decodeURIComponent(url.pathname.slice('/api/'.length));
        if (!isHandlerName(name)) return send(res, 404, JSON.stringify({ ok: false, error: { message: `未知的操作：${name}` } }));
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? JSON.parse(body) : {};
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { message: '请求内容不是有效的 JSON' } }));
        }
        try {
          const result = await opts.ledger.invoke(name, input);
          return send(res, 200, JSON.stringify({ ok: true, result }));
        } catch (e) {
          return send(res, 200, JSON.stringify({ ok: false, error: toErrorPayload(e) }));
        }
      }
      if (req.method !== 'GET' || !opts.staticDir) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
      const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      let file = path.join(opts.staticDir, rel);
      if (!file.startsWith(opts.staticDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(opts.staticDir, 'index.html');
      return send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      send(res, 500, JSON.stringify({ ok: false, error: toErrorPayload(e) }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
