import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { failure, tempDir, testLedger, type TestLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { assessQuorum } from '../../common/quorum.ts';
import type { AttendanceEntry } from '../../core/activities/model.ts';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { invokeHandler, type AnyHandler } from '../../core/handler.ts';
import { handlers } from '../../core/api.ts';

const people = (formal: number, probationary = 0): AttendanceEntry[] => [
  ...Array.from({ length: formal }, (_, i) => ({ memberId: `f${i}`, memberName: `正式${i}`, partyStatus: '正式' as const, status: '缺席' as const, late: false, leftEarly: false, reason: null, writtenOpinion: false })),
  ...Array.from({ length: probationary }, (_, i) => ({ memberId: `p${i}`, memberName: `预备${i}`, partyStatus: '预备' as const, status: '缺席' as const, late: false, leftEarly: false, reason: null, writtenOpinion: false })),
];
const attend = (list: AttendanceEntry[], formalPresent: number, probationaryPresent = 0): AttendanceEntry[] => {
  let f = 0;
  let p = 0;
  return list.map((a) => {
    const here = a.partyStatus === '正式' ? f++ < formalPresent : p++ < probationaryPresent;
    return { ...a, status: here ? '出席' : '请假' };
  });
};

describe('quorum rules', () => {
  const meeting = (type: string, attendance: AttendanceEntry[], decisionKind: '一般' | '发展党员' | '选举' = '一般', votes: { for: number; against?: number; abstain?: number }[] = []) => ({
    type,
    decisionKind,
    attendance,
    votes: votes.map((v) => ({ subject: '事项', method: '举手表决', for: v.for, against: v.against ?? 0, abstain: v.abstain ?? 0 })),
  });

  it('支部党员大会: "半数以上" of voting members due; exactly half counts by default, not when the unit says otherwise', () => {
    expect(assessQuorum(meeting('支部党员大会', attend(people(16), 8))).met).toBe(true);
    expect(assessQuorum(meeting('支部党员大会', attend(people(16), 8)), { halfInclusive: false }).met).toBe(false);
    expect(assessQuorum(meeting('支部党员大会', attend(people(16), 7))).met).toBe(false);
    expect(assessQuorum(meeting('支部党员大会', attend(people(15), 8))).required).toBe(8);
  });

  it('发展党员: strictly more than half (16 due: 8 may not meet, 9 may; 15 due: at least 8)', () => {
    expect(assessQuorum(meeting('支部党员大会', attend(people(16), 8), '发展党员')).met).toBe(false);
    expect(assessQuorum(meeting('支部党员大会', attend(people(16), 9), '发展党员')).met).toBe(true);
    expect(assessQuorum(meeting('支部党员大会', attend(people(15), 8), '发展党员')).met).toBe(true);
    expect(assessQuorum(meeting('支部党员大会', attend(people(15), 7), '发展党员')).met).toBe(false);
  });

  it('预备党员 count as attending but not in the voting numbers', () => {
    // 8 formal + 2 probationary due; 4 formal + 2 probationary present: 6 of 10 present, 4 of 8 voting.
    const q = assessQuorum(meeting('支部党员大会', attend(people(8, 2), 4, 2)));
    expect([q.due, q.present, q.dueVoting, q.presentVoting]).toEqual([10, 6, 8, 4]);
    expect(q.met).toBe(true);
    // The same attendance under the 发展党员 rule (超过半数 of the 8 voting) fails, although 6 of 10 are present.
    expect(assessQuorum(meeting('支部党员大会', attend(people(8, 2), 4, 2), '发展党员')).met).toBe(false);
    // Probationary members alone never make a quorum.
    expect(assessQuorum(meeting('支部党员大会', attend(people(4, 4), 1, 4))).met).toBe(false);
  });

  it('written opinions count in the votes, not in attendance; passing needs more than half of those due', () => {
    const list = attend(people(16), 10).map((a, i) => (i === 15 ? { ...a, writtenOpinion: true } : a));
    const q = assessQuorum(meeting('支部党员大会', list, '发展党员', [{ for: 9, against: 2 }, { for: 8, against: 3 }]));
    expect(q.present).toBe(10);
    expect(q.writtenOpinions).toBe(1);
    expect(q.votes.map((v) => [v.needed, v.passed])).toEqual([
      [9, true],
      [9, false],
    ]);
    expect(q.warnings).toEqual([]);
    // more votes than voting members present plus written opinions
    const over = assessQuorum(meeting('支部党员大会', list, '一般', [{ for: 11, against: 1 }]));
    expect(over.warnings.join()).toMatch(/多于/);
    // a written opinion from someone present is flagged
    const odd = assessQuorum(meeting('支部党员大会', list.map((a, i) => (i === 0 ? { ...a, writtenOpinion: true } : a))));
    expect(odd.warnings.join()).toMatch(/书面意见只适用于未到会/);
  });

  it('flags a 预备党员 listed as a member of a 支委会 (no candidacy rights) and an election not held by secret ballot (党章第十一条)', () => {
    const committee = assessQuorum(meeting('支部委员会', attend(people(3, 1), 3, 1)));
    expect(committee.warnings.join()).toContain('预备党员没有被选举权，不能担任支部委员：预备0');
    expect(assessQuorum(meeting('支部委员会', attend(people(3), 3))).warnings).toEqual([]);
    // at a 党员大会 a 预备党员 is simply present without a vote
    expect(assessQuorum(meeting('支部党员大会', attend(people(3, 1), 3, 1))).warnings).toEqual([]);
    const show = { ...meeting('支部党员大会', attend(people(10), 10), '选举', [{ for: 10 }]), votes: [{ subject: '选举支部委员', method: '举手表决', for: 10, against: 0, abstain: 0 }] };
    expect(assessQuorum(show).warnings.join()).toContain('选举应当采用无记名投票');
    expect(assessQuorum({ ...show, votes: [{ ...show.votes[0], method: '无记名投票' }] }).warnings).toEqual([]);
  });

  it('民主生活会 needs two thirds; 选举 more than four fifths; 党课 has no quorum', () => {
    expect(assessQuorum(meeting('民主生活会', attend(people(9), 6))).met).toBe(true);
    expect(assessQuorum(meeting('民主生活会', attend(people(9), 5))).met).toBe(false);
    expect(assessQuorum(meeting('支部党员大会', attend(people(10), 8), '选举')).met).toBe(false);
    expect(assessQuorum(meeting('支部党员大会', attend(people(10), 9), '选举')).met).toBe(true);
    expect(assessQuorum(meeting('党课', attend(people(10), 1))).met).toBeNull();
  });
});

async function branchLedger(today = '2026-11-28') {
  const l = await testLedger({ today });
  const { branchId, rootId } = await bureau(l, { branches: [{ establishedOn: '2000-01-01', termStartOn: null }] });
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    const probationary = i === 5; // 党员己 joined on 2026-03-01
    const m = await member(l, branchId, {
      name: `党员${'甲乙丙丁戊己'[i]}`, birthDate: `198${i}-0${i + 1}-15`,
      joinDate: probationary ? '2026-03-01' : '2010-07-01', fullDate: probationary ? null : '2011-07-01', partyStatus: probationary ? '预备' : '正式',
    });
    ids.push(m.id);
  }
  return { l, branchId, rootId, memberIds: ids };
}

async function record(l: TestLedger, orgId: string, type: string, heldOn: string, over: Record<string, unknown> = {}) {
  const attendance = await l.call('activities/suggest-attendance', { orgId, type, heldOn });
  return l.call('activities/create', { orgId, type, heldOn, attendance, hostName: '党员甲', recorderName: '党员乙', ...over });
}

describe('activity records', () => {
  it('suggests attendance from the roster as at the meeting day, 预备党员 marked, and computes 应到/实到', async () => {
    const { l, branchId } = await branchLedger();
    const before = await l.call('activities/suggest-attendance', { orgId: branchId, type: '支部党员大会', heldOn: '2026-02-10' });
    expect(before).toHaveLength(5); // the probationary member joined on 2026-03-01
    const after = await l.call('activities/suggest-attendance', { orgId: branchId, type: '支部党员大会', heldOn: '2026-06-10' });
    expect(after).toHaveLength(6);
    expect(after.filter((a) => a.partyStatus === '预备').map((a) => a.memberName)).toEqual(['党员己']);
    const att = after.map((a, i) => (i < 3 ? { ...a, status: '请假' as const, reason: '外出办案' } : a));
    const a = await l.call('activities/create', { orgId: branchId, type: '支部党员大会', heldOn: '2026-06-10', attendance: att, agenda: ['通报工作'] });
    // 5 voting due, 2 voting present (+1 预备): below 半数以上
    expect([a.due, a.present, a.quorum.dueVoting, a.quorum.presentVoting, a.quorum.met]).toEqual([6, 3, 5, 2, false]);
    const list = await l.call('activities/list', { orgId: branchId });
    expect(list[0].quorum.met).toBe(false);
  });

  it('keeps the entry day: a record written after the meeting is 补记, and editing does not change it', async () => {
    const { l, branchId } = await branchLedger('2026-05-20');
    const late = await record(l, branchId, '支部委员会', '2026-04-28');
    expect(late.enteredOn).toBe('2026-05-20');
    expect(late.late).toBe(true);
    const same = await record(l, branchId, '支部委员会', '2026-05-20');
    expect(same.late).toBe(false);
    const edited = await l.call('activities/update', { id: late.id, orgId: branchId, type: '支部委员会', heldOn: '2026-04-29', attendance: [] });
    expect(edited.enteredOn).toBe('2026-05-20');
    expect(edited.late).toBe(true);
    const log = await l.call('audit/log', {});
    expect(log.rows.some((r) => r.summary.includes('（补记）'))).toBe(true);
    // a grace period is a unit setting
    await l.call('activities/rules/settings', { lateEntryGraceDays: 30 });
    expect((await l.call('activities/get', { id: late.id })).late).toBe(false);
  });

  it('rejects records of future meetings, bad times, wrong groups and duplicate attendees', async () => {
    const { l, branchId } = await branchLedger();
    expect((await failure(record(l, branchId, '支部委员会', '2026-12-01'))).field).toBe('heldOn');
    expect((await failure(record(l, branchId, '支部委员会', '2026-11-01', { startTime: '10:00', endTime: '09:00' }))).field).toBe('endTime');
    expect((await failure(record(l, branchId, '党小组会', '2026-11-01'))).field).toBe('groupId');
    expect((await failure(record(l, branchId, '茶话会', '2026-11-01'))).field).toBe('type');
    await l.call('activities/rules/settings', { customTypes: ['茶话会'] });
    await record(l, branchId, '茶话会', '2026-11-01');
    const att = await l.call('activities/suggest-attendance', { orgId: branchId, type: '支部党员大会', heldOn: '2026-11-01' });
    expect((await failure(l.call('activities/create', { orgId: branchId, type: '支部党员大会', heldOn: '2026-11-01', attendance: [...att, att[0]] }))).message).toMatch(/重复/);
    expect((await failure(l.call('activities/create', { orgId: branchId, type: '支部党员大会', heldOn: '2026-11-01', startTime: '9点' } as never))).message).toMatch(/开始时间/);
  });

  it('moves a deleted record to the recycle bin and back', async () => {
    const { l, branchId } = await branchLedger();
    const a = await record(l, branchId, '党课', '2026-11-02', { topic: '坚定理想信念', speaker: '党员甲' });
    await l.call('activities/delete', { id: a.id });
    expect(await l.call('activities/list', {})).toHaveLength(0);
    const bin = await l.call('recycle/list', {});
    const item = bin.find((b) => b.id === a.id)!;
    expect(item.label).toContain('党课：坚定理想信念');
    await l.call('recycle/restore', { table: item.table, id: a.id });
    expect(await l.call('activities/list', {})).toHaveLength(1);
    // a kind of record without a recycle bin is named in Chinese, not by its table
    expect((await failure(l.call('recycle/restore', { table: 'settings', id: 'org.unitName' }))).message).toBe('设置不能放入回收站，也不能从回收站恢复');
  });
});

describe('frequency rules and the compliance calendar', () => {
  const cell = (cal: Awaited<ReturnType<TestLedger['call']>> & { cells: { orgId: string; type: string; period: string; status: string }[] }, orgId: string, type: string, period: string) =>
    cal.cells.find((c) => c.orgId === orgId && c.type === type && c.period === period)?.status;

  it('places meetings in their month and quarter across boundaries, and tells held, due, missing and upcoming apart', async () => {
    const { l, branchId } = await branchLedger('2026-04-15');
    await record(l, branchId, '支部委员会', '2026-03-31');
    await record(l, branchId, '支部委员会', '2026-04-01');
    await record(l, branchId, '支部党员大会', '2026-03-31');
    const cal = await l.call('activities/calendar', { year: 2026 });
    const c = (type: string, p: string) => cell(cal as never, branchId, type, p);
    expect(c('支部委员会', '2026-02')).toBe('missing');
    expect(c('支部委员会', '2026-03')).toBe('held');
    expect(c('支部委员会', '2026-04')).toBe('held');
    expect(c('支部委员会', '2026-05')).toBe('upcoming');
    expect(c('支部党员大会', '2026-Q1')).toBe('held');
    expect(c('支部党员大会', '2026-Q2')).toBe('due');
    expect(c('党课', '2026-Q1')).toBe('missing');
    // yearly, "generally in Q4": not due before October
    expect(c('组织生活会', '2026')).toBe('upcoming');
    expect(cell((await l.call('activities/calendar', { year: 2026, asOf: '2026-10-01' })) as never, branchId, '组织生活会', '2026')).toBe('due');
    expect(cell((await l.call('activities/calendar', { year: 2026, asOf: '2027-01-01' })) as never, branchId, '组织生活会', '2026')).toBe('missing');
    // a branch without 党小组 owes no 党小组会
    expect(cal.cells.some((x) => x.type === '党小组会')).toBe(false);
    // the check lists findings with branch, rule, period, status, severity
    const f = await l.call('activities/check', { year: 2026 });
    expect(f.find((x) => x.period === '2026-02' && x.rule.type === '支部委员会')).toMatchObject({ branch: '刑侦大队党支部', status: 'missing', severity: 'high' });
    expect(f.find((x) => x.period === '2026-Q2' && x.rule.type === '支部党员大会')).toMatchObject({ status: 'due', severity: 'info' });
  });

  it('counts a 补开 meeting for the month it was meant for, as held late; a meeting below quorum does not count as held', async () => {
    const { l, branchId } = await branchLedger('2026-06-30');
    await record(l, branchId, '支部委员会', '2026-05-02', { countsFor: '2026-04' });
    const att = await l.call('activities/suggest-attendance', { orgId: branchId, type: '支部党员大会', heldOn: '2026-05-10' });
    await l.call('activities/create', { orgId: branchId, type: '支部党员大会', heldOn: '2026-05-10', attendance: att.map((a, i) => (i < 4 ? { ...a, status: '公出' as const } : a)) });
    const cal = await l.call('activities/calendar', { year: 2026 });
    expect(cell(cal as never, branchId, '支部委员会', '2026-04')).toBe('held-late');
    expect(cell(cal as never, branchId, '支部委员会', '2026-05')).toBe('missing');
    expect(cell(cal as never, branchId, '支部党员大会', '2026-Q2')).toBe('quorum-not-met');
    const f = await l.call('activities/check', { year: 2026 });
    expect(f.find((x) => x.period === '2026-Q2' && x.rule.type === '支部党员大会')?.status).toBe('quorum-not-met');
    expect(f.find((x) => x.period === '2026-04' && x.rule.type === '支部委员会')).toMatchObject({ status: 'held-late', severity: 'low' });
  });

  it('党小组会 is owed by every 党小组 of a branch', async () => {
    const { l, branchId } = await branchLedger('2026-03-31');
    const g1 = await l.call('org/create', { parentId: branchId, kind: '党小组', name: '第一党小组' });
    const g2 = await l.call('org/create', { parentId: branchId, kind: '党小组', name: '第二党小组' });
    // a 党小组 is judged once it has a member (an empty one is not)
    await member(l, branchId, { name: '组员甲', groupId: g1.id });
    await member(l, branchId, { name: '组员乙', groupId: g2.id });
    await l.call('activities/create', { orgId: branchId, groupId: g1.id, type: '党小组会', heldOn: '2026-03-10', attendance: [] });
    const cal = await l.call('activities/calendar', { year: 2026 });
    const c = cal.cells.find((x) => x.type === '党小组会' && x.period === '2026-03')!;
    expect(c.status).toBe('due');
    expect(c.detail).toBe('第二党小组待开展');
    // the cell, the finding and the home page's item name the group still owing it, so a click opens that group's form
    expect(c.unheldGroupIds).toEqual([g2.id]);
    const f = (await l.call('activities/check', { year: 2026 })).find((x) => x.rule.type === '党小组会' && x.period === '2026-03');
    expect(f).toMatchObject({ status: 'due', groupId: g2.id });
    const desk = await l.call('desk/todo', {});
    const item = desk.items.find((x) => x.id.startsWith(`life:${branchId}:党小组会`));
    expect(item?.link.query).toMatchObject({ new: '1', orgId: branchId, type: '党小组会', groupId: g2.id });
    // a month both groups held names none
    await l.call('activities/create', { orgId: branchId, groupId: g2.id, type: '党小组会', heldOn: '2026-03-12', attendance: [] });
    const after = (await l.call('activities/calendar', { year: 2026 })).cells.find((x) => x.type === '党小组会' && x.period === '2026-03')!;
    expect(after.status).toBe('held');
    expect(after.unheldGroupIds).toBeUndefined();
  });

  it('the 党委书记 gives at least one 党课 a year (条例第十六条): a 党课 of the 党委, or one the 书记 gives in a branch; branch 党课 stay quarterly', async () => {
    const { l, branchId, rootId, memberIds } = await branchLedger('2026-11-28');
    await l.call('org/roles/add', { orgId: rootId, memberId: memberIds[0], role: '书记', startOn: '2025-01-01' });
    const committeeLesson = async (year = 2026, asOf?: string) => cell((await l.call('activities/calendar', { year, asOf })) as never, rootId, '党课', String(year));
    expect(await committeeLesson()).toBe('due');
    const f = await l.call('activities/check', { year: 2026 });
    expect(f.find((x) => x.orgId === rootId && x.rule.type === '党课')).toMatchObject({ period: '2026', status: 'due', rule: { frequency: 'year' } });
    expect(f.find((x) => x.orgId === branchId && x.rule.type === '党课' && x.period === '2026-Q1')).toMatchObject({ status: 'missing', rule: { frequency: 'quarter' } });
    // someone else's 党课 in the branch does not count for the 书记
    await record(l, branchId, '党课', '2026-06-30', { topic: '党课一', speaker: '党员乙' });
    expect(await committeeLesson()).toBe('due');
    // the 书记's 党课 in the branch does, and so does one recorded under the 党委 itself
    const given = await record(l, branchId, '党课', '2026-11-20', { topic: '党课二', speaker: '党员甲' });
    const cal = await l.call('activities/calendar', { year: 2026 });
    expect(cal.cells.find((c) => c.orgId === rootId && c.type === '党课')).toMatchObject({ status: 'held', activityIds: [given.id] });
    expect(await committeeLesson(2025, '2026-11-28')).toBe('missing');
    await l.call('activities/create', { orgId: rootId, type: '党课', heldOn: '2025-12-30', topic: '党课三', speaker: '党员甲', attendance: [] });
    expect(await committeeLesson(2025, '2026-11-28')).toBe('held');
    // the statistics table names each organization's own frequency
    const x = await l.call('activities/export-life-stats', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never);
    const rows: string[][] = [];
    wb.getWorksheet('开展情况统计')!.eachRow((r) => rows.push([2, 3, 4].map((i) => String(r.getCell(i).value ?? ''))));
    expect(rows.find((r) => r[0] === '中共测试分局委员会' && r[1] === '党课')?.[2]).toBe('每年');
    expect(rows.find((r) => r[0] === '刑侦大队党支部' && r[1] === '党课')?.[2]).toBe('每季度');
  });

  it('applies a unit version of the rules from its effective date, and keeps the national defaults for earlier years', async () => {
    const { l, branchId } = await branchLedger('2026-09-15');
    const rules = await l.call('activities/rules', {});
    const monthlyLessons = rules.national.values.map((r) => (r.type === '党课' ? { ...r, frequency: 'month' as const, basis: '本单位党委2026年第5次会议决定' } : r));
    await l.call('activities/rules/add-version', { effectiveFrom: '2026-07-01', source: '分局党委〔2026〕5号', rules: monthlyLessons });
    const cal2026 = await l.call('activities/calendar', { year: 2026 });
    expect(cal2026.ruleVersion.version).toBe(1);
    expect(cal2026.cells.some((x) => x.type === '党课' && x.period === '2026-08')).toBe(true);
    const cal2025 = await l.call('activities/calendar', { year: 2025, asOf: '2026-09-15' });
    expect(cal2025.ruleVersion.version).toBe(0);
    expect(cal2025.cells.some((x) => x.type === '党课' && x.period === '2025-Q3')).toBe(true);
    // the branch's own 党课 periods: quarterly under the national rules in 2025; in 2026 quarterly before the unit version, monthly from July
    const lessons = (cal: typeof cal2026) => cal.cells.filter((x) => x.orgId === branchId && x.type === '党课').map((x) => x.period);
    expect(lessons(cal2025)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(lessons(cal2026)).toEqual(['2026-Q1', '2026-Q2', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });
});

describe('a unit version that takes effect during the year', () => {
  it('judges each period by the version in force when it begins: quarterly 党课 before 1 July, monthly after', async () => {
    const { l, branchId } = await branchLedger('2026-09-15');
    await record(l, branchId, '党课', '2026-02-10', { topic: '一', speaker: '党员甲' });
    await record(l, branchId, '党课', '2026-05-10', { topic: '二', speaker: '党员甲' });
    await record(l, branchId, '党课', '2026-08-10', { topic: '三', speaker: '党员甲' });
    const rules = await l.call('activities/rules', {});
    const monthly = rules.national.values.map((r) => (r.type === '党课' && r.scope === 'branch' ? { ...r, frequency: 'month' as const, basis: '分局党委决定：每月1次' } : r));
    await l.call('activities/rules/add-version', { effectiveFrom: '2026-07-01', source: '分局党委〔2026〕5号', rules: monthly });
    const cal = await l.call('activities/calendar', { year: 2026 });
    const lessons = cal.cells.filter((c) => c.orgId === branchId && c.type === '党课').map((c) => `${c.period}:${c.status}`);
    expect(lessons).toEqual(['2026-Q1:held', '2026-Q2:held', '2026-07:missing', '2026-08:held', '2026-09:due', '2026-10:upcoming', '2026-11:upcoming', '2026-12:upcoming']);
    const f = (await l.call('activities/check', { year: 2026 })).filter((x) => x.orgId === branchId && x.rule.type === '党课');
    expect(f.map((x) => [x.period, x.status, x.rule.frequency, x.rule.basis])).toEqual([
      ['2026-07', 'missing', 'month', '分局党委决定：每月1次'],
      ['2026-09', 'due', 'month', '分局党委决定：每月1次'],
    ]);
    expect(cal.rules.filter((r) => r.type === '党课' && r.scope === 'branch').map((r) => [r.frequency, r.version])).toEqual([
      ['quarter', 0],
      ['month', 1],
    ]);
    // the statistics table names both frequencies of the year
    const x = await l.call('activities/export-life-stats', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as never);
    const rows: string[][] = [];
    // (a cell too long for its column is broken by the ledger between whole words, with a line break in the cell)
    wb.getWorksheet('开展情况统计')!.eachRow((r) => rows.push([2, 3, 4].map((i) => String(r.getCell(i).value ?? ''))));
    const cell = rows.find((r) => r[0] === '刑侦大队党支部' && r[1] === '党课')?.[2] ?? '';
    expect(cell.replace(/\n/g, '')).toBe('每季度、每月');
    expect(cell.split('\n').every((line) => line === '每季度、' || line === '每月' || line === '每季度、每月')).toBe(true);
  });
});

describe('demo bureau and stats', () => {
  it('shows the deliberate gaps in the check', async () => {
    const l = await testLedger({ demo: true });
    const f = await l.call('activities/check', { year: 2026 });
    const problems = f.filter((x) => x.status !== 'due').map((x) => `${x.branch}|${x.rule.type}|${x.period}|${x.status}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        '治安大队党支部|支部委员会|2026-03|missing',
        '治安大队党支部|支部委员会|2026-07|missing',
        '东城派出所党支部|党课|2026-Q2|missing',
        '西城派出所党支部|支部党员大会|2026-Q2|quorum-not-met',
      ]),
    );
    const late = (await l.call('activities/list', {})).filter((a) => a.late);
    expect(late.map((a) => `${a.orgName}|${a.type}`)).toEqual(['机关第二党支部|支部委员会']);
    const todo = await l.call('activities/todo', {});
    // (治安大队 is among the demo branches that hold no weekly 政治学习日: its months are overdue too, tests/core/study-days.test.ts)
    expect(todo.orgs.find((o) => o.name === '治安大队党支部')?.overdue.filter((x) => x.rule.type !== '政治学习日')).toHaveLength(2);
    expect(todo.orgs.some((o) => o.due.some((d) => d.rule.type === '支部委员会' && d.period === '2026-11'))).toBe(true);
  });

  it('counts activities and person-times for a period, with the sentences a work summary quotes', async () => {
    const { l, branchId } = await branchLedger();
    const a = await record(l, branchId, '主题党日', '2026-06-15', { topic: '重温入党誓词' });
    const att = a.attendance.map((x, i) => (i === 0 ? { ...x, status: '病假' as const } : x));
    await l.call('activities/create', { orgId: branchId, type: '主题党日', heldOn: '2026-07-15', attendance: att });
    await record(l, branchId, '主题党日', '2026-08-15');
    await record(l, branchId, '党课', '2026-06-30', { topic: '党课', speaker: '党员甲' });
    const s = await l.call('activities/stats', { from: '2026-06-01', to: '2026-07-31' });
    expect(s.byType.find((t) => t.type === '主题党日')).toEqual({ type: '主题党日', count: 2, personTimes: 11 });
    expect(s.total).toEqual({ count: 3, personTimes: 17 });
    expect(s.sentences).toContain('主题党日活动2次，累计参加11人次');
    expect(s.sentences).toContain('讲授党课1次，累计听课6人次');
    expect((await failure(l.call('activities/stats', { from: '2026-08-01', to: '2026-07-01' }))).field).toBe('to');
  });
});

describe('attachments', () => {
  it('stores files once by content hash in the data folder, lists, previews and deletes them', async () => {
    const dir = tempDir();
    const ledger = await openLedgerContext(':memory:', fixedPlatform({ today: '2026-11-28', dataDir: dir }));
    const call = (name: string, input: unknown) => invokeHandler(handlers as unknown as Record<string, AnyHandler>, ledger.ctx, name, input) as Promise<any>;
    const { branchId } = await bureau(ledger, { branches: [{ name: '一支部', termStartOn: null }] });
    const a = await call('activities/create', { orgId: branchId, type: '支部委员会', heldOn: '2026-11-02', attendance: [] });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4d30000000049454e44ae426082', 'hex');
    expect((await failure(call('attachments/add', { entity: 'activities', entityId: a.id, fileName: 'C:\\扫描\\签到表.png', contentBase64: png.toString('base64') }))).message).toMatch(/不能包含/);
    const one = await call('attachments/add', { entity: 'activities', entityId: a.id, fileName: '签到表.png', contentBase64: png.toString('base64'), kind: '签到表' });
    const two = await call('attachments/add', { entity: 'activities', entityId: a.id, fileName: '签到表副本.png', contentBase64: png.toString('base64') });
    expect(one.fileName).toBe('签到表.png');
    expect(one.mime).toBe('image/png');
    expect(one.sha256).toBe(two.sha256);
    const stored = path.join(dir, 'attachments', one.sha256.slice(0, 2), one.sha256);
    expect(fs.readFileSync(stored)).toEqual(png);
    expect(fs.readdirSync(path.dirname(stored))).toEqual([one.sha256]); // no temp files left, one copy
    expect((await call('activities/get', { id: a.id })).attachments).toHaveLength(2);
    expect((await call('activities/list', {}))[0].attachmentCount).toBe(2);
    const content = await call('attachments/content', { id: one.id });
    expect(Buffer.from(content.contentBase64, 'base64')).toEqual(png);
    expect(content.previewable).toBe(true);
    // a damaged file is reported, not served
    fs.writeFileSync(stored, 'broken');
    expect((await failure(call('attachments/content', { id: one.id }))).message).toMatch(/已损坏/);
    await call('attachments/delete', { id: two.id });
    expect(await call('attachments/list', { entity: 'activities', entityId: a.id })).toHaveLength(1);
    expect((await failure(call('attachments/add', { entity: 'nothing', entityId: a.id, fileName: 'a.txt', contentBase64: 'YQ==' }))).message).toMatch(/不能添加附件/);
    expect((await failure(call('attachments/add', { entity: 'activities', entityId: 'missing', fileName: 'a.txt', contentBase64: 'YQ==' }))).message).toMatch(/找不到/);
    await ledger.close();
  });

  it('refuses to store attachments without a data folder', async () => {
    const { l, branchId } = await branchLedger();
    const a = await record(l, branchId, '支部委员会', '2026-11-02');
    expect((await failure(l.call('attachments/add', { entity: 'activities', entityId: a.id, fileName: 'a.txt', contentBase64: 'YQ==' }))).message).toMatch(/没有数据文件夹/);
  });
});
