/**
 * Backups from the command line and beside a running browser-mode host, all as real
 * processes: backup / verify / restore, the lock of one app per data folder, a CLI write
 * while the host writes, a restore done by the running host itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/ledger.ts';
import { callApi, spendLaunchCode } from '../support/host.ts';
import { nodeArgs } from '../../scripts/core-build-state.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'party-ledger.mjs');
const TODAY = '2026-11-28';

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, PARTY_LEDGER_TODAY: TODAY, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('exit', (code) => resolve({ code, out, err }));
  });
}

interface Host {
  child: ChildProcess;
  port: number;
  /** The session cookie got by spending the printed launch code. */
  cookie: string;
  exited: Promise<number | null>;
  log: () => string;
}

function startHost(home: string): Promise<Host> {
  const child = spawn(process.execPath, nodeArgs('host'), {
    cwd: ROOT,
    env: { ...process.env, PARTY_LEDGER_HOME: home, PARTY_LEDGER_NO_BROWSER: '1', PARTY_LEDGER_TODAY: TODAY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${log}`)), 300_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/http:\/\/127\.0\.0\.1:(\d+)\/\?code=([0-9a-f]+)/);
      if (m) {
        clearTimeout(timer);
        const port = Number(m[1]);
        spendLaunchCode(port, m[0]).then((cookie) => resolve({ child, port, cookie, exited, log: () => log }), reject);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((c) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`host exited ${c}`), { log, code: c }));
    });
  });
}

const api = (h: Host, name: string, input: unknown) => callApi(h.port, { Host: `127.0.0.1:${h.port}`, Cookie: h.cookie }, name, input);

// every step is a real process: on a busy machine one CLI call can take seconds
describe('backup from the command line', { timeout: 600_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'ledger.sqlite');
  const pw = path.join(dir, 'pw.txt');
  fs.writeFileSync(pw, '党建2026\n');
  const wrong = path.join(dir, 'wrong.txt');
  fs.writeFileSync(wrong, 'nope\n');

  it('backup --out, verify, and the refusals of verify', async () => {
    expect((await run(['demo', '--db', db])).code).toBe(0);
    const out = path.join(dir, 'usb', '备份.zip');
    const b = await run(['backup', '--out', out, '--db', db, '--json']);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out)).toMatchObject({ file: out, encrypted: false });
    const v = await run(['backup', 'verify', out]);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/备份完好。\n单位：.+\n备份时间：2026-11-28 .*\n内容：党员 \d+ 名，党支部 11 个，记录 \d+ 条，附件 \d+ 个/);
    const enc = path.join(dir, 'backup.plbk');
    expect((await run(['backup', '--out', enc, '--password-file', pw, '--db', db])).code).toBe(0);
    const noPw = await run(['backup', 'verify', enc]);
    expect([noPw.code, noPw.err.trim()]).toEqual([1, '错误：这个备份已加密，请提供备份密码']);
    const bad = await run(['backup', 'verify', enc, '--password-file', wrong]);
    expect([bad.code, bad.err.trim()]).toEqual([1, '错误：备份密码不正确，未作任何改动']);
    expect((await run(['backup', 'verify', enc, '--password-file', pw])).code).toBe(0);
    const bytes = fs.readFileSync(out);
    bytes[Math.floor(bytes.length / 2)] ^= 0x55;
    const tampered = path.join(dir, 'tampered.zip');
    fs.writeFileSync(tampered, bytes);
    const t = await run(['backup', 'verify', tampered]);
    expect(t.code).toBe(1);
    expect(t.err).toMatch(/^错误：备份文件已损坏（.*），未作任何改动/);
  });

  it('restore shows what it restores, needs --yes when not interactive, keeps the old ledger', async () => {
    const out = path.join(dir, 'usb', '备份.zip');
    const before = JSON.parse((await run(['members', 'list', '--db', db, '--json'])).out).length;
    expect((await run(['demo', '--force', '--db', db])).code).toBe(0);
    const refused = await run(['restore', out, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/将恢复以下备份：\n单位：/);
    expect(refused.err).toContain('未确认恢复，台账未作任何改动');
    const r = await run(['restore', out, '--yes', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(res.keptAs).toMatch(/^before-restore-.*\.sqlite$/);
    expect(fs.existsSync(path.join(dir, 'backups', res.keptAs))).toBe(true);
    expect(JSON.parse((await run(['members', 'list', '--db', db, '--json'])).out).length).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const foreign = path.join(dir, 'foreign.zip');
    fs.writeFileSync(foreign, fs.readFileSync(path.join(ROOT, 'package.json')));
    const f = await run(['restore', foreign, '--yes', '--db', db]);
    expect([f.code, f.err.trim()]).toEqual([1, '错误：这个文件不是党务台账的备份，未作任何改动']);
  });
});

describe('one ledger, one app', { timeout: 600_000 }, () => {
  const home = tempDir();
  const db = path.join(home, 'ledger.sqlite');
  let host: Host | null = null;
  afterAll(() => {
    host?.child.kill('SIGKILL');
  });

  it('a second browser-mode instance is refused; a CLI restore is refused; CLI writes beside the host work', async () => {
    expect((await run(['demo', '--db', db])).code).toBe(0);
    const backup = path.join(home, 'before.zip');
    expect((await run(['backup', '--out', backup, '--db', db])).code).toBe(0);
    host = await startHost(home);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'ledger.lock'), 'utf8'))).toMatchObject({ pid: host.child.pid, host: 'browser' });
    const second = await startHost(home).catch((e: { log: string; code: number }) => e);
    expect((second as { code: number }).code).toBe(1);
    expect((second as { log: string }).log).toContain(`党务台账已在运行（浏览器模式，进程 ${host.child.pid}），同一个数据文件夹只能由一个党务台账打开`);
    const restore = await run(['restore', backup, '--yes', '--db', db]);
    expect([restore.code, restore.err.trim()]).toEqual([1, '错误：请先关闭党务台账再恢复']);

    // a CLI write (a roster import renaming one member) while the host keeps writing
    const roster = path.join(home, 'roster.xlsx');
    expect((await run(['members', 'export', '--out', roster, '--db', db])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(roster);
    const ws = wb.getWorksheet('党员花名册')!;
    ws.getCell('B4').value = '命令行改名';
    await wb.xlsx.writeFile(roster);
    let hostWrites = 0;
    const failures: string[] = [];
    let writing = true;
    const loop = (async () => {
      while (writing) {
        const r = await api(host!, 'backup/settings-save', { keepDaily: 30 + (hostWrites % 5), keepMonthly: 12 });
        if (!r.ok) failures.push(r.error!.message);
        hostWrites++;
      }
    })();
    const imp = await run(['members', 'import', roster, '--db', db, '--json']);
    writing = false;
    await loop;
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ written: true });
    expect(failures).toEqual([]);
    expect(hostWrites).toBeGreaterThan(0);
    const seen = await api(host, 'members/list', { search: '命令行改名' });
    expect(seen.result.total).toBe(1);
    const audit = await api(host, 'audit/log', { search: '修改设置 backup.keepDaily', pageSize: 500 });
    expect(audit.result.total).toBe(hostWrites * 1);
  });

  it('the running host restores itself (close, swap, reopen) and keeps serving', async () => {
    const h = host!;
    const listed = await api(h, 'backup/status', {});
    expect(listed.ok).toBe(true);
    expect(listed.result.dataDir).toBe(home);
    const content = fs.readFileSync(path.join(home, 'before.zip')).toString('base64');
    const preview = await api(h, 'backup/inspect', { contentBase64: content });
    expect(preview.result.needsPassword).toBe(false);
    const r = await api(h, 'backup/restore', { contentBase64: content, confirm: true });
    expect(r.error?.message ?? 'ok').toBe('ok');
    expect((await api(h, 'members/list', { search: '命令行改名' })).result.total).toBe(0);
    expect((await api(h, 'members/list', {})).result.total).toBe(preview.result.preview.counts.members);
    expect(fs.existsSync(path.join(home, 'backups', r.result.keptAs))).toBe(true);
  });

  it('a lock left by a killed host is stale: the next host starts', async () => {
    host!.child.kill('SIGKILL');
    await host!.exited;
    expect(fs.existsSync(path.join(home, 'ledger.lock'))).toBe(true);
    host = await startHost(home);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'ledger.lock'), 'utf8')).pid).toBe(host.child.pid);
    host.child.kill('SIGTERM');
    await host.exited;
    expect(fs.existsSync(path.join(home, 'ledger.lock'))).toBe(false);
    host = null;
  });
});
