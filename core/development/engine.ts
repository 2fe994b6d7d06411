/**
 * The rule engine of 发展党员: a pure function from one dossier (dates of the
 * recorded steps and the facts the rules need) to findings and the next steps
 * with their earliest and latest dates. No database, no clock: `today` is
 * passed in, and without it only recorded facts are judged (nothing is
 * "overdue"). Months are calendar months; a day past the target month's end
 * clamps to its last day (common/dates.ts addMonths).
 *
 * Each step is judged by the rule version in force on its date (a step not yet
 * recorded: today, else the latest recorded date), so a file begun under the
 * 2014 细则 keeps those rules when a later version is adopted. The checks live in
 * rule-checks*.ts, the next-step windows in next-steps.ts.
 */
import { articleOf, RULE_SETS, ruleSet, rulesOn, type DevVersion, type RuleSet } from './rulesets.ts';
import { mergeCalendar, type HolidayCalendar } from '../../common/workdays.ts';
import type { Dossier, Evaluation, Finding, Judge } from './rule-types.ts';
import { checkActivist, checkApplication, checkCandidate, checkIntroducers, checkOrder } from './rule-checks.ts';
import { checkApproval, checkBeforeMeeting, checkProbation } from './rule-checks-admission.ts';
import { nextSteps } from './next-steps.ts';

export { RULE_IDS, type Dossier, type Evaluation, type Finding, type Introducer, type Meeting, type NextStep, type RuleId, type Severity } from './rule-types.ts';
export { workingDaysBetween } from './rule-checks.ts';
export { probationEnd } from './rulesets.ts';

/** The judge of one dossier: its dates, and the numbers in force for each step. */
export function judgeOf(d: Dossier, rules: RuleSet, today: string | null, findings: Finding[] = [], calendar?: HolidayCalendar): Judge {
  const at = (n: number) => d.steps[n] ?? null;
  const recorded = Object.values(d.steps).filter((x): x is string => !!x).sort();
  const fallback = today ?? recorded.at(-1) ?? null;
  const version = (n: number) => rulesOn(rules, at(n) ?? fallback);
  return {
    d,
    today,
    at,
    has: (n) => !!d.steps[n],
    rules: (n) => version(n).values,
    calendar: calendar ?? rulesOn(rules, null).calendar ?? mergeCalendar(null),
    add: (rule, step, severity, message) => {
      const article = articleOf(version(step), rule);
      findings.push(article ? { rule, step, severity, message, article } : { rule, step, severity, message });
    },
  };
}

/** `calendar`: the holiday calendar to count working days by (default: the one the rules carry, else the shipped years). */
export function evaluate(d: Dossier, rules: RuleSet, opts: { today?: string | null; calendar?: HolidayCalendar } = {}): Evaluation {
  const findings: Finding[] = [];
  const j = judgeOf(d, rules, opts.today ?? null, findings, opts.calendar);
  checkOrder(j);
  checkApplication(j);
  checkActivist(j);
  checkCandidate(j);
  checkIntroducers(j);
  checkBeforeMeeting(j);
  checkApproval(j);
  const end = checkProbation(j, rules);
  return { findings, next: nextSteps(j, end) };
}

/** The rules to check a dossier by: a named version forces it; none means every national version, each from its own date. */
export function checkRules(version: string | null | undefined): RuleSet {
  return version ? ruleSet(version) : RULE_SETS;
}

/** The version that judged each recorded step (step number → version name): the one in force on that step's date. */
export function stepVersions(d: Dossier, rules: RuleSet): Record<number, string> {
  return Object.fromEntries(Object.entries(d.steps).filter(([, day]) => !!day).map(([n, day]) => [Number(n), rulesOn(rules, day).version]));
}

/** The versions that judged a dossier's recorded steps (with `today` for the steps not yet taken), oldest first. */
export function rulesUsed(d: Dossier, rules: RuleSet, today: string | null = null): DevVersion[] {
  const days = [...Object.values(d.steps).filter((x): x is string => !!x), ...(today ? [today] : [])];
  const used = new Set((days.length ? days : [null]).map((day) => rulesOn(rules, day)));
  return [...used].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}
