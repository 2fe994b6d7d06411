/**
 * 评星定级 (star-rating.md): the bands at every bound of the example scheme, a band whose required
 * indicator is missing, exclusive bounds, a veto, the 五星 quota with both tie rules, the scheme's
 * checks, and each ledger-fed indicator from a known ledger (pinned to 2026-11-28).
 */
import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { EXAMPLE_SCHEME, parseScheme } from '../../core/stars/scheme.ts';
import { bandStars, rate } from '../../core/stars/rating.ts';
import { schemeValuesSchema, type StarScheme } from '../../core/stars/model.ts';

const S = EXAMPLE_SCHEME.values;
const withInnovation = new Set(['innovation']);
const none = new Set<string>();

describe('star bands (example: 5★ ≥ 90 with a 党建创新项目, 4★ [80, 90), 3★ [70, 80), 2★ [60, 70), 1★ < 60)', () => {
  it.each([
    [1000, 5], [900, 5], [899, 4], [800, 4], [799, 3], [700, 3], [699, 2], [600, 2], [599, 1], [0, 1],
  ])('%i tenths → %i stars', (score, stars) => {
    expect(bandStars(S, score, withInnovation).stars).toBe(stars);
  });

  it('95 without a 党建创新项目 is 四星, and says why', () => {
    const r = bandStars(S, 950, none);
    expect(r.stars).toBe(4);
    expect(r.reasons[0]).toBe('分数达到五星，但党建创新项目无得分，降一档');
  });

  it('an exclusive lower bound: 90 is not 五星 when the band is "above 90"', () => {
    const s: StarScheme = { ...S, bands: S.bands.map((b) => (b.stars === 5 ? { ...b, minInclusive: false } : b.stars === 4 ? { ...b, maxInclusive: true } : b)) };
    expect(bandStars(s, 900, withInnovation).stars).toBe(4);
    expect(bandStars(s, 901, withInnovation).stars).toBe(5);
  });

  it('overlapping bands are refused, naming the bands', () => {
    const bad = { ...S, bands: S.bands.map((b) => (b.stars === 4 ? { ...b, maxInclusive: true } : b)) };
    const r = schemeValuesSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('五星与四星的分数段重叠，请写明边界是否包含'.replace('五星', '5星').replace('四星', '4星'));
  });
});

describe('veto and quota', () => {
  const input = (id: string, score: number, caps: { name: string; maxStars: number }[] = []) => ({ branchId: id, score, scored: withInnovation, vetoCaps: caps });

  it('a one-vote veto caps a 95 at 二星', () => {
    const [r] = rate(S, [input('a', 950, [{ name: '被确定为软弱涣散基层党组织', maxStars: 2 }])]);
    expect(r).toMatchObject({ bandStars: 5, stars: 2 });
    expect(r.reasons).toEqual(['一票否决：被确定为软弱涣散基层党组织，最高二星']);
  });

  it('五星 at most 30%: of 10 branches 3; the lowest-scoring 五星 beyond it goes to 四星', () => {
    const scores = [990, 980, 970, 950, 850, 850, 850, 850, 850, 850];
    const r = rate(S, scores.map((s, i) => input(`b${i}`, s)));
    expect(r.map((x) => x.stars)).toEqual([5, 5, 5, 4, 4, 4, 4, 4, 4, 4]);
    expect(r[3].reasons[0]).toBe('五星名额不超过30%（10个支部至多3个），按得分排在名额之外，降为四星');
  });

  it('tie at the cut, demote-all (the example\'s rule): both tied at the cut go down, the quota is never exceeded', () => {
    const scores = [990, 980, 950, 950, 850, 850, 850, 850, 850, 850];
    const r = rate(S, scores.map((s, i) => input(`b${i}`, s)));
    expect(r.map((x) => x.stars).slice(0, 4)).toEqual([5, 5, 4, 4]);
    expect(r[2].reasons[0]).toContain('与名额外第一名同分，一并降星');
  });

  it('tie at the cut, keep-all: both tied stay, the quota is exceeded by the tie', () => {
    const s: StarScheme = { ...S, quotas: [{ stars: 5, maxPercent: 30, tie: 'keep-all' }] };
    const scores = [990, 980, 950, 950, 940, 850, 850, 850, 850, 850];
    const r = rate(s, scores.map((v, i) => input(`b${i}`, v)));
    expect(r.map((x) => x.stars).slice(0, 5)).toEqual([5, 5, 5, 5, 4]);
  });
});

describe('the scheme as a file', () => {
  it('exports, imports as the unit\'s version, refuses a bad file naming the field, never overwrites the example', async () => {
    const l = await testLedger();
    const file = await l.call('stars/scheme-export', { year: 2026 });
    const v = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8'));
    expect(v.values.note).toBe('示例（本地做法，需按本单位考核办法调整）');
    expect(v.verified).toBe(false);
    const mine = { ...v, version: '2026本单位', effectiveFrom: '2026-01-01', source: '本单位规定：分局党委党建工作考核办法' };
    mine.values.quotas[0].maxPercent = 20;
    const enc = (o: unknown) => ({ fileName: 's.json', contentBase64: Buffer.from(JSON.stringify(o)).toString('base64') });
    expect((await l.call('stars/scheme-import', enc(mine))).version).toBe('2026本单位');
    expect((await l.call('stars/schemes', { year: 2026 })).inForce).toBe('2026本单位');
    expect((await l.call('stars/schemes', { year: 2025 })).inForce).toBe('示例');
    const bad = structuredClone(mine);
    bad.values.groups[0].indicators[0].max = 'x';
    expect((await failure(l.call('stars/scheme-import', enc(bad)))).message).toMatch(/^方案文件有误：.*满分应为分数.*values\.groups\.0\.indicators\.0\.max/);
    expect((await failure(l.call('stars/scheme-import', enc({ ...v })))).message).toContain('“示例”是内置方案，不能覆盖');
    expect(() => parseScheme('{')).toThrow('方案文件不是有效的 JSON');
  });
});

const TODAY = '2026-11-28';

async function known(): Promise<{ l: TestLedger; a: string; b: string; m: { id: string }[] }> {
  const l = await testLedger({ today: TODAY });
  const bu = await bureau(l, { branches: [{ termStartOn: '2025-03-01' }, { termStartOn: '2020-01-01' }] });
  const [a, b] = bu.branchIds;
  const m = [await member(l, a, { name: '甲' }), await member(l, a, { name: '乙' })];
  await member(l, b, { name: '丙' });
  return { l, a, b, m };
}

async function meeting(l: TestLedger, orgId: string, type: string, heldOn: string) {
  const attendance = await l.call('activities/suggest-attendance', { orgId, type, heldOn });
  const host = attendance[0].memberName;
  return l.call('activities/create', { orgId, type, heldOn, startTime: '09:00', endTime: '10:00', attendance, hostName: host, recorderName: attendance[1]?.memberName ?? host, topic: '会议', speaker: host });
}

const line = async (l: TestLedger, branchId: string, key: string) => (await l.call('stars/sheet', { year: 2026, branchId })).lines.find((x) => x.key === key)!;

describe('indicators scored from the ledger', () => {
  it('换届 on time: a term due 2028 scores 5, one due 2023 scores 0 and says so', async () => {
    const { l, a, b } = await known();
    expect(await line(l, a, 'term')).toMatchObject({ points: 5, fact: '本届自2025-03-01起，任期 3 年，2028-03-01届满，按期', source: 'term' });
    expect(await line(l, b, 'term')).toMatchObject({ points: 0, fact: '本届自2020-01-01起，任期 3 年，应于2023-01-01换届，截至2026-11-28未换届' });
  });

  it('三会一课 from the compliance calendar', async () => {
    const { l, a } = await known();
    const before = await line(l, a, 'meetings');
    expect(before.points).toBe(0);
    const due = Number(/到期应开展的三会一课 (\d+) 项/.exec(before.fact)![1]);
    expect(due).toBe(16); // 支部委员会 Jan–Oct, 支部党员大会 and 党课 Q1–Q3
    await meeting(l, a, '支部党员大会', '2026-02-15');
    await meeting(l, a, '党课', '2026-03-10');
    expect(await line(l, a, 'meetings')).toMatchObject({ points: 0.5, fact: expect.stringContaining('按期开展 2 项（12.5%）') });
  });

  it('民主评议 held: the evaluation area\'s record of the year (heldBranches)', async () => {
    const { l, a, b, m } = await known();
    expect(await line(l, a, 'evaluation')).toMatchObject({ points: 0, fact: '2026年尚未登记民主评议党员' });
    const ratings = m.map((x) => ({ memberId: x.id, grade: '合格' as const, tookPart: true, absenceReason: null, problems: null }));
    await l.call('evaluation/save', { year: 2026, branchId: a, heldOn: '2026-11-16', note: null, ratings, ballotsIssued: null, ballotsReturned: null, ballotsInvalid: null, ballotsBlank: null });
    expect(await line(l, a, 'evaluation')).toMatchObject({ points: 2, fact: '2026年已开展民主评议党员并登记评议结果' });
    expect((await line(l, b, 'evaluation')).points).toBe(0);
  });

  it('党费: months over and paid within their month count; 补交 and unpaid do not', async () => {
    const { l, a, m } = await known();
    await l.call('dues/assess-save', { year: 2026, entries: m.map((x) => ({ memberId: x.id, baseFen: 500_000 })) });
    for (let i = 1; i <= 10; i++) {
      const mo = `2026-${String(i).padStart(2, '0')}`;
      await l.call('dues/pay', { memberId: m[0].id, months: [mo], paidOn: `${mo}-10`, method: '现金' });
    }
    await l.call('dues/pay', { memberId: m[1].id, months: ['2026-01', '2026-02'], paidOn: '2026-02-10', method: '现金', consentRef: '支委会同意补交' });
    // 甲 10 of 10 on time, 乙 only February on time (January is 补交): 11 of 20
    expect(await line(l, a, 'dues')).toMatchObject({ points: 2.8, fact: '应缴党费 20 人次·月，按月缴纳 11 人次·月（按月缴纳率 55%）' });
  });

  it('学时 rate: one of two members at 32 学时', async () => {
    const { l, a, m } = await known();
    await l.call('hours/add-training', { memberId: m[0].id, kind: '网络培训', startOn: '2026-06-10', hours: 32, title: '网络专题培训' });
    expect(await line(l, a, 'hours')).toMatchObject({ points: 1, fact: '党员 2 人，学时达标 1 人（50%）' });
  });

  it('archive completeness is the inspection checklist\'s own percentage', async () => {
    const { l, a } = await known();
    const pct = (await l.call('inspect/check', { year: 2026 })).orgs.find((o) => o.orgId === a)!.percent;
    expect(await line(l, a, 'archive')).toMatchObject({ points: Math.round(20 * (pct / 100)) / 10, fact: expect.stringContaining(`完整率 ${pct}%`) });
  });

  it('发展党员 without an irregularity scores 5', async () => {
    const { l, a } = await known();
    expect(await line(l, a, 'development')).toMatchObject({ points: 5, fact: '发展党员规则检查未发现不规范问题' });
  });

  it('整改 from the 整改台账 (tests/core/secretary-indicators.test.ts has its cases); a ledger-fed indicator cannot be scored by hand', async () => {
    const { l, a } = await known();
    expect(await line(l, a, 'rectification')).toMatchObject({ points: 5, pending: false, fact: '整改台账中没有责任单位为本支部的整改事项，按满分计' });
    expect((await failure(l.call('stars/save-entry', { year: 2026, branchId: a, kind: 'indicator', itemKey: 'dues', points: 5, evidence: 'x' }))).message).toBe('“党费收缴”由台账自动计分，不能手工评分');
    expect((await failure(l.call('stars/save-entry', { year: 2026, branchId: a, kind: 'indicator', itemKey: 'work', points: 20.5, evidence: 'x' }))).message).toBe('得分应在 0 至 20 分之间（“中心工作和业务工作实绩”满分 20 分）');
    expect((await failure(l.call('stars/save-entry', { year: 2026, branchId: a, kind: 'indicator', itemKey: 'work', points: 10, evidence: ' ' }))).field).toBe('evidence');
  });

  it('a deduction and a veto entered by hand lower the score and cap the stars', async () => {
    const { l, a } = await known();
    for (const i of EXAMPLE_SCHEME.values.groups.flatMap((g) => g.indicators).filter((x) => x.source === 'hand'))
      await l.call('stars/save-entry', { year: 2026, branchId: a, kind: 'indicator', itemKey: i.key, points: i.max, evidence: '考评组评定' });
    const full = await l.call('stars/sheet', { year: 2026, branchId: a });
    expect(full.score).toBeGreaterThanOrEqual(92);
    // two branches: 30% leaves no 五星 place (floor 0.6), so the quota takes it to 四星
    expect(full).toMatchObject({ bandStars: 5, stars: 4, reasons: ['五星名额不超过30%（2个支部至多0个），按得分排在名额之外，降为四星'] });
    const s0 = full.score;
    await l.call('stars/save-entry', { year: 2026, branchId: a, kind: 'deduction', itemKey: 'late-report', times: 2, evidence: '通报文件' });
    await l.call('stars/save-entry', { year: 2026, branchId: a, kind: 'veto', itemKey: 'weak', evidence: '区委组织部认定文件' });
    const s = await l.call('stars/sheet', { year: 2026, branchId: a });
    expect(Math.round((s0 - s.score) * 10)).toBe(20);
    expect(s).toMatchObject({ vetoed: true, deductions: [{ name: '未按时报送党建材料', times: 2, points: 2 }] });
    expect(s).toMatchObject({ bandStars: 5, stars: 2, reasons: ['一票否决：被确定为软弱涣散基层党组织，最高二星'] });
  });
});
