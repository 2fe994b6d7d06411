/** `party-ledger rectification …`, `export rectification[-report]` and `rules-docs list`: a real process on a real ledger file. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempDir, testLedger } from '../support/ledger.ts';
import { bureau } from '../support/bureau.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-05-15' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('party-ledger rectification', () => {
  it('adds, lists, refuses 销号 without 佐证, exports the three lists and the report; rules-docs list', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const l = await testLedger({ file: db, today: '2026-05-15' });
    await bureau(l, { startDate: '2026-01-01' });
    await l.call('rectification/create-plan', { name: '作风建设实施意见', year: 2026, aspects: ['工作作风'] });
    await l.call('rules-docs/add', { name: '三会一课制度', docNo: '分局党委〔2026〕4号', issuer: '分局党委', issuedOn: '2026-03-01', category: '制度' });
    await l.close();
    const add = cli(['rectification', 'add', '--title', '支委会不经常', '--source', '党建工作检查', '--measure', '每月召开', '--owner-unit', '治安大队党支部', '--owner', '张三', '--due', '2026-06-30', '--plan', '作风建设实施意见', '--aspect', '工作作风', '--db', db, '--json']);
    expect(add.code, add.err).toBe(0);
    expect(JSON.parse(add.out)).toMatchObject({ code: 'ZG-2026-001' });
    const bad = cli(['rectification', 'add', '--title', 'x', '--source', '随便', '--measure', 'm', '--owner-unit', 'u', '--owner', 'p', '--due', '2026-06-30', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('问题来源');
    const list = JSON.parse(cli(['rectification', 'list', '--plan', '作风建设实施意见', '--json', '--db', db]).out) as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ code: 'ZG-2026-001', status: '未启动', ownerUnit: '治安大队党支部', overdue: false });
    expect(JSON.parse(cli(['rectification', 'list', '--status', '已销号', '--json', '--db', db]).out)).toEqual([]);
    const close = cli(['rectification', 'close', 'ZG-2026-001', '--on', '2026-05-15', '--by', '李四', '--db', db]);
    expect(close.code).toBe(1);
    expect(close.err).toContain('还没有佐证材料');
    const xlsx = path.join(dir, 'lists.xlsx');
    expect(cli(['export', 'rectification', '--plan', '作风建设实施意见', '--out', xlsx, '--db', db]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '责任清单', '整改清单']);
    expect(cli(['export', 'rectification', '--year', '2026', '--out', path.join(dir, 'y.xlsx'), '--db', db]).code).toBe(0);
    expect(cli(['export', 'rectification-report', '--plan', '作风建设实施意见', '--out', path.join(dir, 'r.docx'), '--db', db]).code).toBe(0);
    const docs = JSON.parse(cli(['rules-docs', 'list', '--json', '--db', db]).out);
    expect(docs).toEqual([{ id: expect.any(String), name: '三会一课制度', docNo: '分局党委〔2026〕4号', issuer: '分局党委', issuedOn: '2026-03-01', category: '制度', status: '现行', replacedBy: null }]);
  });
});
