/**
 * 评星定级 on the pinned demo (2026-11-28): the example scheme scored from the demo's own ledger gives
 * 9 四星 and 2 五星 as the half-year summary says; every point of a sheet says where it came from; the
 * workflow's order and 命名 after the 公示; the 汇总表 (.xlsx) and the 公示 (.docx) read back.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxText, failure, testLedger, zipPart } from '../support/ledger.ts';

const bytesOf = (f: { contentBase64: string }) => new Uint8Array(Buffer.from(f.contentBase64, 'base64'));

describe('评星定级 on the demo bureau', () => {
  it('9 四星 and 2 五星, every line with its source; last year named, so 升星/降星 shows', { timeout: 120_000 }, async () => {
    const l = await testLedger({ demo: true });
    const s = await l.call('stars/score', { year: 2026 });
    expect(s.counts).toEqual({ 四星: 9, 五星: 2 });
    expect(s.scheme).toMatchObject({ version: '示例', example: true, verified: false, note: '示例（本地做法，需按本单位考核办法调整）' });
    expect(s.branches.filter((b) => b.stars === 5).map((b) => b.branch)).toEqual(['刑侦大队党支部', '城关派出所党支部']);
    for (const b of s.branches) {
      expect(b.vetoed).toBe(false);
      for (const line of b.lines) {
        expect(line.fact).toBeTruthy();
        if (line.pending) expect(line.fact).toBe('尚未评分');
        expect(line.points).toBeLessThanOrEqual(line.max);
        if (line.source === 'hand' && line.points > 0) expect(line.evidence).toBeTruthy();
      }
      const sum = Math.round(b.lines.reduce((a, x) => a + x.points * 10, 0)) / 10;
      expect(b.score).toBe(sum);
    }
    expect(s.branches.find((b) => b.branch === '刑侦大队党支部')).toMatchObject({ change: '升星', previous: { year: 2025, stars: 4 } });
    expect(s.branches.find((b) => b.branch === '机关第一党支部')).toMatchObject({ change: '降星', previous: { stars: 5 } });
    expect(s.branches.find((b) => b.branch === '退休党支部')).toMatchObject({ change: '升星' });
    expect(s.branches.find((b) => b.branch === '治安大队党支部')).toMatchObject({ change: '持平' });
    expect(s.branches[0].review?.stage).toBe('已自评，待党委考评');
  });

  it('the workflow in order; 命名 only after the 5-day 公示, freezing the stars', { timeout: 120_000 }, async () => {
    const l = await testLedger({ demo: true, today: '2026-11-28' });
    const s = await l.call('stars/score', { year: 2026 });
    const b = s.branches[0];
    const base = { year: 2026, branchId: b.branchId, selfOn: '2026-11-20', selfScore: 85, committeeOn: null, auditOn: '2026-11-22', publicityFrom: null, publicityDays: null };
    expect((await failure(l.call('stars/save-review', base))).message).toBe('填写“审核日期”前应先填写“党委考评日期”');
    expect((await failure(l.call('stars/save-review', { ...base, committeeOn: '2026-11-10' }))).message).toBe('“党委考评日期”不能早于“自评日期”（2026-11-20）');
    const r = await l.call('stars/save-review', { ...base, committeeOn: '2026-11-21', publicityFrom: '2026-11-22', publicityDays: 5 });
    expect(r).toMatchObject({ publicityTo: '2026-11-26', stage: '公示期满，待命名' });
    expect((await failure(l.call('stars/name', { year: 2026, namedOn: '2026-11-26', branchIds: [b.branchId] }))).message).toBe('公示期至2026-11-26，命名日期应在公示期满之后');
    expect(await l.call('stars/name', { year: 2026, namedOn: '2026-11-27' })).toEqual({ named: 1 });
    const after = (await l.call('stars/score', { year: 2026 })).branches[0].review;
    expect(after).toMatchObject({ namedOn: '2026-11-27', namedStars: b.stars, namedScore: b.score, stage: '已命名' });
    expect((await failure(l.call('stars/save-review', { ...base, committeeOn: '2026-11-21' }))).message).toBe('已命名的评星结果不能再修改流程日期');
  });

  it('the 汇总表 and the 公示 read back', { timeout: 120_000 }, async () => {
    const l = await testLedger({ demo: true });
    const x = await l.call('stars/export', { year: 2026 });
    expect(x.fileName).toBe('2026年度党支部评星定级结果汇总表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('A1').value).toBe('2026年度党支部评星定级结果汇总表');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '党支部', '领导班子（15）', '骨干队伍（10）', '活动阵地（10）', '工作制度（10）', '保障机制（10）', '工作业绩（30）', '群众评价（15）', '加分项目（10）', '扣分', '总分', '星级', '上年星级', '升降', '说明']);
    const rows = Array.from({ length: 11 }, (_, i) => (ws.getRow(4 + i).values as unknown[]).slice(1));
    expect(rows.filter((r) => r[12] === '五星').map((r) => r[1])).toEqual(['刑侦大队党支部', '城关派出所党支部']);
    expect(rows.filter((r) => r[12] === '四星')).toHaveLength(9);
    const notes = JSON.stringify(ws.getSheetValues());
    expect(notes).toContain('示例（本地做法，需按本单位考核办法调整）');
    expect(notes).toContain('依据未核实');
    const detail = JSON.stringify(wb.getWorksheet('评分明细')!.getSheetValues());
    expect(detail).toContain('按期开展');
    expect(detail).toContain('查阅党建创新项目申报书及成效材料');

    const d = await l.call('stars/export-notice', { year: 2026 });
    const xml = await zipPart(bytesOf(d), 'word/document.xml');
    const text = docxText(xml);
    expect(text).toContain('关于2026年度党支部评星定级结果的公示');
    expect(text).toContain('拟评定五星党支部2个、四星党支部9个');
    expect(text).toContain('公示期为2026年11月28日至2026年12月2日（5天）');
    expect(text).toContain('刑侦大队党支部');
    expect(text).toContain('中共江城市公安局临江分局委员会');
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"|w:eastAsia="仿宋_GB2312"/);
  });
});
