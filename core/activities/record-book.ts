/**
 * The view model of the 三会一课记录本 and of a single meeting's record:
 * already formatted Chinese strings in the standard record layout
 * (reference organizational-life.md §2.3). templates/record-book.ts lays it out.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { getSetting } from '../settings/service.ts';
import { chineseDate } from '../../templates/gbt9704.ts';
import type { MeetingRecord, RecordBookModel } from '../../templates/record-book.ts';
import { activityTitle, rowToInput, isLateEntry, type ActivityInput } from './model.ts';
import { firstTopicLines } from './study-fields.ts';
import { assessQuorum } from '../../common/quorum.ts';
import { activityOptions, attendanceOf, queryActivities, withPostsOnDay } from './service.ts';
import { inChunks } from '../../db/chunks.ts';

const HEADING: Record<string, string> = {
  支部党员大会: '支部党员大会记录',
  支部委员会: '支部委员会会议记录',
  党小组会: '党小组会记录',
  党课: '党课记录',
  主题党日: '主题党日活动记录',
  政治学习日: '政治学习日记录',
  组织生活会: '组织生活会记录',
  民主评议党员: '民主评议党员记录',
  民主生活会: '民主生活会记录',
  理论学习中心组学习: '理论学习中心组学习记录',
  谈心谈话: '谈心谈话记录',
};

const person = (name: string | null, post: string | null) => (name ? (post ? `${name}（${post}）` : name) : '');

function timeText(a: ActivityInput): string {
  const t = a.startTime ? (a.endTime ? ` ${a.startTime}—${a.endTime}` : ` ${a.startTime}`) : '';
  return `${chineseDate(a.heldOn)}${t}`;
}

/** The files of each record, as the 附件说明 names them: "签到表（签到表.png）". */
async function attachmentNames(tx: Tx, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  await inChunks(ids, 500, async (chunk) => {
    const rows = await tx
      .selectFrom('attachments')
      .select(['entity_id', 'file_name', 'kind'])
      .where('entity', '=', 'activities')
      .where('entity_id', 'in', chunk)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const f of rows) out.set(f.entity_id, [...(out.get(f.entity_id) ?? []), f.kind ? `${f.kind}（${f.file_name}）` : f.file_name]);
  });
  return out;
}

export function meetingRecord(
  no: number,
  r: { id: string; org_name: string; group_name: string | null; entered_on: string },
  a: ActivityInput,
  o: { halfInclusive: boolean; graceDays: number },
  attachments: string[] = [],
): MeetingRecord {
  const q = assessQuorum(a, { halfInclusive: o.halfInclusive });
  const present = a.attendance.filter((e) => e.status === '出席');
  const absent = a.attendance.filter((e) => e.status !== '出席');
  // Only a 党员大会 votes by member: there the voting count is printed when 预备党员 attend.
  const hasProbationary = a.type === '支部党员大会' && a.attendance.some((e) => e.partyStatus === '预备');
  const votingNote = (n: number) => (hasProbationary ? `（其中有表决权 ${n} 人）` : '');
  const lateOrEarly = present.filter((e) => e.late || e.leftEarly).map((e) => `${e.memberName}（${[e.late ? '迟到' : '', e.leftEarly ? '早退' : ''].filter(Boolean).join('、')}${e.reason ? `：${e.reason}` : ''}）`);
  const rows: [string, string][] = [];
  if (a.type === '党课') rows.push(['授课人', a.speaker ?? ''], ['党课题目', a.topic ?? '']);
  if (a.type === '主题党日') rows.push(['活动主题', a.topic ?? '']);
  if (a.type === '政治学习日') rows.push(['学习内容', a.topic ?? '']);
  if (a.firstTopic?.title) rows.push(['第一议题', firstTopicLines(a.firstTopic).join('；')]);
  const late = isLateEntry(a.heldOn, r.entered_on, o.graceDays);
  const orgName = r.group_name ? `${r.org_name}${r.group_name}` : r.org_name;
  const people = [...a.attendance.map((e) => e.memberName), a.hostName, a.recorderName, a.speaker, ...a.guests.map((g) => g.name)].filter((n): n is string => !!n);
  return {
    no,
    anchor: `meeting_${no}`,
    groupName: r.group_name,
    people: [...new Set(people)],
    heading: HEADING[a.type] ?? `${a.type}记录`,
    title: activityTitle(a.type, a.topic),
    orgName,
    dateShort: chineseDate(a.heldOn),
    time: timeText(a),
    place: a.place ?? '',
    host: person(a.hostName, a.hostPost),
    recorder: person(a.recorderName, a.recorderPost),
    extraRows: rows,
    due: a.attendance.length ? `${q.due} 人${votingNote(q.dueVoting)}` : '',
    present: a.attendance.length ? `${q.present} 人${votingNote(q.presentVoting)}` : '',
    presentNames: present.map((e) => (e.partyStatus === '预备' ? `${e.memberName}（预备党员）` : e.memberName)).join('、'),
    absentees: absent.map((e) => `${e.memberName}（${e.status}${e.reason ? `：${e.reason}` : ''}${e.writtenOpinion ? '，已提交书面意见' : ''}）`).join('；') || '无',
    // present, so not among the absentees (reference §2.3: latecomers and early leavers are recorded too)
    lateOrEarly: lateOrEarly.join('；'),
    guests: a.guests.map((g) => (g.identity ? `${g.name}（${g.identity}）` : g.name)).join('、') || '无',
    agenda: a.agenda.map((t, i) => (a.agenda.length > 1 ? `${i + 1}. ${t}` : t)),
    quorum: q.rule && q.met !== null ? (q.met ? `到会人数符合规定（${q.rule}，应到 ${q.base} 人，至少 ${q.required} 人）。` : `未达到法定到会人数（${q.rule}，至少需 ${q.required} 人），会议所作决定无效。`) : null,
    content: (a.content ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
    votes: a.votes.map((v, i) => {
      const res = q.votes[i];
      const written = q.writtenOpinions ? `（含书面意见 ${q.writtenOpinions} 份）` : '';
      return `${v.subject || '表决事项'}：${v.method}，同意 ${v.for} 票，反对 ${v.against} 票，弃权 ${v.abstain} 票${written}，${res?.passed ? '通过' : '未通过'}。`;
    }),
    resolutions: a.resolutions.map((t, i) => (a.resolutions.length > 1 ? `${i + 1}. ${t}` : t)),
    tasks: a.tasks.map((t, i) => `${i + 1}. ${t.what}${t.who ? `，责任人：${t.who}` : ''}${t.due ? `，完成时限：${chineseDate(t.due)}` : ''}`),
    lateEntry: late ? `补记：本次会议于${chineseDate(a.heldOn)}召开，记录于${chineseDate(r.entered_on)}补记录入。` : null,
    attachments,
    signatures: a.type === '党课' ? ['授课人（签字）：', '记录人（签字）：'] : ['主持人（签字）：', '记录人（签字）：'],
  };
}

/**
 * What the book is called: a 党支部's (or 党小组's) book is the 三会一课记录本; a
 * 党委's is titled by what it holds — 理论学习中心组学习记录, 党委会会议记录, or both.
 */
export function bookTitle(kind: string, types: string[]): string {
  if (kind === '党支部' || kind === '党小组' || kind === '党总支') return '三会一课记录本';
  const held = new Set(types);
  const parts = [held.has('理论学习中心组学习') ? '理论学习中心组学习' : null, held.has('党委会') ? '党委会会议' : null].filter(Boolean);
  if (!parts.length) return held.size ? '会议记录本' : '三会一课记录本';
  return `${parts.join('及')}记录`;
}

/** The book's 说明 of 补记, as the unit's setting reads. */
export function lateEntryRule(graceDays: number): string {
  return graceDays > 0
    ? `会后超过 ${graceDays} 天录入的记录视为补记，在目录和记录中标明“补记”及录入日期。`
    : '会议当日以后录入的记录视为补记，在目录和记录中标明“补记”及录入日期。';
}

export interface RecordBookQuery {
  orgId: string;
  from: string;
  to: string;
  /** "2026年度" or "2026年1月1日至2026年6月30日" */
  periodText?: string;
}

export async function recordBookModel(ctx: Ctx, q: RecordBookQuery): Promise<RecordBookModel> {
  const org = await ctx.db.selectFrom('org_units').select(['id', 'name', 'kind']).where('id', '=', q.orgId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!org) throw new LedgerError('找不到该组织', 'orgId');
  const rows = (await queryActivities(ctx.db, { orgId: q.orgId, from: q.from, to: q.to })).reverse();
  const att = await attendanceOf(ctx.db, rows.map((r) => r.id));
  const o = await activityOptions(ctx.db);
  const files = await attachmentNames(ctx.db, rows.map((r) => r.id));
  const inputs: ActivityInput[] = [];
  for (const r of rows) inputs.push(await withPostsOnDay(ctx.db, rowToInput(r, att.get(r.id) ?? [])));
  const meetings = rows.map((r, i) => meetingRecord(i + 1, r, inputs[i], o, files.get(r.id) ?? []));
  const roles = await ctx.db
    .selectFrom('org_roles')
    .select(['person_name', 'role'])
    .where('org_id', '=', q.orgId)
    .where('deleted_at', 'is', null)
    .where('end_on', 'is', null)
    .execute();
  // the cover's 记录人 is who recorded the meetings (the most frequent recorder), else the 组织委员 or 书记
  const recorders = new Map<string, number>();
  for (const m of meetings) if (m.recorder) recorders.set(m.recorder, (recorders.get(m.recorder) ?? 0) + 1);
  const realRecorder = [...recorders].sort((x, y) => y[1] - x[1])[0]?.[0];
  const keeper = roles.find((r) => r.role === '组织委员') ?? roles.find((r) => r.role === '书记');
  const wholeYear = q.from.slice(5) === '01-01' && q.to.slice(5) === '12-31' && q.from.slice(0, 4) === q.to.slice(0, 4);
  return {
    unitName: (await getSetting<string>(ctx.db, 'org.unitName')) || (await getSetting<string>(ctx.db, 'org.committeeName')) || '',
    orgName: org.name,
    periodText: q.periodText ?? (wholeYear ? `${q.from.slice(0, 4)}年度` : `${chineseDate(q.from)}至${chineseDate(q.to)}`),
    keeper: realRecorder ?? (keeper ? `${keeper.person_name}（${keeper.role}）` : ''),
    bookTitle: bookTitle(org.kind, rows.map((r) => r.type)),
    span: meetings.length ? `${meetings[0].dateShort}至${meetings[meetings.length - 1].dateShort}` : '',
    notes: [lateEntryRule(o.graceDays)],
    meetings,
  };
}

/** One meeting's record, for printing it alone. */
export async function meetingRecordOf(ctx: Ctx, id: string): Promise<{ meeting: MeetingRecord; orgName: string; heldOn: string }> {
  const rows = await ctx.db
    .selectFrom('activities as a')
    .innerJoin('org_units as o', 'o.id', 'a.org_id')
    .leftJoin('org_units as g', 'g.id', 'a.group_id')
    .selectAll('a')
    .select(['o.name as org_name', 'g.name as group_name'])
    .where('a.id', '=', id)
    .where('a.deleted_at', 'is', null)
    .execute();
  const r = rows[0];
  if (!r) throw new LedgerError('找不到该组织生活记录，可能已被删除');
  const att = (await attendanceOf(ctx.db, [id])).get(id) ?? [];
  const files = (await attachmentNames(ctx.db, [id])).get(id) ?? [];
  return { meeting: meetingRecord(1, r, await withPostsOnDay(ctx.db, rowToInput(r, att)), await activityOptions(ctx.db), files), orgName: r.org_name, heldOn: r.held_on };
}
