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

export async function hostSession(ledger: Ledger): Promise<HostSession> {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>党务台账</title>');
  const host = await startHost({ ledger, staticDir });
  const u = new URL(host.url);
  const setCookie = await new Promise<string>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: u.pathname + u.search, method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.headers['set-cookie']?.[0] ?? '')));
    });
    req.on('error', reject);
    req.end();
  });
  const cookie = setCookie.split(';')[0];
  if (!cookie) throw new Error('host set no session cookie');
  return {
    host,
    headers: { Host: `127.0.0.1:${host.port}`, Cookie: cookie },
    close: async () => {
      await host.close();
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
