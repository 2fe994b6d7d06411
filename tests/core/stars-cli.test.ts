/** `party-ledger stars …` and `export stars[-notice]` from a real process on a real ledger file (the demo, pinned to 2026-11-28). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxText, tempDir, testLedger, zipPart } from '../support/ledger.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('party-ledger stars', () => {
  it('score --json, scheme --export/--import, a trial --scheme file, and both exports', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const l = await testLedger({ file: db, demo: true });
    await l.close();

    const r = cli(['stars', 'score', '--year', '2026', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    const rows = JSON.parse(r.out) as { branch: string; score: number; stars: number; vetoed: boolean; lines: { item: string; points: number; source: string; fact: string }[] }[];
    expect(rows).toHaveLength(11);
    for (const b of rows) {
      expect(Object.keys(b)).toEqual(['branch', 'score', 'stars', 'vetoed', 'lines']);
      expect(Math.round(b.lines.reduce((a, x) => a + x.points * 10, 0)) / 10).toBe(b.score);
    }
    expect(rows.filter((b) => b.stars === 5).map((b) => b.branch)).toEqual(['刑侦大队党支部', '城关派出所党支部']);
    expect(rows.filter((b) => b.stars === 4)).toHaveLength(9);
    expect(rows[0].lines.find((x) => x.item === '三会一课')).toMatchObject({ source: '三会一课落实情况（组织生活检查）', fact: expect.stringContaining('按期开展') });

    const file = path.join(dir, 'scheme.json');
    expect(cli(['stars', 'scheme', '--export', file, '--db', db]).code).toBe(0);
    const v = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(v.version).toBe('示例');
    // a trial with 五星 from 95: nobody is 五星 under it, nothing is saved
    v.version = '试算';
    v.values.bands[0].min = 97;
    v.values.bands[1].max = 97;
    fs.writeFileSync(file, JSON.stringify(v));
    const trial = JSON.parse(cli(['stars', 'score', '--year', '2026', '--scheme', file, '--db', db, '--json']).out) as typeof rows;
    expect(trial.filter((b) => b.stars === 5)).toHaveLength(0);
    expect(JSON.parse(cli(['stars', 'score', '--year', '2026', '--db', db, '--json']).out).filter((b: { stars: number }) => b.stars === 5)).toHaveLength(2);
    // import it as the unit's version
    v.version = '2026本单位';
    v.effectiveFrom = '2026-01-01';
    fs.writeFileSync(file, JSON.stringify(v));
    const imp = cli(['stars', 'scheme', '--import', file, '--db', db]);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.out).toContain('已导入评星方案，版本 2026本单位');
    fs.writeFileSync(file, '{"version": 1}');
    const bad = cli(['stars', 'scheme', '--import', file, '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('方案文件有误');

    const xlsx = path.join(dir, 'stars.xlsx');
    expect(cli(['export', 'stars', '--year', '2026', '--out', xlsx, '--db', db]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('汇总')!.getCell('A1').value).toBe('2026年度党支部评星定级结果汇总表');
    const docx = path.join(dir, 'notice.docx');
    expect(cli(['export', 'stars-notice', '--year', '2026', '--out', docx, '--db', db]).code).toBe(0);
    expect(docxText(await zipPart(fs.readFileSync(docx), 'word/document.xml'))).toContain('关于2026年度党支部评星定级结果的公示');
  });
});
