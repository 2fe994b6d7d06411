/**
 * Record integrity: what makes a meeting record contradict itself or the rest
 * of the ledger. One pure judgement (`judgeRecord`) over a record and what the
 * ledger knew on its day (`IntegrityContext`, loaded by `integrityContext` in
 * integrity-load.ts), used on every save (a `refuse` finding refuses it), by the
 * editor before saving (activities/integrity) and by `party-ledger check`.
 *
 * refuse  the host or the recorder is listed as not present (缺席/请假/公出/病假);
 *         a person present at two meetings whose times overlap on one day;
 *         a 支委会 with fewer than two committee members present;
 *         the 应到 list is not the branch roster on the meeting day (someone
 *         listed who was not yet / no longer on it, or someone on it not listed).
 * warn    the content speaks of several speakers ("逐一发言", "与会同志…") with
 *         one person present; a 党小组会 list that differs from the group's
 *         present members (group membership has no history in the ledger).
 *
 * A record with an empty attendance list has no list to contradict: the roster
 * and committee checks are not made (the record prints no 应到). Where the
 * ledger holds no committee post of the branch on the meeting day, the
 * committee count is not judged.
 */
import type { ActivityInput } from './model.ts';

export type IntegrityLevel = 'refuse' | 'warn';
export type IntegrityCode = 'host-absent' | 'recorder-absent' | 'overlap' | 'committee-too-few' | 'collective-speech' | 'roster-extra' | 'roster-missing';

export interface IntegrityFinding {
  level: IntegrityLevel;
  code: IntegrityCode;
  /** the input field the finding is about */
  field: 'hostName' | 'recorderName' | 'attendance' | 'startTime' | 'content';
  person: string | null;
  message: string;
  /** the other record of an overlap */
  otherActivityId?: string;
}

export interface PersonKey {
  memberId: string | null;
  name: string;
}

export interface OtherMeeting {
  id: string;
  /** "刑侦大队党支部 组织生活会" */
  label: string;
  startTime: string | null;
  endTime: string | null;
  present: PersonKey[];
}

export interface IntegrityContext {
  /** the roster due on the day, or null where the type has no roster (党委 meetings, 谈心谈话, custom types) */
  roster: PersonKey[] | null;
  /** why listed people are not on the roster: key `id:…` or `name:…` */
  offRoster: Map<string, string>;
  /** a 党小组会: missing/extra group members only warn */
  groupMeeting: boolean;
  /** branch members on the roster that day (for a 党小组会: listed people must be among them) */
  branchRoster: PersonKey[] | null;
  /** the committee posts held on the day (支委会 of a 党支部), or null */
  committee: (PersonKey & { role: string })[] | null;
  /** the other records of the same day */
  others: OtherMeeting[];
}

/** Types whose 应到 is the branch roster (or the group's, for 党小组会). */
export const ROSTER_TYPES = ['支部党员大会', '党小组会', '党课', '主题党日', '政治学习日', '组织生活会', '民主评议党员'];

const COLLECTIVE = /逐一发言|与会同志|大家纷纷|纷纷发言|大家一致|与会人员|与会党员|依次发言|交流发言/;

export const samePerson = (a: PersonKey, b: PersonKey): boolean => (a.memberId && b.memberId ? a.memberId === b.memberId : a.name.trim() === b.name.trim());

export const personKey = (p: PersonKey): string => (p.memberId ? `id:${p.memberId}` : `name:${p.name.trim()}`);

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** [start, end) in minutes; a meeting without an end time is taken as one hour; without a start time it cannot be placed. */
function span(start: string | null, end: string | null): [number, number] | null {
  if (!start) return null;
  const s = minutes(start);
  const e = end ? minutes(end) : s + 60;
  return [s, Math.max(e, s + 1)];
}

export function judgeRecord(a: ActivityInput, c: IntegrityContext): IntegrityFinding[] {
  const out: IntegrityFinding[] = [];
  const present = a.attendance.filter((e) => e.status === '出席');
  const key = (e: { memberId: string | null; memberName: string }): PersonKey => ({ memberId: e.memberId, name: e.memberName });

  // host and recorder present
  for (const [field, who, label] of [
    ['hostName', a.hostName, '主持人'],
    ['recorderName', a.recorderName, '记录人'],
  ] as const) {
    if (!who?.trim()) continue;
    const entry = a.attendance.find((e) => e.memberName.trim() === who.trim());
    if (entry && entry.status !== '出席')
      out.push({ level: 'refuse', code: field === 'hostName' ? 'host-absent' : 'recorder-absent', field, person: who, message: `${label}“${who}”在出席名单中为${entry.status}：${label}须出席会议，请更正${label}或其出席情况` });
  }

  // one person at two meetings at once
  const mine = span(a.startTime, a.endTime);
  if (mine) {
    for (const o of c.others) {
      const theirs = span(o.startTime, o.endTime);
      if (!theirs || !(mine[0] < theirs[1] && theirs[0] < mine[1])) continue;
      for (const p of present) {
        if (!o.present.some((q) => samePerson(key(p), q))) continue;
        out.push({
          level: 'refuse',
          code: 'overlap',
          field: 'startTime',
          person: p.memberName,
          message: `“${p.memberName}”同一时间出席了${o.label}（${o.startTime}${o.endTime ? `—${o.endTime}` : ''}），两次会议时间重叠，请核对会议时间或出席情况`,
          otherActivityId: o.id,
        });
      }
    }
  }

  // the committee of a 支委会
  if (a.type === '支部委员会' && c.committee && c.committee.length && a.attendance.length) {
    const members = present.filter((p) => c.committee!.some((m) => samePerson(key(p), m)));
    if (members.length < 2)
      out.push({ level: 'refuse', code: 'committee-too-few', field: 'attendance', person: null, message: `支部委员会会议到会委员只有 ${members.length} 人（当日支委：${c.committee.map((m) => `${m.name}（${m.role}）`).join('、')}），不足 2 人不能召开支委会` });
  }

  // collective speech with one person present
  if (a.attendance.length && present.length <= 1 && a.content && COLLECTIVE.test(a.content))
    out.push({ level: 'warn', code: 'collective-speech', field: 'content', person: null, message: `会议内容写有“${COLLECTIVE.exec(a.content)![0]}”，但出席只有 ${present.length} 人，请核对会议内容或出席名单` });

  // the 应到 list is the roster of the day
  if (c.roster && a.attendance.length) {
    const onBranch = c.branchRoster ?? c.roster;
    for (const e of a.attendance) {
      const k = key(e);
      if (c.roster.some((r) => samePerson(k, r))) continue;
      const onBranchRoster = onBranch.some((r) => samePerson(k, r));
      if (c.groupMeeting && onBranchRoster) {
        out.push({ level: 'warn', code: 'roster-extra', field: 'attendance', person: e.memberName, message: `“${e.memberName}”现不在本党小组，请核对党小组会的应到名单` });
        continue;
      }
      const why = c.offRoster.get(personKey(k)) ?? (k.memberId ? null : c.offRoster.get(`name:${k.name.trim()}`)) ?? '不在本支部名册';
      out.push({ level: 'refuse', code: 'roster-extra', field: 'attendance', person: e.memberName, message: `应到名单中的“${e.memberName}”于会议当日${why}，不应列入（列席人员请填入“列席人员”）` });
    }
    const missing = c.roster.filter((r) => !a.attendance.some((e) => samePerson(key(e), r)));
    if (missing.length)
      out.push({
        level: c.groupMeeting ? 'warn' : 'refuse',
        code: 'roster-missing',
        field: 'attendance',
        person: missing.map((m) => m.name).join('、'),
        message: `会议当日在册的${missing.map((m) => `“${m.name}”`).join('、')}未列入应到名单（未到会的请标明缺席、请假等情况）`,
      });
  }
  return out;
}
