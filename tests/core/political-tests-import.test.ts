/** 政治理论测试 import: 问卷星-shaped and plain workbooks, all or nothing, non-members, duplicates, 补考 links. */
import { describe, expect, it } from 'vitest';
import { testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { base64 } from '../support/workbooks.ts';
import { plainWorkbook, wjxWorkbook, type Taker } from '../support/score-workbooks.ts';

async function ledger() {
  const l = await testLedger({ today: '2026-11-28' });
  const { branchIds } = await bureau(l, { branches: [{ termStartOn: null }, { termStartOn: null }] });
  const a = await member(l, branchIds[0], { name: '张文华', phone: '13900000001' });
  const b = await member(l, branchIds[0], { name: '李红', phone: '13900000002' });
  const c = await member(l, branchIds[1], { name: '王强', phone: '13900000003' });
  return { l, branchIds, a, b, c };
}

const file = (bytes: Uint8Array, fileName = 'scores.xlsx') => ({ fileName, contentBase64: base64(bytes) });
const head = (over: Record<string, unknown> = {}) => ({ name: '第二季度政治理论测试', date: '2026-04-22', kind: '全员普测' as const, ...over });
const imp = (l: TestLedger, bytes: Uint8Array, over: Record<string, unknown> = {}) => l.call('tests/import', { ...file(bytes), ...head(over) } as never);

describe('tests import', () => {
  it('reads a 问卷星 export: 总分 as the score, the fill-in questions as name, 部门 and phone; a non-member kept with the 部门', async () => {
    const { l, a, c } = await ledger();
    const takers: Taker[] = [
      { name: '张文华', score: 98, phone: '13900000001' },
      { name: '王强', score: 95, department: '治安大队' },
      { name: '赵辅警', score: 88, department: '巡特警大队' },
    ];
    const r = await imp(l, await wjxWorkbook(takers));
    expect(r).toMatchObject({ written: true, problemCount: 0, headerRow: 1, members: 2, nonMembers: 1 });
    expect(r.recognized).toEqual(expect.arrayContaining(['姓名', '成绩', '部门', '手机号']));
    const { results } = await l.call('tests/results', { testId: r.testId! });
    expect(results.map((x) => [x.name, x.memberId, x.score, x.department])).toEqual([
      ['张文华', a.id, 98, expect.any(String)],
      ['王强', c.id, 95, '治安大队'],
      ['赵辅警', null, 88, '巡特警大队'],
    ]);
    const s = await l.call('tests/stats', { testId: r.testId! });
    expect(s).toMatchObject({ participants: 3, members: 2, nonMembers: 1, passed: 3, passRate: 100, average: 93.7, max: 98, min: 88 });
    expect(s.byBranch.map((g) => [g.name, g.participants])).toEqual(expect.arrayContaining([['非党员', 1]]));
  });

  it('reads a plain 姓名 / 成绩 sheet whose header is on row 3, and 得分 as a header variant', async () => {
    const { l } = await ledger();
    const r = await imp(l, await plainWorkbook([{ name: '张文华', score: 90 }, { name: '李红', score: '85.5' }]));
    expect(r).toMatchObject({ written: true, headerRow: 3, members: 2, nonMembers: 0 });
    const r2 = await imp(l, await plainWorkbook([{ name: '王强', score: 70 }], ['姓名', '得分']), { name: '另一次' });
    expect(r2.written).toBe(true);
    const list = await l.call('tests/list', { year: 2026 });
    expect(list.map((t) => [t.name, t.participants, t.average])).toEqual([['另一次', 1, 70], ['第二季度政治理论测试', 2, 87.8]]); // 87.75 → 87.8
  });

  it('a bad score anywhere writes nothing and lists every bad row', async () => {
    const { l } = await ledger();
    const r = await imp(l, await plainWorkbook([{ name: '张文华', score: 90 }, { name: '李红', score: '优秀' }, { name: '王强', score: 120 }, { name: '赵外', score: 80.25, department: '机关' }, { name: '钱外', score: null, department: '机关' }]));
    expect(r.written).toBe(false);
    expect(r.testId).toBeNull();
    expect(r.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [5, '成绩', '“优秀”不是数字'],
      [6, '成绩', '120 不在 0 至 100 分之间'],
      [7, '成绩', '80.25 的小数超过一位'],
      [8, '成绩', '未填写成绩'],
    ]);
    expect(await l.call('tests/list', {})).toEqual([]);
    expect(await l.ctx.db.selectFrom('political_test_results').select('id').execute()).toEqual([]);
    // a full mark of 150 makes 120 a good score
    const r2 = await imp(l, await plainWorkbook([{ name: '王强', score: 120 }]), { full: 150, pass: 90 });
    expect(r2).toMatchObject({ written: true });
    expect((await l.call('tests/stats', { testId: r2.testId! })).passed).toBe(1);
  });

  it('a name not on the roster and without 部门 is listed for the clerk; resolved as a non-member it imports', async () => {
    const { l } = await ledger();
    const bytes = await plainWorkbook([{ name: '张文华', score: 90 }, { name: '孙某某', score: 77 }]);
    const p = await l.call('tests/import-preview', { ...file(bytes), ...head() } as never);
    expect(p.unmatched).toEqual([{ row: 5, name: '孙某某' }]);
    expect(p.problems[0].message).toContain('花名册中没有“孙某某”');
    expect((await imp(l, bytes)).written).toBe(false);
    const r = await l.call('tests/import', { ...file(bytes), ...head(), resolve: [{ row: 5, department: '警务保障室' }] } as never);
    expect(r).toMatchObject({ written: true, members: 1, nonMembers: 1 });
  });

  it('the same person twice is a problem on the second row, and nothing is written', async () => {
    const { l } = await ledger();
    const r = await imp(l, await plainWorkbook([{ name: '张文华', score: 90 }, { name: '李红', score: 80 }, { name: '张文华', score: 95 }, { name: '外甲', score: 60, department: '机关' }, { name: '外甲', score: 61, department: '机关' }]));
    expect(r.written).toBe(false);
    expect(r.problems.map((p) => [p.row, p.message])).toEqual([
      [6, '与第 4 行是同一人（张文华），一次测试每人只有一个成绩'],
      [8, '与第 7 行是同一人（外甲），一次测试每人只有一个成绩'],
    ]);
    expect(await l.call('tests/list', {})).toEqual([]);
  });

  it('two members of one name need an ID number or phone; the phone tells them apart', async () => {
    const { l, branchIds } = await ledger();
    await member(l, branchIds[1], { name: '张文华', phone: '13900000009' });
    const r = await imp(l, await plainWorkbook([{ name: '张文华', score: 90 }]));
    expect(r.problems[0].message).toContain('有 2 名党员叫“张文华”');
    const ok = await imp(l, await plainWorkbook([{ name: '张文华', score: 90, phone: '13900000009' }], ['姓名', '手机号', '成绩']));
    expect(ok.written).toBe(true);
  });

  it('a 补考 links each person to their failed first attempt; someone who did not fail cannot re-sit', async () => {
    const { l } = await ledger();
    const first = await imp(l, await plainWorkbook([{ name: '张文华', score: 55 }, { name: '李红', score: 90 }, { name: '外乙', score: 59.5, department: '机关' }]));
    const retake = await imp(l, await plainWorkbook([{ name: '张文华', score: 75 }, { name: '外乙', score: 66, department: '机关' }]), { name: '补考', date: '2026-05-06', kind: '补考' });
    expect(retake.written).toBe(true);
    const { results } = await l.call('tests/results', { testId: retake.testId! });
    expect(results.map((r) => [r.name, r.firstAttempt?.score, r.firstAttempt?.testId])).toEqual([
      ['张文华', 55, first.testId],
      ['外乙', 59.5, first.testId],
    ]);
    const back = await l.call('tests/results', { testId: first.testId! });
    expect(back.results.find((r) => r.name === '张文华')!.retake).toMatchObject({ score: 75, passed: true, testId: retake.testId });
    expect(back.test).toMatchObject({ participants: 3, passed: 1, passRate: 33.3 });
    const refused = await imp(l, await plainWorkbook([{ name: '李红', score: 99 }]), { name: '补考二', date: '2026-05-07', kind: '补考' });
    expect(refused.written).toBe(false);
    expect(refused.problems[0].message).toContain('没有找到李红在 2026-05-07 之前未合格的测试成绩');
  });

  it('refuses a file without 姓名 and 成绩 headers, a future date and a pass mark above the full mark, in Chinese', async () => {
    const { l } = await ledger();
    const noHeader = await plainWorkbook([{ name: '张文华', score: 90 }], ['名单', '备注']);
    await expect(imp(l, noHeader)).rejects.toThrow('没有找到表头');
    const ok = await plainWorkbook([{ name: '张文华', score: 90 }]);
    await expect(imp(l, ok, { date: '2026-12-01' })).rejects.toThrow('晚于今天');
    await expect(imp(l, ok, { pass: 80, full: 50 })).rejects.toThrow('不能高于满分');
    await expect(imp(l, ok, { kind: '月考' })).rejects.toThrow('全员普测、集中抽测 或 补考');
  });
});
