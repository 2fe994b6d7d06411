import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, probationEnd, workingDaysBetween, type Dossier } from '../../core/development/engine.ts';
import { adoptedVersions, RULE_SETS, RULES_2014, RULES_2026, rulesOn, withLocalPractice, type DevVersion } from '../../core/development/rulesets.ts';
import { ancestors, STEPS } from '../../core/development/steps.ts';
import { addDays, addMonths } from '../../common/dates.ts';
import { faultlessDossier } from '../support/dossier.ts';

const full = faultlessDossier;

/** Only the steps up to `n` of the faultless dossier. */
function upTo(n: number, over: Partial<Dossier> = {}): Dossier {
  const d = full();
  const steps: Record<number, string> = {};
  for (let k = 1; k <= n; k++) steps[k] = d.steps[k]!;
  return { ...d, steps, ...over };
}

const run = (d: Dossier, today?: string, rules = RULES_2014) => evaluate(d, rules, { today });
const rules = (d: Dossier, today?: string, r = RULES_2014) => run(d, today, r).findings.map((f) => `${f.rule}@${f.step}:${f.severity}`);
const withSteps = (d: Dossier, steps: Record<number, string>) => ({ ...d, steps: { ...d.steps, ...steps } });

/** The faultless dossier moved so that the 支部大会 (step 15) falls on `meeting`; steps 23–25 a year later. */
function shifted(meeting: string): Dossier {
  const d = full();
  const delta = (Date.parse(meeting) - Date.parse(d.steps[15]!)) / 86_400_000;
  const steps: Record<number, string> = {};
  for (const [k, v] of Object.entries(d.steps)) steps[Number(k)] = addDays(v!, delta);
  const end = addMonths(meeting, 12);
  Object.assign(steps, { 22: addDays(end, -10), 23: end, 24: addDays(end, 20), 25: addDays(end, 30) });
  return { ...d, steps };
}

describe('development rule engine', () => {
  it('finds nothing wrong in a faultless dossier, under either rule version', () => {
    expect(run(full())).toEqual({ findings: [], next: [] });
    expect(run(full(), '2026-11-28').findings).toEqual([]);
    for (let n = 1; n <= 25; n++) expect(rules(upTo(n)), `up to step ${n}`).toEqual([]);
  });

  it('age-18: the 18th birthday is the first day one may apply; 29 February clamps to the 28th', () => {
    const at = (birth: string, applied: string) => rules({ birthDate: birth, steps: { 1: applied } });
    expect(at('2008-06-15', '2026-06-15')).toEqual([]);
    expect(at('2008-06-15', '2026-06-14')).toEqual(['age-18@1:error']);
    expect(at('2008-02-29', '2026-02-28')).toEqual([]);
    expect(at('2008-02-29', '2026-02-27')).toEqual(['age-18@1:error']);
    expect(run({ birthDate: '2008-06-15', steps: {} }).next).toEqual([{ step: 1, earliest: '2026-06-15', latest: null }]);
    expect(run({ birthDate: '2008-06-15', steps: { 1: '2026-06-14' } }).findings[0].message).toContain('未满 18 周岁');
  });

  it('talk-1-month: one calendar month, clamped to month end', () => {
    const talk = (app: string, talked?: string, today?: string) =>
      run({ steps: talked ? { 1: app, 2: talked } : { 1: app } }, today);
    expect(talk('2026-01-31').next).toEqual([{ step: 2, earliest: '2026-01-31', latest: '2026-02-28' }]);
    expect(talk('2028-01-31').next[0].latest).toBe('2028-02-29');
    expect(talk('2026-01-31', '2026-02-28').findings).toEqual([]);
    expect(talk('2026-01-31', '2026-03-01').findings.map((f) => f.rule)).toEqual(['talk-1-month']);
    expect(talk('2026-03-15', '2026-04-15').findings).toEqual([]);
    expect(talk('2026-03-15', '2026-04-16').findings[0]).toMatchObject({ rule: 'talk-1-month', step: 2, severity: 'warning' });
    // Without a date of reference nothing is overdue; with one, the missing talk is.
    expect(talk('2026-03-15').findings).toEqual([]);
    expect(talk('2026-03-15', undefined, '2026-04-15').findings).toEqual([]);
    expect(talk('2026-03-15', undefined, '2026-04-16').findings[0].message).toContain('尚未派人谈话');
  });

  it('activist-1-year: exactly one year after step 3 is allowed, a day less is not', () => {
    const d = (dev: string) => rules(withSteps(upTo(7), { 3: '2025-03-15', 4: '2025-03-20', 5: '2025-03-20', 6: '2025-09-15', 7: dev }));
    expect(d('2026-03-15')).toEqual([]);
    expect(d('2026-03-14')).toEqual(['activist-1-year@7:error']);
    const leap = (dev: string) => rules(withSteps(upTo(7), { 3: '2024-02-29', 4: '2024-03-01', 5: '2024-03-01', 6: '2024-08-29', 7: dev }));
    expect(leap('2025-02-28')).toEqual([]);
    expect(leap('2025-02-27')).toEqual(['activist-1-year@7:error']);
    const next = run(withSteps(upTo(6), { 3: '2025-03-15', 4: '2025-03-20', 5: '2025-03-20', 6: '2025-09-15' })).next;
    expect(next).toEqual([{ step: 7, earliest: '2026-03-15', latest: null }]);
  });

  it('assessment-half-yearly: the branch assesses every half-year from step 3', () => {
    const d = withSteps(upTo(6), { 3: '2025-03-15', 4: '2025-03-20', 5: '2025-03-20', 6: '2025-09-15' });
    expect(rules({ ...d, assessments: ['2025-09-15', '2026-03-15'] }, '2026-09-15')).toEqual([]);
    expect(rules({ ...d, assessments: ['2025-09-15', '2026-03-15'] }, '2026-09-16')).toEqual(['assessment-half-yearly@6:warning']);
    expect(rules({ ...d, assessments: ['2025-09-16'] }, '2025-10-01')).toEqual(['assessment-half-yearly@6:warning']);
    // The half-years are fixed from step 3 (reference vector: 2025-09-15, 2026-03-15): an early assessment
    // does not pull the next one forward, and a half-year without one is named.
    expect(rules({ ...d, assessments: ['2025-08-01', '2026-03-10'] }, '2026-03-16')).toEqual([]);
    expect(rules({ ...d, assessments: ['2025-08-01', '2025-09-01'] }, '2026-03-16')).toEqual(['assessment-half-yearly@6:warning']);
    expect(run({ ...d, assessments: ['2025-08-01', '2025-09-01'] }, '2026-03-16').findings[0].message).toContain('2025-09-15 至 2026-03-15');
    expect(run({ ...d, steps: { 1: '2025-01-02', 2: '2025-01-10', 3: '2025-03-15' } }).next).toContainEqual({ step: 4, earliest: '2025-03-15', latest: null });
  });

  it('introducers-2-full: two 正式党员 on the date they are fixed, none under 留党察看', () => {
    const d = upTo(9);
    const on = d.steps[9]!;
    expect(rules({ ...d, introducers: [{ name: '甲', fullMemberSince: on }, { name: '乙', fullMemberSince: '2001-01-01' }] })).toEqual([]);
    expect(rules({ ...d, introducers: [{ name: '甲', fullMemberSince: '2024-09-26' }, { name: '乙', fullMemberSince: '2001-01-01' }] })).toEqual(['introducers-2-full@9:error']);
    expect(rules({ ...d, introducers: [{ name: '甲', fullMemberSince: null }, { name: '乙', fullMemberSince: '2001-01-01' }] })).toEqual(['introducers-2-full@9:error']);
    expect(rules({ ...d, introducers: [{ name: '甲', fullMemberSince: '2001-01-01' }] })).toEqual(['introducers-2-full@9:error']);
    expect(rules({ ...d, introducers: [{ name: '甲', fullMemberSince: '2001-01-01', underProbation: true }, { name: '乙', fullMemberSince: '2001-01-01' }] })[0]).toBe('introducers-2-full@9:error');
    expect(rules({ ...d, introducers: undefined })).toEqual(['introducers-2-full@9:error']);
  });

  it('political-review: a written conclusion before the 支部大会', () => {
    expect(rules({ ...upTo(14), politicalReviewConcluded: false })).toEqual([]);
    expect(rules({ ...upTo(15), politicalReviewConcluded: false })).toEqual(['political-review@15:error']);
    expect(rules({ ...upTo(15), politicalReviewConcluded: undefined })).toEqual(['political-review@15:error']);
  });

  it('training-3-days-24-hours: either is enough, both short fails', () => {
    const t = (days: number, hours: number) => rules({ ...upTo(15), training: { days, hours } });
    expect(t(3, 0)).toEqual([]);
    expect(t(0, 24)).toEqual([]);
    expect(t(2, 16)).toEqual(['training-3-days-24-hours@11:error']);
    expect(t(2.5, 23.5)).toEqual(['training-3-days-24-hours@11:error']);
    expect(rules({ ...upTo(15), training: null })).toEqual(['training-3-days-24-hours@15:error']);
    expect(rules({ ...upTo(11), training: { days: 2, hours: 16 } })).toEqual(['training-3-days-24-hours@11:error']);
  });

  it('branch-meeting-quorum and -majority: more than half, 8 of 16 is not enough, written opinions count as votes', () => {
    const m = (present: number, votes: number, writtenFor?: number) => rules({ ...upTo(15), branchMeeting: { due: 16, present, for: votes, writtenFor } });
    expect(m(9, 9)).toEqual([]);
    expect(m(8, 8)).toEqual(['branch-meeting-quorum@15:error', 'branch-meeting-majority@15:error']);
    expect(m(16, 8)).toEqual(['branch-meeting-majority@15:error']);
    expect(m(12, 8, 1)).toEqual([]);
    expect(m(12, 7, 1)).toEqual(['branch-meeting-majority@15:error']);
    expect(m(15, 8, 2)).toEqual(['branch-meeting-majority@15:error']); // only 1 absent member could write
    expect(m(17, 10)).toEqual(['branch-meeting-quorum@15:error']);
    expect(m(9, 10)).toEqual(['branch-meeting-majority@15:error']);
    const odd = (present: number, votes: number) => rules({ ...upTo(15), branchMeeting: { due: 15, present, for: votes } });
    expect(odd(8, 8)).toEqual([]);
    expect(odd(7, 7)).toEqual(['branch-meeting-quorum@15:error', 'branch-meeting-majority@15:error']);
    expect(rules({ ...upTo(15), branchMeeting: null })).toEqual(['branch-meeting-quorum@15:error']);
    expect(run({ ...upTo(15), branchMeeting: { due: 16, present: 12, for: 7, writtenFor: 1 } }).findings[0].message).toContain('含书面意见 1 份');
  });

  it('the 转正 meeting uses the same quorum and majority', () => {
    expect(rules({ ...full(), conversionMeeting: { due: 16, present: 8, for: 8 } })).toEqual(['branch-meeting-quorum@23:error', 'branch-meeting-majority@23:error']);
    expect(rules({ ...full(), conversionMeeting: { due: 16, present: 10, for: 8, writtenFor: 1 } })).toEqual([]);
  });

  it('approval: within 3 months is fine, beyond is a warning, beyond 6 an error (reference vector)', () => {
    const a = (approval: string) => rules(withSteps(upTo(17), { 15: '2025-07-01', 16: '2025-07-15', 17: approval }));
    expect(a('2025-10-01')).toEqual([]);
    expect(a('2025-10-02')).toEqual(['approval-3-months@17:warning']);
    expect(a('2025-11-15')).toEqual(['approval-3-months@17:warning']);
    expect(a('2026-01-01')).toEqual(['approval-3-months@17:warning']);
    expect(a('2026-01-02')).toEqual(['approval-6-months@17:error']);
    // Month-end clamping: a meeting on 31 August has until 30 November.
    const b = (approval: string) => rules(withSteps(upTo(17), { 15: '2025-08-31', 16: '2025-09-01', 17: approval }));
    expect(b('2025-11-30')).toEqual([]);
    expect(b('2025-12-01')).toEqual(['approval-3-months@17:warning']);
    // Not yet approved: overdue only against a date of reference.
    const pending = withSteps(upTo(16), { 15: '2025-07-01', 16: '2025-07-15' });
    expect(run(pending).next).toEqual([{ step: 17, earliest: '2025-07-15', latest: '2025-10-01' }]);
    expect(rules(pending, '2025-10-01')).toEqual([]);
    expect(rules(pending, '2025-10-02')).toEqual(['approval-3-months@17:warning']);
    expect(rules(pending, '2026-01-02')).toEqual(['approval-6-months@17:error']);
  });

  it('probation-1-year: counted from the 支部大会, not the oath; leap day clamps', () => {
    expect(probationEnd('2025-07-01', RULES_2014, null)).toBe('2026-07-01');
    expect(probationEnd('2024-02-29', RULES_2014, null)).toBe('2025-02-28');
    const d = shifted('2024-02-29');
    expect(rules(withSteps(d, { 23: '2025-02-28', 24: '2025-03-10', 25: '2025-03-20' }))).toEqual([]);
    expect(rules(withSteps(d, { 23: '2025-02-27', 24: '2025-03-10', 25: '2025-03-20' }))).toEqual(['probation-1-year@23:error']);
    // A year from the oath (2024-06-01) would wrongly delay the end; a year from the meeting is right.
    const open = withSteps(d, { 20: '2024-06-01' });
    for (const n of [23, 24, 25]) delete open.steps[n];
    expect(run(open).next).toEqual([{ step: 23, earliest: '2025-02-28', latest: null }]);
  });

  it('extension-6-12-months: 6 to 12 months, once only; moves the end of probation', () => {
    const ext = (months: number, count: number | undefined, meeting: string) =>
      rules({ ...withSteps(shifted('2025-07-01'), { 23: meeting, 24: meeting, 25: meeting }), extensionMonths: months, extensionCount: count });
    expect(probationEnd('2025-07-01', RULES_2014, 6)).toBe('2027-01-01');
    expect(probationEnd('2025-07-01', RULES_2014, 12)).toBe('2027-07-01');
    expect(ext(6, 1, '2027-01-01')).toEqual([]);
    expect(ext(6, undefined, '2027-01-01')).toEqual([]);
    expect(ext(12, 1, '2027-07-01')).toEqual([]);
    expect(ext(6, 1, '2026-12-31')).toEqual(['probation-1-year@23:error']);
    expect(ext(5, 1, '2027-01-01')).toEqual(['extension-6-12-months@23:error']);
    expect(ext(13, 1, '2027-08-01')).toEqual(['extension-6-12-months@23:error']);
    expect(ext(6, 2, '2027-01-01')).toEqual(['extension-6-12-months@23:error']);
    // "extensionMonths": 0 in a dossier file means no extension, not an extension of 0 months.
    expect(rules({ ...full(), extensionMonths: 0 })).toEqual([]);
    expect(run({ ...upTo(22), extensionMonths: 0 }).next).toEqual([{ step: 23, earliest: '2025-12-01', latest: null }]);
  });

  it('extension: counted from the end of the one-year 预备期 (the reference vector), so a leap-day meeting clamps first', () => {
    // 支部大会 2024-02-29: the 预备期 is full on 2025-02-28; six months more end on 2025-08-28, not 2025-08-29.
    expect(probationEnd('2024-02-29', RULES_2014, 6)).toBe('2025-08-28');
    expect(probationEnd('2024-02-29', RULES_2014, 12)).toBe('2026-02-28');
    const d = { ...withSteps(shifted('2024-02-29'), { 23: '2025-08-28', 24: '2025-09-10', 25: '2025-09-20' }), extensionMonths: 6 };
    expect(rules(d)).toEqual([]);
    expect(run({ ...d, steps: { ...d.steps, 23: undefined, 24: undefined, 25: undefined } as Dossier['steps'] }).next).toContainEqual({ step: 23, earliest: '2025-08-28', latest: null });
  });

  it('conversion-approval-3-months', () => {
    const c = (approval: string) => rules(withSteps(full(), { 23: '2025-12-01', 24: approval, 25: approval }));
    expect(c('2026-03-01')).toEqual([]);
    expect(c('2026-03-02')).toEqual(['conversion-approval-3-months@24:error']);
    expect(run(upTo(23)).next).toEqual([{ step: 24, earliest: '2025-12-01', latest: '2026-03-01' }]);
    expect(rules(upTo(23), '2026-03-02')).toEqual(['conversion-approval-3-months@24:error']);
  });

  it('step-order: a missing earlier step and a step dated before its predecessor', () => {
    const skipped = { steps: { 1: '2025-01-01', 3: '2025-02-01' } };
    expect(rules(skipped)).toEqual(['step-order@3:error']);
    expect(run(skipped).findings[0].message).toContain('第2步“党组织派人谈话”尚未记录');
    expect(rules({ steps: { 1: '2025-01-10', 2: '2025-01-09' } })).toEqual(['step-order@2:error']);
    expect(rules({ steps: { 1: '2025-01-10', 2: '2025-01-10' } })).toEqual([]);
    // Each missing step is named once, not once per later step.
    const gaps = run({ ...full(), steps: { ...full().steps, 10: undefined } as Dossier['steps'] }).findings.filter((f) => f.rule === 'step-order');
    expect(gaps).toHaveLength(1);
    expect(gaps[0].step).toBe(12);
    // Filings (4, 8, 18) are not in the chain of the steps next to them.
    expect(ancestors(19).has(18)).toBe(false);
    expect(ancestors(25).has(18)).toBe(true);
    expect(STEPS.every((s) => s.after.every((a) => a < s.n))).toBe(true);
  });

  it('2026.05 rules (unverified) add the 公示, 1 month to the 支部大会 and the oath within 1 month', () => {
    expect(RULES_2026.verified).toBe(false);
    // The reference knows only the publication (12371 and CNA, 2026-05-18), not an effective date: no invented 1 May.
    expect(RULES_2026.effectiveFrom).toBe('2026-05-18');
    expect(RULES_2026.source).toContain('施行日期待核实');
    expect(workingDaysBetween('2026-06-15', '2026-06-19')).toBe(5);
    expect(workingDaysBetween('2026-06-15', '2026-06-18')).toBe(4);
    const d = { ...full(), publicity: { start: '2024-09-02', end: '2024-09-06' } };
    expect(rules(d, undefined, RULES_2026)).toEqual([]);
    expect(rules({ ...d, publicity: { start: '2024-09-03', end: '2024-09-06' } }, undefined, RULES_2026)).toEqual(['notice-5-working-days@7:error']);
    expect(rules({ ...d, publicity: null }, undefined, RULES_2026)).toEqual(['notice-5-working-days@7:error']);
    expect(rules({ ...withSteps(upTo(16), { 15: '2024-12-16', 16: '2024-12-20' }), publicity: d.publicity }, undefined, RULES_2026)).toEqual(['branch-meeting-1-month-after-review@15:warning']);
    expect(rules(withSteps(d, { 20: '2025-02-16' }), undefined, RULES_2026)).toEqual(['oath-1-month@20:warning']);
    expect(rules(withSteps(full(), { 20: '2025-02-16' }))).toEqual([]);
    expect(run(upTo(17), undefined, RULES_2026).next).toContainEqual({ step: 20, earliest: '2025-01-15', latest: '2025-02-15' });
  });
});

describe('development check (CLI)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-check-'));
  const write = (name: string, body: unknown) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, JSON.stringify(body));
    return f;
  };
  const toFile = (d: Dossier) => ({ ...d, steps: Object.fromEntries(Object.entries(d.steps).map(([k, v]) => [k, v])) });

  it('prints empty findings for a faultless dossier and the documented shape otherwise', () => {
    const ok = JSON.parse(execFileSync('npx', ['party-ledger', 'development', 'check', write('ok.json', toFile(full())), '--json'], { encoding: 'utf8' }));
    expect(ok).toEqual({ findings: [], next: [] });
    const late = write('late.json', { birthDate: '2000-01-01', steps: { '1': '2026-01-31', '2': '2026-03-02' } });
    const r = JSON.parse(execFileSync('npx', ['party-ledger', 'development', 'check', late, '--json'], { encoding: 'utf8' }));
    expect(r.findings).toEqual([{ rule: 'talk-1-month', step: 2, severity: 'warning', message: expect.stringContaining('2026-02-28') }]);
    expect(r.next).toEqual([{ step: 3, earliest: '2026-03-02', latest: null }]);
  });

  it('rejects a malformed dossier with a Chinese message and exit code 1', () => {
    const bad = write('bad.json', { steps: { '1': '2026-02-30' } });
    const p = spawnSync('npx', ['party-ledger', 'development', 'check', bad, '--json'], { encoding: 'utf8' });
    expect(p.status).toBe(1);
    expect(p.stderr).toMatch(/档案文件有误.*有效日期/);
    const q = spawnSync('npx', ['party-ledger', 'development', 'check', write('bad2.json', { steps: { '26': '2026-01-01' } })], { encoding: 'utf8' });
    expect(q.status).toBe(1);
    expect(q.stderr).toContain('步骤编号应为 1 至 25');
  });
});

describe('development rule engine, properties', () => {
  // Any ISO date from 2016 (after the fixture's introducers became full members) to about 2040.
  const date = fc.integer({ min: 0, max: 25 * 366 }).map((n) => addDays('2016-01-01', n));
  const gap = (max: number) => fc.integer({ min: 0, max });

  it('a talk within one calendar month (clamped) never warns; one day later always does', () => {
    fc.assert(
      fc.property(date, (app) => {
        const deadline = addMonths(app, 1);
        expect(rules({ steps: { 1: app, 2: deadline } })).toEqual([]);
        expect(rules({ steps: { 1: app, 2: addDays(deadline, 1) } })).toEqual(['talk-1-month@2:warning']);
        // The deadline is never more than 31 days away and never earlier than 28.
        const days = (Date.parse(deadline) - Date.parse(app)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(28);
        expect(days).toBeLessThanOrEqual(31);
      }),
    );
  });

  it('the probation ends a calendar year after the 支部大会; the day before is always too early', () => {
    fc.assert(
      fc.property(date, (meeting) => {
        const d = { ...shifted(meeting), birthDate: addMonths(meeting, -12 * 30) };
        const end = probationEnd(meeting, RULES_2014, null);
        expect(end.slice(0, 4)).toBe(String(Number(meeting.slice(0, 4)) + 1));
        expect(rules(d)).toEqual([]);
        expect(rules(withSteps(d, { 22: addDays(end, -1), 23: addDays(end, -1) }))).toContain('probation-1-year@23:error');
      }),
    );
  });

  it('a timeline that keeps every limit has no findings; each step out of order is named', () => {
    fc.assert(
      fc.property(date, gap(31 - 28), gap(300), gap(200), gap(89), gap(89), (start, talk, toActivist, extra, approval, conversion) => {
        const s: Record<number, string> = { 1: start, 2: addDays(start, talk) };
        s[3] = addDays(s[2], toActivist);
        for (const n of [4, 5]) s[n] = addDays(s[3], 5);
        s[6] = addMonths(s[3], 6);
        s[7] = addDays(addMonths(s[3], 12), extra);
        for (const n of [8, 9, 10, 11, 12, 13, 14]) s[n] = addDays(s[7], n);
        s[15] = addDays(s[14], 10);
        s[16] = addDays(s[15], 1);
        s[17] = addDays(s[15], Math.max(1, approval));
        for (const n of [18, 19, 20, 21]) s[n] = addDays(s[17], n - 17);
        s[22] = addDays(addMonths(s[15], 12), 0);
        s[23] = addMonths(s[15], 12) > s[22] ? addMonths(s[15], 12) : s[22];
        s[24] = addDays(s[23], conversion);
        s[25] = addDays(s[24], 3);
        const d: Dossier = { ...full(), birthDate: addMonths(start, -12 * 20), steps: s };
        expect(run(d).findings).toEqual([]);
        // Swap one step's date before its predecessor's: step-order names it.
        const k = 2 + ((talk + extra) % 23);
        const broken = withSteps(d, { [k]: addDays(s[Math.max(...STEPS[k - 1].after)], -1) });
        expect(run(broken).findings.some((f) => f.rule === 'step-order' && f.step === k)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('local practice laid over the national rules', () => {
  it('a unit may require months between application and activist, and a 公示 that then only warns', () => {
    const local = withLocalPractice(RULES_2014, { activistAfterApplicationMonths: 6, publicityWorkingDays: 5 });
    expect(local.title).toContain('本单位规定');
    const d = (s3: string) => ({ steps: { 1: '2025-01-31', 2: '2025-02-10', 3: s3 } });
    expect(rules(d('2025-07-31'), undefined, local)).toEqual([]);
    expect(rules(d('2025-07-30'), undefined, local)).toEqual(['activist-after-application@3:warning']);
    expect(rules(d('2025-07-30'))).toEqual([]);
    expect(run({ steps: { 1: '2025-01-31', 2: '2025-02-10' } }, undefined, local).next).toEqual([{ step: 3, earliest: '2025-07-31', latest: null }]);
    expect(rules({ ...full(), publicity: null }, undefined, local)).toEqual(['publicity-working-days@7:warning']);
    // A national requirement is never loosened by local practice.
    expect(withLocalPractice(RULES_2026, { activistAfterApplicationMonths: null, publicityWorkingDays: 3 }).values.publicityWorkingDays).toBe(5);
    expect(rules({ ...full(), publicity: null }, undefined, withLocalPractice(RULES_2026, { activistAfterApplicationMonths: null, publicityWorkingDays: 7 }))).toEqual(['notice-5-working-days@7:error']);
    // The unit's longer 公示 warns under its own id once the national 5 days are met (2024 has no calendar: Mon–Fri).
    const seven = withLocalPractice(RULES_2026, { activistAfterApplicationMonths: null, publicityWorkingDays: 7 });
    expect(rules({ ...full(), publicity: { start: '2024-08-30', end: '2024-09-06' } }, undefined, seven)).toEqual(['publicity-working-days@7:warning']);
    expect(rules({ ...full(), publicity: { start: '2024-08-28', end: '2024-09-06' } }, undefined, seven)).toEqual([]);
  });
});

describe('rule versions chosen by the date of each step', () => {
  const ids = (d: Dossier, versions: readonly DevVersion[], today?: string) => evaluate(d, versions, { today }).findings.map((f) => `${f.rule}@${f.step}:${f.severity}`);
  /** A 2015 file: application 2014-09, 支部大会 2015-12-01, 转正 2016-12; the oath two months after approval, no 公示. */
  const old = (): Dossier => ({ ...shifted('2015-12-01'), birthDate: '1990-05-01' });

  it('a 2015 dossier keeps the 2014 rules with the 2026.05 version present', () => {
    const d = withSteps(old(), { 20: addMonths(old().steps[17]!, 2) });
    expect(adoptedVersions('2026.05')).toEqual([RULES_2014, RULES_2026]);
    expect(ids(d, RULE_SETS)).toEqual([]);
    expect(ids(d, RULE_SETS, '2026-11-28')).toEqual([]);
    expect(ids(d, [RULES_2014])).toEqual([]);
    // Forced to 2026.05 (development check --rules 2026.05) the same file breaks the new rules.
    expect(ids(d, [RULES_2026])).toEqual(['notice-5-working-days@7:error', 'oath-1-month@20:warning']);
    expect(rulesOn(RULE_SETS, '2015-12-01').version).toBe('2014');
    expect(rulesOn(RULE_SETS, '2026-05-17').version).toBe('2014');
    expect(rulesOn(RULE_SETS, RULES_2026.effectiveFrom).version).toBe('2026.05');
  });

  it('a step on or after 2026-05-18 is judged by 2026.05, the earlier steps of the same file by 2014', () => {
    // 发展对象 fixed 2026-06-01 with no 公示: a 2026.05 rule; the 2025 steps before it stay under 2014.
    const d: Dossier = { birthDate: '1998-01-01', steps: { 1: '2025-01-10', 2: '2025-01-20', 3: '2025-05-15', 4: '2025-05-20', 5: '2025-05-20', 6: '2025-11-15', 7: '2026-06-01' } };
    expect(ids(d, RULE_SETS)).toEqual(['notice-5-working-days@7:error']);
    expect(ids(d, [RULES_2014])).toEqual([]);
    expect(ids({ ...d, steps: { ...d.steps, 7: '2026-05-17' } }, RULE_SETS)).toEqual([]);
    // The next step's window is that of the rules in force for it.
    const approved = withSteps(upTo(17), { 17: '2026-06-10' });
    expect(evaluate(approved, RULE_SETS).next).toContainEqual({ step: 20, earliest: '2026-06-10', latest: '2026-07-10' });
    expect(evaluate(upTo(17), RULE_SETS).next).toContainEqual({ step: 20, earliest: '2025-01-15', latest: null });
  });

  it('a message takes its number from the version, not from the text', () => {
    const late = { steps: { 1: '2025-01-10', 2: '2025-03-20' } };
    const message = (v: DevVersion) => evaluate(late, v).findings.find((f) => f.rule === 'talk-1-month')?.message;
    expect(message(RULES_2014)).toBe('谈话（2025-03-20）晚于收到入党申请书后一个月的期限 2025-02-10');
    const two: DevVersion = { ...RULES_2014, version: 'test', values: { ...RULES_2014.values, talkWithinMonths: 2 } };
    expect(message(two)).toBe('谈话（2025-03-20）晚于收到入党申请书后两个月的期限 2025-03-10');
    const slow: DevVersion = { ...RULES_2014, version: 'test', values: { ...RULES_2014.values, approvalNormalMonths: 4, approvalMaxMonths: 8 } };
    const longer: DevVersion = { ...RULES_2014, version: 'test', values: { ...RULES_2014.values, activistMinMonths: 18 } };
    const approval = withSteps(upTo(17), { 17: '2025-05-15' });
    expect(evaluate(approval, RULES_2014).findings.map((f) => f.message)).toEqual(['上级党委审批（2025-05-15）超过支部大会后三个月（2025-03-01）；特殊情况可延长，最长至 2025-06-01']);
    expect(evaluate(approval, slow).findings.map((f) => f.message)).toEqual(['上级党委审批（2025-05-15）超过支部大会后四个月（2025-04-01）；特殊情况可延长，最长至 2025-08-01']);
    expect(evaluate(upTo(7), longer).findings.map((f) => [f.rule, f.message])).toEqual([['activist-1-year', '确定为入党积极分子（2023-09-05）不满十八个月，2025-03-05 起方可确定为发展对象']]);
    // The rule id names the rule, whatever its numbers.
    expect(evaluate(late, two).findings.map((f) => f.rule)).toEqual(['talk-1-month']);
    expect(RULES_2014.values.talkWithinMonths).toBe(1);
  });

  it('local practice is a version of its own source, laid over the national one without changing it', () => {
    const before = JSON.stringify(RULES_2014);
    const local = withLocalPractice(RULES_2014, { activistAfterApplicationMonths: 6, publicityWorkingDays: null });
    expect(local.source).toBe(`${RULES_2014.source}；本单位规定：递交入党申请书满 6 个月方可确定为入党积极分子`);
    expect(JSON.stringify(RULES_2014)).toBe(before);
    expect(RULES_2014.values.activistAfterApplicationMonths).toBeNull();
  });
});
