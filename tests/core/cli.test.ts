/** The command line as a clerk's script would run it: real process, real ledger file, exit codes. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/ledger.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('party-ledger CLI', () => {
  const dir = tempDir();
  const db = path.join(dir, 'cli.sqlite');

  it('init, demo (refused twice without --force), branches and members as JSON', () => {
    expect(cli(['init', '--db', db]).code).toBe(0);
    // The foundation's 99 members, plus whoever later areas' demo steps add (transfers in, new 预备党员).
    const demo = cli(['demo', '--db', db]).out.match(/11 个党支部，(\d+) 名党员/);
    expect(Number(demo?.[1])).toBeGreaterThanOrEqual(99);
    const again = cli(['demo', '--db', db]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/已有数据.*--force/);
    const branches = JSON.parse(cli(['branches', 'list', '--db', db, '--json']).out);
    expect(branches).toHaveLength(11);
    const members = JSON.parse(cli(['members', 'list', '--branch', '退休党支部', '--db', db, '--json']).out);
    expect(members).toHaveLength(8);
    expect(members.every((m: { category: string }) => m.category === '离退休')).toBe(true);
  });

  it('exports and re-imports the roster without duplicating anyone', async () => {
    const out = path.join(dir, 'roster.xlsx');
    const exp = cli(['members', 'export', '--out', out, '--db', db, '--json']);
    expect(exp.code).toBe(0);
    const onRoster = JSON.parse(cli(['members', 'list', '--db', db, '--json']).out).length;
    expect(JSON.parse(exp.out)).toMatchObject({ members: onRoster });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('党员花名册')!.getCell('B4').value).toBeTruthy();
    const imp = cli(['members', 'import', out, '--db', db, '--json']);
    expect(imp.code).toBe(0);
    expect(JSON.parse(imp.out)).toMatchObject({ written: true, created: 0, updated: onRoster });
  });

  it('an import with a bad row writes nothing, exits 1 and lists the row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['姓名', '公民身份号码', '入党日期', '所在支部', '人员类别', '民族']);
    ws.addRow(['错号码', '110105194912310021', '1980-07-01', '退休党支部', '离退休', '汉族']);
    const bad = path.join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const r = cli(['members', 'import', bad, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/第 2 行 B列（公民身份号码）：校验码不正确/);
    expect(r.err).toContain('未写入任何数据');
  });

  it('usage errors exit 2; unknown branch exits 1 in Chinese', () => {
    expect(cli(['members', 'export', '--db', db]).code).toBe(2);
    expect(cli(['nonsense']).code).toBe(2);
    const r = cli(['members', 'list', '--branch', '火星党支部', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('找不到名为“火星党支部”的党支部');
  });

  it('--db defaults to PARTY_LEDGER_HOME/ledger.sqlite', () => {
    const home = tempDir();
    expect(cli(['init', '--json'], { PARTY_LEDGER_HOME: home }).out).toContain(path.join(home, 'ledger.sqlite'));
  });
});
