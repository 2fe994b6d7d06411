import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testLedger, zipPart } from '../support/ledger.ts';
import { onSamePage, splitWords, pageOf, pagesWith, renderDocuments, skipRender } from '../support/document-check.ts';
import { READABLE_MIN_PT, SIGN_ROW_MIN_PT, loadSheets, sheetGeometry, tableRows } from '../support/sheet-size.ts';

const bytes = (f: { contentBase64: string }) => new Uint8Array(Buffer.from(f.contentBase64, 'base64'));
const num = (v: ExcelJS.CellValue) => (typeof v === 'number' ? v : 0);
const cents = (x: number) => Math.round(x * 100);

const sheetsOf = (b: Uint8Array) => loadSheets(b);
const sheetOf = async (b: Uint8Array, i = 0) => (await sheetsOf(b))[i];
/** The text of a .docx body, tags dropped. */
const textOf = (xml: string) => xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
const paragraphsOf = (xml: string) => xml.split(/(?=<w:p[ >])/).filter((p) => p.startsWith('<w:p'));

/** A sheet people sign prints at 9 pt or more with rows of 8 mm or more, after fitting to the page. */
function expectSignable(ws: ExcelJS.Worksheet) {
  const g = sheetGeometry(ws);
  expect(g.scale, ws.name).toBeLessThanOrEqual(1);
  expect(g.effectiveFontPt, `${ws.name}: effective font`).toBeGreaterThanOrEqual(READABLE_MIN_PT);
  expect(g.effectiveMinRowPt, `${ws.name}: row height`).toBeGreaterThanOrEqual(SIGN_ROW_MIN_PT);
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
    expect(header.slice(1, 7).map((h) => String(h).replace('\n', ''))).toEqual(['序号', '姓名', '人员类别', '月工资收入（计算基数）', '执行标准', '月缴纳标准']);
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
    // members sign in it: readable after fitting 22 columns to the landscape width
    expectSignable(ws);
    for (const one of await sheetsOf(bytes(await l.call('dues/export-ledger', { year: 2026 })))) expectSignable(one);
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
    expect(String(ws.getCell(4 + short, 11).value)).toBe('少缴10.00元');
    const months = await sheetOf(bytes(f), 1);
    // sheet 2 names its unit and period, and is signed
    expect(String(months.getCell(2, 1).value)).toMatch(/^填报单位：中共江城市公安局临江分局委员会.*2026年第三季度/);
    expect(months.getCell(3, 1).value).toBe('月份');
    expect(months.getCell(4, 1).value).toBe('2026年7月');
    expect([months.getCell(3, 7).value, months.getCell(3, 8).value, months.getCell(3, 9).value]).toEqual(['支部上缴党委', '党委上缴机关工委', '上缴日期']);
    const lastText = (w: ExcelJS.Worksheet) => String(w.getCell(w.rowCount, 1).value);
    expect(lastText(months)).toMatch(/^填表人：.*审核人：.*填报日期：/);
    expect(lastText(ws)).toMatch(/^填表人：.*审核人：.*填报日期：/);
  });

  it('季度统计表: one basis on both sheets — money by the period it belongs to, a remittance made after the quarter counted in it with its date', async () => {
    const f = await l.call('dues/export-report', { year: 2026, quarter: 3 });
    const [ws, months] = await sheetsOf(bytes(f));
    const remits = await l.call('dues/remittances', { from: '2026-07', to: '2026-09' });
    const q3 = remits.filter((x) => x.periodFrom === '2026-07');
    // the demo remits each quarter on the 10th of the month after it: after the quarter, for the quarter
    expect(q3.length).toBeGreaterThan(0);
    expect(q3.every((x) => x.remittedOn > '2026-09-30')).toBe(true);
    const byLevel = (level: string) => q3.filter((x) => x.level === level).reduce((a, x) => a + x.amountFen, 0);
    let total = 4;
    while (ws.getCell(total, 2).value !== '合计') total++;
    // sheet 1's total and the monthly sheet's quarter row agree: due, collected, remitted to the committee
    let qrow = 4;
    while (months.getCell(qrow, 1).value !== '本季度合计') qrow++;
    expect(qrow).toBe(7);
    expect(cents(num(months.getCell(qrow, 4).value))).toBe(cents(num(ws.getCell(total, 4).value)));
    expect(cents(num(months.getCell(qrow, 5).value))).toBe(cents(num(ws.getCell(total, 5).value)));
    expect(cents(num(months.getCell(qrow, 7).value))).toBe(cents(num(ws.getCell(total, 8).value)));
    expect(cents(num(months.getCell(qrow, 7).value))).toBe(byLevel('支部'));
    expect(cents(num(months.getCell(qrow, 8).value))).toBe(byLevel('党委'));
    // the months' rows add up to the quarter row
    for (const c of [4, 5]) expect([4, 5, 6].reduce((a, r) => a + cents(num(months.getCell(r, c).value)), 0)).toBe(cents(num(months.getCell(qrow, c).value)));
    // the dates are shown: on each branch's row and on the quarter row
    const first = q3.find((x) => x.level === '支部')!;
    const day = `${Number(first.remittedOn.slice(5, 7))}月${Number(first.remittedOn.slice(8))}日`;
    expect(String(ws.getCell(4, 9).value)).toContain(day);
    expect(String(months.getCell(qrow, 9).value)).toContain(day);
    // the note under sheet 1 says what the committee received, the same figure as both totals
    const received = `${(byLevel('支部') / 100).toFixed(2)}元`;
    const notes = Array.from({ length: ws.rowCount - total }, (_, i) => String(ws.getCell(total + 1 + i, 1).value)).join('\n');
    expect(notes).toContain(`收到各支部上缴本季度党费${received}`);
    expect(notes).toContain('按所属期间统计');
    // a quarter whose remittance is not made yet shows none, on either sheet
    const [w4, m4] = await sheetsOf(bytes(await l.call('dues/export-report', { year: 2026, quarter: 4 })));
    let t4 = 4;
    while (w4.getCell(t4, 2).value !== '合计') t4++;
    expect(num(w4.getCell(t4, 8).value)).toBe(0);
    expect(num(m4.getCell(7, 7).value)).toBe(0);
  });

  it('年度党费收缴使用情况公布: GB/T 9704 typography, amounts right-aligned, 1—10月 rather than 全年 in November, 上年结转 in the balance, no space between digits and Chinese', async () => {
    const pub = await zipPart(bytes(await l.call('dues/export-publication', { year: 2026, date: '2026-11-28' })), 'word/document.xml');
    const text = textOf(pub);
    expect(text).toContain('关于2026年度党费收缴、使用和管理情况的公布');
    expect(text).toContain('三、党费使用情况');
    // the title breaks between words, in even lines (GB/T 9704 7.3.1)
    expect(pub).toMatch(/关于2026年度党费收缴、<\/w:t><\/w:r><w:r>.*?<w:br\/>.*?使用和管理情况的公布/s);
    expect(pub).toContain('方正小标宋简体');
    expect(pub).toContain('w:eastAsia="仿宋_GB2312"');
    // the report of 28 November counts the months that ended: 1—10月 collected, 1—9月 remitted (quarterly)
    expect(text).not.toContain('全年');
    expect(text).toContain('2026年1—10月，全委应缴纳党费党员');
    expect(text).toContain('1—9月上缴党委（元）');
    expect(text).toMatch(/各党支部上缴分局党委2026年1—9月党费[\d.]+元/);
    // the balance includes what was carried over from last year
    const m = /截至2026年11月28日，分局党委党费结存([\d.]+)元：上年结转([\d.]+)元，本年收到各党支部上缴1—9月党费([\d.]+)元，上缴机关工委([\d.]+)元，使用([\d.]+)元/.exec(text);
    expect(m).not.toBeNull();
    const [bal, carried, rec, up, used] = m!.slice(1).map((x) => cents(Number(x)));
    expect(carried).toBe(1286450);
    expect(bal).toBe(carried + rec - up - used);
    // no space between a digit and a Chinese character anywhere in the text
    expect(text).not.toMatch(/[0-9%] +[\u4e00-\u9fff]|[\u4e00-\u9fff] +[0-9]/);
    // every amount cell of the tables is right-aligned
    const cells = pub.split('<w:tc>').slice(1).filter((c) => /<w:t[^>]*>\d+\.\d\d<\/w:t>/.test(c));
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) expect(c).toContain('<w:jc w:val="right"/>');
  });

  it('上年结转: the opening balance of the books before the ledger, plus what each later year kept', async () => {
    const own = await testLedger({ demo: true, today: '2026-11-28' });
    const balance = async (date: string, y = 2026) => {
      const t = textOf(await zipPart(bytes(await own.call('dues/export-publication', { year: y, date })), 'word/document.xml'));
      return cents(Number(/上年结转([\d.]+)元/.exec(t)![1]));
    };
    expect(await own.call('dues/opening-balance', {})).toEqual({ year: 2025, amountFen: 1286450 });
    expect(await balance('2026-11-28')).toBe(1286450);
    // set on 1 January 2026 itself: that is the carried balance of 2026
    await own.call('dues/opening-balance-save', { year: 2026, amountFen: 500000 });
    expect(await balance('2026-11-28')).toBe(500000);
    // a later year's carried balance adds what 2026 kept: received from the branches, less remitted up and spent
    const recon = await own.call('dues/reconcile', { from: '2026-01', to: '2026-12' });
    const committee = recon.rows.find((r) => r.level === '党委')!;
    const spent = (await own.call('dues/expenses', { year: 2026 })).rows.reduce((a, e) => a + e.amountFen, 0);
    expect(await balance('2027-02-10', 2027)).toBe(500000 + committee.collectedFen - committee.remittedFen - spent);
    await own.close();
  });

  it('自查报告: the standards table is a 附件 after the signature, the signature keeps with the last paragraph, rounding is policy not a finding, remedies only for findings found', async () => {
    const audit = await zipPart(bytes(await l.call('dues/export-audit', { year: 2026, date: '2026-11-28' })), 'word/document.xml');
    const text = textOf(audit);
    expect(text).toContain('党费专项检查自查报告');
    expect(text).toContain('五、自查发现的问题');
    expect(text).toMatch(/治安大队党支部：应上缴[\d.]+元，实上缴[\d.]+元，少缴10\.00元/);
    expect(text).toMatch(/连续5个月未缴纳党费/);
    // the member named in the arrears sentence is one unbreakable unit (an empty ruby: templates/typography.ts)
    const owing = /([\u4e00-\u9fa5]{2,4})（[^（）]*党支部）[^。]*连续5个月未缴纳党费/.exec(text)![1]!;
    expect(audit).toMatch(new RegExp(`<w:rubyBase>(?:(?!</w:rubyBase>).)*${owing}`));
    expect(text).toContain('2026年1—10月应缴党费');
    expect(text).toContain('2026年度党费收缴、使用和管理情况尚未登记向党员公布');
    // GB/T 9704 7.3.3: 附件说明 after the body, then signature and date, then the 附件 on a new page
    const order = ['六、整改措施', '附件：党员党费核定标准一览', '中共江城市公安局临江分局委员会', '2026年11月28日'].map((t) => text.lastIndexOf(t));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    const paras = paragraphsOf(audit);
    const label = paras.findIndex((p) => textOf(p).trim() === '附件');
    expect(label).toBeGreaterThan(0);
    expect(paras[label]).toContain('<w:pageBreakBefore/>');
    expect(paras[label]).toContain('黑体');
    expect(textOf(paras.slice(label).join(''))).toContain('党员党费核定标准一览');
    expect(textOf(paras.slice(0, label).join(''))).not.toMatch(/杨浩然/);
    // signature and date stay with the last paragraph: every paragraph from the last remedy to the signer keeps with the next
    const signer = paras.findIndex((p, i) => i < label && textOf(p).trim() === '中共江城市公安局临江分局委员会');
    const lastBody = paras.findIndex((p) => textOf(p).trim().startsWith('（三）'));
    expect(lastBody).toBeGreaterThan(0);
    for (let i = lastBody; i <= signer; i++) expect(paras[i], textOf(paras[i])).toContain('<w:keepNext/>');
    // rounding is stated once as the policy, never as a 多缴 finding
    expect(text).not.toMatch(/多缴0\.0\d元/);
    expect(text.match(/四舍五入到分；全年合计与按全年金额计算相差0\.0\d元，系逐次舍入所致，不作为问题/g)).toHaveLength(1);
    // the arrears are below the 需支部研究 threshold (6 months) at the end of October: no 自行脱党 question, no such remedy
    expect(text).not.toContain('自行脱党');
    expect(text).not.toContain('研究提出处理意见');
    // remedies follow the findings: no standards finding, so no standards remedy
    expect(text).not.toContain('未核定党费标准');
    expect(text).not.toContain('对未核定或未审批的党费标准');
    expect(text).toContain('（一）对上缴金额不符的');
    expect(text).toContain('对欠缴党费的党员');
    await l.call('dues/publication-save', { year: 2026, publishedOn: '2026-11-20', medium: '党务公开栏' });
    const again = textOf(await zipPart(bytes(await l.call('dues/export-audit', { year: 2026, date: '2026-11-28' })), 'word/document.xml'));
    expect(again).toContain('已于2026年11月20日通过党务公开栏向党员公布');
    expect(again).not.toContain('尚未登记向党员公布');
    expect(again).not.toContain('及时向党员公布');
    // at the end of November one member is 6 months behind: the 自行脱党 question is raised for that member only, with its remedy
    const dec = textOf(await zipPart(bytes(await l.call('dues/export-audit', { year: 2026, date: '2026-12-15' })), 'word/document.xml'));
    expect(dec).toMatch(/其中连续6个月以上1名，已提请所在党支部研究处理（是否按自行脱党处理/);
    expect(dec.match(/需支部研究/g)).toHaveLength(1);
    expect(dec).toContain('对连续6个月以上未缴纳党费的党员，由所在党支部研究提出处理意见');
  });

  it('党员党费核定表: a bureau summary, then one sheet per branch with the columns a signer reads, readable at 9 pt with 8 mm rows', async () => {
    const sheets = await sheetsOf(bytes(await l.call('dues/export-assessment', { year: 2026 })));
    const branches = branchIds.map((b: { name: string }) => b.name);
    expect(sheets.map((w) => w.name)).toEqual(['汇总', ...branches]);
    const [summary, ...perBranch] = sheets;
    expect(String(summary.getCell(1, 1).value)).toBe('2026年度党员党费核定汇总表');
    const header = (w: ExcelJS.Worksheet) => (w.getRow(3).values as ExcelJS.CellValue[]).slice(1).map(String);
    expect(header(perBranch[0])).toEqual(['序号', '姓名', '人员类别', '计算基数\n（税后）', '缴纳比例', '每月应缴纳\n党费', '全年应缴纳\n党费', '本人签名', '备注', '所在党支部']);
    // the branch column is there for the import only (two members may share a name), not printed
    expect(perBranch[0].getColumn(10).hidden).toBe(true);
    const grid = await l.call('dues/assessment-grid', { year: 2026 });
    let members = 0;
    for (const w of perBranch) {
      // each sheet is its own branch's, filled in by that branch
      expect(String(w.getCell(2, 1).value)).toContain(`党支部：${w.name}（盖章）`);
      const rows = tableRows(w).filter((r) => w.getCell(r, 2).value !== '合计');
      expect(rows.length).toBe(grid.filter((g) => g.branchName === w.name).length);
      members += rows.length;
      const notes = String(w.getCell(w.rowCount - 1, 1).value);
      expect(notes).toContain(`本表由${w.name}填写`);
      expectSignable(w);
    }
    expect(members).toBe(grid.length);
    // the summary's rows are the branches' totals
    const monthly = (w: ExcelJS.Worksheet, c: number) => cents(num(w.getCell(tableRows(w).at(-1)!, c).value));
    perBranch.forEach((w, i) => expect(cents(num(summary.getCell(4 + i, 4).value))).toBe(monthly(w, 6)));
    expectSignable(summary);
    // one branch: that branch's sheet only
    const one = await sheetsOf(bytes(await l.call('dues/export-assessment', { year: 2026, branchId: branchIds[2].id })));
    expect(one.map((w) => w.name)).toEqual([branchIds[2].name]);
  });

  it('worksheets meant for signatures or filing print readable: 收缴台账, 核定表 above, 登记表 of transfers at 9 pt', async () => {
    const reg = await sheetsOf(bytes(await l.call('transfers/registers', { year: 2026 })));
    expect(reg.length).toBe(2);
    for (const w of reg) expect(sheetGeometry(w).effectiveFontPt, w.name).toBeGreaterThanOrEqual(READABLE_MIN_PT);
    // the loader reads font sizes as written (exceljs alone reads 10.5 as 10)
    expect(sheetGeometry(reg[0]).fontPt).toBe(10.5);
    // the helper sees what a 23-column sheet fitted to one page width does to its text
    const wb = new ExcelJS.Workbook();
    const wide = wb.addWorksheet('wide', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } } });
    wide.columns = Array.from({ length: 23 }, () => ({ width: 12 }));
    wide.getRow(1).getCell(1).value = 'x';
    wide.getRow(1).getCell(1).font = { size: 10 };
    wide.getRow(1).height = 20;
    const g = sheetGeometry(wide, { rows: [1] });
    expect(g.printableMm.width).toBeCloseTo(297 - 0.8 * 25.4, 5);
    expect(g.scale).toBeCloseTo(g.printableMm.width / g.contentWidthMm, 5);
    expect(g.effectiveFontPt).toBeLessThan(READABLE_MIN_PT);
    expect(g.effectiveMinRowMm).toBeLessThan(8);
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

  it('the whole bureau’s 核定表 imports back too: every branch sheet is read, the summary passed over, rows named by sheet', async () => {
    const before = await l.call('dues/assessment-grid', { year: 2026 });
    const book = await l.call('dues/export-assessment', { year: 2026 });
    const dry = await l.call('dues/assess-import', { year: 2026, fileName: book.fileName, contentBase64: book.contentBase64, commit: false });
    expect(dry).toMatchObject({ invalidCount: 0, written: false, validCount: before.length });
    expect(new Set(dry.rows.map((r) => r.sheet)).size).toBe(branchIds.length);
    const r = await l.call('dues/assess-import', { year: 2026, fileName: book.fileName, contentBase64: book.contentBase64, commit: true });
    expect(r).toMatchObject({ invalidCount: 0, written: true });
    const after = await l.call('dues/assessment-grid', { year: 2026 });
    expect(after.map((g) => g.standards.at(-1)!.monthlyDueFen)).toEqual(before.map((g) => g.standards.at(-1)!.monthlyDueFen));
  });

  it.skipIf(skipRender)('as printed (LibreOffice): the signature stands with the last paragraph, the 附件 after it, the 核定表 one branch to a page', async () => {
    const auditFile = bytes(await l.call('dues/export-audit', { year: 2026, date: '2026-11-28' }));
    const bodyParas = paragraphsOf(await zipPart(auditFile, 'word/document.xml')).map((p) => textOf(p).trim());
    const lastParagraph = bodyParas.slice(0, bodyParas.findIndex((t) => t.startsWith('附件：'))).filter(Boolean).at(-1)!;
    const [audit, pub, assessment] = renderDocuments([
      { bytes: auditFile, ext: 'docx' },
      { bytes: bytes(await l.call('dues/export-publication', { year: 2026, date: '2026-11-28' })), ext: 'docx' },
      { bytes: bytes(await l.call('dues/export-assessment', { year: 2026 })), ext: 'xlsx' },
    ]);
    const signer = '中共江城市公安局临江分局委员会2026年11月28日';
    // 自查报告: remedies, 附件说明, signature and date on one page; the 附件 on the pages after it
    const signPage = pagesWith(audit, signer).at(-1)!;
    expect(signPage).toBeGreaterThan(1);
    expect(onSamePage(audit, '附件：党员党费核定标准一览', signer)).toBe(true);
    expect(pageOf(audit, '六、整改措施')).toBeLessThanOrEqual(signPage);
    // the last remedy (the body's last paragraph) ends on the signature's page
    expect(lastParagraph).toMatch(/^（[一二三四五六七八九十]）/);
    expect(pagesWith(audit, lastParagraph.slice(-10))).toContain(signPage);
    expect(pageOf(audit, '杨浩然')).toBe(signPage + 1);
    expect(audit.pageCount).toBeGreaterThan(signPage);
    // no member's name split over two lines (the 附件's 姓名 column holds four characters)
    const names = (await l.call('members/list', { scope: 'all', pageSize: 100_000 })).rows.map((m: { name: string }) => m.name);
    for (const doc of [audit, pub, assessment]) expect(splitWords(doc, names)).toEqual([]);
    // 公布: the last paragraph and the signature on one page
    expect(onSamePage(pub, '如有疑问请向分局党委组织部门反映。', signer)).toBe(true);
    // 核定表: the summary, then each branch on its own page (the demo's branches fit on one page each)
    expect(assessment.pageCount).toBe(1 + branchIds.length);
    branchIds.forEach((b: { name: string }, i: number) => expect(pageOf(assessment, `党支部：${b.name}（盖章）`)).toBe(i + 2));
  }, 600_000);
});
