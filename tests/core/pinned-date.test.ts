/**
 * PARTY_LEDGER_TODAY pins every host's clock: read by core/platform.ts, honoured
 * by the command line and browser mode (real processes), reported by
 * `setup/status` for the 演示日期 banner; an invalid value stops the start with
 * one Chinese line and touches nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PinnedDateError, localDate, pinnedTodayFromEnv, systemPlatform } from '../../core/platform.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { callApi, hostSession } from '../support/host.ts';
import { tempDir } from '../support/ledger.ts';
import { nodeArgs } from '../../scripts/core-build-state.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'party-ledger.mjs');
const cli = (args: string[], env: Record<string, string>) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const BAD = ['2026-02-30', '2026-13-01', '2027-1-5', 'tomorrow', '20270105', '2027-01-05T00:00'];

describe('pinnedTodayFromEnv / systemPlatform', () => {
  it('reads a valid date, ignores an unset or empty variable and refuses anything else in Chinese', () => {
    expect(pinnedTodayFromEnv({})).toBeUndefined();
    expect(pinnedTodayFromEnv({ PARTY_LEDGER_TODAY: '  ' })).toBeUndefined();
    expect(pinnedTodayFromEnv({ PARTY_LEDGER_TODAY: '2028-02-29' })).toBe('2028-02-29');
    expect(pinnedTodayFromEnv({ PARTY_LEDGER_TODAY: ' 2027-01-05 ' })).toBe('2027-01-05');
    for (const v of [...BAD, '2027-02-29']) {
      expect(() => pinnedTodayFromEnv({ PARTY_LEDGER_TODAY: v })).toThrow(PinnedDateError);
      expect(() => pinnedTodayFromEnv({ PARTY_LEDGER_TODAY: v })).toThrow(/PARTY_LEDGER_TODAY.*不是有效日期.*YYYY-MM-DD/);
    }
  });

  it('a pinned platform says the pinned day, today and now, and names it; an unpinned one the real day', () => {
    const p = systemPlatform('/tmp/x', '测试', '2027-01-05');
    expect([p.today(), p.pinnedToday, localDate(new Date(p.now()))]).toEqual(['2027-01-05', '2027-01-05', '2027-01-05']);
    const real = systemPlatform('/tmp/x', '测试', undefined);
    expect(real.pinnedToday).toBeUndefined();
    expect(real.today()).toBe(localDate(new Date()));
  });
});

describe('the command line with PARTY_LEDGER_TODAY', () => {
  it('exits 1 with one Chinese line for an invalid value and creates no ledger', () => {
    const dir = tempDir();
    const db = path.join(dir, 'bad.sqlite');
    for (const v of ['2026-02-30', 'tomorrow']) {
      const r = cli(['init', '--db', db], { PARTY_LEDGER_TODAY: v });
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toEqual([`错误：环境变量 PARTY_LEDGER_TODAY 的值“${v}”不是有效日期，应为 YYYY-MM-DD（如 2026-11-28）`]);
      expect(r.out).toBe('');
    }
    expect(fs.existsSync(db)).toBe(false);
  }, 120_000);

  it('dates the demo, the check, the arrears and the alerts from the pinned day', () => {
    const db = path.join(tempDir(), 'pinned.sqlite');
    const env = { PARTY_LEDGER_TODAY: '2027-01-01' };
    expect(cli(['init', '--db', db], env).code).toBe(0);
    expect(cli(['demo', '--db', db], env).code).toBe(0);
    // the letter sent 45 days before the pinned day
    const out = JSON.parse(cli(['transfers', 'list', '--year', '2026', '--db', db, '--json'], env).out).find((t: { direction: string }) => t.direction === '转出');
    expect(out.transferDate).toBe('2026-11-17');
    // the 2027 calendar has just begun: January is due, nothing missing yet; 2026's gaps are found
    const check2027 = JSON.parse(cli(['check', '--year', '2027', '--db', db, '--json'], env).out);
    expect(check2027.length).toBeGreaterThan(0);
    expect(check2027.every((f: { status: string }) => f.status === 'due')).toBe(true);
    const check2026 = JSON.parse(cli(['check', '--year', '2026', '--db', db, '--json'], env).out);
    expect(check2026.filter((f: { status: string }) => f.status === 'missing').length).toBe(3);
    const arrears = JSON.parse(cli(['dues', 'arrears', '--as-of', '2027-01', '--db', db, '--json'], env).out);
    expect(arrears.map((a: { consecutiveUnpaidMonths: number }) => a.consecutiveUnpaidMonths)).toEqual([6, 4, 3]);
    expect(arrears.every((a: { months: string[]; unassessedMonths: string[] }) => a.months.at(-1) === '2026-12' && a.unassessedMonths.join() === '2027-01')).toBe(true);
    expect(cli(['transfers', 'alerts', '--db', db], env).out).toContain('尚未收到回执');
  }, 300_000);
});

describe('browser mode with PARTY_LEDGER_TODAY', () => {
  it('refuses to start on an invalid value: one Chinese line, exit 1, no ledger created', async () => {
    const home = tempDir();
    const child = spawn(process.execPath, nodeArgs('host'), {
      cwd: ROOT,
      env: { ...process.env, PARTY_LEDGER_HOME: home, PARTY_LEDGER_NO_BROWSER: '1', PARTY_LEDGER_TODAY: '2026-02-30' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => {
      const t = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.on('exit', (c) => {
        clearTimeout(t);
        resolve(c);
      });
    });
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual(['环境变量 PARTY_LEDGER_TODAY 的值“2026-02-30”不是有效日期，应为 YYYY-MM-DD（如 2026-11-28）']);
    expect(out).not.toContain('已启动');
    expect(fs.readdirSync(home)).toEqual([]);
  }, 60_000);

  it('setup/status over HTTP reports the pinned day for the 演示日期 banner, and no pin when unset', async () => {
    for (const [env, pinned] of [[{ PARTY_LEDGER_TODAY: '2027-01-05' }, '2027-01-05'], [{}, null]] as const) {
      const dir = tempDir();
      const ledger = await openLedgerContext(path.join(dir, 'ledger.sqlite'), systemPlatform(dir, undefined, pinnedTodayFromEnv(env)));
      const session = await hostSession(ledger);
      const host = session.host;
      try {
        const status = await callApi(host.port, session.headers, 'setup/status', {});
        expect(status.result.pinnedToday).toBe(pinned);
        expect(status.result.today).toBe(pinned ?? localDate(new Date()));
      } finally {
        await session.close();
        await ledger.close();
      }
    }
  });
});
