/**
 * Start-up from the ahead-of-time build (issue 9): bin/party-ledger.mjs runs dist/node/cli.js when it is
 * current, a listing loads neither docx nor exceljs (they load on first use), and a document still comes out
 * of the built CLI. No timing here: the figures are in `npm run bench` (startup).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coreBuildFresh, OUT, ROOT } from '../../scripts/core-build-state.mjs';
import { tempDir } from '../support/ledger.ts';

const HOOK = `import { createRequire } from 'node:module';
const r = createRequire(import.meta.url);
process.on('exit', () => {
  const names = new Set(Object.keys(r.cache).map((f) => (f.match(/node_modules[\\\\/]((@[^\\\\/]+[\\\\/])?[^\\\\/]+)/) ?? [])[1]).filter(Boolean));
  process.stderr.write('LOADED ' + JSON.stringify([...names]) + '\\n');
});`;

describe('the command line from dist/node', () => {
  let home: string;
  let hook: string;
  const env = () => ({ ...process.env, PARTY_LEDGER_HOME: home, PARTY_LEDGER_TODAY: '2026-11-28' });
  beforeAll(() => {
    if (!coreBuildFresh()) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-core.mjs')], { stdio: 'pipe' });
    home = tempDir();
    hook = path.join(home, 'hook.mjs');
    fs.writeFileSync(hook, HOOK);
    execFileSync(process.execPath, [path.join(OUT, 'cli.js'), 'demo'], { env: env(), stdio: 'pipe' });
  }, 120_000);

  it('is current after a build, and bin/party-ledger.mjs runs it', () => {
    expect(coreBuildFresh()).toBe(true);
    // the hook sees the packages loaded in the process: the built CLI bundles kysely and zod, tsx is absent
    const r = spawnSync(process.execPath, ['--import', hook, path.join(ROOT, 'bin', 'party-ledger.mjs'), 'branches', 'list', '--json'], { env: env(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(11);
    const loaded = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]) as string[];
    expect(loaded).not.toContain('tsx');
    expect(loaded).not.toContain('kysely');
  }, 60_000);

  it('a listing loads neither docx nor exceljs', () => {
    const r = spawnSync(process.execPath, ['--import', hook, path.join(OUT, 'cli.js'), 'members', 'list', '--json'], { env: env(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const loaded = JSON.parse(/LOADED (.*)/.exec(r.stderr)![1]) as string[];
    expect(loaded).toContain('better-sqlite3');
    expect(loaded).not.toContain('docx');
    expect(loaded).not.toContain('exceljs');
  }, 60_000);

  it('a document still comes out: docx and exceljs load when first used', () => {
    const xlsx = path.join(home, '花名册.xlsx');
    const docx = path.join(home, '公布.docx');
    for (const args of [['members', 'export', '--out', xlsx], ['export', 'dues-publication', '--year', '2026', '--out', docx]]) {
      const r = spawnSync(process.execPath, [path.join(OUT, 'cli.js'), ...args], { env: env(), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});
