/** 理论学习中心组 and 第一议题 (issue 13 items 1–2): the 落实率, the 中心组 figures, the plan's progress, the 缺第一议题 finding. */
import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau } from '../support/bureau.ts';
import { rateOf, rateText, topicStatus } from '../../core/study/model.ts';

const CG = '理论学习中心组学习';
const PEOPLE = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九'];

async function session(l: TestLedger, orgId: string, heldOn: string, present: number, extra: Record<string, unknown> = {}) {
  const attendance = PEOPLE.map((memberName, i) => ({ memberName, status: i < present ? '出席' : '请假', reason: i < present ? null : '公出' }));
  return l.call('activities/create', { orgId, type: CG, heldOn, startTime: '14:30', endTime: '17:00', attendance, ...extra } as never);
}

const ft = (title: string) => ({ title, on: '2026-01-05', source: '新华社通稿', how: '原文学习' });

describe('第一议题 落实率', () => {
  it('3 of 4 is 75%; no meetings is null, shown "—" and never 100%', () => {
    expect(rateOf(3, 4)).toBe(75);
    expect(rateOf(4, 4)).toBe(100);
    expect(rateOf(2, 3)).toBe(66.7);
    expect(rateOf(0, 0)).toBeNull();
    expect(rateText(null)).toBe('—');
    expect(rateText(75)).toBe('75%');
  });

  it('counts the 中心组 sessions, their 参学人次 and the 专题研讨 apart; the rate over the covered types', async () => {
    const l = await testLedger({ today: '2026-07-10' });
    const b = await bureau(l);
    await session(l, b.rootId, '2026-01-20', 9, { firstTopic: ft('甲') });
    await session(l, b.rootId, '2026-03-20', 8, { firstTopic: ft('乙') });
    await session(l, b.rootId, '2026-05-20', 8);
    await session(l, b.rootId, '2026-06-20', 8, { firstTopic: ft('丙') });
    const s = await l.call('study/stats', { from: '2026-01-01', to: '2026-06-30' });
    expect(s.centralGroup).toEqual({ sessions: 4, attendances: 33, seminars: 0 });
    expect(s.firstTopic).toMatchObject({ meetings: 4, withFirstTopic: 3, rate: 75 });
    expect(s.sentences[0]).toBe('中心组集中学习4次，累计参学33人次');
    expect(s.sentences[2]).toBe('“第一议题”落实率75%');

    await session(l, b.rootId, '2026-07-08', 7, { studyForm: '专题研讨', firstTopic: ft('丁') });
    const all = await l.call('study/stats', { from: '2026-01-01', to: '2026-07-31' });
    expect(all.centralGroup).toEqual({ sessions: 4, attendances: 33, seminars: 1 });
    expect(all.firstTopic.rate).toBe(80);
    expect(all.sentences[1]).toBe('开展专题研讨1次');

    const empty = await l.call('study/stats', { from: '2025-01-01', to: '2025-12-31' });
    expect(empty.firstTopic).toMatchObject({ meetings: 0, withFirstTopic: 0, rate: null });
    expect(empty.sentences[2]).toBe('“第一议题”落实率—');
    expect((await failure(l.call('study/stats', { from: '2026-07-01', to: '2026-06-01' }))).message).toContain('结束日期不能早于开始日期');
  });

  it('the check reports the 党委会 and 中心组学习 without a 第一议题; a branch meeting is not covered by default', async () => {
    const l = await testLedger({ today: '2026-07-10' });
    const b = await bureau(l);
    const missing = await session(l, b.rootId, '2026-05-20', 8);
    await session(l, b.rootId, '2026-06-20', 8, { firstTopic: ft('丙') });
    await l.call('activities/create', { orgId: b.rootId, type: '党委会', heldOn: '2026-06-02', attendance: [] } as never);
    await l.call('activities/create', { orgId: b.branchId, type: '支部委员会', heldOn: '2026-06-03', attendance: [] } as never);
    const f = (await l.call('activities/check', { year: 2026 })).filter((x) => x.status === 'first-topic');
    expect(f.map((x) => x.message)).toEqual([`${b.committeeName}2026年5月20日的${CG}未记录第一议题`, `${b.committeeName}2026年6月2日的党委会未记录第一议题`]);
    expect(f[0].activityIds).toEqual([missing.id]);
    expect((await l.call('activities/first-topic-gaps', { year: 2026 })).map((g) => g.activityId)).toEqual([missing.id, f[1].activityIds[0]]);
    // the covered types are a setting: adding 支部委员会 brings the branch meeting in; an unknown type is refused
    expect((await l.call('study/first-topic-types', {})).types).toEqual(['党委会', CG]);
    await l.call('study/set-first-topic-types', { types: ['党委会', CG, '支部委员会'] });
    expect((await l.call('activities/first-topic-gaps', { year: 2026 })).map((g) => g.type)).toEqual([CG, '党委会', '支部委员会']);
    expect((await l.call('study/stats', { from: '2026-01-01', to: '2026-12-31' })).firstTopic).toMatchObject({ meetings: 4, withFirstTopic: 1, rate: 25 });
    expect((await failure(l.call('study/set-first-topic-types', { types: ['茶话会'] }))).message).toContain('“茶话会”不是活动类型');
    expect((await failure(l.call('activities/create', { orgId: b.branchId, type: '党委会', heldOn: '2026-06-03', attendance: [] } as never))).message).toContain('党委会请选择党委');
  });
});

describe('学习安排', () => {
  it('a topic is done once a record covers it, due in its month, overdue after it (pinned today)', () => {
    expect(topicStatus(2026, 3, true, '2026-05-15')).toBe('done');
    expect(topicStatus(2026, 4, false, '2026-05-15')).toBe('overdue');
    expect(topicStatus(2026, 5, false, '2026-05-15')).toBe('due');
    expect(topicStatus(2026, 6, false, '2026-05-15')).toBe('planned');
    // 个人自学 has no meeting to prove it: from its month on it is 个人自学, never overdue; a linked record still makes it done
    expect(topicStatus(2026, 4, false, '2026-05-15', '个人自学')).toBe('self');
    expect(topicStatus(2026, 5, false, '2026-05-15', '个人自学')).toBe('self');
    expect(topicStatus(2026, 6, false, '2026-05-15', '个人自学')).toBe('planned');
    expect(topicStatus(2026, 4, true, '2026-05-15', '个人自学')).toBe('done');
  });

  it('adds, reorders and links topics; progress counts done, due and overdue', async () => {
    const l = await testLedger({ today: '2026-05-15' });
    const b = await bureau(l);
    const add = (title: string, month: number) => l.call('study/topic-add', { year: 2026, title, month, form: '集中学习', lead: '党委书记' });
    const t3 = await add('专题三', 3);
    const t4 = await add('专题四', 4);
    const t5 = await add('专题五', 5);
    const t6 = await add('专题六', 6);
    expect([t3.seq, t6.seq]).toEqual([1, 4]);
    const rec = await session(l, b.rootId, '2026-03-18', 8, { planTopicId: t3.id, firstTopic: ft('甲') });
    const p = await l.call('study/plan', { year: 2026 });
    expect(p.topics.map((t) => t.status)).toEqual(['done', 'overdue', 'due', 'planned']);
    expect(p.counts).toEqual({ done: 1, due: 1, overdue: 1, planned: 1, self: 0 });
    expect(p.topics[0].records).toEqual([{ id: rec.id, heldOn: '2026-03-18', type: CG, topic: null }]);

    const re = await l.call('study/topic-reorder', { year: 2026, ids: [t6.id, t5.id, t4.id, t3.id] });
    expect(re.map((t) => `${t.seq}${t.title}`)).toEqual(['1专题六', '2专题五', '3专题四', '4专题三']);
    expect((await failure(l.call('study/topic-reorder', { year: 2026, ids: [t6.id] }))).message).toContain('全部 4 个专题');
    expect((await failure(l.call('study/topic-delete', { id: t3.id }))).message).toContain('已有学习记录关联');
    expect((await failure(l.call('study/topic-add', { year: 2026, title: '错', month: 13, form: '集中学习' }))).message).toContain('计划月份');
    const t25 = await l.call('study/topic-add', { year: 2025, title: '去年', month: 3, form: '个人自学' });
    expect((await failure(session(l, b.rootId, '2026-04-18', 8, { planTopicId: t25.id }))).message).toContain('属于2025年学习安排');
  });
});
