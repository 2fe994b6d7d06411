/**
 * The only writer of `evaluations` and `evaluation_ratings`. One evaluation per branch and year; saving
 * replaces its lines in one transaction with an audit row, and the whole roster of the meeting day gets a
 * line (members the clerk did not list take part, not yet rated). The rules a save enforces: a 预备党员
 * gets no grade (an error), a member who took no part has a reason and no grade, the grade belongs to the
 * scheme in force, the ballots add up. The one-third rule is a warning (findings), never a block.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { audit, softDelete, withTx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { rosterOfOrgOn } from '../activities/roster.ts';
import { chineseDate } from '../../common/labels.ts';
import { GRADES, gradeSchemeOn, type Grade } from './rules.ts';
import { STEPS, type Step, type Votes } from './model.ts';
import { branchOf } from './queries.ts';

export interface RatingInput {
  memberId: string;
  grade: Grade | null;
  tookPart: boolean;
  absenceReason?: string | null;
  votes?: Partial<Votes> | null;
  problems?: string | null;
}

export interface EvaluationInput {
  year: number;
  branchId: string;
  activityId?: string | null;
  heldOn?: string | null;
  ballotsIssued?: number | null;
  ballotsReturned?: number | null;
  ballotsInvalid?: number | null;
  ballotsBlank?: number | null;
  steps?: { step: Step; done: boolean; note?: string | null }[];
  note?: string | null;
  ratings: RatingInput[];
}

async function meetingDay(tx: Transaction<DB>, e: EvaluationInput): Promise<string> {
  if (e.activityId) {
    const a = await tx.selectFrom('activities').select(['id', 'org_id', 'type', 'held_on']).where('id', '=', e.activityId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!a) throw new LedgerError('找不到所选会议记录，可能已被删除', 'activityId');
    if (a.type !== '民主评议党员') throw new LedgerError(`所选会议是“${a.type}”，应为民主评议党员会议`, 'activityId');
    if (a.org_id !== e.branchId) throw new LedgerError('所选会议不是本支部的会议', 'activityId');
    if (e.heldOn && e.heldOn !== a.held_on) throw new LedgerError(`评议日期应与会议日期${chineseDate(a.held_on)}一致`, 'heldOn');
    return a.held_on;
  }
  if (!e.heldOn) throw new LedgerError('请填写评议日期，或选择民主评议党员会议', 'heldOn');
  return e.heldOn;
}

function checkBallots(e: EvaluationInput) {
  const n = (v: number | null | undefined) => v ?? null;
  const [issued, returned, invalid, blank] = [n(e.ballotsIssued), n(e.ballotsReturned), n(e.ballotsInvalid), n(e.ballotsBlank)];
  if (issued !== null && returned !== null && returned > issued) throw new LedgerError(`收回测评表${returned}份，不能多于发出的${issued}份`, 'ballotsReturned');
  if (returned !== null && (invalid ?? 0) + (blank ?? 0) > returned) throw new LedgerError(`空白和无效测评表共${(invalid ?? 0) + (blank ?? 0)}份，不能多于收回的${returned}份`, 'ballotsInvalid');
  return { issued, returned, invalid, blank, valid: returned === null ? null : returned - (invalid ?? 0) - (blank ?? 0) };
}

export async function saveEvaluationTx(tx: Transaction<DB>, ctx: Ctx, e: EvaluationInput): Promise<{ id: string }> {
  const branch = await branchOf(tx, { branchId: e.branchId });
  const heldOn = await meetingDay(tx, e);
  if (heldOn.slice(0, 4) !== String(e.year)) throw new LedgerError(`评议日期${chineseDate(heldOn)}不在${e.year}年`, 'heldOn');
  if (heldOn > ctx.platform.today()) throw new LedgerError(`评议日期${chineseDate(heldOn)}晚于今天：评议后再登记`, 'heldOn');
  const scheme = gradeSchemeOn(heldOn);
  const ballots = checkBallots(e);
  const roster = await rosterOfOrgOn(tx, branch.id, heldOn);
  const byId = new Map(roster.map((p) => [p.memberId, p]));
  const seen = new Set<string>();
  const lines = e.ratings.map((r, i) => {
    const p = byId.get(r.memberId);
    const field = (f: string) => `ratings.${i}.${f}`;
    if (!p) throw new LedgerError(`第${i + 1}名党员不在${branch.name}${chineseDate(heldOn)}的名册中`, field('memberId'));
    if (seen.has(r.memberId)) throw new LedgerError(`${p.memberName}重复列出`, field('memberId'));
    seen.add(r.memberId);
    if (r.grade && !scheme.values.grades.includes(r.grade)) throw new LedgerError(`${p.memberName}的等次“${r.grade}”不在${scheme.version}等次中（${scheme.values.grades.join('、')}）`, field('grade'));
    if (!r.tookPart) {
      if (r.grade) throw new LedgerError(`${p.memberName}未参加评议，不能评定等次`, field('grade'));
      if (!r.absenceReason?.trim()) throw new LedgerError(`请填写${p.memberName}未参加评议的原因`, field('absenceReason'));
    }
    if (p.partyStatus === '预备' && r.grade) throw new LedgerError(`${p.memberName}是预备党员：${scheme.values.probationaryMark}`, field('grade'));
    let votes: Votes | null = null;
    if (r.votes && GRADES.some((g) => r.votes?.[g] !== undefined && r.votes?.[g] !== null)) {
      votes = Object.fromEntries(GRADES.map((g) => [g, r.votes?.[g] ?? 0])) as Votes;
      const sum = GRADES.reduce((s, g) => s + votes![g], 0);
      if (ballots.valid !== null && sum > ballots.valid) throw new LedgerError(`${p.memberName}的测评票数合计${sum}票，不能多于有效测评表${ballots.valid}份`, field('votes'));
    }
    return { member_id: r.memberId, party_status: p.partyStatus, grade: r.tookPart ? r.grade : null, took_part: (r.tookPart ? 1 : 0) as 0 | 1, absence_reason: r.tookPart ? null : r.absenceReason!.trim(), votes_json: votes ? JSON.stringify(votes) : null, problems: r.problems?.trim() || null };
  });
  // the rest of the roster: taking part, not yet rated
  for (const p of roster) if (!seen.has(p.memberId)) lines.push({ member_id: p.memberId, party_status: p.partyStatus, grade: null, took_part: 1, absence_reason: null, votes_json: null, problems: null });
  // in the roster's order, whatever order the lines came in
  const rank = new Map(roster.map((p, i) => [p.memberId, i]));
  lines.sort((a, b) => rank.get(a.member_id)! - rank.get(b.member_id)!);

  const now = ctx.platform.now();
  const before = await tx.selectFrom('evaluations').selectAll().where('branch_id', '=', branch.id).where('year', '=', e.year).where('deleted_at', 'is', null).executeTakeFirst();
  const id = before?.id ?? ctx.platform.newId();
  const steps = STEPS.map((s) => {
    const x = e.steps?.find((y) => y.step === s);
    return { step: s, done: x?.done ? 1 : 0, note: x?.note?.trim() || null };
  });
  const row = {
    id, year: e.year, branch_id: branch.id, activity_id: e.activityId ?? null, held_on: heldOn, ballots_issued: ballots.issued, ballots_returned: ballots.returned,
    ballots_invalid: ballots.invalid, ballots_blank: ballots.blank, steps_json: JSON.stringify(steps), scheme_version: scheme.version, note: e.note?.trim() || null,
    created_at: before?.created_at ?? now, updated_at: now, deleted_at: null,
  };
  const beforeLines = before ? await tx.selectFrom('evaluation_ratings').selectAll().where('evaluation_id', '=', id).orderBy('sort_order').execute() : [];
  if (before) {
    await tx.updateTable('evaluations').set(row).where('id', '=', id).execute();
    await tx.deleteFrom('evaluation_ratings').where('evaluation_id', '=', id).execute();
  } else await tx.insertInto('evaluations').values(row).execute();
  const ratingRows = lines.map((l, i) => ({ id: ctx.platform.newId(), evaluation_id: id, ...l, sort_order: i + 1, created_at: now, updated_at: now }));
  for (let i = 0; i < ratingRows.length; i += 200) await tx.insertInto('evaluation_ratings').values(ratingRows.slice(i, i + 200)).execute();
  const count = (g: Grade) => lines.filter((l) => l.grade === g).length;
  await audit(tx, ctx, {
    entity: 'evaluations', entityId: id, action: before ? '修改' : '新增',
    summary: `${before ? '修改' : '登记'}${branch.name}${e.year}年民主评议党员（${chineseDate(heldOn)}，${GRADES.map((g) => `${g}${count(g)}名`).join('、')}）`,
    before: before ? { ...before, ratings: beforeLines } : undefined, after: { ...row, ratings: ratingRows },
  });
  return { id };
}

export function saveEvaluation(ctx: Ctx, e: EvaluationInput, outer?: Transaction<DB>): Promise<{ id: string }> {
  return withTx(ctx, outer, (tx) => saveEvaluationTx(tx, ctx, e));
}

export async function deleteEvaluation(ctx: Ctx, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'evaluations', id));
  return { ok: true };
}

/**
 * Before a deleted evaluation comes back from the recycle bin: one evaluation per branch and year, so a
 * newer one recorded since (or the same branch's other record of that year) refuses it with what to do,
 * before anything is written (the unique index would otherwise answer with a raw constraint error).
 */
export async function checkEvaluationRestore(tx: Transaction<DB>, _ctx: Ctx, row: Record<string, unknown>): Promise<void> {
  const [branchId, year] = [String(row.branch_id), Number(row.year)];
  const other = await tx
    .selectFrom('evaluations as e')
    .leftJoin('org_units as o', 'o.id', 'e.branch_id')
    .select(['e.held_on', 'o.name'])
    .where('e.branch_id', '=', branchId).where('e.year', '=', year).where('e.deleted_at', 'is', null).where('e.id', '!=', String(row.id))
    .executeTakeFirst();
  const branch = other?.name ?? (await tx.selectFrom('org_units').select(['name']).where('id', '=', branchId).executeTakeFirst())?.name ?? '该党支部';
  if (other)
    throw new LedgerError(
      `不能恢复：${branch}${year}年已有一次民主评议（${other.held_on}召开），每个支部每年只记一次。` +
        `要恢复回收站里的这一次（${String(row.held_on)}召开），请先在“民主评议党员”页删除现有的那一次；要保留现有的，就不必恢复，可在现有记录中修改等次。`,
      'id',
    );
}
