/**
 * 每周政治学习日 (core/activities/weekly.ts): a local practice, off by default. A week (Monday–Sunday)
 * is held when a record dates within it; a month cell counts the weeks whose Monday falls in it;
 * weeks before the 台账启用日期, before the rule's own start, or not yet begun are never missing.
 */
import { describe, expect, it } from 'vitest';
import { failure, testLedger, zipPart, type TestLedger } from '../support/ledger.ts';
import { member } from '../support/bureau.ts';
import { mondaysOf, weeksOf } from '../../core/activities/weekly.ts';

// a Thursday: the week of 30 November is running, its Friday (4 December) not yet come
const TODAY = '2026-12-03';

async function ledger(startDate = '2026-01-01') {
  const l = await testLedger({ today: TODAY });
  const { id: rootId } = await l.call('setup/create', { unitName: '测试分局', committeeName: '中共测试分局委员会', startDate });
  const { id: branchId } = await l.call('org/create', { parentId: rootId, kind: '党支部', name: '刑侦大队党支部', termStartOn: '2025-03-01' });
  for (const name of ['张三', '李四', '王五']) await member(l, branchId, { name });
  return { l, branchId };
}

async function study(l: TestLedger, orgId: string, heldOn: string) {
  const attendance = await l.call('activities/suggest-attendance', { orgId, type: '政治学习日', heldOn });
  return l.call('activities/create', { orgId, type: '政治学习日', heldOn, attendance, hostName: '张三', recorderName: '李四', topic: '学习党章' });
}

const cellOf = async (l: TestLedger, orgId: string, period: string) =>
  (await l.call('activities/calendar', { year: Number(period.slice(0, 4)) })).cells.find((c) => c.orgId === orgId && c.type === '政治学习日' && c.period === period);

describe('weeks of a month', () => {
  it('counts the weeks whose Monday falls in the month: 4 or 5, a week crossing the month end counts in its Monday\'s month', () => {
    expect(mondaysOf('2026-02')).toEqual(['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23']);
    expect(mondaysOf('2026-03')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    // 30 March – 5 April is March's: a record on 3 April holds it, and April's first week starts 6 April
    expect(mondaysOf('2026-04')[0]).toBe('2026-04-06');
    const weeks = weeksOf('2026-03', [{ id: 'a', orgId: 'o', heldOn: '2026-04-03' }], '2026-04-20', '2026-01-01', 5, null);
    expect(weeks.map((w) => w.status)).toEqual(['missing', 'missing', 'missing', 'missing', 'held']);
    expect(weeks[0].planned).toBe('2026-03-06');
  });

  it('weeks before the start, not yet begun, and the running one', () => {
    const w = weeksOf('2026-12', [], TODAY, '2026-12-05', 5, null);
    // the week of 30 November is November's; December: 7, 14, 21, 28 December, all after today
    expect(w.map((x) => x.status)).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
    const nov = weeksOf('2026-11', [], TODAY, '2026-11-10', 5, null);
    // 2 Nov ended before the start; 9 Nov ends on the 15th, after it; 30 Nov is running
    expect(nov.map((x) => x.status)).toEqual(['before-start', 'missing', 'missing', 'missing', 'due']);
  });
});

describe('政治学习日 in the calendar', () => {
  it('off by default: the type can be recorded, nothing is judged', async () => {
    const { l, branchId } = await ledger();
    expect((await l.call('activities/rules', {})).studyDay).toEqual({ enabled: false, weekday: 5, since: null });
    await study(l, branchId, '2026-11-06');
    const cal = await l.call('activities/calendar', { year: 2026 });
    expect(cal.cells.filter((c) => c.type === '政治学习日')).toEqual([]);
    expect(cal.rules.map((r) => r.type)).not.toContain('政治学习日');
    const findings = await l.call('activities/check', { year: 2026 });
    expect(findings.filter((f) => f.rule.type === '政治学习日')).toEqual([]);
    const sd = await l.call('activities/study-days', { month: '2026-11' });
    expect(sd.enabled).toBe(false);
    expect(sd.branches[0].weeks.map((w) => w.status)).toEqual(['held', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    await l.close();
  });

  it('switched on: a month shows held/total weeks, missing ones are findings, the future never', async () => {
    const { l, branchId } = await ledger();
    await l.call('activities/rules/settings', { studyDayEnabled: true });
    for (const d of ['2026-11-06', '2026-11-13', '2026-11-27']) await study(l, branchId, d);
    const nov = await cellOf(l, branchId, '2026-11');
    expect(nov).toMatchObject({ status: 'missing', weeks: { held: 3, total: 5 }, prefillOn: '2026-11-20' });
    expect(nov!.detail).toContain('11月16日—11月22日');
    expect(nov!.activityIds).toHaveLength(3);
    // this week (30 Nov – 6 Dec) runs: the cell is due, not missing; December's weeks are all ahead
    await study(l, branchId, '2026-11-20');
    expect(await cellOf(l, branchId, '2026-11')).toMatchObject({ status: 'due', weeks: { held: 4, total: 5 } });
    expect((await cellOf(l, branchId, '2026-12'))?.status).toBe('upcoming');
    await study(l, branchId, '2026-12-01');
    expect(await cellOf(l, branchId, '2026-11')).toMatchObject({ status: 'held', weeks: { held: 5, total: 5 } });
    const findings = (await l.call('activities/check', { year: 2026 })).filter((f) => f.rule.type === '政治学习日');
    expect(findings.every((f) => f.period < '2026-11')).toBe(true);
    const oct = findings.find((f) => f.period === '2026-10')!;
    expect(oct).toMatchObject({ status: 'missing', severity: 'high', rule: { frequency: 'week', label: '每周' } });
    expect(oct.message).toContain('刑侦大队党支部2026年10月未开展政治学习日（每周）');
    expect(oct.rule.basis).toContain('地方做法（每周政治学习日制度），非全国统一规定；默认关闭');
    await l.close();
  });

  it('weeks before the 台账启用日期 or the rule\'s own start are not missing', async () => {
    const { l, branchId } = await ledger('2026-11-10');
    await l.call('activities/rules/settings', { studyDayEnabled: true });
    expect((await cellOf(l, branchId, '2026-10'))?.status).toBe('before-start');
    expect(await cellOf(l, branchId, '2026-11')).toMatchObject({ status: 'missing', weeks: { held: 0, total: 5 } });
    await l.call('activities/rules/settings', { studyDaySince: '2026-11-30' });
    expect((await cellOf(l, branchId, '2026-11'))?.status).toBe('due');
    await l.close();
  });

  it('study-days: the month\'s dates by the preferred weekday, and each branch\'s weeks', async () => {
    const { l, branchId } = await ledger();
    await l.call('activities/rules/settings', { studyDayEnabled: true, studyDayWeekday: 3 });
    await study(l, branchId, '2026-11-05');
    const sd = await l.call('activities/study-days', { month: '2026-11' });
    expect(sd).toMatchObject({ month: '2026-11', enabled: true, weekday: 3, weekdayLabel: '星期三' });
    expect(sd.dates).toEqual(['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25', '2026-12-02']);
    expect(sd.branches).toEqual([expect.objectContaining({ orgId: branchId, name: '刑侦大队党支部', held: 1 })]);
    expect(sd.branches[0].weeks.map((w) => w.status)).toEqual(['held', 'missing', 'missing', 'missing', 'due']);
    expect((await failure(l.call('activities/study-days', { month: '2026-13' }))).message).toContain('应为年月');
    expect((await failure(l.call('activities/rules/settings', { studyDayWeekday: 8 }))).message).toContain('星期');
    await l.close();
  });

  it('stats and the record book name it', async () => {
    const { l, branchId } = await ledger();
    await study(l, branchId, '2026-11-06');
    const s = await l.call('activities/stats', { from: '2026-01-01', to: '2026-12-31' });
    expect(s.sentences.join('')).toContain('开展政治学习日1次，累计参学3人次');
    const book = await l.call('activities/export-record-book', { orgId: branchId, year: 2026 });
    const xml = await zipPart(new Uint8Array(Buffer.from(book.contentBase64, 'base64')), 'word/document.xml');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('政治学习日记录');
    expect(text).toContain('学习内容');
    expect(text).toContain('政治学习日：学习党章');
    await l.close();
  });
});

describe('the demo', () => {
  it('switches the rule on; about half the branches hold it weekly with a few weeks missed', async () => {
    const l = await testLedger({ demo: true });
    expect((await l.call('activities/rules', {})).studyDay.enabled).toBe(true);
    const cal = await l.call('activities/calendar', { year: Number(l.ctx.platform.today().slice(0, 4)) });
    const cells = cal.cells.filter((c) => c.type === '政治学习日' && c.status !== 'upcoming');
    const holding = new Set(cells.filter((c) => c.weeks!.held > 0).map((c) => c.orgId));
    const branches = new Set(cells.map((c) => c.orgId));
    expect(holding.size).toBeGreaterThan(1);
    expect(holding.size).toBeLessThan(branches.size);
    const partial = cells.filter((c) => holding.has(c.orgId) && c.status === 'missing');
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.every((c) => c.weeks!.held > 0 && c.weeks!.held < c.weeks!.total)).toBe(true);
    await l.close();
  });
});
