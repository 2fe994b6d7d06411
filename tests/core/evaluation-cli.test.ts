/** `party-ledger evaluation show / import` and `export evaluation-sheet`, from a real process on the demo ledger. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, testLedger } from '../support/ledger.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('party-ledger evaluation', () => {
  it('shows the issue keys, exports the ballot, and imports all or nothing', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const l = await testLedger({ file: db, today: '2026-11-28', demo: true });
    const v = await l.call('evaluation/show', { year: 2026, branch: '治安大队党支部' });
    // a 预备党员 of some branch of the demo
    let prob: (typeof v.lines)[number] | undefined;
    for (const b of ['机关第一党支部', '机关第二党支部', '刑侦大队党支部', '城关派出所党支部', '东城派出所党支部', '西城派出所党支部'])
      prob ??= (await l.call('evaluation/show', { year: 2026, branch: b })).lines.find((x) => x.partyStatus === '预备' && x.tookPart);
    expect(prob).toBeDefined();
    const formal = v.lines.filter((x) => x.partyStatus === '正式' && x.tookPart);
    await l.close();

    const show = cli(['evaluation', 'show', '--year', '2026', '--branch', '治安大队党支部', '--db', db, '--json']);
    expect(show.code).toBe(0);
    const r = JSON.parse(show.out);
    expect(Object.keys(r)).toEqual(['formalMembers', 'probationary', 'ratings', 'excellentLimit', 'findings']);
    expect(r).toMatchObject({ formalMembers: 8, excellentLimit: 2, ratings: { 优秀: 3, 合格: 4, 基本合格: 1, 不合格: 0 } });
    expect(r.findings[0]).toBe('评为优秀3名，超过正式党员8名的三分之一（最多2名）：评为优秀的党员一般不超过党员总数的三分之一');

    const out = path.join(dir, '测评表.xlsx');
    const ex = cli(['export', 'evaluation-sheet', '--year', '2026', '--branch', '治安大队党支部', '--out', out, '--db', db]);
    expect(ex.code, ex.err).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names: string[] = [];
    wb.worksheets[0].eachRow((row, n) => n > 3 && typeof row.getCell(1).value === 'number' && names.push(row.getCell(2).value as string));
    expect(names).toEqual(v.lines.filter((x) => x.tookPart).map((x) => x.name));

    // an import with one 预备党员 graded: refused, every bad row named, nothing changed
    const file = path.join(dir, '等次.xlsx');
    const sheet = new ExcelJS.Workbook();
    const ws = sheet.addWorksheet('Sheet1');
    ws.addRow(['姓名', '等次']);
    for (const m of formal.slice(0, 3)) ws.addRow([m.name, '优秀']);
    ws.addRow([prob!.name, '合格']);
    await sheet.xlsx.writeFile(file);
    const bad = cli(['evaluation', 'import', file, '--year', '2026', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`第 5 行 等次：${prob!.name}是预备党员：预备党员，不定等次`);
    expect(JSON.parse(cli(['evaluation', 'show', '--year', '2026', '--branch', '治安大队党支部', '--db', db, '--json']).out).ratings).toEqual(r.ratings);
    // without that row: the three are 优秀, the rest as they were
    ws.spliceRows(5, 1);
    for (const m of formal.slice(3)) ws.addRow([m.name, '合格']);
    await sheet.xlsx.writeFile(file);
    const good = cli(['evaluation', 'import', file, '--year', '2026', '--db', db]);
    expect(good.code, good.err).toBe(0);
    expect(good.out).toContain(`治安大队党支部（${v.heldOn}）：导入 ${formal.length} 人`);
    expect(JSON.parse(cli(['evaluation', 'show', '--year', '2026', '--branch', '治安大队党支部', '--db', db, '--json']).out).ratings).toEqual({ 优秀: 3, 合格: formal.length - 3, 基本合格: 0, 不合格: 0 });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
