/**
 * The roster import never drops or mangles a row silently: each defect measured
 * in issue 8 is driven through the real handler with the bad workbook, and each
 * asserts that nothing was written and the exact problem text by row and column.
 */
import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { base64, newId, rosterRow, rosterWorkbook } from '../support/workbooks.ts';
import { maskIdNumber } from '../../core/members/privacy.ts';
import { inReadableOrder } from '../../core/xlsx/sheet-reader.ts';
import { unzipSync } from 'fflate';

type Result = Awaited<ReturnType<TestLedger['call']>> & { problems: { row: number; column: string; message: string }[] };

/** Commits the workbook (all or nothing) and checks that the roster did not change. */
async function refused(l: TestLedger, bytes: Uint8Array): Promise<string[]> {
  const before = await l.call('members/list', { scope: 'all', pageSize: 1000 });
  const r = await l.call('members/import-commit', { fileName: 'x.xlsx', contentBase64: base64(bytes) });
  expect(r.written).toBe(false);
  const after = await l.call('members/list', { scope: 'all', pageSize: 1000 });
  expect(after.rows.map((m) => m.updatedAt + m.idNumber).sort()).toEqual(before.rows.map((m) => m.updatedAt + m.idNumber).sort());
  return (r as Result).problems.map((p) => `${p.row}|${p.column}|${p.message}`);
}

describe('roster import: every cell read faithfully', () => {
  it('a merged 公民身份号码 cell is a listed problem on each of its rows, not a skipped row', async () => {
    const l = await testLedger({ demo: true });
    const rows = [1, 2, 3, 4, 5].map((i) => rosterRow(`成员${'一二三四五'[i - 1]}`, newId(i)));
    const problems = await refused(l, await rosterWorkbook(rows, (ws) => ws.mergeCells('B6:B7')));
    const merged = '是合并单元格（B6:B7）：每位党员的公民身份号码应单独填在一格中，请取消合并后重新导入';
    expect(problems).toEqual([`6|B列（公民身份号码）|${merged}`, `7|B列（公民身份号码）|${merged}`]);
  });

  it('a note merged across the table is shown as a note, not imported and not a problem', async () => {
    const l = await testLedger({ demo: true });
    const bytes = await rosterWorkbook([rosterRow('成员甲', newId(11)), ['填表人：张三　　审核人：李四']], (ws) => ws.mergeCells('A4:L4'));
    const r = await l.call('members/import-preview', { fileName: 'x.xlsx', contentBase64: base64(bytes) });
    expect(r).toMatchObject({ validCount: 1, invalidCount: 0, problems: [], notes: [{ row: 4, text: '填表人：张三 审核人：李四' }] });
  });

  it('runs the member form schema: empty 姓名, over-long 姓名, 民族 and 备注', async () => {
    const l = await testLedger({ demo: true });
    const problems = await refused(
      l,
      await rosterWorkbook([
        rosterRow('', newId(21)),
        rosterRow('张'.repeat(31), newId(22)),
        rosterRow('名'.repeat(100_000), newId(23)),
        rosterRow('成员丁', newId(24), { 民族: '族'.repeat(50) }),
        rosterRow('成员戊', newId(25), { 备注: '备'.repeat(600) }),
        rosterRow('成员己', newId(26), { 备注: '备'.repeat(5000) }),
      ]),
    );
    expect(problems).toEqual([
      '3|A列（姓名）|不能为空',
      '4|A列（姓名）|不能超过 30 字',
      '5|A列（姓名）|内容过长（100000 字），一个单元格最多 2000 字',
      '6|D列（民族）|不能超过 20 字',
      '7|L列（备注）|不能超过 500 字',
      '8|L列（备注）|内容过长（5000 字），一个单元格最多 2000 字',
    ]);
  });

  it('a formula without a cached value is a problem; with one, its value is used', async () => {
    const l = await testLedger({ demo: true });
    const bytes = await rosterWorkbook([rosterRow('占位', newId(31)), rosterRow('占位', newId(32))], (ws) => {
      ws.getCell('A3').value = { formula: 'CONCATENATE("成员","甲")' } as never;
      ws.getCell('A4').value = { formula: 'CONCATENATE("成员","乙")', result: '成员乙' } as never;
    });
    expect(await refused(l, bytes)).toEqual(['3|A列（姓名）|是公式，但文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存后重新导入，或把公式换成数值']);
    const r = await l.call('members/import-preview', { fileName: 'x.xlsx', contentBase64: base64(bytes) });
    expect(r.rows.map((x) => [x.row, x.name, x.ok])).toEqual([[3, '', false], [4, '成员乙', true]]);
  });

  it('a year or year.month in a date column is refused, never read as an Excel serial', async () => {
    const l = await testLedger({ demo: true });
    const problems = await refused(
      l,
      await rosterWorkbook([
        rosterRow('成员甲', newId(41), { 入党时间: 1998.07 }),
        rosterRow('成员乙', newId(42), { 入党时间: 2003 }),
        rosterRow('成员丙', newId(43), { 入党时间: '2003' }),
        rosterRow('成员丁', newId(44), { 入党时间: 36000 }),
        rosterRow('成员戊', newId(45), { 入党时间: '２０１０．０７．０１', 转正时间: new Date(Date.UTC(2011, 6, 1)) }),
      ]),
    );
    expect(problems).toEqual([
      '3|F列（入党日期）|“1998.07”只到月份，请填写到日（如 2001-07-01）',
      '4|F列（入党日期）|“2003”只有年份，请填写到日（如 2001-07-01）',
      '5|F列（入党日期）|“2003”只有年份，请填写到日（如 2001-07-01）',
      '6|F列（入党日期）|“36000”是数字，不是日期：请填写到日（如 2001-07-01）或把单元格设为日期格式',
    ]);
  });

  it('a member who has left the roster is a problem naming when and how, not a quiet update', async () => {
    const l = await testLedger({ demo: true });
    const [listed] = (await l.call('members/list', { pageSize: 1 })).rows;
    const m = { ...listed, idNumber: (await l.call('members/reveal-id', { id: listed.id })).idNumber };
    await l.call('members/leave', { id: m.id, leftType: '转出', leftDate: '2026-03-01', leftReason: '调动' });
    const problems = await refused(l, await rosterWorkbook([rosterRow(m.name, m.idNumber, { 手机: '13911112222' })]));
    expect(problems).toEqual([`3|B列（公民身份号码）|“${m.name}”已于 2026-03-01 转出，如需恢复请用登记转入`]);
    expect((await l.call('members/get', { id: m.id })).phone).toBe(m.phone);
  });

  it('an ID stored as a number says so, instead of a wrong check digit', async () => {
    const l = await testLedger({ demo: true });
    const problems = await refused(l, await rosterWorkbook([rosterRow('成员甲', newId(51), { 身份证号码: Number(newId(51).slice(0, 17)) * 10 })]));
    expect(problems).toEqual(['3|B列（公民身份号码）|身份证号被存成了数字，请把该列设为文本后重新导出']);
  });

  it('full-width digits and stray spaces (U+3000, NBSP) are normalised before checking', async () => {
    const l = await testLedger({ demo: true });
    const id = newId(61);
    const wide = [...id].map((c) => (c === 'X' ? 'Ｘ' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');
    const spaced = `\u00a0${wide.slice(0, 6)}\u3000${wide.slice(6)} `;
    const bytes = await rosterWorkbook([rosterRow('张\u3000三', id, { 身份证号码: spaced, 所在党支部: ' 刑侦大队党支部\u3000', 手机: '１３８００００００００' })]);
    const r = await l.call('members/import-commit', { fileName: 'x.xlsx', contentBase64: base64(bytes) });
    expect(r).toMatchObject({ written: true, created: 1, problems: [] });
    const found = (await l.call('members/list', { search: id })).rows;
    expect(found.map((m) => [m.name, m.idNumber, m.phone, m.branchName])).toEqual([['张三', maskIdNumber(id), '13800000000', '刑侦大队党支部']]);
  });

  it('Chinese text split across the reader\'s chunks arrives whole (no U+FFFD)', async () => {
    const l = await testLedger({ demo: true });
    const note = (i: number) => `第${i}号备注：${'党务工作台账记录'.repeat(55)}`.slice(0, 480);
    const rows = Array.from({ length: 300 }, (_, i) => rosterRow(`成员${i}`, newId(2000 + i), { 备注: note(i) }));
    const r = await l.call('members/import-commit', { fileName: 'x.xlsx', contentBase64: base64(await rosterWorkbook(rows)) });
    expect(r).toMatchObject({ written: true, created: 300 });
    const stored = (await l.call('members/list', { search: '成员', pageSize: 1000 })).rows.filter((m) => m.note?.startsWith('第'));
    expect(stored).toHaveLength(300);
    expect(stored.filter((m) => m.note !== note(Number(m.name.slice(2))))).toEqual([]);
  });
});

describe('roster import: bounds', () => {
  it('lists the first 200 problems and counts them all', async () => {
    const l = await testLedger({ demo: true });
    const rows = Array.from({ length: 250 }, (_, i) => rosterRow(`成员${i}`, newId(1000 + i), { 民族: '' }));
    const r = await l.call('members/import-preview', { fileName: 'x.xlsx', contentBase64: base64(await rosterWorkbook(rows)) });
    expect(r.problems).toHaveLength(200);
    expect(r.problemCount).toBe(250);
    expect(r.invalidCount).toBe(250);
    expect(r.problems.at(-1)).toEqual({ row: 202, column: 'D列（民族）', message: '不能为空' });
  });

  it('stops reading beyond 20,000 rows with a clear message', async () => {
    const l = await testLedger({ demo: true });
    const rows = Array.from({ length: 20_001 }, (_, i) => [`成员${i}`, `x${i}`]);
    const bytes = await rosterWorkbook(rows, undefined, ['姓名', '公民身份号码']);
    const e = await failure(l.call('members/import-preview', { fileName: 'x.xlsx', contentBase64: base64(bytes) }));
    expect(e.message).toBe('工作表“花名册”的数据超过 20000 行（第 20003 行起未读取），一次最多导入 20000 行：请把文件分成几个后分批导入');
  });

  it('refuses what is not a workbook in one Chinese sentence', async () => {
    const l = await testLedger({ demo: true });
    const e = await failure(l.call('members/import-preview', { fileName: 'a.xlsx', contentBase64: Buffer.from('PK\u0003\u0004 broken').toString('base64') }));
    expect(e.message).toBe('无法读取该文件：请选择 Excel 工作簿（.xlsx）；旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx');
  });
});

describe('roster import: the reader never parks a sheet', () => {
  it('a one-sheet workbook written sheet-first (as exceljs writes it) is repacked with the workbook part ahead of the sheet', async () => {
    // exceljs' streaming reader parks a sheet met before xl/workbook.xml in a temporary file and, now and then on a
    // busy machine, ends its zip loop without the workbook part: a good file refused as "无法读取该文件" (CI, stop 18).
    const bytes = await rosterWorkbook([rosterRow('成员甲', newId(71))]);
    const order = (b: Uint8Array) => {
      const names: string[] = [];
      unzipSync(b, { filter: (f) => (names.push(f.name), false) });
      return names;
    };
    const before = order(bytes);
    expect(before.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(before.indexOf('xl/workbook.xml'));
    const after = order(inReadableOrder(bytes));
    for (const part of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'])
      if (after.includes(part)) expect(after.indexOf(part), part).toBeLessThan(after.indexOf('xl/worksheets/sheet1.xml'));
    expect(inReadableOrder(inReadableOrder(bytes))).toEqual(inReadableOrder(bytes));
  });
});
