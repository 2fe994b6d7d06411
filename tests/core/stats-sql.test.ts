/**
 * 党费收缴率, 出席率 and 队伍结构 counted in SQL give the figures the in-memory build gave
 * (tests/support/stats-reference.ts: the 党费收缴 grid's rows, the records list),
 * on the demo and on a ledger built for the boundaries: a 台账启用日期 in March,
 * a member who died mid-year, one transferred out, one transferred in with a
 * later dues start, one admitted mid-year, one never assessed, one 免交 from
 * July, one moved to another branch, a deleted payment; meetings without an
 * attendance list, deleted, or after the as-of day; structure fields left empty,
 * a 预备党员 转正 after the as-of day, an age the day before a birthday.
 */
import { describe, expect, it } from 'vitest';
import { testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member, memberInput } from '../support/bureau.ts';
import { referenceAttendance, referenceDues, referenceMembers } from '../support/stats-reference.ts';

async function sameAsReference(l: TestLedger, year: number, asOf?: string) {
  const dues = await l.call('stats/dues', { year, asOf });
  expect(dues).toEqual(await referenceDues(l.ctx, year, asOf));
  const att = await l.call('stats/attendance', { year, asOf });
  expect(att).toEqual(await referenceAttendance(l.ctx, year, asOf));
  const members = await l.call('stats/members', { year, asOf });
  expect(members).toEqual(await referenceMembers(l.ctx, year, asOf));
  return { dues, att, members };
}

async function boundaryLedger() {
  const l = await testLedger({ today: '2026-11-28' });
  const { branchIds: [a, b] } = await bureau(l, { branches: 2, startDate: '2026-03-01' });
  const add = (name: string, branch: string, over: Record<string, unknown> = {}) => member(l, branch, { name, ...over });
  const full = await add('全年', a);
  const died = await add('去世', a);
  const out = await add('转出', a);
  const admitted = await add('新党员', a, { joinDate: '2026-04-20', fullDate: null, partyStatus: '预备' });
  const unassessed = await add('未核定', a);
  const exempt = await add('免交', b);
  const moved = await add('调动', b);
  const noEducation = await add('未填学历', b, { education: null, category: '离退休' });
  const converted = await add('转正后', b, { joinDate: '2025-09-01', fullDate: '2026-09-01', partyStatus: '正式', education: '大学本科', birthDate: '1995-11-29' });
  const inn = await l.call('transfers/in', {
    mode: 'new',
    member: memberInput({ name: '转入' }),
    branchId: b,
    letterNo: '2026-017',
    fromOrg: '中共某县公安局委员会',
    letterDate: '2026-05-06',
    transferDate: '2026-05-10',
    duesStartMonth: '2026-06',
  });
  const inId = inn.memberId!;
  const std = (memberId: string, baseFen = 500_000) => ({ memberId, baseFen });
  await l.call('dues/assess-save', { year: 2026, entries: [full, died, out, admitted, exempt, moved, noEducation, converted].map((m) => std(m.id)).concat(std(inId)) });
  await l.call('dues/settings-save', { fixPolicy: 'follow-salary' });
  await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: exempt.id, baseFen: 500_000, category: '困难减免', hardshipRef: '测试党委〔2026〕1号', reducedFen: 0, fromMonth: '2026-07', reason: '生活困难' }] });
  const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(from + i).padStart(2, '0')}`);
  const pay = (memberId: string, ms: string[], paidOn = '2026-11-20') => l.call('dues/pay', { memberId, months: ms, paidOn, method: '现金', consentRef: '支部同意' });
  // 2月 is before the 台账启用日期: paid, but not owed
  const fullPays = await pay(full.id, months(2, 10));
  await pay(died.id, months(3, 5), '2026-05-20');
  await pay(out.id, months(3, 8), '2026-08-10');
  await pay(admitted.id, months(4, 11));
  await pay(exempt.id, months(3, 6), '2026-06-10');
  await pay(moved.id, months(3, 4), '2026-04-10');
  await pay(inId, months(6, 11));
  await l.call('dues/payment-delete', { id: fullPays.find((p) => p.month === '2026-10')!.id });
  await l.call('members/leave', { id: died.id, leftType: '去世', leftDate: '2026-06-10' });
  await l.call('transfers/out', { memberId: out.id, toOrg: '中共某市公安局机关委员会', transferDate: '2026-08-20' });
  const m = await l.call('members/get', { id: moved.id });
  await l.call('members/update', { ...m, id: moved.id, idNumber: (await l.call('members/reveal-id', { id: moved.id })).idNumber, branchId: a });
  // meetings: one with its list (two on leave), one without a list, one deleted, one after the as-of day of the mid-year check
  const meet = async (orgId: string, type: string, heldOn: string, leave = 0) => {
    const attendance = await l.call('activities/suggest-attendance', { orgId, type, heldOn });
    return l.call('activities/create', { orgId, type, heldOn, attendance: attendance.map((x, i) => (i < leave ? { ...x, status: '请假' as const, reason: '出差' } : x)) });
  };
  await meet(a, '支部党员大会', '2026-05-12', 2);
  await meet(b, '党课', '2026-07-03');
  await l.call('activities/create', { orgId: a, type: '谈心谈话', heldOn: '2026-06-01', attendance: [] });
  const gone = await meet(a, '主题党日', '2026-06-18');
  await l.call('activities/delete', { id: gone.id });
  return { l, a, b };
}

describe('stats counted in SQL', () => {
  it('gives the in-memory figures on the demo, for this year, last year and mid-year', async () => {
    const l = await testLedger({ demo: true });
    await sameAsReference(l, 2026);
    await sameAsReference(l, 2026, '2026-06-30');
    await sameAsReference(l, 2025);
    await sameAsReference(l, 2027);
    await l.close();
  }, 120_000);

  it('keeps the boundaries: start date, left or transferred mid-year, transferred in, admitted, unassessed, 免交, moved branch', async () => {
    const { l, a, b } = await boundaryLedger();
    const { dues, att, members } = await sameAsReference(l, 2026);
    await sameAsReference(l, 2026, '2026-06-30');
    await sameAsReference(l, 2025);
    const branchA = dues.branches.find((x) => x.branchId === a)!;
    const branchB = dues.branches.find((x) => x.branchId === b)!;
    const owed = (f: typeof branchA, month: number) => f.months[month - 1].owedCount;
    // before the start nothing is owed, and 全年's February payment does not count
    expect([dues.total.months[0].owedCount, dues.total.months[1].owedCount, dues.total.months[1].paidFen]).toEqual([0, 0, 0]);
    // March in branch A: 全年, 去世, 转出 and 调动 (moved here; its payment made in branch B counts here)
    expect([owed(branchA, 3), branchA.months[2].paidCount]).toEqual([4, 4]);
    // 去世 on 10 June owes to May; 转出 on 20 August owes August, not September; 新党员 owes from April
    expect([owed(branchA, 5), owed(branchA, 6), owed(branchA, 8), owed(branchA, 9)]).toEqual([5, 4, 4, 3]);
    expect(owed(branchA, 4)).toBe(5);
    // branch B (未填学历 and 转正后 owe all year): 免交 owes to June only; 转入 owes from its dues start month, June
    expect([owed(branchB, 5), owed(branchB, 6), owed(branchB, 7)]).toEqual([3, 4, 3]);
    // October: 全年's payment was deleted, so only 新党员 paid of the three owing
    expect([owed(branchA, 10), branchA.months[9].paidCount]).toEqual([3, 1]);
    expect(dues.unassessed).toBe(1);
    // 支部党员大会 (two on leave) and 党课 count; 谈心谈话 without a list and the deleted 主题党日 do not
    expect(att.total.meetings).toBe(2);
    expect(att.orgs.find((o) => o.orgId === a)!.byType.map((t) => [t.type, t.meetings])).toEqual([['支部党员大会', 1]]);
    const may = att.orgs.find((o) => o.orgId === a)!.months[4];
    expect(may.due - may.present).toBe(2);
    const mid = await l.call('stats/attendance', { year: 2026, asOf: '2026-06-30' });
    expect(mid.total.meetings).toBe(1);
    // 转正后 is 预备 on 30 June and has a 党龄 band on 28 November; born 1995-11-29, still 30 the day before the birthday
    const band = (m: typeof members, key: string, label: string) => m.dimensions.find((d) => d.key === key)!.bands.find((x) => x.label === label)?.count;
    const june = await l.call('stats/members', { year: 2026, asOf: '2026-06-30' });
    expect([band(june, 'partyAge', '预备党员'), band(members, 'partyAge', '预备党员')]).toEqual([2, 1]);
    expect([band(june, 'age', '30岁及以下'), band(members, 'age', '30岁及以下')]).toEqual([1, 1]);
    expect(members.dimensions.find((d) => d.key === 'education')!.missing).toBeGreaterThan(0);
    await l.close();
  }, 120_000);
});
