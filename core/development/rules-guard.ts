/**
 * Which rules a development file is judged by, and the guard every change passes:
 * a change that brings in a new error of a blocking rule is refused with the
 * rule's reason; lateness (a talk or an approval that came late) is recorded as
 * it happened and shown as a finding.
 */
import { LedgerError } from '../errors.ts';
import type { Tx } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import { evaluate, type Finding, type RuleId } from './engine.ts';
import { adoptedVersions, NO_LOCAL_PRACTICE, withLocalPractice, type DevVersion, type LocalPractice } from './rulesets.ts';
import { STEP, stepLabel } from './steps.ts';
import { dossierOf, type DevFile, type StepRecord } from './model.ts';
import { mergeCalendar, type HolidayYear } from '../../common/workdays.ts';

/**
 * development.ruleVersion: the newest national version the unit has adopted. Every
 * version up to it applies from its own effective date, so adopting 2026.05 does
 * not re-judge a file whose steps were taken under the 2014 细则.
 */
export const developmentSettingDefaults = {
  'development.ruleVersion': '2014',
  'development.localPractice': NO_LOCAL_PRACTICE,
  /** The unit's own years of 放假安排 (HolidayYear[]), laid over the years the ledger ships (common/workdays.ts). */
  'development.holidays': [] as HolidayYear[],
};

/** Rules about timeliness: what happened late is still recorded. Training is a fact; it blocks only at the 支部大会. */
const NON_BLOCKING = new Set<RuleId>([
  'talk-1-month',
  'activist-after-application',
  'assessment-half-yearly',
  'approval-3-months',
  'approval-6-months',
  'branch-meeting-1-month-after-review',
  'secret-ballot',
  'oath-1-month',
  'conversion-approval-3-months',
  'training-3-days-24-hours',
]);
/** Errors that must be cleared before a step may be recorded, wherever they were found. */
const GATES: Record<number, RuleId[]> = { [STEP.branchMeeting]: ['training-3-days-24-hours', 'political-review', 'introducers-2-full'] };

/** The holiday calendar of the unit: the shipped years with the unit's own entries laid over them. */
export async function currentCalendar(tx: Tx): Promise<HolidayYear[]> {
  return mergeCalendar(await getSetting<HolidayYear[]>(tx, 'development.holidays'));
}

/** The versions the unit applies (each with the unit's local practice and holiday calendar laid over it), in date order. */
export async function currentRules(tx: Tx): Promise<DevVersion[]> {
  const local = await getSetting<LocalPractice>(tx, 'development.localPractice');
  const calendar = await currentCalendar(tx);
  return adoptedVersions(await getSetting<string>(tx, 'development.ruleVersion')).map((r) => ({ ...withLocalPractice(r, local), calendar }));
}

const key = (f: Finding) => `${f.rule}|${f.step}|${f.message}`;

/** Refuses a change that brings in a blocking error; returns the findings after it. */
export function guard(
  rules: readonly DevVersion[],
  file: Pick<DevFile, 'birthDate' | 'extensionMonths'>,
  before: StepRecord[],
  after: StepRecord[],
  step: number,
  extensionCount?: number,
): Finding[] {
  const old = new Set(evaluate({ ...dossierOf(file, before), extensionCount }, rules).findings.map(key));
  const now = evaluate({ ...dossierOf(file, after), extensionCount }, rules).findings;
  const blocking = now.filter(
    (f) => f.severity === 'error' && ((!NON_BLOCKING.has(f.rule) && !old.has(key(f))) || (GATES[step] ?? []).includes(f.rule)),
  );
  if (blocking.length) throw new LedgerError(`不能记录${stepLabel(step)}：${blocking[0].message}`, 'date', blocking);
  return now;
}
