/** 政治理论测试: the arithmetic (study.md 8.6), the 抽测 draw from its seed, the demo's figures, the workbook read back, the CLI. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, testLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { base64 } from '../support/workbooks.ts';
import { plainWorkbook } from '../support/score-workbooks.ts';
import { averageOf, passRateOf, percentText, roundAverage } from '../../core/tests/model.ts';
import { drawFrom, type DrawPerson } from '../../core/tests/draw.ts';

describe('test arithmetic', () => {
  it('rounds averages half-up to one decimal in decimal arithmetic', () => {
    expect(roundAverage(97.55)).toBe(97.6);
    expect(roundAverage(97.54)).toBe(97.5);
    expect(roundAverage(97.549)).toBe(97.5);
    expect(roundAverage(97.45)).toBe(97.5);
    const many = (n: number, sum: number) => Array.from({ length: n }, (_, i) => (Math.floor(sum / n) + (i < sum % n ? 1 : 0)) * 10);
    expect(averageOf(many(20, 1951))).toBe(97.6);
    expect(averageOf(many(99, 9662))).toBe(97.6);
    expect(averageOf(many(20, 1968))).toBe(98.4);
    expect(averageOf([975, 976])).toBe(97.6); // 97.55
    expect(averageOf([975, 975, 975, 975, 977])).toBe(97.5); // 97.54
    expect(averageOf([])).toBeNull();
  });

  it('gives the pass rate to one decimal and "—" for no one', () => {
    expect(passRateOf(99, 99)).toBe(100);
    expect(passRateOf(98, 99)).toBe(99);
    expect(percentText(passRateOf(98, 99))).toBe('99.0%');
    expect(percentText(passRateOf(99, 99))).toBe('100%');
    expect(passRateOf(0, 0)).toBeNull();
    expect(percentText(null)).toBe('—');
  });

  it('a score of exactly the pass mark passes; 59.5 fails; the stats round 97.55 up', async () => {
    const l = await testLedger();
    await bureau(l);
    const r = await l.call('tests/import', { fileName: 'a.xlsx', contentBase64: base64(await plainWorkbook([{ name: '甲', score: 60, department: '机关' }, { name: '乙', score: 59.5, department: '机关' }, { name: '丙', score: 97.5, department: '机关' }, { name: '丁', score: 97.6, department: '机关' }].slice(0, 2))), name: '边界', date: '2026-04-22', kind: '全员普测' });
    expect(await l.call('tests/stats', { testId: r.testId! })).toMatchObject({ participants: 2, passed: 1, passRate: 50, average: 59.8, max: 60, min: 59.5 });
    const r2 = await l.call('tests/import', { fileName: 'b.xlsx', contentBase64: base64(await plainWorkbook([{ name: '丙', score: 97.5, department: '机关' }, { name: '丁', score: 97.6, department: '机关' }])), name: '舍入', date: '2026-04-22', kind: '全员普测' });
    const s = await l.call('tests/stats', { testId: r2.testId! });
    expect(s.average).toBe(97.6);
    expect(s.sentence).toBe('全局共2名民警参加全员普测，合格率100%，平均分97.6');
  });
});

describe('抽测', () => {
  const pool: DrawPerson[] = Array.from({ length: 40 }, (_, i) => ({ memberId: `m${i}`, name: `人${String(i).padStart(2, '0')}`, branch: `第${i % 4}支部`, department: null }));

  it('draws the same names from the same seed and pool, whatever order the pool comes in', () => {
    const a = drawFrom(pool, 10, '20260510');
    expect(a).toHaveLength(10);
    expect(new Set(a.map((p) => p.memberId)).size).toBe(10);
    expect(drawFrom([...pool].reverse(), 10, '20260510')).toEqual(a);
    expect(drawFrom(pool, 10, '20260511')).not.toEqual(a);
  });

  it('records a draw from chosen branches with its seed; shown again it is reproduced; more than the pool is refused', async () => {
    const l = await testLedger();
    const { branchIds } = await bureau(l, { branches: [{ termStartOn: null }, { termStartOn: null }] });
    for (let i = 0; i < 6; i++) await member(l, branchIds[i % 2], { name: `成员${i}` });
    const d = await l.call('tests/sample', { scope: ['刑侦大队党支部', '治安大队党支部'], count: 3, seed: 'abc' });
    expect(d).toMatchObject({ seed: 'abc', count: 3, poolSize: 6, reproduced: true });
    const again = await l.call('tests/sample', { scope: ['治安大队党支部', '刑侦大队党支部'], count: 3, seed: 'abc' });
    expect(again.picked).toEqual(d.picked);
    expect(await l.call('tests/draw', { id: d.id })).toMatchObject({ picked: d.picked, reproduced: true });
    const noSeed = await l.call('tests/sample', { scope: ['刑侦大队党支部'], count: 1 });
    expect(noSeed.seed).toMatch(/^\d{6}$/);
    await expect(l.call('tests/sample', { scope: ['刑侦大队党支部'], count: 4 })).rejects.toThrow('抽取人数（4）超过可抽取的人数（3）');
    await expect(l.call('tests/sample', { scope: ['不存在党支部'], count: 1 })).rejects.toThrow('没有名为“不存在党支部”的党支部');
    const sheet = await l.call('tests/export-draw', { id: d.id });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(sheet.contentBase64, 'base64') as never);
    const ws = wb.getWorksheet('抽测名单')!;
    const names: unknown[] = [];
    ws.eachRow((row, n) => n > 3 && typeof row.getCell(2).value === 'string' && names.push(row.getCell(2).value));
    expect(names.slice(0, 3)).toEqual(d.picked.map((p) => p.name));
    expect(JSON.stringify(ws.getSheetValues())).toContain('随机种子：abc');
  });
});

describe('the demo bureau', () => {
  it('reads like the example summary: 99 in the 全员普测 at 97.6, a 集中抽测 of 20 at 98.4 from a reproducible draw, and one 补考', async () => {
    const l = await testLedger({ demo: true });
    const tests = await l.call('tests/list', { year: 2026 });
    expect(tests.map((t) => [t.testDate, t.kind, t.participants, t.passRate, t.average])).toEqual([
      ['2026-05-20', '集中抽测', 20, 100, 98.4],
      ['2026-04-22', '全员普测', 99, 100, 97.6],
      ['2026-01-29', '补考', 2, 100, expect.any(Number)],
      ['2026-01-15', '全员普测', 99, 98, expect.any(Number)],
    ]);
    const main = await l.call('tests/stats', { testId: tests[1].id });
    expect(main.sentence).toBe('全局共99名民警参加全员普测，合格率100%，平均分97.6');
    expect(main.members).toBeGreaterThan(0);
    expect(main.nonMembers).toBeGreaterThan(0);
    expect(main.members + main.nonMembers).toBe(99);
    const sample = await l.call('tests/stats', { testId: tests[0].id });
    expect(sample.sentence).toBe('集中抽测共20人参加，合格率100%，平均分98.4');
    const draw = await l.call('tests/draw', { id: tests[0].drawId! });
    expect(draw).toMatchObject({ count: 20, poolSize: 99, fromTestId: tests[1].id, reproduced: true });
    const retake = await l.call('tests/results', { testId: tests[2].id });
    expect(retake.results.every((r) => r.firstAttempt?.testId === tests[3].id && r.firstAttempt.score < 60)).toBe(true);
  });

  it('exports the 测试成绩统计表: every score, the totals and the sentence, read back', async () => {
    const l = await testLedger({ demo: true });
    const [, main] = await l.call('tests/list', { year: 2026 });
    const f = await l.call('tests/export-results', { testId: main.id });
    expect(f.fileName).toBe('2026-04-22 第二季度政治理论知识测试成绩统计表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as never);
    const ws = wb.getWorksheet('成绩')!;
    expect(ws.getCell('A1').value).toBe('第二季度政治理论知识测试测试成绩统计表');
    expect(ws.getRow(3).values).toEqual([, '序号', '姓名', '身份', '所在党支部', '部门', '成绩', '是否合格', '备注']);
    const { results } = await l.call('tests/results', { testId: main.id });
    const rows = results.map((_, i) => ws.getRow(4 + i));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(results.map((r) => r.name));
    expect(rows.reduce((a, r) => a + Number(r.getCell(6).value), 0)).toBe(9662);
    expect(rows.every((r) => r.getCell(7).value === '合格')).toBe(true);
    expect(ws.getCell(`A${4 + results.length}`).value).toBe('全局共99名民警参加全员普测，合格率100%，平均分97.6。');
    const st = wb.getWorksheet('统计')!;
    const total = st.getRow(st.rowCount - 2);
    expect(total.values).toEqual([, '合计', '', 99, main.participants - (await l.call('tests/stats', { testId: main.id })).nonMembers, expect.any(Number), 99, 100, '97.6', expect.any(String), expect.any(String)]);
  });
});

describe('party-ledger tests …', () => {
  const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
  const env = { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' };
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('import prints the id; stats has exactly the issue keys; sample and export test-results work; a bad file is refused by row', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.sqlite');
    expect(cli(['init', '--db', db]).code).toBe(0);
    expect(cli(['demo', '--db', db]).code).toBe(0);
    const good = path.join(dir, 'good.xlsx');
    const bad = path.join(dir, 'bad.xlsx');
    const fs = await import('node:fs');
    fs.writeFileSync(good, await plainWorkbook([{ name: '外一', score: 97.5, department: '机关' }, { name: '外二', score: 97.6, department: '机关' }, { name: '外三', score: 50, department: '巡特警大队' }]));
    fs.writeFileSync(bad, await plainWorkbook([{ name: '外一', score: 97.5, department: '机关' }, { name: '外二', score: 101, department: '机关' }, { name: '外三', score: 'x', department: '机关' }]));
    const no = cli(['tests', 'import', bad, '--name', '坏', '--date', '2026-11-20', '--kind', '全员普测', '--db', db]);
    expect(no.code).toBe(1);
    expect(no.err).toContain('第 5 行 成绩：101 不在 0 至 100 分之间');
    expect(no.err).toContain('第 6 行 成绩：“x”不是数字');
    const yes = cli(['tests', 'import', good, '--name', '第四季度测试', '--date', '2026-11-20', '--kind', '全员普测', '--pass', '60', '--full', '100', '--db', db]);
    expect(yes.code).toBe(0);
    const id = yes.out.split('\n')[0].trim();
    const listed = JSON.parse(cli(['tests', 'list', '--year', '2026', '--db', db, '--json']).out) as { id: string }[];
    expect(listed[0].id).toBe(id);
    const stats = JSON.parse(cli(['tests', 'stats', '--test', id, '--db', db, '--json']).out);
    expect(stats).toEqual({ participants: 3, members: 0, nonMembers: 3, passed: 2, passRate: 66.7, average: 81.7, max: 97.6, min: 50 });
    const s1 = JSON.parse(cli(['tests', 'sample', '--from-test', id, '--count', '2', '--seed', '7', '--db', db, '--json']).out);
    const s2 = JSON.parse(cli(['tests', 'sample', '--from-test', id, '--count', '2', '--seed', '7', '--db', db, '--json']).out);
    expect(s1).toMatchObject({ seed: '7', count: 2, poolSize: 3 });
    expect(s2.picked).toEqual(s1.picked);
    const byBranch = JSON.parse(cli(['tests', 'sample', '--branches', '刑侦大队党支部,治安大队党支部', '--count', '5', '--db', db, '--json']).out);
    expect(byBranch.picked).toHaveLength(5);
    const out = path.join(dir, 'r.xlsx');
    const ex = cli(['export', 'test-results', '--test', id, '--out', out, '--db', db]);
    expect(ex.code).toBe(0);
    expect(ex.out).toContain('全局共3名民警参加全员普测，合格率66.7%，平均分81.7');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('成绩')!.getCell('B4').value).toBe('外一');
  }, 300_000);
});
