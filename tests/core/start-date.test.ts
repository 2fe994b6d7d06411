/**
 * 台账启用日期: a ledger created in December is not told that January to November are missing or
 * owed; an empty 党小组 is not judged; an upgraded ledger keeps what it judged before; the setting is
 * validated and audited.
 */
import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, EARLY_START, member } from '../support/bureau.ts';

const TODAY = '2026-12-02';

async function decemberLedger(startDate?: string) {
  const l = await testLedger({ today: TODAY });
  const { id: rootId } = await l.call('setup/create', { unitName: '测试分局', committeeName: '中共测试分局委员会', ...(startDate ? { startDate } : {}) });
  const { id: branchId } = await l.call('org/create', { parentId: rootId, kind: '党支部', name: '刑侦大队党支部', termStartOn: '2025-03-01' });
  return { l, rootId, branchId };
}

const calendarFindings = async (l: TestLedger) => (await l.call('activities/check', { year: 2026 })).filter((f) => f.status !== 'post-integrity' && f.status !== 'record-integrity');

describe('台账启用日期', () => {
  it('a ledger created on 2 December starts on 1 December: no finding for January to November, no overdue to-do', async () => {
    const { l, branchId } = await decemberLedger();
    expect(await l.call('org/start-date', {})).toEqual({ startDate: '2026-12-01', stored: true, today: TODAY });
    const findings = await calendarFindings(l);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.period < '2026-12' && f.period.length === 7)).toEqual([]);
    expect(findings.map((f) => f.status)).not.toContain('missing');
    const cal = await l.call('activities/calendar', { year: 2026 });
    expect(cal.startDate).toBe('2026-12-01');
    const jan = cal.cells.find((c) => c.orgId === branchId && c.type === '支部委员会' && c.period === '2026-01');
    expect(jan?.status).toBe('before-start');
    expect(cal.cells.find((c) => c.orgId === branchId && c.type === '支部委员会' && c.period === '2026-12')?.status).toBe('due');
    // a quarter ended before the start is not judged; the running quarter is
    expect(cal.cells.find((c) => c.orgId === branchId && c.type === '支部党员大会' && c.period === '2026-Q3')?.status).toBe('before-start');
    expect(cal.cells.find((c) => c.orgId === branchId && c.type === '支部党员大会' && c.period === '2026-Q4')?.status).toBe('due');
    const todo = await l.call('activities/todo', {});
    expect(todo.orgs.flatMap((o) => o.overdue)).toEqual([]);
    expect(todo.orgs.flatMap((o) => o.due).length).toBeGreaterThan(0);
    // moved earlier, the gaps are judged again
    await l.call('org/start-date-save', { startDate: '2026-01-01' });
    const again = await calendarFindings(l);
    expect(again.filter((f) => f.status === 'missing' && f.period === '2026-01' && f.rule.type === '支部委员会')).toHaveLength(1);
    await l.close();
  });

  it('a meeting recorded before the start still shows as held', async () => {
    const { l, branchId } = await decemberLedger();
    for (const name of ['张三', '李四', '王五']) await member(l, branchId, { name });
    const heldOn = '2026-10-10';
    const attendance = await l.call('activities/suggest-attendance', { orgId: branchId, type: '主题党日', heldOn });
    const a = await l.call('activities/create', { orgId: branchId, type: '主题党日', heldOn, attendance, hostName: '张三', recorderName: '李四' });
    const cal = await l.call('activities/calendar', { year: 2026 });
    const cell = (p: string) => cal.cells.find((c) => c.orgId === branchId && c.type === '主题党日' && c.period === p)!;
    expect(cell('2026-10')).toMatchObject({ status: 'held', activityIds: [a.id] });
    expect(cell('2026-09').status).toBe('before-start');
    await l.close();
  });

  it('an empty 党小组 is not judged; once it has a member, it is', async () => {
    const { l, branchId } = await decemberLedger();
    const { id: groupId } = await l.call('org/create', { parentId: branchId, kind: '党小组', name: '第一党小组' });
    const groupCells = async () => (await l.call('activities/calendar', { year: 2026 })).cells.filter((c) => c.orgId === branchId && c.type === '党小组会');
    expect(await groupCells()).toEqual([]);
    expect((await calendarFindings(l)).filter((f) => f.rule.type === '党小组会')).toEqual([]);
    await member(l, branchId, { name: '李四', groupId });
    const cells = await groupCells();
    expect(cells.find((c) => c.period === '2026-11')?.status).toBe('before-start');
    expect(cells.find((c) => c.period === '2026-12')?.status).toBe('due');
    await l.close();
  });

  it('a member added yesterday owes nothing before the start month: no "连续 10 个月未交"', async () => {
    const { l, branchId } = await decemberLedger();
    const m = await member(l, branchId, { name: '王五' });
    await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, baseFen: 500000 }] });
    expect(await l.call('dues/arrears', { asOf: '2026-12' })).toMatchObject([{ member: '王五', consecutiveUnpaidMonths: 1, months: ['2026-12'], action: '' }]);
    expect(await l.call('dues/arrears', { asOf: '2026-11' })).toEqual([]);
    const overview = await l.call('dues/overview', {});
    expect(overview.arrears).toEqual([]);
    const grid = await l.call('dues/collection-grid', { year: 2026, branchId });
    const row = grid.rows.find((r) => r.memberId === m.id)!;
    expect(row.cells.filter((c) => c.owed).map((c) => c.month)).toEqual(['2026-12']);
    // an early start: the months of the year are owed again, with the 自行脱党 text
    await l.call('org/start-date-save', { startDate: '2026-01-01' });
    const [a] = await l.call('dues/arrears', { asOf: '2026-12' });
    expect(a.consecutiveUnpaidMonths).toBe(12);
    expect(a.action).toContain('自行脱党');
    await l.close();
  });

  it('a ledger made before the setting starts on 1 January of its earliest record year; an empty one on the first of the month', async () => {
    const l = await testLedger({ today: TODAY });
    expect(await l.call('org/start-date', {})).toEqual({ startDate: '2026-12-01', stored: false, today: TODAY });
    const { branchId } = await bureau(l);
    await member(l, branchId, { name: '赵六', joinDate: '2012-07-01', fullDate: '2013-07-01' });
    // as a ledger from before the setting: no stored date
    await l.ctx.db.deleteFrom('settings').where('key', '=', 'ledger.startDate').execute();
    expect(await l.call('org/start-date', {})).toEqual({ startDate: '2012-01-01', stored: false, today: TODAY });
    const findings = await calendarFindings(l);
    expect(findings.filter((f) => f.status === 'missing' && f.period === '2026-01' && f.rule.type === '支部委员会')).toHaveLength(1);
    await l.close();
  });

  it('org/start-date-save refuses a future or invalid date with a message naming 台账启用日期, and is audited', async () => {
    const { l } = await decemberLedger();
    expect((await failure(l.call('org/start-date-save', { startDate: '2026-12-03' }))).message).toBe('“台账启用日期”不能晚于今天（2026-12-02）');
    expect((await failure(l.call('org/start-date-save', { startDate: '2026-02-30' }))).message).toMatch(/^“台账启用日期”应为有效日期/);
    expect((await failure(l.call('org/start-date-save', {} as never))).message).toMatch(/^“台账启用日期”/);
    expect((await failure(l.call('setup/create', { unitName: '另一分局', committeeName: '党委', startDate: '2027-01-01' }))).message).toBe('台账中已有组织，不能重复创建');
    const before = (await l.call('audit/log', {})).total;
    expect(await l.call('org/start-date-save', { startDate: '2026-06-01' })).toMatchObject({ startDate: '2026-06-01', stored: true });
    const log = await l.call('audit/log', {});
    expect(log.total).toBe(before + 1);
    expect(log.rows[0].summary).toContain('ledger.startDate');
    // saving the same date again writes nothing
    await l.call('org/start-date-save', { startDate: '2026-06-01' });
    expect((await l.call('audit/log', {})).total).toBe(before + 1);
    await l.close();
  });

  it('setup/create refuses a start date after today', async () => {
    const l = await testLedger({ today: TODAY });
    expect((await failure(l.call('setup/create', { unitName: '测试分局', committeeName: '党委', startDate: '2026-12-31' }))).message).toBe('“台账启用日期”不能晚于今天（2026-12-02）');
    expect((await l.call('setup/status', {})).empty).toBe(true);
    await l.close();
  });

  it('on the demo moved to start today: overdue development steps become 启用前到期, no arrears, no earlier findings', async () => {
    const l = await testLedger({ today: '2026-11-28', demo: true });
    const before = await l.call('development/reminders', {});
    const talk = before.items.find((r) => r.kind === '已逾期' && r.stepName.includes('谈话'))!;
    expect(talk.latest! < '2026-11-28').toBe(true);
    expect((await l.call('dues/arrears', { asOf: '2026-11', minMonths: 3 })).length).toBeGreaterThan(0);
    await l.call('org/start-date-save', { startDate: '2026-11-28' });
    const after = await l.call('development/reminders', {});
    expect(after.items.find((r) => r.fileId === talk.fileId && r.step === talk.step)).toMatchObject({ kind: '启用前到期' });
    expect(after.items.filter((r) => r.kind === '已逾期' && r.latest && r.latest < '2026-11-28')).toEqual([]);
    const file = await l.call('development/get', { id: talk.fileId });
    expect(file.findings.map((f) => f.rule)).not.toContain('talk-1-month');
    expect(file.next.find((n) => n.step === talk.step)).toMatchObject({ latest: talk.latest, overdue: false });
    expect(await l.call('dues/arrears', { asOf: '2026-11', minMonths: 2 })).toEqual([]);
    const findings = await calendarFindings(l);
    expect(findings.filter((f) => f.period.length === 7 && f.period < '2026-11')).toEqual([]);
    expect(findings.filter((f) => f.period.includes('Q') && f.period < '2026-Q4')).toEqual([]);
    await l.close();
  });

  it('the demo starts on 1 January of last year; bureau() fixtures start early', async () => {
    const demo = await testLedger({ today: '2027-01-05', demo: true });
    expect((await demo.call('org/start-date', {})).startDate).toBe('2026-01-01');
    await demo.close();
    const l = await testLedger({ today: TODAY });
    await bureau(l);
    expect((await l.call('org/start-date', {})).startDate).toBe(EARLY_START);
    await l.close();
  });
});
