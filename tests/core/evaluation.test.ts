/** 民主评议党员: the evaluation.md 9.6 one-third vectors, 预备党员 without a grade, members who took no part, the contract queries. */
import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { heldBranches, yearRatings } from '../../core/evaluation/queries.ts';
import { GRADE_SCHEMES, excellentLimit, excellentWarning, gradeSchemeOn } from '../../core/evaluation/rules.ts';

type Grade = '优秀' | '合格' | '基本合格' | '不合格';

async function branchWith(formal: number, probationary: number) {
  const l = await testLedger({ today: '2026-11-28' });
  const { branchId } = await bureau(l);
  const formalIds: string[] = [];
  const probIds: string[] = [];
  for (let i = 0; i < formal; i++) formalIds.push((await member(l, branchId, { name: `正式${'甲乙丙丁戊己庚辛壬癸子丑'[i]}` })).id);
  for (let i = 0; i < probationary; i++) probIds.push((await member(l, branchId, { name: `预备${'甲乙丙'[i]}`, partyStatus: '预备', joinDate: '2026-05-20', fullDate: null })).id);
  return { l, branchId, formalIds, probIds };
}

type Line = { memberId: string; grade: Grade | null; tookPart: boolean; absenceReason: string | null; problems: string | null; votes?: Partial<Record<Grade, number>> };
const rate = (ids: string[], excellent: number, rest: Grade = '合格'): Line[] => ids.map((memberId, i) => ({ memberId, grade: i < excellent ? '优秀' : rest, tookPart: true, absenceReason: null, problems: null }));
const save = (l: TestLedger, branchId: string, ratings: Line[], extra: Record<string, unknown> = {}) =>
  l.call('evaluation/save', { year: 2026, branchId, heldOn: '2026-11-16', note: null, ratings, ...extra });

describe('the one-third rule (evaluation.md 9.6)', () => {
  const vectors: [formal: number, prob: number, excellent: number, limit: number, warn: boolean][] = [
    [9, 0, 3, 3, false],
    [9, 0, 4, 3, true],
    [10, 0, 3, 3, false],
    [10, 0, 4, 3, true],
    [10, 2, 4, 3, true],
    [9, 2, 3, 3, false],
    [3, 0, 1, 1, false],
  ];
  for (const [formal, prob, excellent, limit, warn] of vectors)
    it(`${formal} formal, ${prob} 预备, ${excellent} 优秀 → ${warn ? 'warning' : 'allowed'} (limit ${limit})`, async () => {
      const { l, branchId, formalIds, probIds } = await branchWith(formal, prob);
      const probLines = probIds.map((memberId) => ({ memberId, grade: null, tookPart: true, absenceReason: null, problems: null }));
      await save(l, branchId, [...rate(formalIds, excellent), ...probLines]);
      const v = await l.call('evaluation/show', { year: 2026, branchId });
      expect(v).toMatchObject({ formalMembers: formal, probationary: prob, excellentLimit: limit, ratings: { 优秀: excellent, 合格: formal - excellent, 基本合格: 0, 不合格: 0 } });
      const w = v.findings.filter((f) => f.includes('三分之一'));
      if (warn) expect(w).toEqual([`评为优秀${excellent}名，超过正式党员${formal}名的三分之一（最多${limit}名）：评为优秀的党员一般不超过党员总数的三分之一`]);
      else expect(w).toEqual([]);
      for (const p of v.lines.filter((x) => x.partyStatus === '预备')) expect(p).toMatchObject({ grade: null, result: '预备党员，不定等次' });
    });

  it('the pure rule at its bounds, in integers: 12 would wrongly allow 4', () => {
    const s = gradeSchemeOn('2026-11-16');
    expect([excellentLimit(9, s), excellentLimit(10, s), excellentLimit(12, s), excellentLimit(3, s), excellentLimit(2, s)]).toEqual([3, 3, 4, 1, 0]);
    expect(excellentWarning(4, 12, s)).toBeNull();
    expect(excellentWarning(4, 10, s)).toContain('超过正式党员10名的三分之一（最多3名）');
    expect(excellentWarning(1, 2, s)).toContain('最多0名');
  });

  it('a 预备党员 rated 优秀 is an error naming the member and the field; nothing is written', async () => {
    const { l, branchId, formalIds, probIds } = await branchWith(3, 1);
    const e = await failure(save(l, branchId, [...rate(formalIds, 1), { memberId: probIds[0], grade: '优秀', tookPart: true, absenceReason: null, problems: null }]));
    expect(e.message).toBe('预备甲是预备党员：预备党员，不定等次');
    expect(e.field).toBe('ratings.3.grade');
    expect((await l.call('evaluation/show', { year: 2026, branchId })).id).toBeNull();
    expect(await heldBranches(l.ctx.db, 2026)).toEqual(new Set());
  });
});

describe('an evaluation of a branch', () => {
  it('lists members who took no part with the reason, keeps votes and problems, and feeds the contract queries', async () => {
    const { l, branchId, formalIds, probIds } = await branchWith(4, 1);
    const lines = rate(formalIds, 1);
    lines[3] = { memberId: formalIds[3], grade: null, tookPart: false, absenceReason: '病假住院', problems: null };
    lines[2] = { ...lines[2], grade: '不合格' };
    const withVotes = lines.map((x, i) => (i === 0 ? { ...x, votes: { 优秀: 4, 合格: 1 }, problems: '无' } : x));
    await save(l, branchId, withVotes, { ballotsIssued: 5, ballotsReturned: 5, ballotsInvalid: 0, ballotsBlank: 0 });
    const v = await l.call('evaluation/show', { year: 2026, branchId });
    // in the roster's order (join date, then name), as the meeting's attendance lists them
    expect(v.lines.map((x) => [x.name, x.result])).toEqual([['正式丁', '未参加（病假住院）'], ['正式丙', '不合格'], ['正式乙', '合格'], ['正式甲', '优秀'], ['预备甲', '预备党员，不定等次']]);
    expect(v.lines[3].votes).toEqual({ 优秀: 4, 合格: 1, 基本合格: 0, 不合格: 0 });
    expect(v.findings).toContain('正式丁未参加评议：病假住院');
    expect(v.findings.some((f) => f.startsWith('正式丙评为不合格'))).toBe(true);
    expect(v.formalMembers).toBe(4);
    const yr = await yearRatings(l.ctx.db, 2026);
    expect(yr).toHaveLength(5);
    expect(yr.find((r) => r.memberId === formalIds[3])).toEqual({ branchId, memberId: formalIds[3], grade: null, tookPart: false });
    expect(yr.find((r) => r.memberId === probIds[0])).toEqual({ branchId, memberId: probIds[0], grade: null, tookPart: true });
    expect(await heldBranches(l.ctx.db, 2026)).toEqual(new Set([branchId]));
    expect(await heldBranches(l.ctx.db, 2025)).toEqual(new Set());
    // deleted: no longer held
    await l.call('evaluation/delete', { id: v.id! });
    expect(await heldBranches(l.ctx.db, 2026)).toEqual(new Set());
    expect(await yearRatings(l.ctx.db, 2026)).toEqual([]);
  });

  it('refuses a member who took no part without a reason, more votes than valid ballots, and a future date', async () => {
    const { l, branchId, formalIds } = await branchWith(3, 0);
    const noReason = rate(formalIds, 0).map((x, i) => (i === 1 ? { ...x, grade: null, tookPart: false } : x));
    expect((await failure(save(l, branchId, noReason))).message).toBe('请填写正式乙未参加评议的原因');
    const tooMany = rate(formalIds, 0).map((x, i) => (i === 0 ? { ...x, votes: { 优秀: 3, 合格: 1 } } : x));
    const e = await failure(save(l, branchId, tooMany, { ballotsIssued: 4, ballotsReturned: 4, ballotsInvalid: 1, ballotsBlank: 0 }));
    expect([e.message, e.field]).toEqual(['正式甲的测评票数合计4票，不能多于有效测评表3份', 'ratings.0.votes']);
    expect((await failure(save(l, branchId, rate(formalIds, 0), { heldOn: '2026-12-01' }))).field).toBe('heldOn');
    expect((await failure(save(l, branchId, rate(formalIds, 0), { ballotsIssued: 3, ballotsReturned: 4 }))).field).toBe('ballotsReturned');
  });

  it('keeps the grade scheme as versions with sources, the three-grade one unchecked and older', () => {
    expect(GRADE_SCHEMES.map((s) => [s.version, s.values.grades.join('/'), s.verified])).toEqual([['2018-三等次', '优秀/合格/不合格', false], ['四等次', '优秀/合格/基本合格/不合格', false]]);
    expect(gradeSchemeOn('2026-11-16').version).toBe('四等次');
    expect(gradeSchemeOn('2018-06-01').version).toBe('2018-三等次');
  });
});

describe('restoring a deleted evaluation', () => {
  it('refuses when the branch has a newer evaluation of that year, naming branch, year and what to do; nothing is written', async () => {
    const { l, branchId, formalIds } = await branchWith(3, 0);
    const first = await save(l, branchId, rate(formalIds, 1));
    await l.call('evaluation/delete', { id: first.id });
    const second = await save(l, branchId, rate(formalIds, 0), { heldOn: '2026-11-20' });
    const audits = async () => Number((await l.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await audits();
    const err = await failure(l.call('recycle/restore', { table: 'evaluations', id: first.id }));
    expect(err.message).toMatch(/^不能恢复：\S*党支部2026年已有一次民主评议（2026-11-20召开），每个支部每年只记一次。/);
    expect(err.message).toContain('回收站里的这一次（2026-11-16召开）');
    expect(err.message).toContain('请先在“民主评议党员”页删除现有的那一次');
    expect(err.message).not.toMatch(/UNIQUE|constraint/i);
    expect(await audits()).toBe(before);
    expect((await l.call('evaluation/show', { year: 2026, branchId })).id).toBe(second.id);
    // once the newer one is deleted, the old one comes back
    await l.call('evaluation/delete', { id: second.id });
    await l.call('recycle/restore', { table: 'evaluations', id: first.id });
    expect((await l.call('evaluation/show', { year: 2026, branchId })).id).toBe(first.id);
    await l.close();
  });
});
