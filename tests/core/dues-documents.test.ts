import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { docxText, testLedger, zipPart } from '../support/ledger.ts';

const bytes = (f: { contentBase64: string }) => new Uint8Array(Buffer.from(f.contentBase64, 'base64'));
const num = (v: ExcelJS.CellValue) => (typeof v === 'number' ? v : 0);
const cents = (x: number) => Math.round(x * 100);

async function sheetOf(b: Uint8Array, i = 0) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(b as unknown as ArrayBuffer);
  return wb.worksheets[i];
}

describe('dues documents on the demo bureau', async () => {
  const l = await testLedger({ demo: true });
  const tree = await l.call('org/tree', {});
  const branchIds = tree[0].children.filter((c: { kind: string }) => c.kind === '党支部').map((c: { id: string; name: string }) => c);

  it('the demo has a year of dues: standards for everyone, two members 3–4 months behind, one 6, one transfer-out, one remittance mismatch', async () => {
    const grid = await l.call('dues/assessment-grid', { year: 2026 });
    expect(grid.length).toBeGreaterThan(90);
    expect(grid.every((g) => g.standards.length > 0)).toBe(true);
    const arrears = await l.call('dues/arrears', { asOf: '2026-11', minMonths: 3 });
    expect(arrears.map((a) => a.consecutiveUnpaidMonths).sort()).toEqual([3, 4, 6]);
    expect(arrears.find((a) => a.consecutiveUnpaidMonths === 6)!.severity).toBe('critical');
    const out = grid.filter((g) => g.leftType === '转出');
    expect(out.length).toBeGreaterThanOrEqual(1);
    for (const o of out) {
      const [row] = (await l.call('dues/collection-grid', { branchId: o.branchId, year: 2026 })).rows.filter((r) => r.memberId === o.memberId);
      const leftMonth = o.leftDate!.slice(0, 7);
      expect(row.cells.filter((c) => c.owed).at(-1)!.month).toBe(leftMonth);
      expect(row.cells.find((c) => c.month === leftMonth)!.payment).not.toBeNull();
    }
    const q3 = await l.call('dues/reconcile', { from: '2026-07', to: '2026-09' });
    const mismatched = q3.rows.filter((r) => r.differenceFen !== 0);
    expect(mismatched.map((r) => [r.level, r.differenceFen])).toEqual([['支部', -1000]]);
    const overview = await l.call('dues/overview', {});
    expect(overview.month).toBe('2026-11');
    expect(overview.paid).toBeLessThan(overview.owed);
    expect(overview.arrears.length).toBe(3);
  });

  it('党费收缴台账: member rows × 12 months, totals equal the sum of the cells, A4 landscape', async () => {
    const b = branchIds.find((x: { name: string }) => x.name === '刑侦大队党支部')!;
    const f = await l.call('dues/export-ledger', { branchId: b.id, year: 2026 });
    expect(f.fileName).toBe('刑侦大队党支部2026年党费收缴台账.xlsx');
    const ws = await sheetOf(bytes(f));
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(String(ws.getCell(1, 1).value)).toBe('刑侦大队党支部党费收缴台账');
    const header = ws.getRow(3).values as ExcelJS.CellValue[];
    // the columns of the 党费收缴台账表 (reference §1.14, P22): 月工资收入 (the base) and 执行标准 (the rate) beside the monthly amount
    expect(header.slice(1, 7)).toEqual(['序号', '姓名', '人员类别', '月工资收入（计算基数）', '执行标准', '月缴纳标准']);
    expect(header[7]).toBe('1月');
    expect(header[18]).toBe('12月');
    expect(header.slice(19, 23)).toEqual(['全年应缴', '全年实缴', '本人签名', '备注']);
    const standards = new Map((await l.call('dues/assessment-grid', { year: 2026, branchId: b.id })).map((g) => [g.name, g.standards.at(-1)!]));
    let r = 4;
    const sums = Array(14).fill(0);
    let dataRows = 0;
    while (ws.getCell(r, 2).value !== '合计') {
      const std = standards.get(String(ws.getCell(r, 2).value))!;
      expect(cents(num(ws.getCell(r, 4).value))).toBe(std.baseFen);
      expect(ws.getCell(r, 5).value).toBe(std.rateBasisPoints === null ? '定额' : `${std.rateBasisPoints / 100}%`);
      expect(cents(num(ws.getCell(r, 6).value))).toBe(std.monthlyDueFen);
      for (let c = 7; c <= 20; c++) sums[c - 7] += cents(num(ws.getCell(r, c).value));
      // each member's 全年实缴 is the sum of that member's month cells
      let rowPaid = 0;
      for (let c = 7; c <= 18; c++) rowPaid += cents(num(ws.getCell(r, c).value));
      expect(rowPaid).toBe(cents(num(ws.getCell(r, 20).value)));
      dataRows++;
      r++;
    }
    expect(dataRows).toBe((await l.call('dues/collection-grid', { branchId: b.id, year: 2026 })).rows.length);
    for (let c = 7; c <= 20; c++) expect(cents(num(ws.getCell(r, c).value))).toBe(sums[c - 7]);
    // the member 3 months behind has blank cells for Sep–Nov, and December is not yet paid by anyone
    expect(sums[11]).toBe(0);
  });

  it('季度统计表 lists each branch with collection rate, arrears and remittance, and a monthly sheet', async () => {
    const f = await l.call('dues/export-report', { year: 2026, quarter: 3 });
    const ws = await sheetOf(bytes(f));
    expect(String(ws.getCell(1, 1).value)).toBe('党费收缴情况季度统计表');
    expect(String(ws.getCell(2, 1).value)).toMatch(/2026年第三季度（2026年7月至2026年9月）/);
    const names: string[] = [];
    for (let r = 4; names.at(-1) !== '合计'; r++) names.push(String(ws.getCell(r, 2).value));
    expect(names.length).toBe(12);
    const short = names.findIndex((n) => n === '治安大队党支部');
    expect(String(ws.getCell(4 + short, 10).value)).toBe('少缴 10.00 元');
    const months = await sheetOf(bytes(f), 1);
    expect(months.getCell(2, 1).value).toBe('月份');
    expect(months.getCell(3, 1).value).toBe('2026年7月');
    // the monthly register carries collected and remitted amounts (reference §1.14, P26): remittances by the month they were made
    expect([months.getCell(2, 7).value, months.getCell(2, 8).value]).toEqual(['支部上缴党委', '党委上缴机关工委']);
    const remits = await l.call('dues/remittances', { from: '2025-01', to: '2026-12' });
    for (const [row, m] of [[3, '2026-07'], [4, '2026-08'], [5, '2026-09']] as const) {
      const byLevel = (level: string) => remits.filter((x) => x.level === level && x.remittedOn.startsWith(m)).reduce((a, x) => a + x.amountFen, 0);
      expect(cents(num(months.getCell(row, 7).value))).toBe(byLevel('支部'));
      expect(cents(num(months.getCell(row, 8).value))).toBe(byLevel('党委'));
    }
    expect(cents(num(months.getCell(3, 7).value))).toBeGreaterThan(0);
  });

  it('年度党费收缴使用情况公布 and 自查报告 use GB/T 9704 typography and list every mismatch', async () => {
    const pub = await zipPart(bytes(await l.call('dues/export-publication', { year: 2026, date: '2026-11-28' })), 'word/document.xml');
    expect(docxText(pub)).toContain('关于2026年度党费收缴、使用和管理情况的公布');
    // the title breaks between words, in even lines (GB/T 9704 7.3.1)
    expect(pub).toMatch(/关于2026年度党费收缴、<\/w:t><\/w:r><w:r>.*?<w:br\/>.*?使用和管理情况的公布/s);
    expect(pub).toContain('三、党费使用情况');
    expect(pub).toContain('方正小标宋简体');
    expect(pub).toContain('w:eastAsia="仿宋_GB2312"');
    const audit = await zipPart(bytes(await l.call('dues/export-audit', { year: 2026, date: '2026-11-28' })), 'word/document.xml');
    expect(audit).toContain('党费专项检查自查报告');
    expect(audit).toContain('五、自查发现的问题');
    expect(audit).toContain('附：党员党费核定标准一览');
    expect(audit).toMatch(/治安大队党支部：应缴 [\d.]+ 元，实缴 [\d.]+ 元，应上缴 [\d.]+ 元，实上缴 [\d.]+ 元，少缴 10.00 元/);
    expect(audit).toMatch(/连续 5 个月未交纳党费/);
    expect(audit).toContain('（统计至2026年10月，上缴统计至2026年9月）');
    expect(audit).toContain('2026年度党费收缴、使用和管理情况尚未登记向党员公布');
    await l.call('dues/publication-save', { year: 2026, publishedOn: '2026-11-20', medium: '党务公开栏' });
    const again = await zipPart(bytes(await l.call('dues/export-audit', { year: 2026, date: '2026-11-28' })), 'word/document.xml');
    expect(again).toContain('已于2026年11月20日通过党务公开栏向党员公布');
    expect(again).not.toContain('尚未登记向党员公布');
  });

  it('党员党费核定表 shows the pay items used, the base, rate and monthly amount for signature', async () => {
    const ws = await sheetOf(bytes(await l.call('dues/export-assessment', { year: 2026 })));
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).map(String);
    expect(header).toContain('职务工资');
    expect(header).toContain('计算基数（税后）');
    expect(header).toContain('每月应交纳党费');
    expect(header).toContain('本人签名');
  });

  it('the exported 核定表 imports back unchanged (members found by name and branch, notes skipped)', async () => {
    const b = branchIds.find((x: { name: string }) => x.name === '刑侦大队党支部')!;
    const before = await l.call('dues/assessment-grid', { year: 2026, branchId: b.id });
    const sheet = await l.call('dues/export-assessment', { year: 2026, branchId: b.id });
    const r = await l.call('dues/assess-import', { year: 2026, fileName: sheet.fileName, contentBase64: sheet.contentBase64, commit: true });
    expect(r).toMatchObject({ invalidCount: 0, written: true, validCount: before.length });
    const after = await l.call('dues/assessment-grid', { year: 2026, branchId: b.id });
    expect(after.map((g) => g.standards.at(-1)!.monthlyDueFen)).toEqual(before.map((g) => g.standards.at(-1)!.monthlyDueFen));
    expect(after.map((g) => g.standards.at(-1)!.baseFen)).toEqual(before.map((g) => g.standards.at(-1)!.baseFen));
  });
});
