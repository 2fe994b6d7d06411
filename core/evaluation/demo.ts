/**
 * Demo 民主评议党员: every branch holds it in November. The activities demo records the 民主评议党员
 * meeting for the first six branches; this step adds the other five's (through the activities service,
 * copied from a recorded one and attended by the branch's own roster, written on the day). Then each
 * branch's evaluation: the three steps held, one ballot per member present, the tally per member,
 * 优秀 at or under one third of the formal members everywhere but 治安大队 (index 3, one over the limit,
 * so the warning shows), 预备党员 unrated, a few 基本合格, and exactly one formal member rated 不合格
 * (in 东城派出所, index 5, not a committee member), whom the 处置 demo puts under 限期改正.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoState } from '../demo/types.ts';
import { attendanceOf, createActivityTx, suggestedPeople } from '../activities/service.ts';
import { rowToInput, type AttendanceEntry } from '../activities/model.ts';
import { rosterOfOrgOn } from '../activities/roster.ts';
import { GRADES, type Grade } from './rules.ts';
import type { Votes } from './model.ts';
import { meetingsOf, proposedLines } from './queries.ts';
import { saveEvaluationTx, type RatingInput } from './service.ts';

const OVER_LIMIT = 3;
const FAILED_IN = 5;

async function addMeeting(ctx: Ctx, tx: Transaction<DB>, rng: Rng, branchId: string, heldOn: string, model: string): Promise<void> {
  const row = await tx.selectFrom('activities').selectAll().where('id', '=', model).executeTakeFirstOrThrow();
  const base = rowToInput(row, (await attendanceOf(tx, [model])).get(model) ?? []);
  const roster = await rosterOfOrgOn(tx, branchId, heldOn);
  const away = rng.int(0, roster.length - 1);
  const attendance: AttendanceEntry[] = roster.map((p, i) => ({
    memberId: p.memberId, memberName: p.memberName, partyStatus: p.partyStatus, status: i === away && roster.length > 6 ? '公出' : '出席', late: false, leftEarly: false,
    reason: i === away && roster.length > 6 ? '外出执行安保任务' : null, writtenOpinion: false,
  }));
  const people = await suggestedPeople(tx, { orgId: branchId, type: '民主评议党员', heldOn, attendance });
  await createActivityTx(tx, ctx, { ...base, orgId: branchId, groupId: null, heldOn, ...people, attendance, note: null }, heldOn);
}

/** A tally that gives the grade a clear majority of the valid ballots. */
function votesFor(rng: Rng, grade: Grade, valid: number): Votes {
  const v = Object.fromEntries(GRADES.map((g) => [g, 0])) as Votes;
  const lead = Math.max(Math.ceil(valid * 0.6), valid - rng.int(0, Math.max(1, Math.floor(valid / 4))));
  v[grade] = lead;
  const other: Grade = grade === '优秀' ? '合格' : grade === '合格' ? '优秀' : '合格';
  v[other] = valid - lead;
  return v;
}

export async function demoEvaluation(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const year = Number(today.slice(0, 4));
  const meetings = await Promise.all(state.branches.map((b) => meetingsOf(tx, b.id, year)));
  const model = meetings.flat().find((m) => m.heldOn.slice(5, 7) === '11');
  if (!model) return;
  for (const [bi, b] of state.branches.entries()) {
    if (meetings[bi].some((m) => m.heldOn.slice(5, 7) === '11')) continue;
    const heldOn = `${year}-11-${String(18 + (bi % 6)).padStart(2, '0')}`;
    if (heldOn <= today) await addMeeting(ctx, tx, rng, b.id, heldOn, model.id);
  }
  const committee = new Set((await tx.selectFrom('org_roles').select('member_id').where('deleted_at', 'is', null).execute()).map((r) => r.member_id));
  for (const [bi, b] of state.branches.entries()) {
    const meeting = (await meetingsOf(tx, b.id, year)).find((m) => m.heldOn.slice(5, 7) === '11');
    if (!meeting) continue;
    const lines = await proposedLines(tx, b.id, meeting.id, meeting.heldOn);
    const present = lines.filter((l) => l.tookPart);
    const issued = present.length;
    const invalid = bi % 4 === 1 ? 1 : 0;
    const valid = issued - invalid;
    const formal = present.filter((l) => l.partyStatus === '正式');
    const base = lines.filter((l) => l.partyStatus === '正式').length;
    const limit = Math.floor(base / 3);
    const excellent = bi === OVER_LIMIT ? limit + 1 : Math.max(0, limit - rng.int(0, 1));
    const order = formal.map((l) => l.memberId);
    const failed = bi === FAILED_IN ? formal.filter((l) => !committee.has(l.memberId)).at(-1)?.memberId : undefined;
    const rated = order.filter((x) => x !== failed);
    // one 基本合格 in every third branch: the last in the order
    const basic = bi % 3 === 0 && rated.length > excellent + 1 ? rated.at(-1) : undefined;
    const grades = new Map<string, Grade>();
    for (const [i, m] of rated.entries()) grades.set(m, i < excellent ? '优秀' : m === basic ? '基本合格' : '合格');
    if (failed) grades.set(failed, '不合格');
    const ratings: RatingInput[] = lines.map((l) => {
      const grade = l.tookPart && l.partyStatus === '正式' ? grades.get(l.memberId) ?? '合格' : null;
      return {
        memberId: l.memberId, tookPart: l.tookPart, absenceReason: l.absenceReason, grade,
        votes: grade ? votesFor(rng, grade, valid) : null,
        problems: grade === '不合格' ? '长期不参加组织生活，不按时交纳党费' : grade === '基本合格' ? '理论学习不够深入' : null,
      };
    });
    await saveEvaluationTx(tx, ctx, {
      year, branchId: b.id, activityId: meeting.id, ballotsIssued: issued, ballotsReturned: issued, ballotsInvalid: invalid, ballotsBlank: 0,
      steps: [{ step: '个人自评', done: true }, { step: '党员互评', done: true }, { step: '民主测评', done: true }], note: null, ratings,
    });
  }
}
