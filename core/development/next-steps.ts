/** The steps a dossier may take next, each with its earliest and latest date under the rules in force for it. */
import { addMonths } from '../../common/dates.ts';
import { STEP, STEPS } from './steps.ts';
import { workingDaysEnd } from '../../common/workdays.ts';
import type { Judge, NextStep } from './rule-types.ts';

const maxDate = (...ds: (string | undefined | null)[]) => ds.filter((d): d is string => !!d).sort().at(-1) ?? null;

/** Steps not yet recorded whose preceding steps are all recorded, with their window. */
export function nextSteps({ d, at, rules, calendar }: Judge, end: string | null): NextStep[] {
  const out: NextStep[] = [];
  if (!at(STEP.application)) {
    if (d.birthDate) out.push({ step: STEP.application, earliest: addMonths(d.birthDate, rules(STEP.application).minAge * 12), latest: null });
    return out;
  }
  for (const s of STEPS) {
    if (at(s.n) || !s.after.every((a) => at(a))) continue;
    const r = rules(s.n);
    let earliest = maxDate(...s.after.map(at))!;
    let latest: string | null = null;
    let provisional: string | null = null;
    switch (s.n) {
      case STEP.talk:
        latest = addMonths(at(STEP.application)!, r.talkWithinMonths);
        break;
      case STEP.activist:
        if (r.activistAfterApplicationMonths) earliest = maxDate(earliest, addMonths(at(STEP.application)!, r.activistAfterApplicationMonths))!;
        break;
      case STEP.assessment:
        latest = addMonths(at(STEP.activist)!, r.assessmentEveryMonths);
        break;
      case STEP.candidate:
        earliest = maxDate(earliest, addMonths(at(STEP.activist)!, r.activistMinMonths))!;
        {
          // the 公示 must have run its working days (by the holiday calendar) before the 发展对象 is fixed
          const days = Math.max(r.publicityWorkingDays ?? 0, r.localPublicityWorkingDays ?? 0);
          if (days && d.publicity) {
            const p = workingDaysEnd(d.publicity.start, days, calendar);
            earliest = maxDate(earliest, p.end)!;
            provisional = p.provisional;
          }
        }
        break;
      case STEP.branchMeeting:
        // deadlines that run from an earlier step follow that step's version
        if (rules(STEP.preReview).meetingAfterPreReviewMonths) latest = addMonths(at(STEP.preReview)!, rules(STEP.preReview).meetingAfterPreReviewMonths!);
        break;
      case STEP.approval:
        latest = addMonths(at(STEP.branchMeeting)!, r.approvalNormalMonths);
        break;
      case STEP.oath:
        if (rules(STEP.approval).oathWithinMonths) latest = addMonths(at(STEP.approval)!, rules(STEP.approval).oathWithinMonths!);
        break;
      case STEP.conversionRequest:
      case STEP.conversionMeeting:
        earliest = maxDate(earliest, end)!;
        break;
      case STEP.conversionApproval:
        latest = addMonths(at(STEP.conversionMeeting)!, r.conversionApprovalMonths);
        break;
    }
    out.push(provisional ? { step: s.n, earliest, latest, provisional } : { step: s.n, earliest, latest });
  }
  return out;
}
