/**
 * Quorum and vote rules (reference organizational-life.md §2.2), pure.
 *
 * - Both denominators are the number DUE (应到), never the number present.
 * - 预备党员 attend and count in 实到 but have no vote: they are left out of
 *   the voting denominators and numerators.
 * - A written opinion of an absent voting member counts in the votes, not in attendance.
 * - "半数以上" (支部党员大会, 支委会) and "超过半数" (发展党员) are different rules.
 *   Whether "半数以上" includes exactly half is a unit setting
 *   (activities.halfInclusive); by drafting convention "以上" includes the number,
 *   so the default is true.
 */
import type { AttendanceStatus, DecisionKind } from './enums.ts';

/** What the quorum needs of one attendance line (core/activities has the full entry). */
export interface QuorumAttendee {
  memberName: string;
  partyStatus: '正式' | '预备';
  status: AttendanceStatus;
  writtenOpinion: boolean;
}

/** What the quorum needs of one vote. */
export interface QuorumVote {
  subject: string;
  method: string;
  for: number;
  against: number;
  abstain: number;
}

export interface QuorumOptions {
  /** "半数以上" met by exactly half (default true). */
  halfInclusive: boolean;
}

export interface VoteResult {
  subject: string;
  for: number;
  /** votes for needed to pass */
  needed: number;
  passed: boolean;
}

export interface QuorumResult {
  /** 应到 / 实到 over everyone listed */
  due: number;
  present: number;
  /** members with a vote (正式党员) */
  dueVoting: number;
  presentVoting: number;
  writtenOpinions: number;
  /** the rule in words, null when this kind of meeting has none */
  rule: string | null;
  /** the 应到 the rule counts against: voting members due, or everyone due; null without a rule */
  base: number | null;
  /** least number present for the rule */
  required: number | null;
  /** null: no rule, or no attendance taken */
  met: boolean | null;
  votes: VoteResult[];
  warnings: string[];
}

const atLeastHalf = (n: number, inclusive: boolean) => (inclusive ? Math.ceil(n / 2) : Math.floor(n / 2) + 1);
const moreThanHalf = (n: number) => Math.floor(n / 2) + 1;
const moreThanFourFifths = (n: number) => Math.floor((n * 4) / 5) + 1;
const atLeastTwoThirds = (n: number) => Math.ceil((n * 2) / 3);

export const isPresent = (a: Pick<QuorumAttendee, 'status'>) => a.status === '出席';

interface Rule {
  text: string;
  /** whether the rule counts voting members only */
  voting: boolean;
  required: (due: number) => number;
}

function ruleFor(type: string, kind: DecisionKind, o: QuorumOptions): Rule | null {
  if (type === '支部党员大会') {
    if (kind === '发展党员') return { text: '有表决权的到会党员超过应到会有表决权党员的半数', voting: true, required: moreThanHalf };
    if (kind === '选举') return { text: '有选举权的到会党员超过应到会党员的五分之四', voting: true, required: moreThanFourFifths };
    return { text: '有表决权的到会党员达到应到会有表决权党员的半数以上', voting: true, required: (n) => atLeastHalf(n, o.halfInclusive) };
  }
  if (type === '支部委员会') return { text: '到会委员达到半数以上', voting: false, required: (n) => atLeastHalf(n, o.halfInclusive) };
  if (type === '民主生活会') return { text: '到会人数达到应到会人数的三分之二以上', voting: false, required: atLeastTwoThirds };
  return null;
}

/** The four head counts the quorum is judged on (应到, 实到, and the same of voting members). */
export interface QuorumCounts {
  due: number;
  present: number;
  dueVoting: number;
  presentVoting: number;
}

function quorumOf(rule: Rule | null, c: QuorumCounts): { base: number | null; required: number | null; met: boolean | null } {
  const base = rule ? (rule.voting ? c.dueVoting : c.due) : null;
  if (!rule || base === null || c.due <= 0) return { base, required: null, met: null };
  const required = rule.required(base);
  return { base, required, met: (rule.voting ? c.presentVoting : c.present) >= required };
}

/**
 * Whether a meeting met its quorum from its head counts alone (what assessQuorum decides, without the attendance
 * lines): for the compliance calendar, which counts attendance in SQL. null: no rule for the type, or no attendance.
 */
export function quorumMetFromCounts(type: string, decisionKind: DecisionKind, c: QuorumCounts, o: QuorumOptions = { halfInclusive: true }): boolean | null {
  return quorumOf(ruleFor(type, decisionKind, o), c).met;
}

export function assessQuorum(
  m: { type: string; decisionKind: DecisionKind; attendance: QuorumAttendee[]; votes?: QuorumVote[] },
  o: QuorumOptions = { halfInclusive: true },
): QuorumResult {
  const att = m.attendance;
  const voting = att.filter((a) => a.partyStatus === '正式');
  const due = att.length;
  const present = att.filter(isPresent).length;
  const dueVoting = voting.length;
  const presentVoting = voting.filter(isPresent).length;
  const writtenOpinions = voting.filter((a) => !isPresent(a) && a.writtenOpinion).length;
  const rule = ruleFor(m.type, m.decisionKind, o);
  const warnings: string[] = [];
  const { base, required, met } = quorumOf(rule, { due, present, dueVoting, presentVoting });
  if (rule && met === false) warnings.push(`未达到法定人数：${rule.text}，应到 ${base} 人至少需到会 ${required} 人，实到 ${rule.voting ? presentVoting : present} 人`);
  const written = att.filter((a) => a.writtenOpinion && (isPresent(a) || a.partyStatus === '预备'));
  if (written.length) warnings.push(`书面意见只适用于未到会的正式党员：${written.map((a) => a.memberName).join('、')}`);
  // 预备党员 have no right to be elected (党章第七条), so none sits on a 支部委员会; one who attends is 列席.
  const probationaryMembers = m.type === '支部委员会' ? att.filter((a) => a.partyStatus === '预备') : [];
  if (probationaryMembers.length) warnings.push(`预备党员没有被选举权，不能担任支部委员：${probationaryMembers.map((a) => a.memberName).join('、')}（到会的请记为列席人员）`);
  // 党章第十一条: elections are by secret ballot.
  if (m.decisionKind === '选举' && (m.votes ?? []).some((v) => v.method !== '无记名投票')) warnings.push('选举应当采用无记名投票方式（党章第十一条）');
  const votes: VoteResult[] = (m.votes ?? []).map((v) => {
    // 选举: elected by more than half of the voters present; other decisions: more than half of the voting members DUE.
    const needed = m.decisionKind === '选举' ? moreThanHalf(presentVoting) : moreThanHalf(dueVoting);
    const cast = v.for + v.against + v.abstain;
    if (dueVoting > 0 && cast > presentVoting + writtenOpinions)
      warnings.push(`“${v.subject || '表决事项'}”的票数 ${cast} 多于到会有表决权党员与书面意见之和 ${presentVoting + writtenOpinions}`);
    return { subject: v.subject, for: v.for, needed, passed: dueVoting > 0 && v.for >= needed };
  });
  return { due, present, dueVoting, presentVoting, writtenOpinions, rule: rule?.text ?? null, base, required, met, votes, warnings };
}
