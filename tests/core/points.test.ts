/** 党员积分: caps and plus/minus (pure), each ledger-earned item from a known ledger, entries and approval, exclusions, ranks, the scheme's versions, 评先树优. */
import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { base64 } from '../support/workbooks.ts';
import { plainWorkbook } from '../support/score-workbooks.ts';
import { setSetting } from '../../core/settings/service.ts';
import { ranks, scoreMember, type Fact } from '../../core/points/score.ts';
import { EXAMPLE_SCHEME, type PointsItem } from '../../core/points/scheme.ts';
import { honoursList } from '../../core/points/queries.ts';

const item = (over: Partial<PointsItem>): PointsItem => ({ key: 'x', group: '组织生活', name: '参加三会一课', points: 3, cap: 12, source: { kind: 'meeting', types: ['党课'] }, basis: '测试', ...over });
const meet = (date: string, type = '党课'): Fact => ({ kind: 'meeting', type, date, id: date, text: date });

describe('points arithmetic', () => {
  it('applies the yearly cap in date order: 3 each to 12, then 0 marked capped; a cap of 10 gives the last line 1', () => {
    const facts = ['2026-05-01', '2026-01-01', '2026-03-01', '2026-02-01', '2026-04-01'].map((d) => meet(d));
    const s = scoreMember(60, [item({})], facts);
    expect(s.lines.map((l) => [l.date, l.awarded, l.capped])).toEqual([
      ['2026-01-01', 3, false], ['2026-02-01', 3, false], ['2026-03-01', 3, false], ['2026-04-01', 3, false], ['2026-05-01', 0, true],
    ]);
    expect(s).toMatchObject({ total: 72, plus: 12, minus: 0 });
    const ten = scoreMember(60, [item({ cap: 10 })], facts);
    expect(ten.lines.map((l) => l.awarded)).toEqual([3, 3, 3, 1, 0]);
    expect(ten.lines[3].capped).toBe(true);
    expect(scoreMember(60, [item({ cap: null })], facts).total).toBe(75);
  });

  it('minus items take away up to their cap; an entry not approved is shown and counts 0; other types do not match', () => {
    const items = [item({}), item({ key: 'd', group: '纪律', name: '批评教育', points: -5, cap: 8, source: { kind: 'entry' } })];
    const facts: Fact[] = [
      meet('2026-01-05'), meet('2026-01-06', '主题党日'),
      { kind: 'entry', itemKey: 'd', points: -5, approved: true, date: '2026-02-01', id: 'e1', text: 'a' },
      { kind: 'entry', itemKey: 'd', points: -5, approved: true, date: '2026-03-01', id: 'e2', text: 'b' },
      { kind: 'entry', itemKey: 'd', points: -5, approved: false, date: '2026-04-01', id: 'e3', text: 'c' },
    ];
    const s = scoreMember(60, items, facts);
    expect(s.lines.map((l) => [l.itemKey, l.awarded, l.counted])).toEqual([['x', 3, true], ['d', -5, true], ['d', -3, true], ['d', 0, false]]);
    expect(s).toMatchObject({ plus: 3, minus: 8, total: 55, pending: 1, byGroup: { 组织生活: 3, 纪律: -8 } });
  });

  it('ranks equal totals together (1, 1, 3) and leaves the unscored out', () => {
    const rows = [{ t: 80 }, { t: 90 }, { t: 90 }, { t: null }];
    const r = ranks(rows, (x) => x.t);
    expect(rows.map((x) => r.get(x) ?? null)).toEqual([3, 1, 1, null]);
  });

  it('the example scheme is marked as local practice, unverified, with base 60 and the guide\'s 学习 / 组织生活 values', () => {
    expect(EXAMPLE_SCHEME.verified).toBe(false);
    expect(EXAMPLE_SCHEME.source).toMatch(/^示例（本地做法）/);
    expect(EXAMPLE_SCHEME.values.base).toBe(60);
    const v = Object.fromEntries(EXAMPLE_SCHEME.values.items.map((i) => [i.key, [i.points, i.cap]]));
    expect([v.study, v.sanhui, v.theme]).toEqual([[2, 12], [3, 12], [2, 8]]);
    for (const i of EXAMPLE_SCHEME.values.items) expect(i.basis).toMatch(/未核实|无出处/);
  });
});

async function meeting(l: TestLedger, orgId: string, heldOn: string, type: string, absent: string[] = []) {
  const list = await l.call('activities/suggest-attendance', { orgId, type, heldOn });
  const attendance = list.map((a) => (absent.includes(a.memberName) ? { ...a, status: '缺席' as const, reason: '无故' } : a));
  const host = list[0].memberName;
  return l.call('activities/create', { orgId, type, heldOn, startTime: null, endTime: null, attendance, hostName: host, recorderName: host, topic: `${type}${heldOn}`, speaker: host });
}

/** A known ledger: one branch, 甲 (正式), 乙 (预备), 丙 (离退休), 丁 (借调 by exclusion). */
async function known() {
  const l = await testLedger({ today: '2026-11-28' });
  const { branchId } = await bureau(l, { branches: [{ establishedOn: '2000-01-01', termStartOn: null }] });
  const a = await member(l, branchId, { name: '党员甲', joinDate: '2010-05-01', fullDate: '2011-05-01' });
  const b = await member(l, branchId, { name: '党员乙', partyStatus: '预备', joinDate: '2026-01-10', fullDate: null });
  const c = await member(l, branchId, { name: '党员丙', category: '离退休', birthDate: '1950-03-01', joinDate: '1980-05-01', fullDate: '1981-05-01' });
  const d = await member(l, branchId, { name: '党员丁', joinDate: '2012-05-01', fullDate: '2013-05-01' });
  return { l, branchId, a, b, c, d };
}

const of = async (l: TestLedger, name: string, year = 2026) => {
  const m = (await l.call('points/year', { year, lines: true })).members.find((x) => x.name === name);
  if (!m) throw new Error(`no ${name}`);
  // the total (from SQLite's counts) is the base plus every line read one by one
  if (!m.excluded) expect(m.total).toBe(m.base + (m.lines ?? []).reduce((s, x) => s + x.awarded, 0));
  return m;
};
const lines = (m: Awaited<ReturnType<typeof of>>, key: string) => (m.lines ?? []).filter((x) => x.itemKey === key);

describe('points earned from the ledger', () => {
  it('meetings attended (出席 only, per type), capped; the source names the meeting', async () => {
    const { l, branchId } = await known();
    for (const d of ['2026-02-10', '2026-03-10', '2026-04-10', '2026-05-10', '2026-06-10']) await meeting(l, branchId, d, '党课', d === '2026-02-10' ? ['党员乙'] : []);
    await meeting(l, branchId, '2026-03-20', '主题党日');
    await meeting(l, branchId, '2025-12-20', '主题党日');
    const a = await of(l, '党员甲');
    expect(lines(a, 'sanhui').map((x) => x.awarded)).toEqual([3, 3, 3, 3, 0]);
    expect(lines(a, 'sanhui')[0].source).toMatchObject({ kind: 'meeting', text: expect.stringContaining('2026-02-10') });
    expect(lines(a, 'sanhui')[0].source.text).toContain('党课');
    expect(lines(a, 'theme').map((x) => x.awarded)).toEqual([2]);
    const b = await of(l, '党员乙');
    // 缺席 at the first 党课: four attended, 12 exactly, nothing capped
    expect(lines(b, 'sanhui').map((x) => [x.awarded, x.capped])).toEqual([[3, false], [3, false], [3, false], [3, false]]);
    expect(b.byGroup.组织生活).toBe(14);
  });

  it('dues paid on time and in full, per month; a 补交 after the month earns nothing', async () => {
    const { l, a } = await known();
    await l.call('dues/assess-save', { year: 2026, entries: [{ memberId: a.id, baseFen: 510000 }] });
    await l.call('dues/pay', { memberId: a.id, months: ['2026-01', '2026-02', '2026-03'], paidOn: '2026-01-10', method: '转账' });
    await l.call('dues/pay', { memberId: a.id, months: ['2026-04'], paidOn: '2026-05-10', method: '转账', payKind: '补交' });
    const m = await of(l, '党员甲');
    expect(lines(m, 'dues').map((x) => [x.date, x.awarded])).toEqual([['2026-01-10', 1], ['2026-01-10', 1], ['2026-01-10', 1]]);
    expect(lines(m, 'dues')[0].source.text).toContain('2026-01 党费');
    expect(m.byGroup.党费).toBe(3);
  });

  it('学时 reached gives its points once; short gives none', async () => {
    const { l, a, b } = await known();
    await l.call('hours/add-training', { memberId: a.id, kind: '网络培训', startOn: '2026-06-10', hours: 32, title: '网络专题培训' });
    await l.call('hours/add-training', { memberId: b.id, kind: '网络培训', startOn: '2026-06-10', hours: 31.5, title: '网络专题培训' });
    expect(lines(await of(l, '党员甲'), 'hours')).toEqual([expect.objectContaining({ awarded: 4, source: expect.objectContaining({ kind: 'hours', text: '2026年学时 32，应达 32' }) })]);
    expect(lines(await of(l, '党员乙'), 'hours')).toEqual([]);
  });

  it('a test passed at exactly the pass mark earns; 59.5 does not', async () => {
    const { l } = await known();
    await l.call('tests/import', { fileName: 'a.xlsx', contentBase64: base64(await plainWorkbook([{ name: '党员甲', score: 60, department: '机关' }, { name: '党员乙', score: 59.5, department: '机关' }])), name: '全员普测', date: '2026-04-22', kind: '全员普测' });
    const a = lines(await of(l, '党员甲'), 'test');
    expect(a.map((x) => [x.date, x.awarded])).toEqual([['2026-04-22', 2]]);
    expect(a[0].source.text).toContain('60 分，合格线 60 分');
    expect(lines(await of(l, '党员乙'), 'test')).toEqual([]);
  });

  it('the 民主评议 grade: 优秀 +5, 基本合格 −10; 预备党员 (no grade) nothing', async () => {
    const { l, branchId, a, b, c, d } = await known();
    const line = (memberId: string, grade: '优秀' | '合格' | '基本合格' | null) => ({ memberId, grade, tookPart: true, absenceReason: null, problems: null });
    await l.call('evaluation/save', { year: 2026, branchId, heldOn: '2026-11-16', note: null, ratings: [line(a.id, '优秀'), line(b.id, null), line(c.id, '合格'), line(d.id, '基本合格')] });
    expect(lines(await of(l, '党员甲'), 'excellent')).toEqual([expect.objectContaining({ awarded: 5, source: expect.objectContaining({ kind: 'rating', text: '2026年民主评议党员：优秀' }) })]);
    expect(lines(await of(l, '党员丁'), 'rating-low').map((x) => x.awarded)).toEqual([-10]);
    expect((await of(l, '党员丁')).byGroup.纪律).toBe(-10);
    const pb = await of(l, '党员乙');
    expect(pb.lines!.filter((x) => x.source.kind === 'rating')).toEqual([]);
  });
});

describe('entries, approval, exclusions, ranks', () => {
  it('an entry counts once the 支委会 approved it; the approval names date and meeting; bad entries are refused', async () => {
    const { l, branchId, a, b } = await known();
    const { d } = await l.call('points/year', { year: 2026 }).then((y) => ({ d: y.members.find((m) => m.name === '党员丁')! }));
    await l.call('org/roles/add', { orgId: branchId, memberId: a.id, role: '书记', startOn: '2025-03-01' });
    await l.call('org/roles/add', { orgId: branchId, memberId: d.memberId, role: '组织委员', startOn: '2025-03-01' });
    const committee = await meeting(l, branchId, '2026-05-20', '支部委员会');
    const { id } = await l.call('points/add-entry', { memberId: a.id, itemKey: 'honour', onDate: '2026-05-08', reason: '获个人嘉奖' });
    let m = await of(l, '党员甲');
    expect(m).toMatchObject({ pending: 1, byGroup: { 作用发挥: 0 } });
    expect(lines(m, 'honour')[0]).toMatchObject({ counted: false, awarded: 0, points: 5, source: { text: '获个人嘉奖；未经支委会审核，不计分' } });
    expect((await failure(l.call('points/approve', { id, approvedOn: '2026-05-01', approvalRef: '5月支委会' }))).message).toContain('早于事项日期');
    const party = await meeting(l, branchId, '2026-05-21', '支部党员大会');
    expect((await failure(l.call('points/approve', { id, approvedOn: '2026-05-21', approvalRef: '党员大会', approvalActivityId: party.id }))).message).toContain('应为支部委员会');
    await l.call('points/approve', { id, approvedOn: '2026-05-20', approvalRef: '2026年5月支部委员会', approvalActivityId: committee.id });
    m = await of(l, '党员甲');
    expect(lines(m, 'honour')[0]).toMatchObject({ counted: true, awarded: 5, source: { text: '获个人嘉奖；支委会审核：2026-05-20 2026年5月支部委员会' } });
    expect(m.pending).toBe(0);
    // a minus item, entered with its approval at once
    await l.call('points/add-entry', { memberId: a.id, itemKey: 'discipline', onDate: '2026-06-01', reason: '批评教育', approval: { approvedOn: '2026-06-02', approvalRef: '6月支委会' } });
    m = await of(l, '党员甲');
    // the 支部党员大会 above is one of the 三会一课: 3 more
    expect(m).toMatchObject({ plus: 8, minus: 5, total: 63, byGroup: { 作用发挥: 5, 纪律: -5, 组织生活: 3 } });
    const e1 = await failure(l.call('points/add-entry', { memberId: b.id, itemKey: 'sanhui', onDate: '2026-05-08', reason: 'x' }));
    expect([e1.field, e1.message]).toEqual(['itemKey', '“参加三会一课”由台账自动计分，不能登记']);
    const e2 = await failure(l.call('points/add-entry', { memberId: b.id, itemKey: 'honour', onDate: '2026-05-08', points: 6, reason: 'x' }));
    expect([e2.field, e2.message]).toEqual(['points', '“受到表彰奖励”每次最多 5 分']);
    expect((await failure(l.call('points/add-entry', { memberId: b.id, itemKey: 'honour', onDate: '2026-12-01', reason: 'x' }))).field).toBe('onDate');
    await l.call('points/unapprove', { id });
    expect((await of(l, '党员甲')).pending).toBe(1);
    expect(await l.call('points/entries', { year: 2026, pending: true })).toHaveLength(1);
  });

  it('leaves out 离退休 by category and 借调 by exclusion, 预备党员 by setting; ranks the rest', async () => {
    const { l, branchId, a, d } = await known();
    await meeting(l, branchId, '2026-03-20', '主题党日', ['党员乙']);
    await l.call('points/exclude', { memberId: d.id, year: 2026, reason: '借调', note: '借调市局' });
    expect((await failure(l.call('points/exclude', { memberId: a.id, year: 2026, reason: '出差' }))).field).toBe('reason');
    const y = await l.call('points/year', { year: 2026 });
    const row = (n: string) => y.members.find((m) => m.name === n)!;
    expect(row('党员丙')).toMatchObject({ excluded: '离退休', rankInBranch: null });
    expect(row('党员丁')).toMatchObject({ excluded: '借调', rankInBureau: null });
    expect(row('党员甲')).toMatchObject({ excluded: null, total: 62, rankInBranch: 1, rankInBureau: 1 });
    expect(row('党员乙')).toMatchObject({ excluded: null, total: 60, rankInBranch: 2 });
    expect(honoursList(y).map((m) => m.name)).toEqual(['党员甲', '党员乙']);
    await setSetting(l.ctx.db, l.ctx, 'points.honours', { mode: 'threshold', count: 3, threshold: 61, scope: 'bureau' });
    expect((await l.call('points/honours', { year: 2026 })).members.map((m) => m.name)).toEqual(['党员甲']);
    await setSetting(l.ctx.db, l.ctx, 'points.includeProbationary', false);
    expect((await of(l, '党员乙')).excluded).toBe('预备党员');
    await l.call('points/exclude', { memberId: d.id, year: 2026, reason: null });
    expect((await of(l, '党员丁')).excluded).toBeNull();
  });

  it('the 党委\'s scheme is a new version from its date; the example still scores the years before', async () => {
    const { l } = await known();
    const items = EXAMPLE_SCHEME.values.items.map((i) => ({ ...i }));
    const saved = await l.call('points/scheme-save', { effectiveFrom: '2026-01-01', source: '本单位规定：分局党委《党员积分管理办法》（2026）', base: 70, items });
    expect(saved.inForce).toMatchObject({ version: '1', example: false, verified: true, values: { base: 70 } });
    expect(saved.versions.map((v) => v.example)).toEqual([true, false]);
    expect((await of(l, '党员甲')).base).toBe(70);
    expect((await l.call('points/year', { year: 2025 })).scheme).toMatchObject({ example: true, base: 60 });
    const bad = await failure(l.call('points/scheme-save', { effectiveFrom: '2027-01-01', source: 'x', base: 70, items: [{ ...items[0], source: { kind: 'meeting', types: ['茶话会'] } }] }));
    expect(bad.message).toContain('“茶话会”不是组织生活类型');
    const dup = await failure(l.call('points/scheme-save', { effectiveFrom: '2027-01-01', source: 'x', base: 70, items: [items[0], items[0]] }));
    expect(dup.message).toContain('项目编号重复');
  });
});
