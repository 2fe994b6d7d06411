/** The command line with the app lock set: real processes on a real ledger file; the password comes only from --lock-password-file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/ledger.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { systemPlatform } from '../../core/platform.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('party-ledger with the app lock', { timeout: 180_000 }, () => {
  const dir = tempDir();
  const db = path.join(dir, 'locked.sqlite');
  const right = path.join(dir, 'right.txt');
  const wrong = path.join(dir, 'wrong.txt');
  fs.writeFileSync(right, '支部密码2026\n');
  fs.writeFileSync(wrong, 'nope\n');

  it('needs the password file for every command once a lock is set', async () => {
    expect(cli(['demo', '--db', db]).code).toBe(0);
    // the clerk sets the lock in 单位设置 → 安全; here the same handler, in-process on the same file
    const l = await openLedgerContext(db, systemPlatform(dir, '测试', '2026-11-28'));
    await l.invoke('lock/set', { newPassword: '支部密码2026' });
    await l.close();
    const bare = cli(['members', 'list', '--db', db, '--json']);
    expect(bare.code).toBe(1);
    expect(bare.err.trim()).toBe('错误：台账已设置密码锁：请用 --lock-password-file 指定存放密码的文件（文件第一行为密码）');
    expect(bare.out).toBe('');
    expect(cli(['branches', 'list', '--db', db]).code).toBe(1);
    const bad = cli(['members', 'list', '--db', db, '--lock-password-file', wrong]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^错误：密码不正确/);
    expect(cli(['members', 'list', '--db', db, '--lock-password-file', path.join(dir, 'missing.txt')]).err).toMatch(/无法读取密码文件/);
    const ok = cli(['members', 'list', '--db', db, '--json', '--lock-password-file', right]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).length).toBeGreaterThan(90);
  });

  it('opens freely again once the lock is removed', async () => {
    const l = await openLedgerContext(db, systemPlatform(dir, '测试', '2026-11-28'));
    await l.invoke('lock/unlock', { password: '支部密码2026' });
    await l.invoke('lock/remove', { currentPassword: '支部密码2026' });
    await l.close();
    expect(cli(['members', 'list', '--db', db]).code).toBe(0);
  });
});
