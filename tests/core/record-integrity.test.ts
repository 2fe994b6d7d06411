/**
 * Meeting records that cannot contradict themselves (issue 10 §1): each check
 * at its boundary through the handlers on a real ledger, the check command's
 * findings for stored records, the posts as held on the meeting day, 补记 after
 * the grace days, and the demo bureau without a single record-integrity finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { judgeRecord } from '../../core/activities/integrity.ts';
import { offRosterReason } from '../../core/activities/roster.ts';
import { isLateEntry } from '../../core/activities/model.ts';

type Att = { memberId: string | null; memberName: string; partyStatus: '正式' | '预备'; status: '出席' | '请假' | '公出' | '病假' | '缺席'; late: boolean; leftEarly: boolean; reason: string | null; writtenOpinion: boolean };

let l: TestLedger;
let branchId: string;
let groupId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  l = await testLedger({ today: '2026-11-28' });
  const b = await bureau(l, { branches: [{ establishedOn: '2000-01-01', termStartOn: null }] });
  branchId = b.branchId;
  groupId = (await l.call('org/create', { parentId: branchId, kind: '党小组', name: '第一党小组', establishedOn: '2000-01-01' })).id;
  for (const name of ['张书记', '李委员', '王委员', '赵党员', '钱党员']) ids[name] = (await member(l, branchId, { name, groupId: name === '钱党员' ? null : groupId })).id;
  for (const [name, role] of [['张书记', '书记'], ['李委员', '组织委员'], ['王委员', '宣传委员']] as const)
    await l.call('org/roles/add', { orgId: branchId, memberId: ids[name], role, startOn: '2024-01-10' });
  await l.call('org/roles/add', { orgId: groupId, memberId: ids['赵党员'], role: '组长', startOn: '2024-01-10' });
}, 60_000);
afterAll(() => l?.close());

const roster = (type: string, heldOn: string, g: string | null = null) => l.call('activities/suggest-attendance', { orgId: branchId, type, heldOn, groupId: g }) as Promise<Att[]>;
const names = (a: Att[]) => a.map((e) => e.memberName);
const set = (a: Att[], name: string, status: Att['status']) => a.map((e) => (e.memberName === name ? { ...e, status, reason: status === '出席' ? null : '事由' } : e));

async function create(over: Record<string, unknown>) {
  return l.call('activities/create', { orgId: branchId, type: '支部党员大会', heldOn: '2026-06-10', hostName: '张书记', recorderName: '李委员', ...over } as never) as Promise<{ id: string; hostPost: string | null; recorderPost: string | null }>;
}

describe('host and recorder', () => {
  it('refuses a host or a recorder who is not present, names them and the field; present is fine', async () => {
    const att = await roster('支部党员大会', '2026-06-10');
    for (const status of ['缺席', '请假', '公出', '病假'] as const) {
      const e = await failure(create({ attendance: set(att, '张书记', status) }));
      expect(e.message).toBe(`主持人“张书记”在出席名单中为${status}：主持人须出席会议，请更正主持人或其出席情况`);
      expect(e.field).toBe('hostName');
    }
    const r = await failure(create({ attendance: set(att, '李委员', '请假') }));
    expect(r.message).toMatch(/^记录人“李委员”在出席名单中为请假/);
    expect(r.field).toBe('recorderName');
    // someone else absent: saved
    const ok = await create({ attendance: set(att, '钱党员', '请假') });
    expect(ok.hostPost).toBe('书记');
    await l.call('activities/delete', { id: ok.id });
  });

  it('shows the finding before saving (activities/integrity), without saving', async () => {
    const att = set(await roster('支部党员大会', '2026-06-10'), '李委员', '公出');
    const r = await l.call('activities/integrity', { orgId: branchId, type: '支部党员大会', heldOn: '2026-06-10', hostName: '张书记', recorderName: '李委员', attendance: att } as never);
    expect(r.findings.map((f) => [f.level, f.code])).toEqual([['refuse', 'recorder-absent']]);
    expect(r.recorderPost).toBe('组织委员');
    expect(await l.call('activities/list', { from: '2026-06-10', to: '2026-06-10' })).toHaveLength(0);
  });
});

describe('host and recorder to start from', () => {
  it('are the posts of the day; the recorder is a present committee member (组织委员 first), never an absent one', async () => {
    const q = { orgId: branchId, type: '支部党员大会', heldOn: '2026-06-10' };
    const att = await roster(q.type, q.heldOn);
    expect(await l.call('activities/suggest-people', { ...q, attendance: att })).toEqual({ hostName: '张书记', hostPost: '书记', recorderName: '李委员', recorderPost: '组织委员' });
    expect(await l.call('activities/suggest-people', { ...q, attendance: set(att, '李委员', '请假') })).toEqual({ hostName: '张书记', hostPost: '书记', recorderName: '王委员', recorderPost: '宣传委员' });
    expect((await l.call('activities/suggest-people', { ...q, attendance: set(set(att, '李委员', '请假'), '王委员', '公出') })).recorderName).toBeNull();
    // before the committee's term began there is nobody to suggest
    expect(await l.call('activities/suggest-people', { ...q, heldOn: '2023-12-01', attendance: [] })).toEqual({ hostName: null, hostPost: null, recorderName: null, recorderPost: null });
    // a 党小组会 is hosted by its 组长
    const g = await roster('党小组会', '2026-06-20', groupId);
    expect(await l.call('activities/suggest-people', { orgId: branchId, groupId, type: '党小组会', heldOn: '2026-06-20', attendance: g })).toMatchObject({ hostName: '赵党员', hostPost: '组长', recorderName: '李委员' });
  });
});

describe('one person at two meetings at once', () => {
  it('refuses an overlap by a minute, accepts meetings that touch end to start', async () => {
    const att = await roster('支部党员大会', '2026-07-01');
    const first = await create({ heldOn: '2026-07-01', startTime: '09:00', endTime: '11:00', attendance: att });
    const lesson = { type: '党课', heldOn: '2026-07-01', topic: '党课', speaker: '张书记', attendance: att };
    const e = await failure(create({ ...lesson, startTime: '10:59', endTime: '12:00' }));
    expect(e.message).toMatch(/^“张书记”同一时间出席了.*7月1日的支部党员大会（09:00—11:00），两次会议时间重叠/);
    const touching = await create({ ...lesson, startTime: '11:00', endTime: '12:00' });
    // the same person absent from the other meeting is no overlap; another day neither
    const other = await create({ ...lesson, type: '主题党日', startTime: '08:30', endTime: '10:30', attendance: set(set(att, '钱党员', '出席'), '赵党员', '出席').map((x) => ({ ...x, status: '请假' as const, reason: '值班' })), hostName: null, recorderName: null });
    // editing a record does not collide with itself
    await l.call('activities/update', { id: first.id, orgId: branchId, type: '支部党员大会', heldOn: '2026-07-01', startTime: '09:00', endTime: '10:00', hostName: '张书记', recorderName: '李委员', attendance: att });
    for (const id of [first.id, touching.id, other.id]) await l.call('activities/delete', { id });
  });

  it('compares by name where a list has no member ids', () => {
    const a = { type: '党课', heldOn: '2026-07-02', startTime: '09:00', endTime: null, hostName: null, recorderName: null, content: null, attendance: [{ memberId: null, memberName: '张书记', status: '出席' }] } as never;
    const others = [{ id: 'x', label: '党委7月2日的理论学习中心组学习', startTime: '09:30', endTime: '10:00', present: [{ memberId: 'm1', name: '张书记' }] }];
    const f = judgeRecord(a, { roster: null, offRoster: new Map(), groupMeeting: false, branchRoster: null, committee: null, others });
    expect(f.map((x) => x.code)).toEqual(['overlap']);
    expect(judgeRecord(a, { roster: null, offRoster: new Map(), groupMeeting: false, branchRoster: null, committee: null, others: [{ ...others[0], startTime: '10:00' }] })).toEqual([]);
  });
});

describe('支委会', () => {
  it('refuses fewer than two committee members present, accepts two', async () => {
    const c = await roster('支部委员会', '2026-08-03');
    expect(names(c).sort()).toEqual(['张书记', '李委员', '王委员'].sort());
    const one = c.map((e) => (e.memberName === '张书记' ? e : { ...e, status: '请假' as const, reason: '值班' }));
    const e = await failure(create({ type: '支部委员会', heldOn: '2026-08-03', attendance: one, recorderName: null }));
    expect(e.message).toBe('支部委员会会议到会委员只有 1 人（当日支委：张书记（书记）、李委员（组织委员）、王委员（宣传委员）），不足 2 人不能召开支委会');
    const two = c.map((e) => (e.memberName === '王委员' ? { ...e, status: '请假' as const, reason: '值班' } : e));
    const ok = await create({ type: '支部委员会', heldOn: '2026-08-03', attendance: two });
    await l.call('activities/delete', { id: ok.id });
  });

  it('warns (does not refuse) "与会同志逐一发言" with one person present', async () => {
    const one = (await roster('支部党员大会', '2026-08-05')).map((e) => (e.memberName === '张书记' ? e : { ...e, status: '请假' as const, reason: '值班' }));
    const input = { orgId: branchId, type: '支部党员大会', heldOn: '2026-08-05', hostName: '张书记', recorderName: null, attendance: one, content: '围绕议题，与会同志逐一发言。' };
    const r = await l.call('activities/integrity', input as never);
    expect(r.findings.map((f) => [f.level, f.code])).toEqual([['warn', 'collective-speech']]);
    const two = await l.call('activities/integrity', { ...input, attendance: set(one, '李委员', '出席') } as never);
    expect(two.findings).toEqual([]);
    const saved = await create({ ...input });
    await l.call('activities/delete', { id: saved.id });
  });
});

describe('the 应到 list is the roster on the meeting day', () => {
  it('lists a 预备党员 from the day of acceptance, not the day before', async () => {
    const p = await member(l, branchId, { name: '孙预备', joinDate: '2026-10-22', fullDate: null, partyStatus: '预备' });
    expect(names(await roster('支部党员大会', '2026-10-21'))).not.toContain('孙预备');
    const on = await roster('支部党员大会', '2026-10-22');
    expect(on.find((e) => e.memberName === '孙预备')?.partyStatus).toBe('预备');
    // listed the day before: refused, with the reason
    const before = await roster('支部党员大会', '2026-10-21');
    const e = await failure(create({ heldOn: '2026-10-21', attendance: [...before, { ...on.find((x) => x.memberName === '孙预备')!, memberId: p.id }] }));
    expect(e.message).toBe('应到名单中的“孙预备”于会议当日2026年10月22日才接收为预备党员，不应列入（列席人员请填入“列席人员”）');
    // left out after acceptance: refused, naming them
    const later = await roster('支部党员大会', '2026-11-02');
    const m = await failure(create({ heldOn: '2026-11-02', attendance: later.filter((x) => x.memberName !== '孙预备') }));
    expect(m.message).toBe('会议当日在册的“孙预备”未列入应到名单（未到会的请标明缺席、请假等情况）');
    expect(m.field).toBe('attendance');
    const ok = await create({ heldOn: '2026-11-02', attendance: later });
    await l.call('activities/delete', { id: ok.id });
  });

  it('lists a member transferred in from the transfer date, not from the (earlier) join date', async () => {
    await l.call('transfers/in', {
      mode: 'new', branchId, letterNo: '2026018', fromOrg: '中共某分局某党支部', letterDate: '2026-08-30', transferDate: '2026-09-01',
      member: { ...(await import('../support/bureau.ts')).memberInput({ name: '周转入', joinDate: '2012-07-01', fullDate: '2013-07-01' }) },
    } as never);
    expect(names(await roster('支部党员大会', '2026-08-31'))).not.toContain('周转入');
    expect(names(await roster('支部党员大会', '2026-09-01'))).toContain('周转入');
    const aug = await roster('支部党员大会', '2026-09-01');
    const e = await failure(create({ heldOn: '2026-08-31', attendance: aug }));
    expect(e.message).toBe('应到名单中的“周转入”于会议当日2026年9月1日才转入本支部，不应列入（列席人员请填入“列席人员”）');
  });

  it('keeps a member who left until the day before leaving, not on the day', async () => {
    const gone = await member(l, branchId, { name: '吴离开' });
    const listed = await roster('支部党员大会', '2026-11-10');
    await l.call('members/leave', { id: gone.id, leftType: '去世', leftDate: '2026-11-10', leftReason: null });
    expect(names(await roster('支部党员大会', '2026-11-09'))).toContain('吴离开');
    expect(names(await roster('支部党员大会', '2026-11-10'))).not.toContain('吴离开');
    const e = await failure(create({ heldOn: '2026-11-10', attendance: listed }));
    expect(e.message).toBe('应到名单中的“吴离开”于会议当日已于2026年11月10日去世，不应列入（列席人员请填入“列席人员”）');
    const before = await create({ heldOn: '2026-11-09', attendance: await roster('支部党员大会', '2026-11-09') });
    await l.call('activities/delete', { id: before.id });
  });

  it('judges a rejoined member by both periods on the branch (转出, then 转入 again)', () => {
    const p = { id: 'm', name: '甲', branchId: 'b', groupId: null, joinDate: '2010-01-01', fullDate: '2011-01-01', partyStatus: '正式', leftType: null, leftDate: null, moves: [{ direction: '转出' as const, date: '2025-03-01' }, { direction: '转入' as const, date: '2026-02-01' }] };
    expect(offRosterReason(p, '2025-02-28')).toBeNull();
    expect(offRosterReason(p, '2025-03-01')).toBe('已于2025年3月1日转出');
    expect(offRosterReason(p, '2026-01-31')).toBe('已于2025年3月1日转出');
    expect(offRosterReason(p, '2026-02-01')).toBeNull();
  });

  it('a 党小组会 lists the group; a member not on the branch roster is refused, one outside the group only warned', async () => {
    const g = await roster('党小组会', '2026-06-20', groupId);
    expect(names(g)).not.toContain('钱党员');
    const base = { orgId: branchId, groupId, type: '党小组会', heldOn: '2026-06-20', hostName: '赵党员', recorderName: '王委员' };
    const all = await roster('支部党员大会', '2026-06-20');
    const r = await l.call('activities/integrity', { ...base, attendance: [...g, all.find((e) => e.memberName === '钱党员')!] } as never);
    expect(r.findings.map((f) => [f.level, f.code, f.person])).toEqual([['warn', 'roster-extra', '钱党员']]);
    // the 组长 is printed as 组长, from the roles table of that day
    expect(r.hostPost).toBe('组长');
    const saved = await create({ ...base, attendance: g, hostPost: '书记' });
    expect(saved.hostPost).toBe('组长');
    expect(saved.recorderPost).toBe('宣传委员');
    await l.call('activities/delete', { id: saved.id });
  });

  it('an empty attendance list is not judged against the roster', async () => {
    const r = await l.call('activities/integrity', { orgId: branchId, type: '支部党员大会', heldOn: '2026-06-11', attendance: [] } as never);
    expect(r.findings).toEqual([]);
  });
});

describe('the check reports stored records that contradict themselves, and changes nothing', () => {
  it('finds a host marked absent in a record written before the check existed', async () => {
    const att = await roster('支部党员大会', '2026-05-12');
    const a = await create({ heldOn: '2026-05-12', attendance: att });
    await l.ctx.db.updateTable('activity_attendance').set({ status: '缺席' }).where('activity_id', '=', a.id).where('member_name', '=', '张书记').execute();
    const findings = (await l.call('activities/check', { year: 2026 })).filter((f) => f.status === 'record-integrity');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/2026年5月12日的支部党员大会：主持人“张书记”在出席名单中为缺席/);
    expect(findings[0].severity).toBe('high');
    expect(findings[0].activityIds).toEqual([a.id]);
    const stored = await l.call('activities/get', { id: a.id });
    expect(stored.attendance.find((e) => e.memberName === '张书记')?.status).toBe('缺席');
    await l.call('activities/delete', { id: a.id });
    expect((await l.call('activities/check', { year: 2026 })).filter((f) => f.status === 'record-integrity')).toEqual([]);
  });
});

describe('补记', () => {
  it('is a record entered more than 7 days (the default) after the meeting', async () => {
    expect((await l.call('activities/rules', {})).lateEntryGraceDays).toBe(7);
    expect(isLateEntry('2026-11-01', '2026-11-02', 7)).toBe(false);
    expect(isLateEntry('2026-11-01', '2026-11-08', 7)).toBe(false);
    expect(isLateEntry('2026-11-01', '2026-11-09', 7)).toBe(true);
    expect(isLateEntry('2026-11-01', '2026-11-12', 7)).toBe(true);
    // through the ledger: today is 2026-11-28
    for (const [heldOn, late] of [['2026-11-27', false], ['2026-11-21', false], ['2026-11-20', true], ['2026-11-17', true]] as const) {
      const a = await create({ type: '党课', topic: `党课${heldOn}`, heldOn, attendance: [], hostName: null, recorderName: null });
      expect((await l.call('activities/get', { id: a.id })).late, heldOn).toBe(late);
      await l.call('activities/delete', { id: a.id });
    }
  });
});

describe('the demo bureau', () => {
  it('has no record-integrity finding in either year, and shows the cases of the issue right', async () => {
    const d = await testLedger({ demo: true, today: '2026-11-28' });
    try {
      for (const year of [2025, 2026]) expect((await d.call('activities/check', { year })).filter((f) => f.status === 'record-integrity').map((f) => f.message)).toEqual([]);
      const db = d.ctx.db;
      const attended = async (name: string) =>
        db.selectFrom('activity_attendance as t').innerJoin('activities as a', 'a.id', 't.activity_id').select(['a.held_on', 'a.type', 'a.org_id']).where('t.member_name', '=', name).where('a.deleted_at', 'is', null).execute();
      // 沈俊杰, accepted as 预备党员, is due at every later roster meeting of the branch, never before
      const shen = await db.selectFrom('members').select(['join_date', 'branch_id']).where('name', '=', '沈俊杰').executeTakeFirstOrThrow();
      const shenIn = await attended('沈俊杰');
      expect(shenIn.length).toBeGreaterThan(0);
      expect(shenIn.every((a) => a.held_on >= shen.join_date)).toBe(true);
      const later = await db.selectFrom('activities').select('id').where('org_id', '=', shen.branch_id).where('held_on', '>=', shen.join_date).where('type', 'in', ['支部党员大会', '党课', '主题党日', '政治学习日', '组织生活会', '民主评议党员']).execute();
      expect(shenIn.filter((a) => a.type !== '党小组会')).toHaveLength(later.length);
      // 欧阳晓峰, transferred in, not before the transfer date
      const moved = await db.selectFrom('transfers').select('transfer_date').where('member_name', '=', '欧阳晓峰').executeTakeFirstOrThrow();
      const ouyang = await attended('欧阳晓峰');
      expect(ouyang.length).toBeGreaterThan(0);
      expect(ouyang.every((a) => a.held_on >= moved.transfer_date)).toBe(true);
      // posts as held: 党小组会 hosts are 组长, nobody hard-coded as 书记 who is not
      const groupHosts = await db.selectFrom('activities').select('host_post').where('type', '=', '党小组会').execute();
      expect(new Set(groupHosts.map((r) => r.host_post))).toEqual(new Set(['组长']));
    } finally {
      d.close();
    }
  }, 120_000);

  it('is built relative to the pinned day: no finding on another day either (early January)', async () => {
    const d = await testLedger({ demo: true, today: '2027-01-12' });
    try {
      for (const year of [2026, 2027]) expect((await d.call('activities/check', { year })).filter((f) => f.status === 'record-integrity').map((f) => f.message)).toEqual([]);
    } finally {
      d.close();
    }
  }, 120_000);
});
