/** 不合格党员处置 read: the cases with their steps, the 限期改正 deadline's state, the 离开花名册 offer and the re-admission bar. */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { getSetting } from '../settings/service.ts';
import { countAttachments } from '../attachments/service.ts';
import { readmitFrom, ruleOn } from './rules.ts';

export interface DisposalStep {
  id: string;
  step: string;
  doneOn: string;
  document: string | null;
  note: string | null;
  attachments: number;
}

export interface DisposalCase {
  id: string;
  memberId: string;
  name: string;
  branch: string;
  /** the member's roster state now: null while on the roster */
  leftType: string | null;
  triggerKind: string;
  ratingId: string | null;
  situation: string;
  opinionOn: string;
  filedOn: string;
  filedTo: string;
  measure: string | null;
  decidedOn: string | null;
  approvedOn: string | null;
  periodMonths: number | null;
  deadline: string | null;
  /** days from today to the deadline (negative: past it) while open */
  daysLeft: number | null;
  result: string | null;
  resultOn: string | null;
  resultNote: string | null;
  note: string | null;
  steps: DisposalStep[];
  attachments: number;
  /** after a 劝其退党 or 除名 result while the member is still on the roster: the roster's 离开花名册, prefilled, for the clerk to confirm */
  leaveOffer: { memberId: string; leftType: '出党'; leftDate: string; leftReason: string } | null;
  /** after 劝其退党 or 除名: no re-admission before this day (whether the day itself is allowed is a setting, to be confirmed locally) */
  readmitFrom: string | null;
  rule: { source: string; verified: boolean };
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export async function listCases(ctx: Ctx, q: { openOnly?: boolean } = {}, tx: Tx = ctx.db): Promise<DisposalCase[]> {
  let query = tx
    .selectFrom('disposal_cases as c')
    .innerJoin('members as m', 'm.id', 'c.member_id')
    .innerJoin('org_units as o', 'o.id', 'm.branch_id')
    .selectAll('c')
    .select(['m.name', 'o.name as branch', 'm.left_type'])
    .where('c.deleted_at', 'is', null);
  if (q.openOnly) query = query.where('c.result', 'is', null);
  const rows = await query.orderBy('c.opinion_on', 'desc').execute();
  const ids = rows.map((r) => r.id);
  const steps = ids.length ? await tx.selectFrom('disposal_steps').selectAll().where('case_id', 'in', ids).where('deleted_at', 'is', null).orderBy('done_on').execute() : [];
  const [caseFiles, stepFiles] = await Promise.all([countAttachments(tx, 'disposal_cases', ids), countAttachments(tx, 'disposal_steps', steps.map((s) => s.id))]);
  const today = ctx.platform.today();
  const onTheDay = (await getSetting<boolean>(tx, 'disposal.readmitOnTheDay')) !== false;
  return rows.map((r) => {
    const left = r.result === '劝其退党' || r.result === '除名';
    const rule = ruleOn(r.opinion_on);
    return {
      id: r.id, memberId: r.member_id, name: r.name, branch: r.branch, leftType: r.left_type, triggerKind: r.trigger_kind, ratingId: r.rating_id, situation: r.situation,
      opinionOn: r.opinion_on, filedOn: r.filed_on, filedTo: r.filed_to, measure: r.measure, decidedOn: r.decided_on, approvedOn: r.approved_on, periodMonths: r.period_months,
      deadline: r.deadline, daysLeft: r.deadline && !r.result ? days(today, r.deadline) : null, result: r.result, resultOn: r.result_on, resultNote: r.result_note, note: r.note,
      steps: steps.filter((s) => s.case_id === r.id).map((s) => ({ id: s.id, step: s.step, doneOn: s.done_on, document: s.document, note: s.note, attachments: stepFiles.get(s.id) ?? 0 })),
      attachments: caseFiles.get(r.id) ?? 0,
      leaveOffer: left && !r.left_type ? { memberId: r.member_id, leftType: '出党', leftDate: r.result_on!, leftReason: `${r.result}（不合格党员组织处置）` } : null,
      readmitFrom: left ? readmitFrom(r.result_on!, onTheDay, rule.values) : null,
      rule: { source: rule.source, verified: rule.verified },
    };
  });
}

/** Open 限期改正 cases whose deadline is within `withinDays` or past: the home card. */
export async function deadlinesDue(ctx: Ctx, withinDays = 30): Promise<DisposalCase[]> {
  return (await listCases(ctx, { openOnly: true })).filter((c) => c.daysLeft !== null && c.daysLeft <= withinDays).sort((a, b) => a.daysLeft! - b.daysLeft!);
}
