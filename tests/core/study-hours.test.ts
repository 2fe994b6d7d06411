/** 学时: the study.md 8.6 vectors, a member who joined mid-year, meeting hours by time or a fixed number, the check and the home item from October. */
import { describe, expect, it } from 'vitest';
import { testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { setSetting } from '../../core/settings/service.ts';
import { NATIONAL_HOURS } from '../../core/hours/rules.ts';
import { tenthsOfMinutes } from '../../core/hours/model.ts';

async function ledger(today = '2026-11-28') {
  const l = await testLedger({ today });
  const { branchId, rootId } = await bureau(l, { branches: [{ establishedOn: '2000-01-01', termStartOn: null }] });
  return { l, branchId, rootId };
}

const train = (l: TestLedger, memberId: string, hours: number, kind: '集中培训' | '网络培训' = '网络培训', startOn = '2026-06-10') =>
  l.call('hours/add-training', { memberId, kind, startOn, hours, title: kind === '集中培训' ? '全局党员集中轮训' : '网络专题培训' });

const hoursOf = async (l: TestLedger, name: string, year = 2026) => {
  const m = (await l.call('hours/year', { year })).members.find((x) => x.name === name);
  if (!m) throw new Error(`no ${name}`);
  return m;
};

async function meeting(l: TestLedger, orgId: string, heldOn: string, startTime: string | null, endTime: string | null, type = '党课') {
  const attendance = await l.call('activities/suggest-attendance', { orgId, type, heldOn });
  const host = attendance[0].memberName;
  return l.call('activities/create', { orgId, type, heldOn, startTime, endTime, attendance, hostName: host, recorderName: attendance[1]?.memberName ?? host, topic: '专题党课', speaker: host });
}

describe('学时 rules (study.md 8.1, 8.6)', () => {
  it('cites 32 to the 条例 第二十条 and 56 to the 2019—2023 规划, flagged for re-checking, never as 2024–2028', () => {
    expect(NATIONAL_HOURS.values.memberBasis).toContain('《中国共产党党员教育管理工作条例》第二十条');
    expect(NATIONAL_HOURS.values.leaderBasis).toContain('《2019—2023年全国党员教育培训工作规划》');
    expect(NATIONAL_HOURS.values.leaderPending).toBe('规划期已结束，待核对');
    expect(JSON.stringify(NATIONAL_HOURS)).not.toMatch(/2024/);
    expect([NATIONAL_HOURS.values.memberTenths, NATIONAL_HOURS.values.leaderTenths]).toEqual([320, 560]);
  });

  it('31.5 is short, 32 meets (inclusive), 8 sessions × 4 is 32', async () => {
    const { l, branchId } = await ledger();
    const a = await member(l, branchId, { name: '党员甲' });
    const b = await member(l, branchId, { name: '党员乙' });
    await member(l, branchId, { name: '党员丙' });
    await train(l, a.id, 31.5);
    await train(l, b.id, 30);
    await train(l, b.id, 2);
    expect(await hoursOf(l, '党员甲')).toMatchObject({ totalTenths: 315, requiredTenths: 320, short: true, shortReason: '31.5 学时，不足 32 学时（差 0.5）' });
    expect(await hoursOf(l, '党员乙')).toMatchObject({ totalTenths: 320, short: false, shortReason: '' });
    // 党课 at a fixed 4 学时 a meeting: 8 of them
    await setSetting(l.ctx.db, l.ctx, 'hours.meetingTypes', { 党课: 4 });
    for (let i = 0; i < 8; i++) await meeting(l, branchId, `2026-0${1 + i}-15`, null, null);
    const c = await hoursOf(l, '党员丙');
    expect(c).toMatchObject({ meetings: 8, meetingTenths: 320, totalTenths: 320, short: false });
  });

  it('a secretary needs 56 with at least one 集中培训; a committee member at 55.5 is short although over 32', async () => {
    const { l, branchId } = await ledger();
    const sec = await member(l, branchId, { name: '书记甲' });
    const com = await member(l, branchId, { name: '委员乙' });
    await l.call('org/roles/add', { orgId: branchId, memberId: sec.id, role: '书记', startOn: '2025-03-01' });
    await l.call('org/roles/add', { orgId: branchId, memberId: com.id, role: '组织委员', startOn: '2025-03-01' });
    await train(l, sec.id, 56);
    const s0 = await hoursOf(l, '书记甲');
    expect(s0).toMatchObject({ role: '书记', totalTenths: 560, requiredTenths: 560, centralTrainings: 0, short: true });
    expect(s0.shortReason).toBe('书记须至少参加 1 次集中培训，已参加 0 次');
    expect(s0.posts).toEqual(['刑侦大队党支部书记']);
    // the same 56, one of them a 集中培训
    const list = await l.call('hours/trainings', { year: 2026 });
    await l.call('hours/delete-training', { id: list[0].id });
    await train(l, sec.id, 48);
    await train(l, sec.id, 8, '集中培训');
    expect(await hoursOf(l, '书记甲')).toMatchObject({ totalTenths: 560, centralTrainings: 1, short: false });
    await train(l, com.id, 47.5);
    await train(l, com.id, 8, '集中培训');
    const c = await hoursOf(l, '委员乙');
    expect(c).toMatchObject({ role: '委员', totalTenths: 555, requiredTenths: 560, centralTrainings: 1, short: true, shortReason: '55.5 学时，不足 56 学时（差 0.5）' });
  });

  it('a post ended mid-year counts with "any time in the year", not with "on 12-31"', async () => {
    const { l, branchId } = await ledger();
    const m = await member(l, branchId, { name: '原委员' });
    const { id } = await l.call('org/roles/add', { orgId: branchId, memberId: m.id, role: '宣传委员', startOn: '2024-03-01' });
    await l.call('org/roles/end', { id, endOn: '2026-05-01' });
    await train(l, m.id, 40);
    expect(await hoursOf(l, '原委员')).toMatchObject({ role: '委员', requiredTenths: 560, short: true });
    await setSetting(l.ctx.db, l.ctx, 'hours.roleDate', 'yearEnd');
    expect(await hoursOf(l, '原委员')).toMatchObject({ role: '党员', requiredTenths: 320, short: false });
  });

  it('a member who joined mid-year is held to the full 32 (no pro-rating) and shows the join date', async () => {
    const { l, branchId } = await ledger();
    const m = await member(l, branchId, { name: '新党员', joinDate: '2026-06-01', fullDate: null, partyStatus: '预备' });
    await train(l, m.id, 20, '网络培训', '2026-07-01');
    expect(await hoursOf(l, '新党员')).toMatchObject({ joinDate: '2026-06-01', joinedInYear: true, totalTenths: 200, requiredTenths: 320, short: true });
    // a unit that pro-rates: June to December is 7 months of 32 → 18.7
    await setSetting(l.ctx.db, l.ctx, 'hours.prorate', true);
    expect(await hoursOf(l, '新党员')).toMatchObject({ requiredTenths: 187, short: false });
    // not on the roster of the year before
    expect((await l.call('hours/year', { year: 2025 })).members.map((x) => x.name)).not.toContain('新党员');
  });

  it('meeting hours from start and end time (1 学时 an hour, half-up to a tenth), or a fixed number per type', async () => {
    expect([tenthsOfMinutes(90, 60), tenthsOfMinutes(45, 60), tenthsOfMinutes(40, 60), tenthsOfMinutes(135, 45)]).toEqual([15, 8, 7, 30]);
    const { l, branchId } = await ledger();
    for (const n of ['甲', '乙', '丙']) await member(l, branchId, { name: `党员${n}` });
    await meeting(l, branchId, '2026-03-10', '14:30', '16:00');
    await meeting(l, branchId, '2026-04-10', '09:00', '11:15', '主题党日');
    await meeting(l, branchId, '2026-05-10', null, null);
    // a 支部委员会 is not a counted type
    const m = await hoursOf(l, '党员甲');
    expect(m).toMatchObject({ meetings: 3, meetingTenths: 15 + 23, untimedMeetings: 1 });
    await setSetting(l.ctx.db, l.ctx, 'hours.meetingTypes', { 党课: 2, 主题党日: 'time' });
    expect(await hoursOf(l, '党员甲')).toMatchObject({ meetings: 3, meetingTenths: 20 + 23 + 20, untimedMeetings: 0 });
  });

  it('the settings page saves how meetings count (hours/settings-save), refusing an unknown type or two decimals with the field named', async () => {
    const { l, branchId } = await ledger();
    await member(l, branchId, { name: '党员甲' });
    await meeting(l, branchId, '2026-03-10', '14:30', '16:00');
    const s = await l.call('hours/settings', {});
    expect(s).toMatchObject({ meetingTypes: { 党课: 'time' }, minutesPerHour: 60, roleDate: 'any', prorate: false });
    expect(s.choices).toContain('支部委员会');
    expect((await hoursOf(l, '党员甲')).meetingTenths).toBe(15);
    await l.call('hours/settings-save', { meetingTypes: { 党课: 3.5 }, minutesPerHour: 45, roleDate: 'yearEnd', prorate: false });
    expect((await hoursOf(l, '党员甲')).meetingTenths).toBe(35);
    await expect(l.call('hours/settings-save', { meetingTypes: { 打球: 2 }, minutesPerHour: 60, roleDate: 'any', prorate: false })).rejects.toThrow('“打球”不是组织生活类型');
    await expect(l.call('hours/settings-save', { meetingTypes: { 党课: 2.25 }, minutesPerHour: 60, roleDate: 'any', prorate: false })).rejects.toThrow(/党课.*最多保留一位小数/);
    await expect(l.call('hours/settings-save', { meetingTypes: { 党课: 'time' }, minutesPerHour: 10, roleDate: 'any', prorate: false })).rejects.toThrow(/每学时分钟数.*不能少于 30 分钟/);
    // nothing of a refused save was kept
    expect((await l.call('hours/settings', {})).meetingTypes).toEqual({ 党课: 3.5 });
  });

  it('refuses a bad training record with the field named, writing nothing', async () => {
    const { l, branchId } = await ledger();
    const m = await member(l, branchId, { name: '党员甲' });
    await expect(l.call('hours/add-training', { memberId: m.id, kind: '集中培训', startOn: '2026-06-01', hours: 8.25, title: 'x' })).rejects.toThrow(/学时.*最多保留一位小数/);
    await expect(l.call('hours/add-training', { memberId: m.id, kind: '集中培训', startOn: '2026-12-01', hours: 8, title: 'x' })).rejects.toThrow(/晚于今天/);
    await expect(l.call('hours/add-training', { memberId: m.id, kind: '集中培训', startOn: '2025-12-30', endOn: '2026-01-02', hours: 8, title: 'x' })).rejects.toThrow(/跨年度/);
    expect(await l.call('hours/trainings', { year: 2026 })).toEqual([]);
  });
});

describe('学时 in the check and on the home page', () => {
  it('from October on: each short member a warning in the check, and one summarized to-do linking to the short members', async () => {
    const { l, branchId } = await ledger('2026-11-28');
    const a = await member(l, branchId, { name: '党员甲' });
    const b = await member(l, branchId, { name: '党员乙' });
    await train(l, a.id, 40);
    await train(l, b.id, 10);
    const findings = (await l.call('activities/check', { year: 2026 })).filter((f) => f.status === 'study-hours');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'medium', branch: '刑侦大队党支部', message: expect.stringContaining('党员乙（党员）2026年学时未达要求：10 学时，不足 32 学时') });
    expect(findings[0].rule.basis).toContain('第二十条');
    const todo = (await l.call('desk/todo', {})).items.filter((i) => i.id.startsWith('hours:'));
    expect(todo).toEqual([expect.objectContaining({ title: '1 名党员2026年学时未达要求', link: { path: '/hours', query: { year: '2026', short: '1' } } })]);
  });

  it('not before October', async () => {
    const { l, branchId } = await ledger('2026-09-30');
    await member(l, branchId, { name: '党员甲' });
    expect((await l.call('activities/check', { year: 2026 })).filter((f) => f.status === 'study-hours')).toEqual([]);
    expect((await l.call('desk/todo', {})).items.filter((i) => i.id.startsWith('hours:'))).toEqual([]);
    // a year that has ended is judged whole
    expect((await l.call('activities/check', { year: 2025 })).filter((f) => f.status === 'study-hours')).toHaveLength(1);
  });
});
