/** 民主评议党员 import (all or nothing, every bad row named) and the documents read back: 民主测评表, 结果汇总表, the report. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { docxText, failure, testLedger, zipPart, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { base64 } from '../support/workbooks.ts';
import { heldBranches } from '../../core/evaluation/queries.ts';

async function ledger(withMeeting = true) {
  const l = await testLedger({ today: '2026-11-28' });
  const { branchId, branches } = await bureau(l);
  for (const name of ['张明', '李强', '王芳', '赵磊']) await member(l, branchId, { name });
  await member(l, branchId, { name: '陈晨', partyStatus: '预备', joinDate: '2026-05-20', fullDate: null });
  let activityId: string | null = null;
  if (withMeeting) {
    const attendance = await l.call('activities/suggest-attendance', { orgId: branchId, type: '民主评议党员', heldOn: '2026-11-16' });
    const away = attendance.map((a) => (a.memberName === '赵磊' ? { ...a, status: '病假' as const, reason: '住院治疗' } : a));
    activityId = (await l.call('activities/create', { orgId: branchId, type: '民主评议党员', heldOn: '2026-11-16', attendance: away, hostName: '张明', recorderName: '李强', agenda: ['个人自评、党员互评、民主测评'] })).id;
  }
  return { l, branchId, branch: branches[0].name, activityId };
}

async function sheet(rows: (string | null)[][], header = ['姓名', '身份证号', '评议等次', '未参加原因']): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('等次');
  ws.addRow(['2026年度民主评议党员等次汇总']);
  ws.addRow([]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const importFile = (l: TestLedger, bytes: Uint8Array) => l.call('evaluation/import', { fileName: '等次.xlsx', contentBase64: base64(bytes), year: 2026 });

async function readSheet(bytes: Uint8Array, name?: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = name ? wb.getWorksheet(name)! : wb.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))));
  return { names: wb.worksheets.map((w) => w.name), rows, ws };
}

describe('evaluation import', () => {
  it('writes nothing when any row is wrong, naming each row; then imports the corrected file, mapping 好 with a warning', async () => {
    const { l, branchId } = await ledger();
    const bad = await sheet([
      ['张明', null, '优秀', null],
      ['李强', null, '很好', null],
      ['陈晨', null, '优秀', null],
      ['赵磊', null, '未参加', null],
      ['钱多多', null, '合格', null],
      ['王芳', null, '', null],
    ]);
    const r = await importFile(l, bad);
    expect(r.written).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [5, '等次', '“很好”不是等次：应为 优秀、合格、基本合格 或 不合格'],
      [6, '等次', '陈晨是预备党员：预备党员，不定等次'],
      [7, '未参加原因', '请填写赵磊未参加评议的原因'],
      [8, '姓名', '花名册中没有“钱多多”，请核对姓名'],
      [9, '等次', '王芳是正式党员，未填写等次'],
    ]);
    expect(await heldBranches(l.ctx.db, 2026)).toEqual(new Set());
    const good = await sheet([
      ['张明', null, '优秀', null],
      ['李强', null, '好', null],
      ['陈晨', null, '预备党员，不定等次', null],
      ['赵磊', null, '未参加', '住院治疗'],
      ['王芳', null, '基本合格', null],
    ]);
    const ok = await importFile(l, good);
    expect(ok.written).toBe(true);
    expect(ok.warnings).toEqual([{ row: 5, column: '等次', message: '旧等次“好”按“优秀”导入' }]);
    const v = await l.call('evaluation/show', { year: 2026, branchId });
    expect(v.lines.map((x) => [x.name, x.result])).toEqual([['张明', '优秀'], ['李强', '优秀'], ['王芳', '基本合格'], ['赵磊', '未参加（住院治疗）'], ['陈晨', '预备党员，不定等次']]);
    // 2 优秀 of 4 formal: over the limit of 1, a warning, not a block
    expect(v.findings[0]).toBe('评为优秀2名，超过正式党员4名的三分之一（最多1名）：评为优秀的党员一般不超过党员总数的三分之一');
    expect(v.heldOn).toBe('2026-11-16');
  });

  it('a branch without its 民主评议党员 meeting is a problem on each of its rows; no header is an error', async () => {
    const { l } = await ledger(false);
    const r = await importFile(l, await sheet([['张明', null, '优秀', null]]));
    expect(r.problems).toEqual([{ row: 4, column: '姓名', message: '刑侦大队党支部2026年没有民主评议党员会议记录：请先在组织生活中记录这次会议' }]);
    const e = await failure(importFile(l, await sheet([['张明', '优秀']], ['名字', '分数'])));
    expect(e.message).toBe('没有找到表头：工作表前 10 行中应有“姓名”和“等次”两列');
  });
});

describe('evaluation documents', () => {
  it('the 民主测评表: every member present, four tick boxes, the 预备党员 marked, the limit in the subtitle', async () => {
    const { l, branchId, activityId } = await ledger();
    const f = await l.call('evaluation/export-sheet', { year: 2026, branchId });
    expect(f.fileName).toBe('2026年度刑侦大队党支部民主测评表.xlsx');
    const { rows, ws } = await readSheet(Buffer.from(f.contentBase64, 'base64'));
    expect(rows[0][0]).toBe('刑侦大队党支部2026年度民主评议党员测评表');
    expect(rows[1][0]).toBe('评议日期：2026年11月16日　　正式党员4名，评为优秀的一般不超过1名');
    expect(rows[2]).toEqual(['序号', '党员姓名', '优秀', '合格', '基本合格', '不合格', '存在问题', '备注']);
    // 赵磊 was on sick leave: not on the ballot
    expect(rows.slice(3, 7).map((r) => r.slice(0, 6))).toEqual([
      ['1', '张明', '□', '□', '□', '□'],
      ['2', '李强', '□', '□', '□', '□'],
      ['3', '王芳', '□', '□', '□', '□'],
      ['4', '陈晨', '—', '—', '—', '—'],
    ]);
    expect(rows[6][7]).toBe('预备党员，不定等次');
    expect(ws.pageSetup.orientation).toBe('portrait');
    void activityId;
  });

  it('the 结果汇总表 with the votes and the report to the 党委 in GB/T 9704 type', async () => {
    const { l, branchId, activityId } = await ledger();
    const v0 = await l.call('evaluation/show', { year: 2026, branchId });
    const ratings = v0.lines.map((x) => ({
      memberId: x.memberId, tookPart: x.tookPart, absenceReason: x.absenceReason, problems: x.name === '王芳' ? '学习不够深入' : null,
      grade: !x.tookPart || x.partyStatus === '预备' ? null : x.name === '张明' ? ('优秀' as const) : x.name === '王芳' ? ('不合格' as const) : ('合格' as const),
      votes: x.name === '张明' ? { 优秀: 3, 合格: 1 } : null,
    }));
    await l.call('evaluation/save', { year: 2026, branchId, activityId, ballotsIssued: 4, ballotsReturned: 4, ballotsInvalid: 0, ballotsBlank: 0, note: null, ratings, steps: [{ step: '个人自评', done: true, note: null }, { step: '党员互评', done: true, note: null }, { step: '民主测评', done: true, note: null }] });
    const x = await l.call('evaluation/export-results', { year: 2026 });
    const book = await readSheet(Buffer.from(x.contentBase64, 'base64'), '各支部汇总');
    expect(book.names).toEqual(['各支部汇总', '刑侦大队党支部']);
    expect(book.rows[3]).toEqual(['1', '刑侦大队党支部', '2026-11-16', '4', '1', '1', '1', '0', '1', '1', '']);
    const br = await readSheet(Buffer.from(x.contentBase64, 'base64'), '刑侦大队党支部');
    expect(br.rows[1][0]).toBe('评议日期：2026年11月16日　　发出测评表4份，收回4份，无效0份，空白0份，有效4份');
    expect(br.rows[3]).toEqual(['1', '张明', '正式党员', '3', '1', '0', '0', '优秀', '']);
    expect(br.rows.find((r) => r[1] === '陈晨')?.[7]).toBe('预备党员，不定等次');
    expect(br.rows.find((r) => r[1] === '赵磊')?.[7]).toBe('未参加（病假：住院治疗）');
    const d = await l.call('evaluation/export-report', { year: 2026, branchId });
    const xml = await zipPart(Buffer.from(d.contentBase64, 'base64'), 'word/document.xml');
    const t = docxText(xml);
    expect(t).toContain('刑侦大队党支部关于2026年度民主评议党员情况的报告');
    expect(t).toContain('2026年11月16日，刑侦大队党支部召开党员大会开展2026年度民主评议党员，应参加5人，实际参加4人。会议按照个人自评、党员互评、民主测评的程序进行');
    expect(t).toContain('评为优秀1名、合格1名、基本合格0名、不合格1名');
    expect(t).toContain('未参加评议1人：赵磊（病假：住院治疗）。');
    expect(t).toContain('预备党员1名参加评议，不定等次：陈晨。');
    expect(t).toContain('对评为不合格的党员王芳，先进行教育帮助');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('黑体');
  });
});
