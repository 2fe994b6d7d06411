/**
 * The rule engine of 发展党员: a pure function from one dossier (dates of the
 * recorded steps and the facts the rules need) to findings and the next steps
 * with their earliest and latest dates. No database, no clock: `today` is
 * passed in, and without it only recorded facts are judged (nothing is
 * "overdue"). Months are calendar months; a day past the target month's end
 * clamps to its last day (core/dates.ts addMonths).
 */
import { addDays, addMonths, parts } from '../dates.ts';
import { ancestors, stepDef, stepLabel, STEPS } from './steps.ts';
import type { RuleSet } from './rulesets.ts';

export const RULE_IDS = [
  'age-18',
  'talk-1-month',
  'activist-after-application',
  'assessment-half-yearly',
  'activist-1-year',
  'publicity-working-days',
  'introducers-2-full',
  'political-review',
  'training-3-days-24-hours',
  'meeting-after-pre-review',
  'branch-meeting-quorum',
  'branch-meeting-majority',
  'approval-3-months',
  'approval-6-months',
  'oath-1-month',
  'probation-1-year',
  'extension-6-12-months',
  'conversion-approval-3-months',
  'step-order',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Meeting {
  /** Voting (正式) members due to attend. */
  due: number;
  /** Voting members present. */
  present: number;
  /** Votes for, cast at the meeting. */
  for: number;
  /** Written opinions in favour from voting members who could not attend; they count as votes. */
  writtenFor?: number;
}

export interface Introducer {
  name: string;
  /** Date the introducer became a 正式党员 (null: not a full member). */
  fullMemberSince: string | null;
  /** Under 留党察看 with rights not restored. */
  underProbation?: boolean;
}

export interface Dossier {
  birthDate?: string | null;
  /** Step number → date it happened. */
  steps: Partial<Record<number, string>>;
  introducers?: Introducer[];
  training?: { days: number; hours: number } | null;
  politicalReviewConcluded?: boolean;
  branchMeeting?: Meeting | null;
  conversionMeeting?: Meeting | null;
  /** Months the probation was extended by (once at most). */
  extensionMonths?: number | null;
  /** How many extensions were decided (the ledger counts them; default: 1 when extensionMonths is set). */
  extensionCount?: number;
  /** Dates of the branch's half-yearly assessments of the activist (step 6). */
  assessments?: string[];
  /** 公示 before listing as 发展对象 (2026 rules or local practice). */
  publicity?: { start: string; end: string } | null;
}

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: RuleId;
  step: number;
  severity: Severity;
  message: string;
}

export interface NextStep {
  step: number;
  earliest: string;
  latest: string | null;
}

export interface Evaluation {
  findings: Finding[];
  next: NextStep[];
}

/** Mon–Fri working days from `start` to `end`, both included (no holiday calendar). */
export function workingDaysBetween(start: string, end: string): number {
  let n = 0;
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const [y, m, day] = parts(d);
    const wd = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/**
 * The end of the 预备期: one year from the 支部大会 (step 15), never from the oath;
 * an extension runs on from that end (a leap-day meeting: 2025-02-28, then + 6 months = 2025-08-28).
 */
export function probationEnd(meetingDate: string, rules: RuleSet, extensionMonths: number | null | undefined): string {
  return addMonths(addMonths(meetingDate, rules.probationMonths), extensionMonths ?? 0);
}

const maxDate = (...ds: (string | undefined | null)[]) => ds.filter((d): d is string => !!d).sort().at(-1) ?? null;

export function evaluate(d: Dossier, rules: RuleSet, opts: { today?: string | null } = {}): Evaluation {
  const today = opts.today ?? null;
  const at = (n: number) => d.steps[n] ?? null;
  const has = (n: number) => !!d.steps[n];
  const findings: Finding[] = [];
  const add = (rule: RuleId, step: number, severity: Severity, message: string) => findings.push({ rule, step, severity, message });

  // Order: each recorded step needs every earlier step of its chain, dated on or before it.
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

  // 1 申请：年满十八岁。
  if (d.birthDate && has(1)) {
    const adult = addMonths(d.birthDate, rules.minAge * 12);
    if (at(1)! < adult) add('age-18', 1, 'error', `递交入党申请书时（${at(1)}）未满 ${rules.minAge} 周岁（${adult} 年满）`);
  }

  // 2 谈话：收到申请后一个月内。
  if (has(1)) {
    const deadline = addMonths(at(1)!, rules.talkWithinMonths);
    if (has(2) && at(2)! > deadline) add('talk-1-month', 2, 'warning', `谈话（${at(2)}）晚于收到入党申请书后一个月的期限 ${deadline}`);
    if (!has(2) && today && today > deadline) add('talk-1-month', 2, 'warning', `收到入党申请书（${at(1)}）已超过一个月，尚未派人谈话（期限 ${deadline}）`);
  }

  // 3 积极分子：本单位规定的申请后最短时间（全国无统一要求）。
  if (rules.activistAfterApplicationMonths && has(1) && has(3)) {
    const earliest = addMonths(at(1)!, rules.activistAfterApplicationMonths);
    if (at(3)! < earliest) add('activist-after-application', 3, 'warning', `按本单位规定，递交申请满 ${rules.activistAfterApplicationMonths} 个月（${earliest}）后方可确定为入党积极分子`);
  }

  // 6 培养教育考察：支部每半年考察一次，半年从确定为积极分子起算（固定的半年，不随上次考察的日期移动）。
  if (has(3) && d.assessments) {
    const s3 = at(3)!;
    const bound = at(7) ?? today;
    const dates = [...d.assessments].filter((x) => x >= s3 && (!bound || x <= bound)).sort();
    const until = bound ?? dates.at(-1);
    for (let k = 1; until; k++) {
      const start = addMonths(s3, rules.assessmentEveryMonths * (k - 1));
      const due = addMonths(s3, rules.assessmentEveryMonths * k);
      if (due >= until) break;
      if (!dates.some((x) => (k === 1 ? x >= start : x > start) && x <= due)) {
        const later = dates.find((x) => x > due);
        add('assessment-half-yearly', 6, 'warning', later
          ? `${start} 至 ${due} 的半年考察（应在 ${due} 前）迟至 ${later}`
          : `${start} 至 ${due} 的半年考察应在 ${due} 前进行，尚未记录`);
        break;
      }
    }
  }

  // 7 发展对象：经过一年以上培养教育。
  if (has(3) && has(7)) {
    const earliest = addMonths(at(3)!, rules.activistMinMonths);
    if (at(7)! < earliest) add('activist-1-year', 7, 'error', `确定为入党积极分子（${at(3)}）不满一年，${earliest} 起方可确定为发展对象`);
  }
  if (rules.publicityWorkingDays && has(7)) {
    const p = d.publicity;
    const sev: Severity = rules.publicityLocal ? 'warning' : 'error';
    const by = rules.publicityLocal ? '按本单位规定，' : '';
    if (!p) add('publicity-working-days', 7, sev, `${by}确定发展对象前应公示不少于 ${rules.publicityWorkingDays} 个工作日，未记录公示`);
    else {
      const n = workingDaysBetween(p.start, p.end);
      if (n < rules.publicityWorkingDays) add('publicity-working-days', 7, sev, `${by}公示 ${p.start} 至 ${p.end} 只有 ${n} 个工作日，应不少于 ${rules.publicityWorkingDays} 个`);
      if (p.end > at(7)!) add('publicity-working-days', 7, sev, `公示（至 ${p.end}）应在确定发展对象（${at(7)}）前结束`);
    }
  }

  // 9 入党介绍人：两名正式党员，不得为留党察看期间未恢复党员权利的党员。
  if (has(9)) {
    const list = d.introducers ?? [];
    const on = at(9)!;
    if (list.length !== rules.introducers) add('introducers-2-full', 9, 'error', `入党介绍人应为 ${rules.introducers} 名，现记录 ${list.length} 名`);
    for (const i of list) {
      if (!i.fullMemberSince || i.fullMemberSince > on) add('introducers-2-full', 9, 'error', `入党介绍人${i.name}在 ${on} 还不是正式党员`);
      if (i.underProbation) add('introducers-2-full', 9, 'error', `入党介绍人${i.name}受留党察看处分、尚未恢复党员权利，不能担任入党介绍人`);
    }
  }

  // 15 支部大会前：政治审查结论、集中培训。
  if (has(15)) {
    if (!d.politicalReviewConcluded)
      add('political-review', 15, 'error', '未形成书面政治审查结论，不能提交支部大会讨论');
    const t = d.training;
    if (!t) add('training-3-days-24-hours', 15, 'error', `未记录集中培训（应不少于 ${rules.trainingMinDays} 天或 ${rules.trainingMinHours} 学时）`);
  }
  if (d.training && (has(11) || has(15)) && d.training.days < rules.trainingMinDays && d.training.hours < rules.trainingMinHours)
    add('training-3-days-24-hours', 11, 'error', `集中培训 ${d.training.days} 天、${d.training.hours} 学时，不足 ${rules.trainingMinDays} 天或 ${rules.trainingMinHours} 学时`);
  if (rules.meetingAfterPreReviewMonths && has(13)) {
    const deadline = addMonths(at(13)!, rules.meetingAfterPreReviewMonths);
    if (has(15) && at(15)! > deadline) add('meeting-after-pre-review', 15, 'warning', `预审通过（${at(13)}）后应在 ${deadline} 前提交支部大会，实际 ${at(15)}`);
    if (!has(15) && today && today > deadline) add('meeting-after-pre-review', 15, 'warning', `预审通过（${at(13)}）已超过一个月，尚未提交支部大会（期限 ${deadline}）`);
  }
  if (has(15)) meetingRules(d.branchMeeting, 15, 'branch-meeting-quorum', 'branch-meeting-majority', '接收预备党员的支部大会', add);

  // 17 上级党委审批：三个月内，特殊情况可延长，最长不超过六个月。
  if (has(15)) {
    const normal = addMonths(at(15)!, rules.approvalNormalMonths);
    const max = addMonths(at(15)!, rules.approvalMaxMonths);
    const when = at(17) ?? (today && today > normal ? today : null);
    const done = has(17);
    if (when && when > max)
      add('approval-6-months', 17, 'error', done
        ? `上级党委审批（${when}）超过支部大会（${at(15)}）后六个月的最长期限 ${max}`
        : `支部大会（${at(15)}）后已超过六个月的最长期限 ${max}，上级党委尚未审批`);
    else if (when && when > normal)
      add('approval-3-months', 17, 'warning', done
        ? `上级党委审批（${when}）超过支部大会后三个月（${normal}）；特殊情况可延长，最长至 ${max}`
        : `支部大会（${at(15)}）后已超过三个月（${normal}），上级党委尚未审批；最长不得晚于 ${max}`);
  }
  if (rules.oathWithinMonths && has(17)) {
    const deadline = addMonths(at(17)!, rules.oathWithinMonths);
    const when = at(20) ?? (today && today > deadline ? today : null);
    if (when && when > deadline) add('oath-1-month', 20, 'warning', `入党宣誓一般应在审批（${at(17)}）后一个月内，即 ${deadline} 前`);
  }

  // 预备期：从支部大会通过之日起一年；延长一次，六个月至一年。
  const count = d.extensionCount ?? (d.extensionMonths ? 1 : 0);
  if (count > rules.extensionsAllowed) add('extension-6-12-months', 23, 'error', `预备期只能延长一次，现记录 ${count} 次`);
  // 0 (or null) means no extension was decided.
  if (d.extensionMonths && (d.extensionMonths < rules.extensionMinMonths || d.extensionMonths > rules.extensionMaxMonths))
    add('extension-6-12-months', 23, 'error', `延长预备期 ${d.extensionMonths} 个月，应不少于 ${rules.extensionMinMonths} 个月、不超过 ${rules.extensionMaxMonths} 个月`);
  const end = has(15) ? probationEnd(at(15)!, rules, d.extensionMonths) : null;
  if (end) {
    for (const n of [23, 24])
      if (has(n) && at(n)! < end) {
        add('probation-1-year', n, 'error', `预备期（自支部大会 ${at(15)} 起${d.extensionMonths ? `，延长 ${d.extensionMonths} 个月` : ''}）至 ${end} 期满，${stepDef(n).name}（${at(n)}）过早`);
        break;
      }
    if (has(23)) meetingRules(d.conversionMeeting, 23, 'branch-meeting-quorum', 'branch-meeting-majority', '讨论转正的支部大会', add);
  }
  if (has(23)) {
    const deadline = addMonths(at(23)!, rules.conversionApprovalMonths);
    const when = at(24) ?? (today && today > deadline ? today : null);
    if (when && when > deadline)
      add('conversion-approval-3-months', 24, 'error', has(24)
        ? `转正审批（${when}）超过支部大会讨论转正（${at(23)}）后三个月的期限 ${deadline}`
        : `支部大会讨论转正（${at(23)}）已超过三个月（${deadline}），上级党委尚未审批`);
  }

  return { findings, next: nextSteps(d, rules, end) };
}

function meetingRules(
  m: Meeting | null | undefined,
  step: number,
  quorumRule: RuleId,
  majorityRule: RuleId,
  what: string,
  add: (rule: RuleId, step: number, severity: Severity, message: string) => void,
): void {
  if (!m) {
    add(quorumRule, step, 'error', `未记录${what}的应到、实到和赞成人数`);
    return;
  }
  const written = m.writtenFor ?? 0;
  if (m.due < 1 || m.present < 0 || m.for < 0 || written < 0) {
    add(quorumRule, step, 'error', `${what}的人数不正确`);
    return;
  }
  if (m.present > m.due) add(quorumRule, step, 'error', `${what}实到 ${m.present} 人，多于应到的 ${m.due} 人`);
  else if (m.present * 2 <= m.due) add(quorumRule, step, 'error', `${what}有表决权的到会 ${m.present} 人，未超过应到 ${m.due} 人的半数`);
  if (m.for > m.present) add(majorityRule, step, 'error', `${what}赞成 ${m.for} 票，多于到会的 ${m.present} 人`);
  else if (written > Math.max(0, m.due - m.present)) add(majorityRule, step, 'error', `书面意见 ${written} 份，多于未到会的 ${Math.max(0, m.due - m.present)} 人`);
  else if ((m.for + written) * 2 <= m.due)
    add(majorityRule, step, 'error', `${what}赞成 ${m.for + written} 票${written ? `（含书面意见 ${written} 份）` : ''}，未超过应到会有表决权的正式党员 ${m.due} 人的半数`);
}

/** Steps not yet recorded whose preceding steps are all recorded, with their window. */
function nextSteps(d: Dossier, rules: RuleSet, end: string | null): NextStep[] {
  const at = (n: number) => d.steps[n] ?? null;
  const out: NextStep[] = [];
  if (!at(1)) {
    if (d.birthDate) out.push({ step: 1, earliest: addMonths(d.birthDate, rules.minAge * 12), latest: null });
    return out;
  }
  for (const s of STEPS) {
    if (at(s.n) || !s.after.every((a) => at(a))) continue;
    let earliest = maxDate(...s.after.map(at))!;
    let latest: string | null = null;
    switch (s.n) {
      case 2:
        latest = addMonths(at(1)!, rules.talkWithinMonths);
        break;
      case 3:
        if (rules.activistAfterApplicationMonths) earliest = maxDate(earliest, addMonths(at(1)!, rules.activistAfterApplicationMonths))!;
        break;
      case 6:
        latest = addMonths(at(3)!, rules.assessmentEveryMonths);
        break;
      case 7:
        earliest = maxDate(earliest, addMonths(at(3)!, rules.activistMinMonths))!;
        break;
      case 15:
        if (rules.meetingAfterPreReviewMonths) latest = addMonths(at(13)!, rules.meetingAfterPreReviewMonths);
        break;
      case 17:
        latest = addMonths(at(15)!, rules.approvalNormalMonths);
        break;
      case 20:
        if (rules.oathWithinMonths) latest = addMonths(at(17)!, rules.oathWithinMonths);
        break;
      case 22:
      case 23:
        earliest = maxDate(earliest, end)!;
        break;
      case 24:
        latest = addMonths(at(23)!, rules.conversionApprovalMonths);
        break;
    }
    out.push({ step: s.n, earliest, latest });
  }
  return out;
}
