/** Browser mode's gate, attacked with the real server: token, Host, Origin, handler names. */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../core/host/server.ts';
import { testLedger, type TestLedger } from '../support/ledger.ts';

function post(port: number, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: data ? JSON.parse(data) : null }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('browser-mode host', () => {
  let l: TestLedger;
  let host: RunningHost;
  beforeAll(async () => {
    l = await testLedger({ demo: true });
    host = await startHost({ ledger: l, staticDir: null });
  });
  afterAll(async () => {
    await host.close();
    await l.close();
  });
  const own = () => ({ Host: `127.0.0.1:${host.port}`, 'X-Ledger-Token': host.token });

  it('listens on 127.0.0.1 with a per-launch token in the URL', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[0-9a-f]{48}$`));
  });
  it('answers a call with the token', async () => {
    const r = await post(host.port, '/api/members/list', '{"pageSize":1}', own());
    expect(r.status).toBe(200);
    expect(r.json.result.total).toBe((await l.call('members/list', {})).total);
  });
  it('refuses a missing or wrong token', async () => {
    expect((await post(host.port, '/api/members/list', '{}', { Host: `127.0.0.1:${host.port}` })).status).toBe(401);
    expect((await post(host.port, '/api/members/list', '{}', { ...own(), 'X-Ledger-Token': 'x'.repeat(48) })).status).toBe(401);
  });
  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    expect((await post(host.port, '/api/members/list', '{}', { ...own(), Host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await post(host.port, '/api/members/list', '{}', { ...own(), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(host.port, '/api/members/list', '{}', { ...own(), Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });
  it('has no generic settings writer: settings/set is an unknown handler and changes nothing', async () => {
    const before = await l.call('settings/get', { prefix: 'dues.' });
    const r = await post(host.port, '/api/settings/set', JSON.stringify({ key: 'dues.arrearsMonths', value: -1 }), own());
    expect(r.json.ok).toBe(false);
    expect(r.json.error.message).toBe('未知的操作：settings/set');
    // The same answer as for a name that never existed.
    expect((await post(host.port, '/api/settings/nothing', '{}', own())).json).toEqual({ ok: false, error: expect.objectContaining({ message: '未知的操作：settings/nothing' }) });
    expect(await l.call('settings/get', { prefix: 'dues.' })).toEqual(before);
  });
  it('refuses odd handler names and bad JSON, and reports bad input in Chinese', async () => {
    expect((await post(host.port, '/api/__proto__', '{}', own())).status).toBe(404);
    expect((await post(host.port, '/api/members/list', '{nope', own())).status).toBe(400);
    const r = await post(host.port, '/api/members/create', '{"name":""}', own());
    expect(r.json.ok).toBe(false);
    expect(r.json.error.message).toMatch(/“姓名”/);
  });
});
