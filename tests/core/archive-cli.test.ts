/**
 * The archive from the command line on the demo bureau (a real ledger file, so the
 * demo's scans are stored): the demo's filed year — sign-in sheets for every
 * meeting but 巡特警大队党支部's in the third quarter (the quarter before 2026-11-28's), photos, two voided items,
 * no 述职报告 of the 党委 — then `archive add`, `archive file --org` (again: nothing
 * new) and `export archive-catalog` read back.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/ledger.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const dir = tempDir();
const db = path.join(dir, 'ledger.sqlite');
function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--db', db], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
type Row = { id: string; categoryCode: string; orgName: string; title: string; archiveNo: string; itemNoText: string; sourceKind: string; docDate: string; voidedAt: string | null; voidReason: string | null; files: number; retention: string };
const list = (...extra: string[]): Row[] => JSON.parse(cli(['archive', 'list', '--year', '2026', '--json', ...extra]).out);

beforeAll(() => {
  expect(cli(['demo']).code).toBe(0);
}, 180_000);

describe('the demo’s archive', { timeout: 120_000 }, () => {
  it('holds a year of filed items across the binders, two of them voided with reasons', () => {
    const rows = list();
    const cats = new Set(rows.map((r) => r.categoryCode));
    for (const c of ['B', 'C', 'D', 'G', 'H', 'I', 'K']) expect(cats).toContain(c);
    expect(rows.filter((r) => r.voidedAt).map((r) => r.voidReason)).toEqual(expect.arrayContaining([expect.stringContaining('误归入本年度'), expect.stringContaining('重复归档')]));
    expect(rows.filter((r) => r.voidedAt)).toHaveLength(2);
    expect(rows.every((r) => r.archiveNo.startsWith('J012-WS·2026-'))).toBe(true);
    expect(rows.filter((r) => r.title.endsWith('照片')).length).toBeGreaterThan(5);
    // no 述职报告 of the 党委 (the 迎检清单 finds it missing); each branch has its secretary's
    const reports = rows.filter((r) => r.categoryCode === 'I');
    expect(reports).toHaveLength(11);
    expect(reports.every((r) => r.orgName.endsWith('党支部'))).toBe(true);
  });

  it('has a scanned 签到表 for the meetings so far, except 巡特警大队党支部’s third quarter', () => {
    const signIns = list().filter((r) => r.title.endsWith('签到表') && r.sourceKind === 'attachment');
    expect(signIns.length).toBeGreaterThan(100);
    expect(signIns.every((r) => r.files === 1)).toBe(true);
    const quarter = (r: Row) => Math.ceil(Number(r.docDate.slice(5, 7)) / 3);
    const byBranch = new Map<string, Set<number>>();
    for (const r of signIns) byBranch.set(r.orgName, (byBranch.get(r.orgName) ?? new Set()).add(quarter(r)));
    const gaps = [...byBranch].filter(([, qs]) => !qs.has(3)).map(([name]) => name);
    expect(gaps).toEqual(['巡特警大队党支部']);
    expect([...byBranch.get(gaps[0])!].sort()).toEqual([1, 2, 4]);
  });
});

describe('archive commands', { timeout: 180_000 }, () => {
  it('archive add files a scan with its metadata and warns of nothing when the 全宗号 is set', () => {
    const scan = path.join(dir, '上级通知.png');
    fs.writeFileSync(scan, Buffer.from('89504e470d0a1a0a', 'hex'));
    const r = cli(['archive', 'add', scan, '--year', '2026', '--category', 'K', '--title', '关于开展党建工作检查的通知', '--date', '2026-11-20', '--doc-no', '江公党〔2026〕50号', '--author', '中共江城市公安局委员会', '--retention', '10年', '--json']);
    expect(r.code).toBe(0);
    const item = JSON.parse(r.out);
    expect(item.archiveNo).toBe('J012-WS·2026-D10-K-0001');
    expect(r.err).toBe('');
    const listed = list('--category', 'K').find((x) => x.id === item.id)!;
    expect([listed.retention, listed.files]).toEqual(['10年', 1]);
    const bad = cli(['archive', 'add', scan, '--year', '2026', '--category', 'Q', '--title', 'x']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('没有类别“Q”');
    expect(list('--org', '治安大队党支部').every((x) => x.orgName === '治安大队党支部')).toBe(true);
  });

  it('archive file files a branch’s generated documents once; again, nothing changed', () => {
    const first = cli(['archive', 'file', '--year', '2026', '--org', '治安大队党支部', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).counts).toEqual({ 新归档: 3, 新版本: 0, 未变化: 0 });
    expect(JSON.parse(cli(['archive', 'file', '--year', '2026', '--org', '治安大队党支部', '--json']).out).counts).toEqual({ 新归档: 0, 新版本: 0, 未变化: 3 });
    const docs = list('--org', '治安大队党支部').filter((r) => r.sourceKind === 'document');
    expect(docs.map((r) => r.categoryCode).sort()).toEqual(['A', 'B', 'E']);
  });

  it('export archive-catalog writes the 归档文件目录 of a category, read back', async () => {
    const out = path.join(dir, 'catalog.xlsx');
    const r = cli(['export', 'archive-catalog', '--year', '2026', '--category', 'K', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导出归档文件目录');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['K 党务公开及其他 永久', 'K 党务公开及其他 10年']);
    const ws = wb.worksheets[0];
    let h = 1;
    while (ws.getCell(h, 1).value !== '序号') h++;
    expect(Array.from({ length: 9 }, (_, i) => ws.getCell(h, i + 1).value)).toEqual(['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注']);
    const dates = Array.from({ length: ws.rowCount - h }, (_, i) => String(ws.getCell(h + 1 + i, 6).value ?? '')).filter(Boolean);
    expect(dates.length).toBeGreaterThan(3);
    expect(dates.every((d) => /^2026\d{4}$/.test(d))).toBe(true);
    expect(String(ws.getCell(h + 1, 2).value)).toBe('J012-WS·2026-Y-K-0001');
    const notes = Array.from({ length: ws.rowCount - h }, (_, i) => String(ws.getCell(h + 1 + i, 9).value ?? ''));
    expect(notes.filter((n) => n.startsWith('作废'))).toHaveLength(1);
  });
});
