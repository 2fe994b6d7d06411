/**
 * The 2026.05 rules (reported, 待核实): the 公示 of 5 working days by a holiday
 * calendar, the 支部大会 within a month of the 预审, the oath within a month of
 * approval, the secret ballot; each step judged by the version in force on its date.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type Dossier } from '../../core/development/engine.ts';
import { RULE_SETS, RULES_2014, RULES_2026 } from '../../core/development/rulesets.ts';
import { countWorkingDays, mergeCalendar, STATE_COUNCIL_HOLIDAYS, workingDaysEnd, type HolidayYear } from '../../common/workdays.ts';
import { failure, testLedger } from '../support/ledger.ts';
import { bureau, member } from '../support/bureau.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { parseDossier } from '../../core/development/dossier.ts';
import { faultlessDossier } from '../support/dossier.ts';

const CAL = STATE_COUNCIL_HOLIDAYS;
const NONE: HolidayYear[] = [];

const full = faultlessDossier;
const upTo = (n: number, steps: Record<number, string> = {}, over: Partial<Dossier> = {}): Dossier => {
  const d = full();
  const s: Record<number, string> = {};
  for (let k = 1; k <= n; k++) s[k] = d.steps[k]!;
  return { ...d, ...over, steps: { ...s, ...steps } };
};
const ids = (d: Dossier, rules = RULE_SETS, today?: string) => evaluate(d, rules, { today, calendar: CAL }).findings.map((f) => `${f.rule}@${f.step}:${f.severity}`);

describe('working days by the State Council holiday calendar', () => {
  it('counts across 国庆 2025 (10-01..08 off, Sun 9-28 and Sat 10-11 worked)', () => {
    expect(countWorkingDays('2025-09-26', '2025-10-12', CAL)).toEqual({ days: 7, unknownYears: [], provisional: null });
    expect(countWorkingDays('2025-10-01', '2025-10-08', CAL).days).toBe(0);
    // A 公示 from the 调休 Sunday: 9-28, 9-29, 9-30, 10-09, 10-10.
    expect(workingDaysEnd('2025-09-28', 5, CAL)).toMatchObject({ end: '2025-10-10', provisional: null });
    // From 9-30 the 调休 Saturday 10-11 counts: 9-30, 10-09, 10-10, 10-11, 10-13.
    expect(workingDaysEnd('2025-09-30', 5, CAL).end).toBe('2025-10-13');
    // Monday to Friday alone would end inside the holiday.
    expect(workingDaysEnd('2025-09-28', 5, NONE)).toMatchObject({ end: '2025-10-03', provisional: '2025年节假日安排未录入，按周一至周五暂算' });
  });

  it('counts across 春节 2026 (2-15..23 off, Sat 2-14 and Sat 2-28 worked)', () => {
    expect(workingDaysEnd('2026-02-12', 5, CAL).end).toBe('2026-02-25'); // 2-12, 2-13, 2-14, 2-24, 2-25
    expect(workingDaysEnd('2026-02-26', 5, CAL).end).toBe('2026-03-03'); // 2-26, 2-27, 2-28, 3-02, 3-03
    expect(countWorkingDays('2026-02-09', '2026-03-01', CAL).days).toBe(5 + 1 + 4 + 1); // week of 2-09, 2-14, 2-24..27, 2-28
    expect(workingDaysEnd('2026-02-12', 5, NONE).end).toBe('2026-02-18');
  });

  it('the reference vectors: 端午 2026-06-19 moves the end of a 公示 from Mon 06-15 to Mon 06-22', () => {
    expect(workingDaysEnd('2026-06-15', 5, NONE)).toMatchObject({ end: '2026-06-19', provisional: '2026年节假日安排未录入，按周一至周五暂算' });
    expect(workingDaysEnd('2026-06-15', 5, CAL)).toMatchObject({ end: '2026-06-22', provisional: null });
    const sat: HolidayYear[] = [{ year: 2026, holidays: [], workdays: ['2026-06-20'], source: '假设' }];
    expect(workingDaysEnd('2026-06-17', 5, sat).end).toBe('2026-06-22');
    expect(workingDaysEnd('2026-06-17', 5, [{ ...sat[0], workdays: [] }]).end).toBe('2026-06-23');
  });

  it('marks a count in a year without calendar data as 暂算, with the reason', () => {
    expect(workingDaysEnd('2027-01-04', 5, CAL)).toEqual({ end: '2027-01-08', unknownYears: [2027], provisional: '2027年节假日安排未录入，按周一至周五暂算' });
    expect(countWorkingDays('2026-12-28', '2027-01-05', CAL)).toMatchObject({ days: 7, unknownYears: [2027] });
    // The unit enters 2027 (hypothetical days): the count is then firm and follows the entry.
    const cal = mergeCalendar([{ year: 2027, holidays: ['2027-01-01'], workdays: [], source: '本单位录入' }]);
    expect(countWorkingDays('2026-12-28', '2027-01-05', cal)).toEqual({ days: 6, unknownYears: [], provisional: null });
    expect(cal.map((y) => y.year)).toEqual([2025, 2026, 2027]);
  });
});

describe('2026.05 rules, each at its boundary', () => {
  /** Steps 1–6 under 2014; the 发展对象 on `day` with a 公示 from `start` to `end`. */
  const candidate = (day: string, start: string, end: string): Dossier => ({
    birthDate: '1998-01-01',
    steps: { 1: '2025-01-10', 2: '2025-01-20', 3: '2025-05-15', 4: '2025-05-20', 5: '2025-05-20', 6: '2025-11-15', 7: day },
    publicity: { start, end },
  });

  it('notice-5-working-days (第十三条): the 5th working day is enough, the 4th is not', () => {
    expect(ids(candidate('2026-06-23', '2026-06-15', '2026-06-22'))).toEqual([]);
    const short = evaluate(candidate('2026-06-23', '2026-06-15', '2026-06-19'), RULE_SETS, { calendar: CAL }).findings;
    expect(short).toEqual([
      { rule: 'notice-5-working-days', step: 7, severity: 'error', message: '公示 2026-06-15 至 2026-06-19 只有 4 个工作日，应不少于 5 个（至少公示至 2026-06-22）', article: '2026.05 第十三条，待核实' },
    ]);
    // The 公示 ends by the day the 发展对象 is fixed.
    expect(ids(candidate('2026-06-21', '2026-06-15', '2026-06-22'))).toEqual(['notice-5-working-days@7:error']);
    expect(ids({ ...candidate('2026-06-23', '2026-06-15', '2026-06-22'), publicity: null })).toEqual(['notice-5-working-days@7:error']);
    // A 发展对象 fixed before 2026-05-18 is judged by 2014: no 公示 needed.
    expect(ids({ ...candidate('2026-05-17', '2026-05-11', '2026-05-12') })).toEqual([]);
  });

  it('notice-5-working-days in a year without calendar data says 暂算 and why; the next step shows it', () => {
    const m = evaluate(candidate('2027-01-08', '2027-01-04', '2027-01-07'), RULE_SETS, { calendar: CAL }).findings[0].message;
    expect(m).toBe('公示 2027-01-04 至 2027-01-07 只有 4 个工作日，应不少于 5 个（至少公示至 2027-01-08）（暂算：2027年节假日安排未录入，按周一至周五暂算）');
    const pending = candidate('2027-01-08', '2027-01-04', '2027-01-08');
    delete pending.steps[7];
    expect(evaluate(pending, RULE_SETS, { today: '2027-01-04', calendar: CAL }).next).toContainEqual({
      step: 7, earliest: '2027-01-08', latest: null, provisional: '2027年节假日安排未录入，按周一至周五暂算',
    });
    expect(evaluate({ ...pending, publicity: { start: '2026-06-15', end: '2026-06-22' } }, RULE_SETS, { today: '2026-06-15', calendar: CAL }).next).toContainEqual({ step: 7, earliest: '2026-06-22', latest: null });
  });

  it('branch-meeting-1-month-after-review (第十九条): one month exactly passes, one day over warns', () => {
    const at = (meeting: string) => upTo(15, { 13: '2026-06-10', 14: '2026-06-15', 15: meeting });
    expect(ids(at('2026-07-10'))).toEqual([]);
    const over = evaluate(at('2026-07-11'), RULE_SETS, { calendar: CAL }).findings;
    expect(over.map((f) => [f.rule, f.step, f.severity, f.article])).toEqual([['branch-meeting-1-month-after-review', 15, 'warning', '2026.05 第十九条，待核实']]);
    expect(over[0].message).toBe('预审通过（2026-06-10）后应在 2026-07-10 前提交支部大会，实际 2026-07-11');
    // Month end clamps: 预审 2026-08-31 → 2026-09-30.
    expect(ids(upTo(15, { 13: '2026-08-31', 14: '2026-09-01', 15: '2026-09-30' }))).toEqual([]);
    expect(ids(upTo(15, { 13: '2026-08-31', 14: '2026-09-01', 15: '2026-10-01' }))).toEqual(['branch-meeting-1-month-after-review@15:warning']);
    // Not held yet: overdue once today passes the deadline; the next step shows the deadline.
    const waiting = upTo(14, { 13: '2026-06-10', 14: '2026-06-15' });
    expect(ids(waiting, RULE_SETS, '2026-07-10')).toEqual([]);
    expect(ids(waiting, RULE_SETS, '2026-07-11')).toEqual(['branch-meeting-1-month-after-review@15:warning']);
    expect(evaluate(waiting, RULE_SETS, { today: '2026-06-20' }).next).toContainEqual({ step: 15, earliest: '2026-06-15', latest: '2026-07-10' });
    // A 预审 passed under 2014 has no such limit, even when the meeting falls after 2026-05-18.
    expect(ids(upTo(15, { 13: '2026-04-01', 14: '2026-04-02', 15: '2026-06-01' }))).toEqual([]);
  });

  it('oath-1-month (第二十九条): one month exactly after approval passes, one day over warns', () => {
    const at = (oath: string) => upTo(20, { 13: '2026-05-01', 14: '2026-05-05', 15: '2026-05-20', 16: '2026-05-25', 17: '2026-06-10', 18: '2026-06-12', 19: '2026-06-12', 20: oath });
    expect(ids(at('2026-07-10'))).toEqual([]);
    const f = evaluate(at('2026-07-11'), RULE_SETS).findings;
    expect(f.map((x) => `${x.rule}@${x.step}:${x.severity}|${x.article}`)).toEqual(['oath-1-month@20:warning|2026.05 第二十九条，待核实']);
    expect(f[0].message).toBe('入党宣誓一般应在审批（2026-06-10）后一个月内，即 2026-07-10 前');
    // 2014 had no limit.
    expect(ids(at('2026-07-11'), [RULES_2014])).toEqual([]);
  });

  it('secret-ballot: a show of hands or no recorded method warns at both 支部大会; none under 2014', () => {
    const admission = (secretBallot?: boolean) => upTo(15, { 13: '2026-06-10', 14: '2026-06-15', 15: '2026-07-01' }, { branchMeeting: { due: 16, present: 14, for: 13, secretBallot } });
    expect(ids(admission(true))).toEqual([]);
    const hands = evaluate(admission(false), RULE_SETS).findings;
    expect(hands).toEqual([
      { rule: 'secret-ballot', step: 15, severity: 'warning', message: '接收预备党员的支部大会记录为举手表决，应采取无记名投票方式表决', article: '2026.05 条款待查，待核实' },
    ]);
    expect(ids(admission(undefined))).toEqual(['secret-ballot@15:warning']);
    expect(evaluate(admission(undefined), RULE_SETS).findings[0].message).toContain('未记录是否采取无记名投票');
    expect(ids(admission(false), [RULES_2014])).toEqual([]);
    // 转正: the meeting of 2026-12-01 is under 2026.05, the admission of 2025 under 2014.
    const conversion = (secretBallot?: boolean) => ({
      ...upTo(23, { 15: '2025-11-20', 16: '2025-11-25', 17: '2025-12-10', 18: '2025-12-12', 19: '2025-12-12', 20: '2025-12-20', 21: '2026-03-01', 22: '2026-11-10', 23: '2026-11-20' }),
      branchMeeting: { due: 16, present: 14, for: 13 },
      conversionMeeting: { due: 16, present: 15, for: 15, secretBallot },
    });
    expect(ids(conversion(true))).toEqual([]);
    expect(ids(conversion(false))).toEqual(['secret-ballot@23:warning']);
  });

  it('each version is listed with its articles and 待核实; 2014 stays the default and verified', () => {
    expect(RULES_2026.verified).toBe(false);
    expect(RULES_2014.changes).toBeUndefined();
    expect(RULES_2026.changes!.map((c) => [c.rule, c.article, c.note])).toEqual([
      ['notice-5-working-days', '第十三条', '待核实'],
      ['branch-meeting-1-month-after-review', '第十九条', '待核实'],
      ['oath-1-month', '第二十九条', '待核实'],
      ['secret-ballot', null, '待核实'],
    ]);
    // 2014 findings carry no article: the output of the existing ids is unchanged.
    expect(evaluate({ steps: { 1: '2026-01-31', 2: '2026-03-02' } }, RULE_SETS).findings[0]).not.toHaveProperty('article');
  });
});

describe('a ledger switching its default version', () => {
  const TIMELINE: Record<number, string> = { 1: '2024-03-01', 2: '2024-03-20', 3: '2024-09-05', 4: '2024-09-20', 5: '2024-09-20', 6: '2025-03-05', 7: '2025-09-10' };

  it('never re-judges old steps; a later step is judged by 2026.05 and the view says which version judged which step', async () => {
    const l = await testLedger({ today: '2026-11-28' });
    const { branchId } = await bureau(l);
    await member(l, branchId, { name: '王建国', birthDate: '1980-05-05', joinDate: '2005-07-01', fullDate: '2006-07-01' });
    const { id } = await l.call('development/create', { name: '赵晓东', idNumber: makeIdNumber('370102', '1998-04-12', 21, true), branchId, applicationDate: TIMELINE[1] });
    for (let step = 2; step <= 7; step++)
      await l.call('development/record-step', { fileId: id, step, date: TIMELINE[step], details: step === 6 ? { assessments: ['2025-03-05', '2025-09-05'] } : {}, documents: [] });
    const before = await l.call('development/get', { id });
    await l.call('development/set-rule-version', { version: '2026.05' });
    const after = await l.call('development/get', { id });
    expect(after.findings).toEqual(before.findings);
    expect(after.stepRules).toEqual(before.stepRules);
    expect(after.stepRules).toEqual({ 1: '2014', 2: '2014', 3: '2014', 4: '2014', 5: '2014', 6: '2014', 7: '2014' });
    // The 发展对象 of 2025 had no 公示: no finding, since 2014 judged it.
    expect(after.findings.filter((f) => f.rule === 'notice-5-working-days')).toEqual([]);
    // A step taken now is 2026.05's.
    await l.call('development/record-step', { fileId: id, step: 8, date: '2026-06-01', documents: [] });
    const later = await l.call('development/get', { id });
    expect(later.stepRules[8]).toBe('2026.05');
    expect(later.stepRules[7]).toBe('2014');
    expect(later.versions.map((v) => [v.version, v.verified])).toEqual([['2014', true], ['2026.05', false]]);
    await l.close();
  });

  it('the unit enters a year of 放假安排; a bad entry is refused naming the day', async () => {
    const l = await testLedger({ today: '2026-11-28' });
    const shipped = await l.call('development/holidays', {});
    expect(shipped.map((y) => [y.year, y.entered])).toEqual([[2025, false], [2026, false]]);
    expect(shipped[1].source).toContain('2026年部分节假日安排');
    const e = await failure(l.call('development/set-holiday-year', { year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-04'], source: '国务院办公厅通知' }));
    expect(e.message).toBe('2027年节假日安排有误：调休上班日 2027-01-04 不是周六或周日');
    expect((await failure(l.call('development/set-holiday-year', { year: 2027, holidays: ['2026-12-31'], workdays: [], source: 'x' }))).message).toContain('2026-12-31 不在 2027 年内');
    await l.call('development/set-holiday-year', { year: 2027, holidays: ['2027-01-01'], workdays: [], source: '本单位录入' });
    const o = await l.call('development/options', {});
    expect(o.calendar.map((y) => y.year)).toEqual([2025, 2026, 2027]);
    expect((await l.call('development/holidays', {})).find((y) => y.year === 2027)?.entered).toBe(true);
    expect((await failure(l.call('development/remove-holiday-year', { year: 2026 }))).message).toContain('不是本单位录入的');
    await l.call('development/remove-holiday-year', { year: 2027 });
    expect((await l.call('development/holidays', {})).map((y) => y.year)).toEqual([2025, 2026]);
    await l.close();
  });
});

describe('the dossier file: 公示 as steps 13a/13b, the ballot on each 支部大会', () => {
  const msg = (json: unknown) => {
    try {
      parseDossier(json);
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  };
  it('reads them, and refuses half a 公示, one that ends before it starts, or one that disagrees with "publicity"', () => {
    const p = parseDossier({ steps: { '1': '2026-01-05', '13a': '2026-06-15', '13b': '2026-06-22' }, branchMeeting: { due: 5, present: 4, for: 4, secretBallot: false } });
    expect(p.dossier.steps).toEqual({ 1: '2026-01-05' });
    expect(p.dossier.publicity).toEqual({ start: '2026-06-15', end: '2026-06-22' });
    expect(p.dossier.branchMeeting?.secretBallot).toBe(false);
    expect(msg({ steps: { '13a': '2026-06-15' } })).toContain('公示开始日期（13a）和结束日期（13b）应同时填写');
    expect(msg({ steps: { '13a': '2026-06-15', '13b': '2026-06-12' } })).toContain('早于开始日期');
    expect(msg({ steps: { '13a': '2026-06-15', '13b': '2026-06-22' }, publicity: { start: '2026-06-16', end: '2026-06-22' } })).toContain('不一致');
    expect(msg({ steps: { '13c': '2026-06-15' } })).toContain('步骤编号应为 1 至 25');
    expect(msg({ steps: {}, branchMeeting: { due: 5, present: 4, for: 4, secretBallot: 'yes' } })).toMatch(/档案文件有误/);
    // A file without the new fields reads as before.
    expect(parseDossier({ steps: { '1': '2026-01-05' } }).dossier.publicity).toBeNull();
  });
});

describe('the app records the vote method through the step schema', () => {
  const T: Record<number, string> = {
    1: '2024-03-01', 2: '2024-03-20', 3: '2024-09-05', 4: '2024-09-20', 5: '2024-09-20', 6: '2025-03-05', 7: '2025-09-10', 8: '2025-09-20',
    9: '2025-09-25', 10: '2025-10-20', 11: '2025-10-25', 12: '2026-09-20', 13: '2026-10-01', 14: '2026-10-05', 15: '2026-10-20',
  };
  it('a 支部大会 after 2026-05-18 by show of hands warns under 2026.05 (not under 2014); a bad value is refused naming the field', async () => {
    const l = await testLedger({ today: '2026-11-28' });
    const { branchId } = await bureau(l);
    const intro = async (name: string) => (await member(l, branchId, { name, birthDate: '1980-05-05', joinDate: '2005-07-01', fullDate: '2006-07-01' })).id;
    const introducers = [await intro('王建国'), await intro('李卫东')];
    const { id } = await l.call('development/create', { name: '赵晓东', idNumber: makeIdNumber('370102', '1998-04-12', 21, true), branchId, applicationDate: T[1] });
    const details = (n: number): Record<string, unknown> =>
      n === 6 ? { assessments: ['2025-03-05', '2025-09-05'] }
      : n === 9 ? { introducers: introducers.map((memberId) => ({ memberId, name: '?' })) }
      : n === 10 ? { conclusion: '政治审查合格' }
      : n === 11 ? { trainingDays: 3, trainingHours: 24 }
      : {};
    for (let n = 2; n <= 14; n++) await l.call('development/record-step', { fileId: id, step: n, date: T[n], details: details(n), documents: [] });
    const step15 = (secretBallot: boolean) => ({ fileId: id, step: 15, date: T[15], details: { meeting: { due: 16, present: 14, for: 13, secretBallot } }, documents: [] });
    expect((await l.call('development/preview-step', step15(false))).findings).toEqual([]);
    await l.call('development/set-rule-version', { version: '2026.05' });
    const hands = await l.call('development/preview-step', step15(false));
    expect(hands.blocked).toBeNull();
    expect(hands.findings.map((f) => [f.rule, f.severity, f.article])).toEqual([['secret-ballot', 'warning', '2026.05 条款待查，待核实']]);
    expect((await l.call('development/preview-step', step15(true))).findings).toEqual([]);
    const bad = await failure(l.call('development/record-step', step15('是' as unknown as boolean)));
    expect([bad.field, bad.message]).toEqual(['details.meeting.secretBallot', expect.stringContaining('无记名投票')]);
    await l.call('development/record-step', step15(true));
    const v = await l.call('development/get', { id });
    expect(v.steps.find((s) => s.step === 15)?.details.meeting?.secretBallot).toBe(true);
    expect(v.stepRules[15]).toBe('2026.05');
    expect(v.stepRules[7]).toBe('2014');
    await l.close();
  });
});

describe('development check FILE.json --rules 2026.05 (CLI)', () => {
  it('reads 公示 as steps 13a/13b and branchMeeting.secretBallot, and reports the new ids', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-2026-'));
    const d = full();
    const file = path.join(dir, 'd.json');
    fs.writeFileSync(file, JSON.stringify({ ...d, steps: { ...d.steps, '13a': '2024-09-03', '13b': '2024-09-06' }, branchMeeting: { due: 16, present: 14, for: 13, secretBallot: false } }));
    const r = JSON.parse(execFileSync('npx', ['party-ledger', 'development', 'check', file, '--rules', '2026.05', '--json'], { encoding: 'utf8' }));
    expect(r.findings.map((f: { rule: string; step: number }) => `${f.rule}@${f.step}`)).toEqual(['notice-5-working-days@7', 'secret-ballot@15']);
    expect(r.findings[0].message).toContain('暂算：2024年节假日安排未录入');
    const text = execFileSync('npx', ['party-ledger', 'development', 'check', file, '--rules', '2026.05'], { encoding: 'utf8' });
    expect(text).toContain('（notice-5-working-days；2026.05 第十三条，待核实）');
    expect(text).toContain('【未经核实】');
  }, 180_000);
});
