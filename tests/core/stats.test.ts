/** 统计分析 figures on the demo bureau (pinned 2026-11-28), and one workbook read back. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testLedger } from '../support/ledger.ts';

describe('stats on the demo', () => {
  it('gives the known figures of each chart and exports them', async () => {
    const l = await testLedger({ demo: true });
    const dues = await l.call('stats/dues', { year: 2026 });
    expect(dues.asOf).toBe('2026-11-28');
    expect(dues.total.rate).toBe(97.3);
    expect(dues.branches.find((b) => b.branch === '机关第一党支部')?.rate).toBe(99);
    expect(dues.total.months[11].rate).toBeNull();
    const heat = await l.call('stats/compliance', { year: 2026 });
    // the demo has the weekly 政治学习日 switched on and held by every other branch only (core/activities/demo-study.ts): the other branches' months are missing
    expect(heat.counts).toEqual({ held: 94, 'held-late': 1, due: 5, missing: 23, 'quorum-not-met': 1, upcoming: 12 });
    // late November: December has not begun, so its cells are 未到期, never 待开展, while the year's
    // requirement shown there (组织生活会（每年）…) still says 待开展 in the cell's items
    const dec = heat.cells.filter((c) => c.month === '2026-12');
    expect(dec.length).toBeGreaterThan(0);
    expect(new Set(dec.map((c) => c.status))).toEqual(new Set(['upcoming']));
    expect(dec.some((c) => c.items.some((i) => i.status === 'due'))).toBe(true);
    const att = await l.call('stats/attendance', { year: 2026 });
    // the demo's weekly 政治学习日, the study demo's two added 中心组 sessions and the evaluation demo's five added 民主评议党员 meetings are among the meetings
    expect(att.total).toEqual({ due: 7028, present: 6525, meetings: 838, rate: 92.8 });
    const dev = await l.call('stats/development', { year: 2026 });
    expect(dev.stages.map((s) => s.reached)).toEqual([13, 9, 7, 5, 2]);
    const mem = await l.call('stats/members', { year: 2026 });
    expect(mem.total).toBe(104);
    const r = await l.call('stats/export', { year: 2026, chart: 'dues' });
    expect(r.fileName).toBe('2026年度党费收缴率统计表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('收缴率')!;
    expect(String(ws.getCell('A1').value)).toBe('2026年度党费收缴率统计表');
    let found: unknown = null;
    ws.eachRow((row) => {
      if (row.getCell(2).value === '机关第一党支部') found = row.getCell(17).value;
    });
    expect(found).toBe(99);
    await l.close();
  }, 120_000);
});
