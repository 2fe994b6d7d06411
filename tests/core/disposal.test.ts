/** 不合格党员处置: the 9.6 deadline vectors, the order rule (nothing before the 支委会 opinion and the 事前备案), no status change, the 离开花名册 offer and the 5-year bar. */
import { describe, expect, it } from 'vitest';
import { failure, testLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { setSetting } from '../../core/settings/service.ts';
import { deadlineOf, readmitFrom, DISPOSAL_RULES } from '../../core/disposal/rules.ts';

async function ledger(today = '2026-11-28') {
  const l = await testLedger({ today });
  const { branchId } = await bureau(l, { branches: [{ establishedOn: '2000-01-01' }] });
  const m = await member(l, branchId, { name: '处置甲' });
  const open = () => l.call('disposal/open', { memberId: m.id, triggerKind: '情形', situation: '连续6个月不缴纳党费', opinionOn: '2026-03-01', filedOn: '2026-03-10', filedTo: '分局党委' });
  return { l, m, open };
}

describe('限期改正 deadlines (evaluation.md 9.6)', () => {
  it('calendar months clamped to the month end; 13 months refused', () => {
    expect([deadlineOf('2026-03-15', 6), deadlineOf('2026-03-15', 12)]).toEqual(['2026-09-15', '2027-03-15']);
    expect([deadlineOf('2026-08-31', 6), deadlineOf('2026-08-31', 12)]).toEqual(['2027-02-28', '2027-08-31']);
    expect([deadlineOf('2024-02-29', 6), deadlineOf('2024-02-29', 12)]).toEqual(['2024-08-29', '2025-02-28']);
    expect(() => deadlineOf('2026-03-15', 13)).toThrow(/最长不超过1年/);
    expect(() => deadlineOf('2026-03-15', 0)).toThrow(/至少 1 个月/);
  });

  it('the rule is versioned with its source and marked unverified; re-admission 5 years on, the day itself per setting', () => {
    expect(DISPOSAL_RULES[0]).toMatchObject({ verified: false, values: { normalMonths: 6, maxMonths: 12, readmitYears: 5 } });
    expect(DISPOSAL_RULES[0].source).toContain('不合格党员组织处置办法');
    expect(readmitFrom('2026-05-10', true)).toBe('2031-05-10');
    expect(readmitFrom('2026-05-10', false)).toBe('2031-05-11');
  });
});

describe('处置 cases', () => {
  it('nothing is dated before both the 支委会 opinion and the 事前备案; the decision gives the deadline', async () => {
    const { l, open } = await ledger();
    expect((await failure(l.call('disposal/open', { memberId: (await l.call('members/list', {})).rows[0].id, triggerKind: '情形', situation: 'x', opinionOn: '2026-03-10', filedOn: '2026-03-01', filedTo: '分局党委' }))).field).toBe('filedOn');
    const { id } = await open();
    const e = await failure(l.call('disposal/step', { caseId: id, step: '调查核实', doneOn: '2026-03-09' }));
    expect([e.field, e.message]).toEqual(['doneOn', '“调查核实”（2026-03-09）不能早于支委会提出处置意见（2026-03-01）和向党委事前备案（2026-03-10）']);
    expect((await failure(l.call('disposal/decide', { id, measure: '限期改正', decidedOn: '2026-03-05' }))).field).toBe('decidedOn');
    await l.call('disposal/step', { caseId: id, step: '调查核实', doneOn: '2026-03-10', document: '调查报告' });
    expect((await failure(l.call('disposal/decide', { id, measure: '限期改正', decidedOn: '2026-03-15', periodMonths: 13 }))).field).toBe('periodMonths');
    expect(await l.call('disposal/decide', { id, measure: '限期改正', decidedOn: '2026-03-15' })).toEqual({ deadline: '2026-09-15' });
    const [c] = await l.call('disposal/list', {});
    expect(c).toMatchObject({ measure: '限期改正', periodMonths: 6, deadline: '2026-09-15', daysLeft: -74, steps: [{ step: '调查核实', document: '调查报告' }] });
    expect((await l.call('disposal/deadlines', {})).map((x) => x.id)).toEqual([id]);
    // a second open case for the same member is refused
    expect((await failure(open())).field).toBe('memberId');
    await l.close();
  });

  it('the period runs from the 党委 approval when the unit sets it so', async () => {
    const { l, open } = await ledger();
    await setSetting(l.ctx.db, l.ctx, 'disposal.periodFrom', '批准');
    const { id } = await open();
    expect((await failure(l.call('disposal/decide', { id, measure: '限期改正', decidedOn: '2026-03-15' }))).field).toBe('approvedOn');
    expect(await l.call('disposal/decide', { id, measure: '限期改正', decidedOn: '2026-03-15', approvedOn: '2026-08-31', periodMonths: 12 })).toEqual({ deadline: '2027-08-31' });
    await l.close();
  });

  it('除名 never changes the member: the roster’s 离开花名册 is offered, prefilled, and the 5-year bar shown', async () => {
    const { l, m, open } = await ledger();
    const { id } = await open();
    await l.call('disposal/decide', { id, measure: '除名', decidedOn: '2026-04-20' });
    expect((await failure(l.call('disposal/close', { id, result: '除名', resultOn: '2026-05-10' }))).field).toBe('result');
    await l.call('disposal/decide', { id, measure: '除名', decidedOn: '2026-04-20', approvedOn: '2026-05-10' });
    await l.call('disposal/close', { id, result: '除名', resultOn: '2026-05-10' });
    const member = (await l.call('members/list', {})).rows.find((r) => r.id === m.id)!;
    expect(member.leftType).toBeNull();
    const [c] = await l.call('disposal/list', {});
    expect(c.leaveOffer).toEqual({ memberId: m.id, leftType: '出党', leftDate: '2026-05-10', leftReason: '除名（不合格党员组织处置）' });
    expect(c.readmitFrom).toBe('2031-05-10');
    // the clerk confirms through the members service; the offer is then gone
    await l.call('members/leave', { id: m.id, ...c.leaveOffer! });
    expect((await l.call('disposal/list', {}))[0].leaveOffer).toBeNull();
    await l.close();
  });

  it("from a 民主评议 不合格 rating: the year's 不合格 members are offered, and a case must name such a rating", async () => {
    const { l, m } = await ledger();
    const { branchId } = (await l.call('members/list', {})).rows.find((r) => r.id === m.id)!;
    const other = await member(l, branchId, { name: '合格乙' });
    const line = (memberId: string, grade: '合格' | '不合格') => ({ memberId, grade, tookPart: true, absenceReason: null });
    await l.call('evaluation/save', { year: 2026, branchId, heldOn: '2026-11-10', note: null, ratings: [line(m.id, '不合格'), line(other.id, '合格')] });
    const failed = await l.call('disposal/failed-ratings', { year: 2026 });
    expect(failed.map((f) => f.name)).toEqual(['处置甲']);
    const base = { triggerKind: '民主评议不合格', situation: '2026年度民主评议被评为不合格', opinionOn: '2026-11-12', filedOn: '2026-11-13', filedTo: '分局党委' } as const;
    expect((await failure(l.call('disposal/open', { ...base, memberId: other.id, ratingId: failed[0].ratingId }))).field).toBe('ratingId');
    expect((await failure(l.call('disposal/open', { ...base, memberId: m.id }))).field).toBe('ratingId');
    await l.call('disposal/open', { ...base, memberId: m.id, ratingId: failed[0].ratingId });
    expect((await l.call('disposal/list', {}))[0]).toMatchObject({ triggerKind: '民主评议不合格', ratingId: failed[0].ratingId });
    await l.close();
  });

  it('the demo has one member under 限期改正: the one rated 不合格 in November, six months from the decision', async () => {
    const l = await testLedger({ demo: true });
    const cases = await l.call('disposal/list', {});
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ measure: '限期改正', periodMonths: 6, deadline: '2027-05-25', daysLeft: 178, result: null });
    expect(cases[0].steps.map((s) => s.step)).toEqual(['调查核实', '组织谈话', '支部大会']);
    await l.close();
  });
});
