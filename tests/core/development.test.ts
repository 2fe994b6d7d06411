import { describe, expect, it } from 'vitest';
import { failure, testLedger, type TestLedger } from '../support/ledger.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { maskIdNumber } from '../../core/members/privacy.ts';
import { bureau, member } from '../support/bureau.ts';

const TIMELINE: Record<number, string> = {
  1: '2023-03-01', 2: '2023-03-20', 3: '2023-09-05', 4: '2023-09-20', 5: '2023-09-20', 6: '2024-03-05',
  7: '2024-09-10', 8: '2024-09-20', 9: '2024-09-25', 10: '2024-10-20', 11: '2024-10-25', 12: '2024-11-05',
  13: '2024-11-15', 14: '2024-11-20', 15: '2024-12-01', 16: '2024-12-20', 17: '2025-01-15', 18: '2025-01-25',
  19: '2025-01-20', 20: '2025-02-01', 21: '2025-06-01', 22: '2025-11-20', 23: '2025-12-01', 24: '2026-01-10', 25: '2026-02-01',
};

async function setup() {
  const l = await testLedger();
  const { branchId } = await bureau(l);
  const intro = async (name: string) => (await member(l, branchId, { name, birthDate: '1980-05-05', joinDate: '2005-07-01', fullDate: '2006-07-01' })).id;
  const introducers = [await intro('王建国'), await intro('李卫东')];
  return { l, branchId, introducers };
}

const person = (branchId: string, over: Record<string, unknown> = {}) => ({
  name: '赵晓东',
  idNumber: makeIdNumber('370102', '1998-04-12', 21, true),
  branchId,
  workUnit: '刑侦大队',
  position: '侦查员',
  applicationDate: TIMELINE[1],
  ...over,
});

function detailsFor(step: number, introducers: string[]) {
  if (step === 6) return { assessments: ['2024-03-05', '2024-09-05'] };
  if (step === 9) return { introducers: introducers.map((memberId) => ({ memberId, name: '?' })) };
  if (step === 10) return { conclusion: '政治审查合格' };
  if (step === 11) return { trainingDays: 3, trainingHours: 24 };
  if (step === 15) return { meeting: { due: 16, present: 14, for: 13 } };
  if (step === 23) return { meeting: { due: 17, present: 15, for: 15 } };
  return {};
}

async function recordUpTo(l: TestLedger, fileId: string, last: number, introducers: string[], from = 2) {
  for (let step = from; step <= last; step++)
    await l.call('development/record-step', { fileId, step, date: TIMELINE[step], details: detailsFor(step, introducers), documents: [] });
}

describe('development files', () => {
  it('walks a person from application to 正式党员, with the member roster following', async () => {
    const { l, branchId, introducers } = await setup();
    const { id } = await l.call('development/create', person(branchId));
    let v = await l.call('development/get', { id });
    expect(v.stage).toBe('申请人');
    expect(v.file.birthDate).toBe('1998-04-12');
    expect(v.file.gender).toBe('男');
    expect(v.steps.map((s) => s.step)).toEqual([1]);
    await recordUpTo(l, id, 14, introducers);
    v = await l.call('development/get', { id });
    expect(v.stage).toBe('发展对象');
    expect(v.findings).toEqual([]);
    expect(v.next).toEqual([{ step: 15, name: '支部大会讨论', earliest: '2024-11-20', latest: null, overdue: false }]);
    expect((await l.call('members/list', { search: '赵晓东' })).total).toBe(0);

    await recordUpTo(l, id, 15, introducers, 15);
    const m = (await l.call('members/list', { search: '赵晓东' })).rows[0];
    expect(m).toMatchObject({ partyStatus: '预备', joinDate: '2024-12-01', fullDate: null, branchId, idNumber: maskIdNumber(person(branchId).idNumber) });
    expect(await l.call('members/reveal-id', { id: m.id })).toEqual({ idNumber: person(branchId).idNumber });
    v = await l.call('development/get', { id });
    expect(v.stage).toBe('预备党员');
    expect(v.file.memberId).toBe(m.id);
    expect(v.probationEnd).toBe('2025-12-01');

    await recordUpTo(l, id, 24, introducers, 16);
    const full = await l.call('members/get', { id: m.id });
    expect(full).toMatchObject({ partyStatus: '正式', fullDate: '2025-12-01' });
    v = await l.call('development/get', { id });
    expect(v.stage).toBe('正式党员');
    expect(v.findings).toEqual([]);
    expect(v.next.map((n) => n.step)).toEqual([25]);

    const log = await l.call('audit/log', { pageSize: 200 });
    const summaries = log.rows.map((r) => r.summary);
    expect(summaries).toContain('“赵晓东”经支部大会接收为预备党员（2024-12-01），编入“刑侦大队党支部”');
    expect(summaries).toContain('预备党员“赵晓东”转为正式党员，转正日期 2025-12-01');
    expect(summaries.filter((s) => s.startsWith('记录“赵晓东”第'))).toHaveLength(23);
  });

  it('refuses a step that breaks a blocking rule and says why; records lateness as a finding', async () => {
    const { l, branchId, introducers } = await setup();
    const { id } = await l.call('development/create', person(branchId));
    // Order: the activist is chosen from those already talked to.
    expect((await failure(l.call('development/record-step', { fileId: id, step: 3, date: '2023-09-05' }))).message).toMatch(/第2步“党组织派人谈话”尚未记录/);
    // A late talk is recorded, with a warning.
    const late = await l.call('development/record-step', { fileId: id, step: 2, date: '2023-04-02' });
    expect(late.findings.map((f) => f.rule)).toEqual(['talk-1-month']);
    await l.call('development/record-step', { fileId: id, step: 2, date: TIMELINE[2] });
    await recordUpTo(l, id, 6, introducers, 3);
    expect((await failure(l.call('development/record-step', { fileId: id, step: 7, date: '2024-09-04' }))).message).toMatch(/不满一年，2024-09-05 起/);
    await l.call('development/record-step', { fileId: id, step: 7, date: '2024-09-05' });
    await recordUpTo(l, id, 8, introducers, 8);
    // Introducers must be 正式党员 on the day.
    const [, second] = introducers;
    const prob = (await member(l, branchId, { name: '钱预备', gender: '女', birthDate: '1995-01-01', joinDate: '2024-06-01', fullDate: null, partyStatus: '预备' })).id;
    const e = await failure(l.call('development/record-step', { fileId: id, step: 9, date: TIMELINE[9], details: { introducers: [{ memberId: prob, name: '' }, { memberId: second, name: '' }] } }));
    expect(e.message).toMatch(/入党介绍人钱预备在 2024-09-25 还不是正式党员/);
    expect((await failure(l.call('development/record-step', { fileId: id, step: 10, date: TIMELINE[10], details: { conclusion: '' } }))).message).toMatch(/书面结论|第9步/);
    await recordUpTo(l, id, 10, introducers, 9);
    // Training short of 3 days / 24 学时 is recorded, but stops the 支部大会.
    const t = await l.call('development/record-step', { fileId: id, step: 11, date: TIMELINE[11], details: { trainingDays: 2, trainingHours: 16 } });
    expect(t.findings.map((f) => f.rule)).toEqual(['training-3-days-24-hours']);
    await recordUpTo(l, id, 14, introducers, 12);
    const meeting = (present: number, votes: number, writtenFor = 0) =>
      l.call('development/record-step', { fileId: id, step: 15, date: TIMELINE[15], details: { meeting: { due: 16, present, for: votes, writtenFor } } });
    expect((await failure(meeting(14, 13))).message).toMatch(/集中培训 2 天、16 学时/);
    await l.call('development/record-step', { fileId: id, step: 11, date: TIMELINE[11], details: { trainingDays: 3, trainingHours: 24 } });
    expect((await failure(meeting(8, 8))).message).toMatch(/到会 8 人，未超过应到 16 人的半数/);
    expect((await failure(meeting(12, 7))).message).toMatch(/赞成 7 票，未超过/);
    await meeting(12, 8, 1); // 8 votes + 1 written opinion = 9 of 16
    expect((await l.call('members/list', { partyStatus: '预备', search: '赵' })).total).toBe(1);
    // Approval 3–6 months after the meeting: a warning; the record stands.
    await l.call('development/record-step', { fileId: id, step: 16, date: '2024-12-20' });
    const ap = await l.call('development/record-step', { fileId: id, step: 17, date: '2025-03-10' });
    expect(ap.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['approval-3-months:warning']);
    const view = await l.call('development/get', { id });
    expect(view.findings.map((f) => f.rule)).toEqual(['approval-3-months']);
  });

  it('extends the probation once, 6 to 12 months, and moves the 转正 date', async () => {
    const { l, branchId, introducers } = await setup();
    const { id } = await l.call('development/create', person(branchId));
    await recordUpTo(l, id, 22, introducers);
    // The 支部大会 decides an extension when the 预备期 (from 2024-12-01) is full, not before.
    expect((await failure(l.call('development/extend', { fileId: id, decidedOn: '2025-11-30', months: 6 }))).message).toMatch(/预备期.*2025-12-01 期满/);
    expect((await failure(l.call('development/extend', { fileId: id, decidedOn: '2025-12-01', months: 5 }))).message).toMatch(/应不少于 6 个月/);
    expect((await failure(l.call('development/extend', { fileId: id, decidedOn: '2025-12-01', months: 0 }))).message).toMatch(/应不少于 6 个月/);
    expect((await failure(l.call('development/extend', { fileId: id, decidedOn: '2025-12-01', months: 13 }))).message).toMatch(/不超过 12 个月/);
    await l.call('development/extend', { fileId: id, decidedOn: '2025-12-01', months: 6 });
    expect((await failure(l.call('development/extend', { fileId: id, decidedOn: '2026-01-01', months: 6 }))).message).toMatch(/只能延长一次/);
    let v = await l.call('development/get', { id });
    expect(v.probationEnd).toBe('2026-06-01');
    expect(v.next).toContainEqual({ step: 23, name: '支部大会讨论转正', earliest: '2026-06-01', latest: null, overdue: false });
    expect((await failure(l.call('development/record-step', { fileId: id, step: 23, date: '2026-05-31', details: detailsFor(23, []) }))).message).toMatch(/2026-06-01 期满/);
    await l.call('development/record-step', { fileId: id, step: 23, date: '2026-06-01', details: detailsFor(23, []) });
    await l.call('development/record-step', { fileId: id, step: 24, date: '2026-06-20' });
    v = await l.call('development/get', { id });
    const m = await l.call('members/get', { id: v.file.memberId! });
    expect(m).toMatchObject({ partyStatus: '正式', fullDate: '2026-06-01' });
  });

  it('leaves the file with a reason; a cancelled probationary member leaves the roster', async () => {
    const { l, branchId, introducers } = await setup();
    const { id } = await l.call('development/create', person(branchId));
    await recordUpTo(l, id, 20, introducers);
    const memberId = (await l.call('development/get', { id })).file.memberId!;
    expect((await failure(l.call('development/leave', { id, leftType: '取消预备党员资格', leftDate: '2025-12-01', leftReason: '' }))).message).toMatch(/原因.*不能为空/);
    await l.call('development/leave', { id, leftType: '取消预备党员资格', leftDate: '2025-12-01', leftReason: '预备期内不履行党员义务' });
    const m = await l.call('members/get', { id: memberId });
    expect(m).toMatchObject({ leftType: '取消预备党员资格', leftDate: '2025-12-01' });
    expect((await failure(l.call('development/record-step', { fileId: id, step: 21, date: '2025-06-01' }))).message).toMatch(/取消预备党员资格，不能再记录/);
    expect((await l.call('development/list', {})).map((r) => r.id)).not.toContain(id);
    expect((await l.call('development/list', { scope: 'left' }))[0]).toMatchObject({ id, leftType: '取消预备党员资格' });

    const other = await l.call('development/create', person(branchId, { name: '孙撤回', idNumber: makeIdNumber('370102', '2000-02-02', 41, false) }));
    await l.call('development/leave', { id: other.id, leftType: '撤回申请', leftDate: '2023-04-01', leftReason: '本人书面撤回入党申请' });
    expect((await l.call('development/get', { id: other.id })).next).toEqual([]);
  });

  it('refuses an applicant under 18 and a second open file for the same person', async () => {
    const { l, branchId } = await setup();
    const young = makeIdNumber('370102', '2008-02-29', 51, true);
    const e = await failure(l.call('development/create', person(branchId, { idNumber: young, applicationDate: '2026-02-27' })));
    expect(e.message).toMatch(/未满 18 周岁（2026-02-28 年满）/);
    await l.call('development/create', person(branchId, { idNumber: young, applicationDate: '2026-02-28' }));
    expect((await failure(l.call('development/create', person(branchId, { idNumber: young, applicationDate: '2026-03-01' })))).message).toMatch(/已有发展档案/);
    expect((await failure(l.call('development/create', person(branchId, { idNumber: '370102200802290510' })))).field).toBe('idNumber');
  });

  it('lists by stage in application order with the next step, and reminds of what is due or overdue', async () => {
    const { l, branchId, introducers } = await setup();
    const a = await l.call('development/create', person(branchId, { name: '甲', idNumber: makeIdNumber('370102', '1999-01-01', 61, true), applicationDate: '2026-10-20' }));
    const b = await l.call('development/create', person(branchId, { name: '乙', idNumber: makeIdNumber('370102', '1999-01-02', 63, true), applicationDate: '2026-11-10' }));
    const c = await l.call('development/create', person(branchId, { name: '丙', idNumber: makeIdNumber('370102', '1999-01-03', 65, true) }));
    await recordUpTo(l, c.id, 6, introducers);
    const rows = await l.call('development/list', {});
    expect(rows.map((r) => [r.name, r.stage])).toEqual([['甲', '申请人'], ['乙', '申请人'], ['丙', '入党积极分子']]);
    expect(rows[0].next).toMatchObject({ step: 2, earliest: '2026-10-20', latest: '2026-11-20' });
    expect(rows[0].warnings).toBe(1); // the talk is overdue today (2026-11-28)
    expect((await l.call('development/list', { stage: '入党积极分子' })).map((r) => r.name)).toEqual(['丙']);
    const r = await l.call('development/reminders', {});
    expect(r.month).toBe('2026-11');
    expect(r.items.find((i) => i.fileId === a.id)).toMatchObject({ kind: '已逾期', step: 2, latest: '2026-11-20' });
    expect(r.items.find((i) => i.fileId === b.id)).toBeUndefined();
    const dec = await l.call('development/reminders', { month: '2026-12' });
    expect(dec.items.find((i) => i.fileId === b.id)).toMatchObject({ kind: '本月到期', step: 2, latest: '2026-12-10' });
    // A probation that ended months ago and was never discussed stays on the list.
    const d = await l.call('development/create', person(branchId, { name: '丁', idNumber: makeIdNumber('370102', '1999-01-04', 67, true) }));
    await recordUpTo(l, d.id, 21, introducers);
    const late = (await l.call('development/reminders', {})).items.find((i) => i.fileId === d.id);
    expect(late).toMatchObject({ kind: '已逾期', step: 22, message: '预备期已于 2025-12-01 期满，应及时提出转正申请并讨论能否转正' });
  });

  it('keeps the checklist of documents and what is missing', async () => {
    const { l, branchId } = await setup();
    const { id } = await l.call('development/create', person(branchId));
    await l.call('development/record-step', { fileId: id, step: 2, date: TIMELINE[2], documents: [] });
    let v = await l.call('development/get', { id });
    expect(v.checklist).toEqual([
      { step: 1, name: '递交入党申请书', document: '入党申请书', kept: true, files: [] },
      { step: 2, name: '党组织派人谈话', document: '谈话记录', kept: false, files: [] },
    ]);
    expect(v.missingDocuments).toBe(1);
    await l.call('development/record-step', { fileId: id, step: 2, date: TIMELINE[2], documents: ['谈话记录'] });
    v = await l.call('development/get', { id });
    expect(v.missingDocuments).toBe(0);
    expect(v.steps[1].enteredOn).toBe('2026-11-28');
  });
});

describe('development preview', () => {
  it('shows the findings a step would bring, or why it would be refused, without writing', async () => {
    const { l, branchId } = await setup();
    const { id } = await l.call('development/create', person(branchId));
    const p = await l.call('development/preview-step', { fileId: id, step: 3, date: '2023-09-05' });
    expect(p.blocked).toMatch(/第2步“党组织派人谈话”尚未记录/);
    const late = await l.call('development/preview-step', { fileId: id, step: 2, date: '2023-04-02' });
    expect(late).toMatchObject({ blocked: null, findings: [{ rule: 'talk-1-month', severity: 'warning' }] });
    const ok = await l.call('development/preview-step', { fileId: id, step: 2, date: '2023-03-20' });
    expect(ok).toEqual({ blocked: null, findings: [] });
    expect((await l.call('development/get', { id })).steps).toHaveLength(1);
  });
});

describe('development attachments', () => {
  it('a scan attached under a document name counts as kept in the checklist', async () => {
    const { tempDir } = await import('../support/ledger.ts');
    const { openLedgerContext } = await import('../../core/ledger.ts');
    const { fixedPlatform } = await import('../../core/platform.ts');
    const base = await openLedgerContext(':memory:', fixedPlatform({ today: '2026-11-28', dataDir: tempDir() }));
    const l = { ...base, call: ((name: string, input: unknown) => base.invoke(name, input)) as TestLedger['call'] };
    const { branchId } = await bureau(l);
    const { id } = await l.call('development/create', { ...person(branchId), documents: [] });
    expect((await l.call('development/get', { id })).checklist[0]).toMatchObject({ document: '入党申请书', kept: false, files: [] });
    expect((await l.call('development/list', {}))[0].missingDocuments).toBe(1);
    const a = await l.call('attachments/add', { entity: 'development_files', entityId: id, kind: '入党申请书', fileName: '申请书.pdf', contentBase64: Buffer.from('%PDF-1.4 test').toString('base64') });
    const v = await l.call('development/get', { id });
    expect(v.checklist[0]).toMatchObject({ kept: true, files: [{ id: a.id, fileName: '申请书.pdf' }] });
    expect(v.missingDocuments).toBe(0);
    expect((await l.call('development/list', {}))[0].missingDocuments).toBe(0);
    await l.close();
  });
});

describe('development rule settings', () => {
  it('switches to the unverified 2026 rules and lays local practice over them, with an audit row', async () => {
    const { l, branchId } = await setup();
    const o = await l.call('development/options', {});
    expect(o.ruleVersion).toBe('2014');
    expect(o.ruleSets.map((r) => [r.version, r.verified])).toEqual([['2014', true], ['2026.05', false]]);
    await l.call('development/set-local-practice', { activistAfterApplicationMonths: 6, publicityWorkingDays: null });
    const { id } = await l.call('development/create', person(branchId));
    await l.call('development/record-step', { fileId: id, step: 2, date: TIMELINE[2] });
    const early = await l.call('development/record-step', { fileId: id, step: 3, date: '2023-08-31' });
    expect(early.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['activist-after-application:warning']);
    expect((await l.call('development/get', { id })).rules.title).toContain('本单位规定');
    await l.call('development/set-rule-version', { version: '2026' });
    expect((await l.call('development/options', {})).ruleVersion).toBe('2026.05');
    // Adopting 2026.05 does not re-judge a file whose steps were all taken under the 2014 细则.
    expect((await l.call('development/get', { id })).rules).toMatchObject({ version: '2014', verified: true });
    expect((await l.call('development/options', {})).ruleSets.find((r) => r.version === '2026.05')).toMatchObject({ verified: false });
    await expect(l.call('development/set-rule-version', { version: '1990' })).rejects.toThrow(/未知的规则版本/);
    const log = await l.call('audit/log', {});
    expect(log.rows.some((r) => r.summary.includes('development.ruleVersion'))).toBe(true);
  });
});

describe('development files for members already on the roster', () => {
  it('links an imported 预备党员 at the 支部大会 instead of adding a second member; refuses a 正式党员', async () => {
    const { l, branchId, introducers } = await setup();
    const idNumber = person(branchId).idNumber;
    const m = await member(l, branchId, { name: '赵晓东', birthDate: '1998-04-12', idNumber, joinDate: '2024-12-02', fullDate: null, partyStatus: '预备' });
    const { id } = await l.call('development/create', person(branchId));
    await recordUpTo(l, id, 15, introducers);
    expect((await l.call('members/list', { search: '赵晓东' })).total).toBe(1);
    expect(await l.call('members/get', { id: m.id })).toMatchObject({ joinDate: '2024-12-01', partyStatus: '预备' });
    expect((await l.call('development/get', { id })).file.memberId).toBe(m.id);
    const full = await l.call('members/reveal-id', { id: introducers[0] });
    expect((await failure(l.call('development/create', person(branchId, { idNumber: full.idNumber })))).message).toMatch(/在册正式党员“王建国”/);
  });
});
