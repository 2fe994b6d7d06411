/**
 * `party-ledger export binder` on the demo bureau (a real ledger file, so the
 * scans are stored): one branch for a half-year written to --out through a
 * temporary name (none left beside it), the summary printed; --pdf where
 * LibreOffice is not found still writes the binder and says why on stderr;
 * --out is required.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/ledger.ts';
import { NO_OFFICE } from '../../core/archive/binder/office.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const dir = tempDir();
const db = path.join(dir, 'ledger.sqlite');
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  expect(cli(['demo']).code).toBe(0);
}, 180_000);

describe('export binder', { timeout: 120_000 }, () => {
  it('writes one branch’s half-year to --out and prints what is in each binder', () => {
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(outDir);
    const out = path.join(outDir, '迎检.zip');
    const r = cli(['export', 'binder', '--year', '2026', '--branch', '东城派出所党支部', '--from', '2026-01-01', '--to', '2026-06-30', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('B 三会一课');
    expect(r.out).toContain('迎检清单未齐全');
    expect(fs.readdirSync(outDir)).toEqual(['迎检.zip']);
    const names = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(out))));
    expect(names).toContain('manifest.json');
    expect(names.some((n) => n.includes('东城派出所党支部党员花名册'))).toBe(true);
  });

  it('--pdf without LibreOffice: the binder is written, stderr says why', () => {
    const out = path.join(dir, 'nopdf.zip');
    const r = cli(['export', 'binder', '--year', '2026', '--from', '2026-01-01', '--to', '2026-03-31', '--pdf', '--out', out, '--json'], { PARTY_LEDGER_SOFFICE: 'none' });
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(NO_OFFICE);
    expect(JSON.parse(r.out).pdf).toMatchObject({ requested: true, made: 0 });
    expect(fs.existsSync(out)).toBe(true);
  });

  it('needs --out', () => {
    const r = cli(['export', 'binder', '--year', '2026']);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--out');
  });
});
