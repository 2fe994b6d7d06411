/** `party-ledger inspect --year YYYY [--branch NAME] --json`: exactly the keys, from a real process on a real ledger file. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testLedger } from '../support/ledger.ts';
import { bureau } from '../support/bureau.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-05-15' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('party-ledger inspect', () => {
  it('prints { completeness, items: [{ binder, item, org, status, reason, fix }] }, for all or one branch', { timeout: 120_000 }, async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const l = await testLedger({ file: db, today: '2026-05-15' });
    const { branches } = await bureau(l, { startDate: '2026-01-01', branches: 2 });
    await l.close();
    const all = cli(['inspect', '--year', '2026', '--db', db, '--json']);
    expect(all.code).toBe(0);
    const r = JSON.parse(all.out) as { completeness: Record<string, number>; items: Record<string, string>[] };
    expect(Object.keys(r)).toEqual(['completeness', 'items']);
    expect(r.completeness['B 三会一课']).toBe(0);
    for (const i of r.items) expect(Object.keys(i)).toEqual(['binder', 'item', 'org', 'status', 'reason', 'fix']);
    expect(r.items).toContainEqual({ binder: 'B 三会一课', item: '党课记录和讲稿', org: branches[1].name, status: '缺失', reason: '第一季度党课无记录', fix: expect.stringMatching(/^\/activities\?new=1&orgId=.+&type=党课&month=2026-01$/) });
    const one = JSON.parse(cli(['inspect', '--year', '2026', '--branch', branches[1].name, '--db', db, '--json']).out) as typeof r;
    expect(new Set(one.items.map((i) => i.org))).toEqual(new Set([branches[1].name]));
    const bad = cli(['inspect', '--year', '2026', '--branch', '没有这个支部', '--db', db, '--json']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('没有这个支部');
  });
});
