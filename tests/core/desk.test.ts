/**
 * 首页 本月待办 and 开始使用 on a real ledger (real migrations, the bureau fixture), pinned to 2026-11-26:
 * most urgent first, members transferred out owe nothing here, earlier months' gaps are one line,
 * and the checklist ticks as each step is done.
 */
import { describe, expect, it } from 'vitest';
import { testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';

const TODAY = '2026-11-26';
const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(from + i).padStart(2, '0')}`);

async function ledgerWithDues() {
  const l = await testLedger({ today: TODAY });
  const b = await bureau(l, { branches: 2 });
  const [first, second] = b.branchIds;
  const zhang = await member(l, first, { name: '张一' });
  const li = await member(l, first, { name: '李二' });
  const wang = await member(l, second, { name: '王三' });
  await l.call('dues/assess-save', { year: 2026, entries: [zhang, li, wang].map((m) => ({ memberId: m.id, baseFen: 500_000 })) });
  await l.call('dues/pay', { memberId: zhang.id, months: months(1, 10), paidOn: '2026-10-20', method: '现金', consentRef: '支委会同意补交' });
  await l.call('dues/pay', { memberId: li.id, months: months(1, 7), paidOn: '2026-07-20', method: '现金', consentRef: '支委会同意补交' });
  // 王三 pays nothing and is transferred out this month
  await l.call('members/leave', { id: wang.id, leftType: '转出', leftDate: '2026-11-05' });
  return { l, b, first, second, zhang, li, wang };
}

/** Months before the current one whose period ended with nothing recorded (or quorum missed), from the calendar itself. */
async function pastGaps(l: TestLedger) {
  const cal = await l.call('activities/calendar', { year: 2026 });
  return cal.cells.filter((c) => c.status === 'missing' || c.status === 'quorum-not-met').length;
}

describe('desk/todo', () => {
  it('lists overdue first, then this week, then this month, each with the link to its form', async () => {
    const { l, first, zhang, li } = await ledgerWithDues();
    const { items, month } = await l.call('desk/todo', {});
    expect(month).toBe('2026-11');
    const rank = { overdue: 0, week: 1, month: 2 };
    expect(items.map((i) => rank[i.urgency])).toEqual([...items.map((i) => rank[i.urgency])].sort());
    expect(new Set(items.map((i) => i.urgency))).toEqual(new Set(['overdue', 'week', 'month']));
    // 李二: Aug–Nov unpaid, past the unit's warning threshold → overdue, straight to the payment form from August
    const arrears = items.find((i) => i.id === `dues:arrears:${li.id}`)!;
    expect(arrears).toMatchObject({ urgency: 'overdue', due: '2026-08-31', title: '李二（刑侦大队党支部）连续 4 个月未交党费' });
    expect(arrears.link).toEqual({ path: '/dues/collection', query: { new: '1', branchId: first, memberId: li.id, month: '2026-08' } });
    // 张一 owes only November, due on the 30th: within the week
    const nov = items.find((i) => i.id === `dues:month:${first}:2026-11`)!;
    expect(nov).toMatchObject({ urgency: 'week', due: '2026-11-30', title: '刑侦大队党支部：张一本月党费未交' });
    expect(nov.link.query).toEqual({ new: '1', branchId: first, memberId: zhang.id, month: '2026-11' });
    // this month's 支部委员会 opens a new 支部委员会 of that branch for November
    const meeting = items.find((i) => i.id === `life:${first}:支部委员会:2026-11`)!;
    expect(meeting).toMatchObject({ urgency: 'week', due: '2026-11-30', title: '刑侦大队党支部：本月尚未开展支部委员会' });
    expect(meeting.link).toEqual({ path: '/activities', query: { new: '1', orgId: first, type: '支部委员会', month: '2026-11' } });
    // the running quarter and year are one line, due at the end of the year
    expect(items.at(-1)).toMatchObject({ id: 'life:later', urgency: 'month', due: '2026-12-31' });
    await l.close();
  });

  it('leaves out members transferred out: no arrears and not owing this month', async () => {
    const { l, second, wang } = await ledgerWithDues();
    const { items } = await l.call('desk/todo', {});
    expect(items.filter((i) => i.title.includes('王三') || i.detail.includes('王三'))).toEqual([]);
    expect(items.find((i) => i.id.startsWith(`dues:month:${second}`))).toBeUndefined();
    // the home card counts the same roster: 王三 neither owes nor is behind in 治安大队党支部
    const o = await l.call('dues/overview', {});
    expect(o.branches.find((x) => x.branchId === second)).toBeUndefined();
    expect(o.owed).toBe(2);
    // he is still in the arrears list (he owed up to the month he left), just not a to-do of this desk
    expect((await l.call('dues/arrears', { asOf: '2026-11' })).find((r) => r.memberId === wang.id)).toMatchObject({ leftType: '转出', months: months(1, 11) });
    await l.close();
  });

  it('sums the earlier months’ gaps into one line that opens the calendar, and it shrinks when one is recorded', async () => {
    const { l, first } = await ledgerWithDues();
    const before = await pastGaps(l);
    expect(before).toBeGreaterThan(20);
    const past = (await l.call('desk/todo', {})).items.filter((i) => i.id === 'life:past');
    expect(past).toHaveLength(1);
    expect(past[0]).toMatchObject({ urgency: 'overdue', title: `往期缺失 ${before} 项 → 查看`, link: { path: '/activities/calendar', query: {} } });
    // no item of an earlier month stands on its own
    expect((await l.call('desk/todo', {})).items.filter((i) => /^life:.*:2026-(0\d|10)$/.test(i.id))).toEqual([]);
    // a 支委会 补开 today for October closes one gap; one held for November closes this month's item
    await l.call('activities/create', { orgId: first, type: '支部委员会', heldOn: TODAY, countsFor: '2026-10', attendance: [] });
    await l.call('activities/create', { orgId: first, type: '支部委员会', heldOn: '2026-11-20', attendance: [] });
    const after = (await l.call('desk/todo', {})).items;
    expect(after.find((i) => i.id === 'life:past')?.title).toBe(`往期缺失 ${before - 1} 项 → 查看`);
    expect(after.find((i) => i.id === `life:${first}:支部委员会:2026-11`)).toBeUndefined();
    await l.close();
  });

  it('lists a 换届 whose term has ended as overdue, and one falling later this month as due', async () => {
    const l = await testLedger({ today: TODAY });
    // three-year terms: started 2023-06-01 → due 2026-06-01 (passed); 2023-11-30 → due 2026-11-30 (this month)
    const b = await bureau(l, { branches: [{ termStartOn: '2023-06-01' }, { termStartOn: '2023-11-30' }, {}] });
    const terms = (await l.call('desk/todo', {})).items.filter((i) => i.id.startsWith('term:'));
    expect(terms.map((t) => [t.id, t.urgency, t.due, t.title])).toEqual([
      [`term:${b.branchIds[0]}`, 'overdue', '2026-06-01', '刑侦大队党支部任期已满，应换届'],
      [`term:${b.branchIds[1]}`, 'week', '2026-11-30', '治安大队党支部应于 2026-11-30 前换届'],
    ]);
    await l.close();
  });
});

describe('desk/setup-checklist', () => {
  it('ticks 添加党支部 → 任命支委 → 录入或导入党员 → 年度党费核定 → 第一次组织生活记录 as each is done', async () => {
    const l = await testLedger({ today: TODAY });
    const done = async () => (await l.call('desk/setup-checklist', {})).steps.filter((s) => s.done).map((s) => s.key);
    await l.call('setup/create', { unitName: '测试分局', committeeName: '中共测试分局委员会' });
    const empty = await l.call('desk/setup-checklist', {});
    expect(empty.steps.map((s) => s.label)).toEqual(['添加党支部', '任命支委', '录入或导入党员', '年度党费核定', '第一次组织生活记录']);
    expect(empty.complete).toBe(false);
    expect(await done()).toEqual([]);
    const root = (await l.call('org/tree', {}))[0].id;
    const { id: branchId } = await l.call('org/create', { parentId: root, kind: '党支部', name: '刑侦大队党支部', termStartOn: '2025-03-01' });
    expect(await done()).toEqual(['branch']);
    const m = await member(l, branchId, { name: '张一' });
    expect(await done()).toEqual(['branch', 'members']);
    await l.call('org/roles/add', { orgId: branchId, memberId: m.id, role: '书记', startOn: '2025-03-01' });
    expect(await done()).toEqual(['branch', 'committee', 'members']);
    await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: m.id, baseFen: 500_000 }] });
    expect(await done()).toEqual(['branch', 'committee', 'members', 'assessment']);
    await l.call('activities/create', { orgId: branchId, type: '党课', heldOn: '2026-11-20', attendance: [], topic: '党章学习', speaker: '张一' });
    const full = await l.call('desk/setup-checklist', {});
    expect(full.complete).toBe(true);
    expect(full.steps.find((s) => s.key === 'activity')?.link).toEqual({ path: '/activities', query: { new: '1' } });
    await l.close();
  });
});

describe('desk/counts', () => {
  it('counts 预备党员 from the roster, the same number members/list gives', async () => {
    const l = await testLedger({ today: TODAY });
    const { branchId } = await bureau(l);
    await member(l, branchId, { name: '张一' });
    await member(l, branchId, { name: '李二', partyStatus: '预备', joinDate: '2026-05-20', fullDate: null });
    const gone = await member(l, branchId, { name: '王三', partyStatus: '预备', joinDate: '2026-04-20', fullDate: null });
    await l.call('members/leave', { id: gone.id, leftType: '转出', leftDate: '2026-11-05' });
    const c = await l.call('desk/counts', {});
    expect(c).toEqual({ branches: 1, members: 2, probationary: 1, retired: 0 });
    expect((await l.call('members/list', { partyStatus: '预备', pageSize: 1 })).total).toBe(c.probationary);
    await l.close();
  });
});
