/**
 * The checks of stages 4–5 (the 支部大会 to 转正): political review and training
 * before the meeting, the meeting's quorum and majority, the time limits of the
 * approvals and the oath, and the 预备期. Numbers come from the version in force
 * on the date of the step being judged.
 */
import { addMonths } from '../../common/dates.ts';
import { STEP, stepDef } from './steps.ts';
import { probationEnd, type RuleSet } from './rulesets.ts';
import { cnCount, monthsText, type Judge, type Meeting, type RuleId, type Severity } from './rule-types.ts';

type Add = Judge['add'];

/** 支部大会前：政治审查结论、集中培训；2026：预审通过后一定期限内提交支部大会。 */
export function checkBeforeMeeting({ d, at, has, rules, add, today }: Judge): void {
  const { training: trainingStep, preReview, branchMeeting } = STEP;
  if (has(branchMeeting)) {
    if (!d.politicalReviewConcluded) add('political-review', branchMeeting, 'error', '未形成书面政治审查结论，不能提交支部大会讨论');
    const r = rules(branchMeeting);
    if (!d.training) add('training-3-days-24-hours', branchMeeting, 'error', `未记录集中培训（应不少于 ${r.trainingMinDays} 天或 ${r.trainingMinHours} 学时）`);
  }
  const t = d.training;
  if (t && (has(trainingStep) || has(branchMeeting))) {
    const r = rules(trainingStep);
    if (t.days < r.trainingMinDays && t.hours < r.trainingMinHours)
      add('training-3-days-24-hours', trainingStep, 'error', `集中培训 ${t.days} 天、${t.hours} 学时，不足 ${r.trainingMinDays} 天或 ${r.trainingMinHours} 学时`);
  }
  // A deadline that runs from an earlier step is that step's version's: a 预审 passed under 2014 has no one-month limit.
  const within = has(preReview) ? rules(preReview).meetingAfterPreReviewMonths : null;
  if (within && has(preReview)) {
    const deadline = addMonths(at(preReview)!, within);
    if (has(branchMeeting) && at(branchMeeting)! > deadline) add('branch-meeting-1-month-after-review', branchMeeting, 'warning', `预审通过（${at(preReview)}）后应在 ${deadline} 前提交支部大会，实际 ${at(branchMeeting)}`);
    if (!has(branchMeeting) && today && today > deadline) add('branch-meeting-1-month-after-review', branchMeeting, 'warning', `预审通过（${at(preReview)}）已超过${monthsText(within)}，尚未提交支部大会（期限 ${deadline}）`);
  }
  if (has(branchMeeting)) {
    meetingRules(d.branchMeeting, branchMeeting, '接收预备党员的支部大会', add);
    ballotRule(d.branchMeeting, branchMeeting, '接收预备党员的支部大会', rules(branchMeeting).secretBallot, add);
  }
}

/** 2026：支部大会表决采取无记名投票；举手表决或未记录表决方式只提醒（条文待核实）。 */
function ballotRule(m: Meeting | null | undefined, step: number, what: string, required: boolean, add: Add): void {
  if (!required || !m) return;
  if (m.secretBallot === false) add('secret-ballot', step, 'warning', `${what}记录为举手表决，应采取无记名投票方式表决`);
  else if (m.secretBallot !== true) add('secret-ballot', step, 'warning', `${what}未记录是否采取无记名投票方式表决`);
}

/** 上级党委审批：规定期限内，特殊情况可延长，但不超过最长期限；2026：审批后一定期限内宣誓。 */
export function checkApproval({ at, has, rules, add, today }: Judge): void {
  const { branchMeeting, approval, oath } = STEP;
  if (has(branchMeeting)) {
    const r = rules(approval);
    const meeting = at(branchMeeting)!;
    const normal = addMonths(meeting, r.approvalNormalMonths);
    const max = addMonths(meeting, r.approvalMaxMonths);
    const normalSpan = monthsText(r.approvalNormalMonths);
    const maxSpan = monthsText(r.approvalMaxMonths);
    const when = at(approval) ?? (today && today > normal ? today : null);
    const done = has(approval);
    if (when && when > max)
      add('approval-6-months', approval, 'error', done
        ? `上级党委审批（${when}）超过支部大会（${meeting}）后${maxSpan}的最长期限 ${max}`
        : `支部大会（${meeting}）后已超过${maxSpan}的最长期限 ${max}，上级党委尚未审批`);
    else if (when && when > normal)
      add('approval-3-months', approval, 'warning', done
        ? `上级党委审批（${when}）超过支部大会后${normalSpan}（${normal}）；特殊情况可延长，最长至 ${max}`
        : `支部大会（${meeting}）后已超过${normalSpan}（${normal}），上级党委尚未审批；最长不得晚于 ${max}`);
  }
  const within = has(approval) ? rules(approval).oathWithinMonths : null;
  if (within && has(approval)) {
    const deadline = addMonths(at(approval)!, within);
    const when = at(oath) ?? (today && today > deadline ? today : null);
    if (when && when > deadline) add('oath-1-month', oath, 'warning', `入党宣誓一般应在审批（${at(approval)}）后${monthsText(within)}内，即 ${deadline} 前`);
  }
}

/** 预备期：从支部大会通过之日起计算；延长以规定次数为限，在规定月数之间。Returns the end of the 预备期. */
export function checkProbation({ d, at, has, rules, add, today }: Judge, all: RuleSet): string | null {
  const { branchMeeting, conversionMeeting, conversionApproval } = STEP;
  const r = rules(conversionMeeting);
  const count = d.extensionCount ?? (d.extensionMonths ? 1 : 0);
  if (count > r.extensionsAllowed) add('extension-6-12-months', conversionMeeting, 'error', `预备期只能延长${cnCount(r.extensionsAllowed)}次，现记录 ${count} 次`);
  // 0 (or null) means no extension was decided.
  if (d.extensionMonths && (d.extensionMonths < r.extensionMinMonths || d.extensionMonths > r.extensionMaxMonths))
    add('extension-6-12-months', conversionMeeting, 'error', `延长预备期 ${d.extensionMonths} 个月，应不少于 ${r.extensionMinMonths} 个月、不超过 ${r.extensionMaxMonths} 个月`);
  const end = has(branchMeeting) ? probationEnd(at(branchMeeting)!, all, d.extensionMonths) : null;
  if (end) {
    for (const n of [conversionMeeting, conversionApproval])
      if (has(n) && at(n)! < end) {
        add('probation-1-year', n, 'error', `预备期（自支部大会 ${at(branchMeeting)} 起${d.extensionMonths ? `，延长 ${d.extensionMonths} 个月` : ''}）至 ${end} 期满，${stepDef(n).name}（${at(n)}）过早`);
        break;
      }
    if (has(conversionMeeting)) meetingRules(d.conversionMeeting, conversionMeeting, '讨论转正的支部大会', add);
  }
  if (has(conversionMeeting)) ballotRule(d.conversionMeeting, conversionMeeting, '讨论转正的支部大会', rules(conversionMeeting).secretBallot, add);
  if (has(conversionMeeting)) {
    const months = rules(conversionApproval).conversionApprovalMonths;
    const span = monthsText(months);
    const deadline = addMonths(at(conversionMeeting)!, months);
    const when = at(conversionApproval) ?? (today && today > deadline ? today : null);
    if (when && when > deadline)
      add('conversion-approval-3-months', conversionApproval, 'error', has(conversionApproval)
        ? `转正审批（${when}）超过支部大会讨论转正（${at(conversionMeeting)}）后${span}的期限 ${deadline}`
        : `支部大会讨论转正（${at(conversionMeeting)}）已超过${span}（${deadline}），上级党委尚未审批`);
  }
  return end;
}

/** 到会有表决权的党员超过应到会的半数；赞成票（含书面意见）超过应到会有表决权的正式党员的半数。 */
function meetingRules(m: Meeting | null | undefined, step: number, what: string, add: Add): void {
  const quorum: RuleId = 'branch-meeting-quorum';
  const majority: RuleId = 'branch-meeting-majority';
  const e: Severity = 'error';
  if (!m) {
    add(quorum, step, e, `未记录${what}的应到、实到和赞成人数`);
    return;
  }
  const written = m.writtenFor ?? 0;
  if (m.due < 1 || m.present < 0 || m.for < 0 || written < 0) {
    add(quorum, step, e, `${what}的人数不正确`);
    return;
  }
  if (m.present > m.due) add(quorum, step, e, `${what}实到 ${m.present} 人，多于应到的 ${m.due} 人`);
  else if (m.present * 2 <= m.due) add(quorum, step, e, `${what}有表决权的到会 ${m.present} 人，未超过应到 ${m.due} 人的半数`);
  if (m.for > m.present) add(majority, step, e, `${what}赞成 ${m.for} 票，多于到会的 ${m.present} 人`);
  else if (written > Math.max(0, m.due - m.present)) add(majority, step, e, `书面意见 ${written} 份，多于未到会的 ${Math.max(0, m.due - m.present)} 人`);
  else if ((m.for + written) * 2 <= m.due)
    add(majority, step, e, `${what}赞成 ${m.for + written} 票${written ? `（含书面意见 ${written} 份）` : ''}，未超过应到会有表决权的正式党员 ${m.due} 人的半数`);
}
