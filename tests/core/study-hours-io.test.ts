/** 学时: the online-study import (all or nothing, rows listed), the 学时登记表 read back, `study hours --json` from a real process. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { base64 } from '../support/workbooks.ts';

async function ledger(file?: string) {
  const l = await testLedger({ today: '2026-11-28', file });
  const { branchIds, branches } = await bureau(l, { branches: [{ termStartOn: null }, { termStartOn: null }] });
  const a = await member(l, branchIds[0], { name: '张文华', phone: '13900000001' });
  const b = await member(l, branchIds[0], { name: '李红' });
  const c = await member(l, branchIds[1], { name: '王强' });
  return { l, branchIds, branches, a, b, c };
}

/** A 网络学院-style export: a title, a blank row, then the header on row 3. */
async function onlineWorkbook(rows: [string, ExcelJS.CellValue][], header = ['序号', '姓名', '获得学时']): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学时统计');
  ws.addRow(['2026年度网络学院学习情况']);
  ws.addRow([]);
  ws.addRow(header);
  rows.forEach(([name, h], i) => ws.addRow([i + 1, name, h]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const imp = async (l: TestLedger, bytes: Uint8Array, name = 'online.xlsx') => l.call('hours/import', { fileName: name, contentBase64: base64(bytes), year: 2026 });

describe('online-study import', () => {
  it('a good file: header on row 3 under a variant, rows matched to members, hours added to the year', async () => {
    const { l } = await ledger();
    const r = await imp(l, await onlineWorkbook([['张文华', 12.5], ['王强', '8学时']]));
    expect(r).toMatchObject({ written: true, headerRow: 3, validCount: 2, totalHours: 20.5, problems: [] });
    const y = await l.call('hours/year', { year: 2026 });
    expect(y.members.map((m) => [m.name, m.importedTenths])).toEqual(expect.arrayContaining([['张文华', 125], ['王强', 80], ['李红', 0]]));
    expect(await l.call('hours/imports', { year: 2026 })).toEqual([expect.objectContaining({ sourceFile: 'online.xlsx', rowCount: 2 })]);
  });

  it('a bad hours value or an unmatched name: nothing written, every bad row listed by number', async () => {
    const { l } = await ledger();
    const r = await imp(l, await onlineWorkbook([['张文华', 10], ['李红', '很多'], ['赵某某', 4], ['王强', 3.25]]));
    expect(r.written).toBe(false);
    expect(r.importId).toBeNull();
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [5, '学时', '“很多”不是学时数'],
      [6, '姓名', '花名册中没有“赵某某”，请核对姓名'],
      [7, '学时', '3.25 的小数超过一位'],
    ]);
    expect(await l.ctx.db.selectFrom('study_online_hours').select('id').execute()).toEqual([]);
    expect(await l.ctx.db.selectFrom('study_online_imports').select('id').execute()).toEqual([]);
    // the CLI's message names the rows
    const p = await l.call('hours/import-preview', { fileName: 'x.xlsx', contentBase64: base64(await onlineWorkbook([['张文华', 1], ['张文华', 2]])), year: 2026 });
    expect(p.problems).toEqual([{ row: 5, column: '姓名', message: '与第 4 行是同一人（张文华），请合并为一行' }]);
  });

  it('no header in the first rows: a clear message', async () => {
    const { l } = await ledger();
    await expect(imp(l, await onlineWorkbook([['张文华', 1]], ['序号', '名单', '时长']))).rejects.toThrow(/前 10 行中应有“姓名”和“学时”/);
  });
});

describe('学时登记表', () => {
  it('a 汇总 sheet with the branch column, then one sheet per branch with a 合计 row', async () => {
    const { l, a, b, branches } = await ledger();
    await l.call('hours/add-training', { memberId: a.id, kind: '集中培训', startOn: '2026-03-01', hours: 32, title: '集中轮训' });
    await l.call('hours/add-training', { memberId: b.id, kind: '网络培训', startOn: '2026-03-01', hours: 31.5, title: '网络培训' });
    const f = await l.call('hours/export', { year: 2026 });
    expect(f.fileName).toBe('2026年度学时登记表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', branches[0].name, branches[1].name]);
    const all = wb.getWorksheet('汇总')!;
    expect(String(all.getCell(1, 1).value)).toBe('2026年度党员学时登记表');
    const header = (all.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual(['序号', '姓名', '所在党支部', '身份', '入党日期', '会议学习', '集中培训', '网络培训', '网络学习', '合计', '应达', '集中培训次数', '是否达标', '备注']);
    const rows = [4, 5, 6].map((r) => (all.getRow(r).values as ExcelJS.CellValue[]).slice(1));
    const byName = new Map(rows.map((r) => [r[1], r]));
    expect(byName.get('张文华')!.slice(2, 13)).toEqual([branches[0].name, '党员', expect.any(Date), 0, 32, 0, 0, 32, 32, 1, '达标']);
    expect(byName.get('李红')!.slice(9, 13)).toEqual([31.5, 32, 0, '未达标']);
    expect(String(byName.get('李红')![13])).toContain('不足 32 学时');
    const one = wb.getWorksheet(branches[0].name)!;
    expect(String(one.getCell(1, 1).value)).toBe(`${branches[0].name}2026年度党员学时登记表`);
    const values = [] as ExcelJS.CellValue[][];
    one.eachRow((r) => values.push((r.values as ExcelJS.CellValue[]).slice(1)));
    expect(values.find((v) => v[1] === '合计')).toEqual(expect.arrayContaining([63.5, '未达标 1 人']));
    expect(values.flat().join('')).toContain('规划期已结束，待核对');
    expect(values.flat().join('')).not.toContain('2024');
  });
});

describe('party-ledger study hours', () => {
  const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });

  it('--json: one object per member with name, branch, role, hours, required, short; --branch narrows; export writes the workbook', { timeout: 120_000 }, async () => {
    const db = path.join(tempDir(), 'ledger.sqlite');
    const { l, a, branches } = await ledger(db);
    await l.call('org/roles/add', { orgId: branches[0].id, memberId: a.id, role: '书记', startOn: '2025-03-01' });
    await l.call('hours/add-training', { memberId: a.id, kind: '网络培训', startOn: '2026-03-01', hours: 31.5, title: '网络培训' });
    await l.close();
    const r = cli(['study', 'hours', '--year', '2026', '--db', db, '--json']);
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const x of rows) expect(Object.keys(x)).toEqual(['name', 'branch', 'role', 'hours', 'required', 'short']);
    expect(rows).toContainEqual({ name: '张文华', branch: branches[0].name, role: '书记', hours: 31.5, required: 56, short: true });
    expect(rows).toContainEqual({ name: '王强', branch: branches[1].name, role: '党员', hours: 0, required: 32, short: true });
    const one = JSON.parse(cli(['study', 'hours', '--year', '2026', '--branch', branches[1].name, '--db', db, '--json']).stdout) as { name: string }[];
    expect(one.map((x) => x.name)).toEqual(['王强']);
    const bad = cli(['study', 'hours', '--year', '2026', '--branch', '没有这个支部', '--db', db, '--json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('没有名为“没有这个支部”的党支部');
    const out = path.join(tempDir(), 'h.xlsx');
    const e = cli(['export', 'study-hours', '--year', '2026', '--out', out, '--db', db]);
    expect(e.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', ...branches.map((b) => b.name)]);
  });
});
