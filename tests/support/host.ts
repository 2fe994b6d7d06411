/**
 * Browser mode for core tests: the real host on a throw-away static folder, with the
 * launch code already spent like a first page load, so a test can call the API as the page does.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Ledger } from '../../core/ledger.ts';
import { startHost, type RunningHost } from '../../core/host/server.ts';

export interface HostSession {
  host: RunningHost;
  /** Headers the page sends: Host and the session cookie. */
  headers: Record<string, string>;
  close: () => Promise<void>;
}

export interface ApiAnswer {
  ok: boolean;
  /** Each test reads the result it asked for. */
  result?: any;
  error?: { message: string };
}

/** POSTs one handler call to browser mode as the page does. */
export function callApi(port: number, headers: Record<string, string>, name: string, body: unknown): Promise<ApiAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/api/${name}`, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve(JSON.parse(data)));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Spends a launch URL's one-time code like a first page load; returns the session cookie the host set. */
export function spendLaunchCode(port: number, launchUrl: string): Promise<string> {
  const u = new URL(launchUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: u.pathname + u.search, method: 'GET', headers: { Host: `127.0.0.1:${port}` } }, (res) => {
      res.resume();
      const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0];
      res.on('end', () => (cookie ? resolve(cookie) : reject(new Error(`no session cookie (HTTP ${res.statusCode})`))));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function hostSession(ledger: Ledger): Promise<HostSession> {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>党务台账</title>');
  const host = await startHost({ ledger, staticDir });
  const cookie = await spendLaunchCode(host.port, host.url);
  return {
    host,
    headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie },
    close: async () => {
      await host.close();
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
