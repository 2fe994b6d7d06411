/**
 * Reading 民主评议党员 back. `yearRatings` and `heldBranches` are the contract the other areas of
 * issue 14 read (评星定级: 民主评议 held; 党员积分: the rating; 处置: who was rated 不合格): keep
 * their names and shapes. `evaluationView` is a branch's evaluation of a year as the page and the
 * documents show it — when none is recorded yet, the roster on the meeting day (or the year's last
 * day) with attendance from the 民主评议党员 meeting, so that the clerk starts from the right names.
 */
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { rosterOfOrgOn } from '../activities/roster.ts';
import { chineseDate } from '../../common/labels.ts';
import { GRADES, excellentLimit, excellentWarning, gradeSchemeOn, type Grade, type GradeScheme } from './rules.ts';
import { STEPS, type EvaluationFigures, type EvaluationView, type RatingLine, type Step, type Votes } from './model.ts';

export type YearRating = { branchId: string; memberId: string; grade: '优秀' | '合格' | '基本合格' | '不合格' | null; tookPart: boolean };

/** Every member's line of every (not deleted) evaluation held in the year. */
export async function yearRatings(tx: Tx, year: number): Promise<YearRating[]> {
  const rows = await tx
    .selectFrom('evaluation_ratings as r')
    .innerJoin('evaluations as e', 'e.id', 'r.evaluation_id')
    .select(['e.branch_id', 'r.member_id', 'r.grade', 'r.took_part'])
    .where('e.year', '=', year)
    .where('e.deleted_at', 'is', null)
    .orderBy('e.branch_id')
    .orderBy('r.sort_order')
    .execute();
  return rows.map((r) => ({ branchId: r.branch_id, memberId: r.member_id, grade: (r.grade as Grade | null) ?? null, tookPart: r.took_part === 1 }));
}

/** The branches with a (not deleted) evaluation in the year. */
export async function heldBranches(tx: Tx, year: number): Promise<Set<string>> {
  const rows = await tx.selectFrom('evaluations').select('branch_id').where('year', '=', year).where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.branch_id));
}

export async function branchOf(tx: Tx, q: { branchId?: string; branch?: string }): Promise<{ id: string; name: string }> {
  const rows = await tx.selectFrom('org_units').select(['id', 'name', 'short_name']).where('deleted_at', 'is', null).where('kind', '=', '党支部').execute();
  const hit = q.branchId ? rows.find((r) => r.id === q.branchId) : rows.find((r) => r.name === q.branch) ?? rows.find((r) => r.short_name === q.branch);
  if (!hit) throw new LedgerError(q.branchId || !q.branch ? '找不到所选党支部，可能已被删除' : `没有名为“${q.branch}”的党支部`, q.branchId ? 'branchId' : 'branch');
  return { id: hit.id, name: hit.name };
}

/** The 民主评议党员 meetings of a branch in a year, latest first. */
export async function meetingsOf(tx: Tx, branchId: string, year: number) {
  return tx
    .selectFrom('activities')
    .select(['id', 'held_on as heldOn', 'topic'])
    .where('org_id', '=', branchId)
    .where('type', '=', '民主评议党员')
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .orderBy('held_on', 'desc')
    .execute();
}

export function resultOf(l: Pick<RatingLine, 'partyStatus' | 'grade' | 'tookPart' | 'absenceReason'>, scheme: GradeScheme): string {
  if (!l.tookPart) return `未参加（${l.absenceReason ?? '未说明原因'}）`;
  if (l.partyStatus === '预备') return scheme.values.probationaryMark;
  return l.grade ?? '未评定';
}

/** The figures of the lines: the base is the formal members (预备党员 are not counted), the limit floor(base / 3). */
export function figuresOf(lines: readonly Pick<RatingLine, 'partyStatus' | 'grade' | 'tookPart'>[], scheme: GradeScheme): EvaluationFigures {
  const formal = lines.filter((l) => l.partyStatus === '正式');
  const ratings = Object.fromEntries(GRADES.map((g) => [g, formal.filter((l) => l.grade === g).length])) as Record<Grade, number>;
  return {
    formalMembers: formal.length,
    probationary: lines.length - formal.length,
    ratings,
    excellentLimit: excellentLimit(formal.length, scheme),
    unrated: formal.filter((l) => l.tookPart && !l.grade).length,
    absent: lines.filter((l) => !l.tookPart).length,
  };
}

export interface Ballots {
  ballotsIssued: number | null;
  ballotsReturned: number | null;
  ballotsInvalid: number | null;
  ballotsBlank: number | null;
}

/** What the clerk should look at: the one-third warning, who took no part and why, who is not rated, the tally. */
export function findingsOf(lines: readonly RatingLine[], f: EvaluationFigures, b: Ballots, scheme: GradeScheme, meeting: boolean): string[] {
  const out: string[] = [];
  const warn = excellentWarning(f.ratings['优秀'], f.formalMembers, scheme);
  if (warn) out.push(warn);
  for (const l of lines) if (!l.tookPart) out.push(`${l.name}未参加评议：${l.absenceReason ?? '未说明原因'}`);
  const unrated = lines.filter((l) => l.partyStatus === '正式' && l.tookPart && !l.grade);
  if (unrated.length) out.push(`${unrated.length}名正式党员尚未评定等次：${unrated.map((l) => l.name).join('、')}`);
  for (const l of lines) if (l.grade === '不合格') out.push(`${l.name}评为不合格：应先教育帮助，再按《中国共产党不合格党员组织处置办法》进行组织处置`);
  if (b.ballotsIssued !== null && b.ballotsReturned !== null && b.ballotsReturned > b.ballotsIssued)
    out.push(`收回测评表${b.ballotsReturned}份，多于发出的${b.ballotsIssued}份`);
  const spoilt = (b.ballotsInvalid ?? 0) + (b.ballotsBlank ?? 0);
  const valid = b.ballotsReturned === null ? null : b.ballotsReturned - spoilt;
  if (valid !== null && valid < 0) out.push(`空白和无效测评表共${spoilt}份，多于收回的${b.ballotsReturned}份`);
  if (valid !== null && valid >= 0)
    for (const l of lines) {
      const n = l.votes ? GRADES.reduce((s, g) => s + (l.votes?.[g] ?? 0), 0) : 0;
      if (n > valid) out.push(`${l.name}的测评票数合计${n}票，多于有效测评表${valid}份`);
    }
  if (!meeting) out.push('尚未关联民主评议党员会议记录（个人自评、党员互评、民主测评）');
  return out;
}

const parseVotes = (s: string | null): Votes | null => (s ? (JSON.parse(s) as Votes) : null);

export async function evaluationView(tx: Tx, q: { year: number; branchId?: string; branch?: string }): Promise<EvaluationView> {
  const branch = await branchOf(tx, q);
  const e = await tx.selectFrom('evaluations').selectAll().where('branch_id', '=', branch.id).where('year', '=', q.year).where('deleted_at', 'is', null).executeTakeFirst();
  let lines: RatingLine[];
  let heldOn: string | null;
  let activityId: string | null;
  let steps: EvaluationView['steps'];
  if (e) {
    heldOn = e.held_on;
    activityId = e.activity_id;
    const scheme = gradeSchemeOn(e.held_on);
    const rows = await tx
      .selectFrom('evaluation_ratings as r')
      .innerJoin('members as m', 'm.id', 'r.member_id')
      .select(['r.member_id', 'm.name', 'r.party_status', 'r.grade', 'r.took_part', 'r.absence_reason', 'r.votes_json', 'r.problems'])
      .where('r.evaluation_id', '=', e.id)
      .orderBy('r.sort_order')
      .execute();
    lines = rows.map((r) => {
      const l = { memberId: r.member_id, name: r.name, partyStatus: r.party_status === '预备' ? ('预备' as const) : ('正式' as const), grade: (r.grade as Grade | null) ?? null, tookPart: r.took_part === 1, absenceReason: r.absence_reason, votes: parseVotes(r.votes_json), problems: r.problems };
      return { ...l, result: resultOf(l, scheme) };
    });
    const saved = e.steps_json ? (JSON.parse(e.steps_json) as { step: Step; done: 0 | 1; note: string | null }[]) : [];
    steps = STEPS.map((s) => {
      const x = saved.find((y) => y.step === s);
      return { step: s, done: x?.done === 1, note: x?.note ?? null };
    });
  } else {
    const meeting = (await meetingsOf(tx, branch.id, q.year))[0];
    heldOn = meeting?.heldOn ?? null;
    activityId = meeting?.id ?? null;
    lines = await proposedLines(tx, branch.id, meeting?.id ?? null, heldOn ?? `${q.year}-12-31`);
    steps = STEPS.map((s) => ({ step: s, done: false, note: null }));
  }
  const scheme = gradeSchemeOn(heldOn ?? `${q.year}-12-31`);
  const figures = figuresOf(lines, scheme);
  const ballots: Ballots = { ballotsIssued: e?.ballots_issued ?? null, ballotsReturned: e?.ballots_returned ?? null, ballotsInvalid: e?.ballots_invalid ?? null, ballotsBlank: e?.ballots_blank ?? null };
  const findings = e ? findingsOf(lines, figures, ballots, scheme, !!activityId) : [`${q.year}年尚未登记民主评议${heldOn ? `（${chineseDate(heldOn)}已召开民主评议党员会议）` : ''}`];
  return {
    id: e?.id ?? null, year: q.year, branchId: branch.id, branch: branch.name, activityId, heldOn, ...ballots, steps, note: e?.note ?? null,
    scheme: { version: scheme.version, source: scheme.source, verified: scheme.verified, grades: scheme.values.grades, excellentShare: scheme.values.excellentShare, excellentBasis: scheme.values.excellentBasis, baseBasis: scheme.values.baseBasis, probationaryBasis: scheme.values.probationaryBasis },
    ...figures, lines, findings,
  };
}

/** The roster on the day, taking part unless the meeting's attendance says otherwise (with its reason). */
export async function proposedLines(tx: Tx, branchId: string, activityId: string | null, day: string): Promise<RatingLine[]> {
  const roster = await rosterOfOrgOn(tx, branchId, day);
  const att = activityId ? await tx.selectFrom('activity_attendance').select(['member_id', 'status', 'reason']).where('activity_id', '=', activityId).execute() : [];
  const scheme = gradeSchemeOn(day);
  return roster.map((p) => {
    const a = att.find((x) => x.member_id === p.memberId);
    const tookPart = !a || a.status === '出席';
    const l = { memberId: p.memberId, name: p.memberName, partyStatus: p.partyStatus, grade: null, tookPart, absenceReason: tookPart ? null : a!.reason ? `${a!.status}：${a!.reason}` : a!.status, votes: null, problems: null };
    return { ...l, result: resultOf(l, scheme) };
  });
}
