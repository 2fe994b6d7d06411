/**
 * The checks of stages 1–3 (application to 发展对象): each reads its numbers from
 * the version in force on the date of the step it judges, and builds its
 * message from those numbers.
 */
import { addMonths } from '../../common/dates.ts';
import { countWorkingDays, workingDaysEnd, type HolidayCalendar } from '../../common/workdays.ts';
import { ancestors, STEP, STEPS, stepLabel } from './steps.ts';
import { monthsText, type Judge, type RuleId, type Severity } from './rule-types.ts';

/** Working days from `start` to `end`, both included, by a holiday calendar (none given: Monday to Friday). */
export function workingDaysBetween(start: string, end: string, calendar: HolidayCalendar = []): number {
  return countWorkingDays(start, end, calendar).days;
}

/** Order: each recorded step needs every earlier step of its chain, dated on or before it. */
export function checkOrder({ at, has, add }: Judge): void {
  const reportedMissing = new Set<number>();
  for (const s of STEPS) {
    const date = at(s.n);
    if (!date) continue;
    const anc = [...ancestors(s.n)].sort((a, b) => a - b);
    for (const a of anc)
      if (!has(a) && !reportedMissing.has(a)) {
        reportedMissing.add(a);
        add('step-order', s.n, 'error', `已记录${stepLabel(s.n)}，但之前的${stepLabel(a)}尚未记录`);
      }
    const late = anc.filter((a) => has(a) && at(a)! > date).sort((a, b) => b - a)[0];
    if (late) add('step-order', s.n, 'error', `${stepLabel(s.n)}的日期 ${date} 早于之前的${stepLabel(late)}（${at(late)}）`);
  }
}

/** 申请：年满十八岁；谈话：收到申请后一定期限内。 */
export function checkApplication({ d, at, has, rules, add, today }: Judge): void {
  const { application, talk } = STEP;
  if (d.birthDate && has(application)) {
    const { minAge } = rules(application);
    const adult = addMonths(d.birthDate, minAge * 12);
    if (at(application)! < adult) add('age-18', application, 'error', `递交入党申请书时（${at(application)}）未满 ${minAge} 周岁（${adult} 年满）`);
  }
  if (has(application)) {
    const { talkWithinMonths } = rules(talk);
    const span = monthsText(talkWithinMonths);
    const deadline = addMonths(at(application)!, talkWithinMonths);
    if (has(talk) && at(talk)! > deadline) add('talk-1-month', talk, 'warning', `谈话（${at(talk)}）晚于收到入党申请书后${span}的期限 ${deadline}`);
    if (!has(talk) && today && today > deadline) add('talk-1-month', talk, 'warning', `收到入党申请书（${at(application)}）已超过${span}，尚未派人谈话（期限 ${deadline}）`);
  }
}

/** 积极分子：本单位规定的申请后最短时间（全国无统一要求）；支部定期考察，从确定为积极分子起算。 */
export function checkActivist({ d, at, has, rules, add, today }: Judge): void {
  const { application, activist, assessment, candidate } = STEP;
  const { activistAfterApplicationMonths } = rules(activist);
  if (activistAfterApplicationMonths && has(application) && has(activist)) {
    const earliest = addMonths(at(application)!, activistAfterApplicationMonths);
    if (at(activist)! < earliest) add('activist-after-application', activist, 'warning', `按本单位规定，递交申请满 ${activistAfterApplicationMonths} 个月（${earliest}）后方可确定为入党积极分子`);
  }
  // The periods are fixed from the activist's date; they do not move with the last assessment.
  if (has(activist) && d.assessments) {
    const every = rules(assessment).assessmentEveryMonths;
    const label = every === 6 ? '半年' : monthsText(every);
    const s3 = at(activist)!;
    const bound = at(candidate) ?? today;
    const dates = [...d.assessments].filter((x) => x >= s3 && (!bound || x <= bound)).sort();
    const until = bound ?? dates.at(-1);
    for (let k = 1; until; k++) {
      const start = addMonths(s3, every * (k - 1));
      const due = addMonths(s3, every * k);
      if (due >= until) break;
      if (!dates.some((x) => (k === 1 ? x >= start : x > start) && x <= due)) {
        const later = dates.find((x) => x > due);
        add('assessment-half-yearly', assessment, 'warning', later
          ? `${start} 至 ${due} 的${label}考察（应在 ${due} 前）迟至 ${later}`
          : `${start} 至 ${due} 的${label}考察应在 ${due} 前进行，尚未记录`);
        break;
      }
    }
  }
}

/** 发展对象：经过规定期限以上的培养教育；2026（第十三条）或本单位规定：确定前公示规定的工作日数。 */
export function checkCandidate(j: Judge): void {
  const { at, has, rules, add } = j;
  const { activist, candidate } = STEP;
  const r = rules(candidate);
  if (has(activist) && has(candidate)) {
    const earliest = addMonths(at(activist)!, r.activistMinMonths);
    if (at(candidate)! < earliest) add('activist-1-year', candidate, 'error', `确定为入党积极分子（${at(activist)}）不满${monthsText(r.activistMinMonths)}，${earliest} 起方可确定为发展对象`);
  }
  // The national rule (an error) first; the unit's longer notice only warns, and only when the national one is met.
  if (r.publicityWorkingDays) publicityRule(j, 'notice-5-working-days', r.publicityWorkingDays, 'error', '');
  const national = j.d.publicity ? !r.publicityWorkingDays || countWorkingDays(j.d.publicity.start, j.d.publicity.end, j.calendar).days >= r.publicityWorkingDays : !r.publicityWorkingDays;
  if (r.localPublicityWorkingDays && national) publicityRule(j, 'publicity-working-days', r.localPublicityWorkingDays, 'warning', '按本单位规定，');
}

/** The 公示 before 确定发展对象: recorded, long enough in working days (by the holiday calendar), ended by the step's date. */
function publicityRule({ d, at, has, add, calendar }: Judge, rule: RuleId, days: number, sev: Severity, by: string): void {
  const { candidate } = STEP;
  if (!has(candidate)) return;
  const p = d.publicity;
  if (!p) return add(rule, candidate, sev, `${by}确定发展对象前应公示不少于 ${days} 个工作日，未记录公示`);
  const n = countWorkingDays(p.start, p.end, calendar);
  const note = n.provisional ? `（暂算：${n.provisional}）` : '';
  if (p.end < p.start) return add(rule, candidate, sev, `公示结束日期 ${p.end} 早于开始日期 ${p.start}`);
  if (n.days < days) {
    const due = workingDaysEnd(p.start, days, calendar);
    add(rule, candidate, sev, `${by}公示 ${p.start} 至 ${p.end} 只有 ${n.days} 个工作日，应不少于 ${days} 个（至少公示至 ${due.end}）${note}`);
  }
  if (p.end > at(candidate)!) add(rule, candidate, sev, `公示（至 ${p.end}）应在确定发展对象（${at(candidate)}）前结束`);
}

/** 入党介绍人：规定人数的正式党员，不得为留党察看期间未恢复党员权利的党员。 */
export function checkIntroducers({ d, at, has, rules, add }: Judge): void {
  const { introducers: step } = STEP;
  if (!has(step)) return;
  const { introducers } = rules(step);
  const list = d.introducers ?? [];
  const on = at(step)!;
  if (list.length !== introducers) add('introducers-2-full', step, 'error', `入党介绍人应为 ${introducers} 名，现记录 ${list.length} 名`);
  for (const i of list) {
    if (!i.fullMemberSince || i.fullMemberSince > on) add('introducers-2-full', step, 'error', `入党介绍人${i.name}在 ${on} 还不是正式党员`);
    if (i.underProbation) add('introducers-2-full', step, 'error', `入党介绍人${i.name}受留党察看处分、尚未恢复党员权利，不能担任入党介绍人`);
  }
}
