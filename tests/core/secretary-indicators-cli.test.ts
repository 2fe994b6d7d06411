/** `party-ledger stats secretary-indicators` and `export secretary-indicators`: a real process on a real ledger file. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tempDir, testLedger } from '../support/ledger.ts';
import { bureau } from '../support/bureau.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'party-ledger.mjs');
const cli = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, PARTY_LEDGER_TODAY: '2026-11-28' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('party-ledger secretary-indicators', () => {
  it('prints the figures, writes the .xlsx, and asks for the year', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const db = path.join(dir, 'ledger.sqlite');
    const l = await testLedger({ file: db, today: '2026-11-28' });
    await bureau(l, { branches: [{ termStartOn: '2025-03-01' }, { termStartOn: '2020-01-01' }] });
    await l.call('rectification/add', { source: '党建工作检查', title: '支委会不经常', measure: '每月召开', ownerUnit: '治安大队党支部', owner: '张三', dueOn: '2026-10-31', raisedOn: '2026-02-01' });
    await l.close();

    const json = cli(['stats', 'secretary-indicators', '--year', '2026', '--json', '--db', db]);
    expect(json.code, json.err).toBe(0);
    const s = JSON.parse(json.out);
    expect(s.rows.map((r: { org: string }) => r.org)).toEqual(['刑侦大队党支部', '治安大队党支部', '中共测试分局委员会']);
    expect(s.rows[1]).toMatchObject({ term: '未按期', rectItems: 1, rectClosed: 0, rectOverdue: 1, developmentPlan: '未录入' });
    const text = cli(['stats', 'secretary-indicators', '--year', '2026', '--db', db]);
    expect(text.out).toContain('党组织\t三会一课\t主题党日');
    expect(text.out).toContain('发展党员计划数：台账中没有登记发展计划');

    const out = path.join(dir, '统计表.xlsx');
    const x = cli(['export', 'secretary-indicators', '--year', '2026', '--out', out, '--db', db]);
    expect(x.code, x.err).toBe(0);
    expect(x.out).toContain('已导出基层组织建设重点指标完成情况统计表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as never);
    const ws = wb.getWorksheet('统计表')!;
    expect(ws.getCell('A1').value).toBe('2026年度基层组织建设重点指标完成情况统计表');
    expect([4, 5, 6].map((n) => String(ws.getRow(n).getCell(2).value).replace(/\n/g, ''))).toEqual(['刑侦大队党支部', '治安大队党支部', '中共测试分局委员会']);

    const missing = cli(['export', 'secretary-indicators', '--out', out, '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--year');
  });
});
