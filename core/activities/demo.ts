/**
 * The demo bureau's organizational life for the current year up to today:
 * mostly complete, with the deliberate gaps the calendar and the check should
 * show — 治安大队 missed two 支委会 (March and July), 东城派出所 had no 党课 in
 * the second quarter, 西城派出所's second-quarter 党员大会 fell below quorum,
 * 机关第二党支部 entered its September 支委会 three weeks late (补记),
 * 南关派出所 held its August 支委会 on 2 September (counted for August), and
 * this month's 支委会 is still due in half of the branches. The previous
 * year is there in full too (its own seed, the same gaps but no 补记, every
 * 组织生活会 and the 民主生活会 held), so its books and reports can be opened
 * in January and the check finds last year's gaps on any date.
 */
import type { Transaction } from 'kysely';
import type { DB, ActivitiesTable } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { addDays, fmt } from '../../common/dates.ts';
import type { Rng } from '../demo/random.ts';
import type { DemoMember, DemoState } from '../demo/types.ts';
import type { AttendanceEntry } from './model.ts';
import { attendanceRows, checkInput } from './service.ts';
import { rowToInput } from './model.ts';
import { studyColumns } from './study-fields.ts';
import { seeded } from '../demo/random.ts';
import { inChunks } from '../../db/chunks.ts';
import { isCommitteePost, saveRole } from '../org/service.ts';
import { loadRoster, rosterOn, statusOn, type RosterEntry } from './roster.ts';
import { ROSTER_TYPES } from './integrity.ts';
import { demoStudyDays } from './demo-study.ts';

const STUDY = [
  '学习习近平总书记关于公安工作的重要论述',
  '学习《中国共产党纪律处分条例》',
  '学习党的二十届四中全会精神',
  '学习《中国共产党支部工作条例（试行）》',
  '学习全国公安工作会议精神',
  '学习“对党忠诚、服务人民、执法公正、纪律严明”总要求',
];
const THEMES = ['重温入党誓词', '走进社区开展平安宣传', '参观廉政教育基地', '开展“我为群众办实事”志愿服务', '学习英模事迹 传承红色基因', '夏季治安打击整治动员', '国家安全教育', '交通安全进校园'];
const LESSONS = ['坚定理想信念 筑牢忠诚警魂', '以党建引领基层所队建设', '从严管党治警永远在路上', '践行新时代“枫桥经验”', '做新时代忠诚干净担当的人民警察'];
const ABSENCE: [AttendanceEntry['status'], string][] = [
  ['公出', '外出办案'],
  ['请假', '事假'],
  ['病假', '住院治疗'],
  ['公出', '参加业务培训'],
  ['请假', '值班备勤'],
];

interface Branch {
  id: string;
  name: string;
  groupIds: string[];
  members: DemoMember[];
}

type Person = Pick<DemoMember, 'id' | 'name' | 'partyStatus'> & { joinDate?: string };

/** Everyone due (on the roster that day), each present or away by the draw; the host and the recorder are always present. */
function attendance(rng: Rng, people: Person[], heldOn: string, absentRate: number, mustAttend: (string | undefined)[] = []): AttendanceEntry[] {
  return people
    .filter((m) => !m.joinDate || m.joinDate <= heldOn)
    .map((m) => {
      const drawn = rng.chance(absentRate);
      const [drawnStatus, drawnReason] = drawn ? rng.pick(ABSENCE) : (['出席', null] as const);
      const absent = drawn && !mustAttend.includes(m.id);
      const [status, reason] = absent ? [drawnStatus, drawnReason] : (['出席', null] as const);
      return {
        memberId: m.id,
        memberName: m.name,
        partyStatus: m.partyStatus === '预备' ? '预备' : '正式',
        status,
        late: !absent && rng.chance(0.03),
        leftEarly: false,
        reason,
        writtenOpinion: false,
      } satisfies AttendanceEntry;
    });
}

/** However the draw fell, fewer than half of the 正式党员 due are present (no generator call, so the rest of the demo is unchanged); the host and recorder stay. */
function belowQuorum(people: AttendanceEntry[], keep: (string | undefined)[]): AttendanceEntry[] {
  const voting = people.filter((p) => p.partyStatus === '正式').length;
  let present = people.filter((p) => p.status === '出席').length;
  return people.map((p) => {
    if (p.status !== '出席' || present * 2 < voting || keep.includes(p.memberId ?? undefined)) return p;
    present--;
    return { ...p, status: '公出', late: false, reason: '外出办案' };
  });
}

export async function demoActivities(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const year = Number(today.slice(0, 4));
  // Each 党小组's first member leads it (组长) from the day the group was set up, or from
  // the day the leader joined when that is later (no post before joining).
  for (const b of state.branches) {
    for (const g of b.groupIds) {
      const unit = await tx.selectFrom('org_units').select(['established_on']).where('id', '=', g).executeTakeFirstOrThrow();
      const leader = await tx.selectFrom('members').select(['id', 'join_date']).where('group_id', '=', g).where('party_status', '=', '正式').where('left_type', 'is', null).orderBy('join_date').orderBy('name').executeTakeFirst();
      if (leader) await saveRole(ctx, { orgId: g, memberId: leader.id, personName: null, role: '组长', startOn: [unit.established_on, leader.join_date].filter((d): d is string => !!d).sort().at(-1) ?? null }, tx);
    }
  }
  await yearOfActivities(ctx, tx, rng, state, year, Number(today.slice(5, 7)), true);
  // last year, from its own generator so that this year's records stay as they were
  await yearOfActivities(ctx, tx, seeded(year - 1), state, year - 1, 12, false);
  await demoStudyDays(ctx, tx, state);
}

/** Post holders of the demo's organizations on a day (the rule of postsOn, over rows read once). */
type RoleRow = { org_id: string; member_id: string | null; person_name: string; role: string; start_on: string | null; end_on: string | null };
const holds = (r: RoleRow, day: string) => (!r.start_on || r.start_on <= day) && (!r.end_on || r.end_on > day);

async function yearOfActivities(ctx: Ctx, tx: Transaction<DB>, rng: Rng, state: DemoState, year: number, thisMonth: number, currentYear: boolean): Promise<void> {
  const today = ctx.platform.today();
  const now = ctx.platform.now();
  const acts: ActivitiesTable[] = [];
  const att: ReturnType<typeof attendanceRows> = [];
  const people = await loadRoster(tx, state.branches.map((b) => b.id));
  const roles: RoleRow[] = await tx.selectFrom('org_roles').select(['org_id', 'member_id', 'person_name', 'role', 'start_on', 'end_on']).where('deleted_at', 'is', null).execute();
  const holder = (orgId: string, role: string, day: string) => roles.find((r) => r.org_id === orgId && r.role === role && holds(r, day));
  const postOf = (orgIds: string[], name: string | undefined, day: string) => {
    for (const o of orgIds) {
      const r = roles.find((x) => x.org_id === o && x.person_name === name && holds(x, day));
      if (r) return r.role;
    }
    return null;
  };
  const asPerson = (e: RosterEntry): Person => ({ id: e.memberId, name: e.memberName, partyStatus: e.partyStatus });
  const roster = (orgId: string, day: string, groupId?: string) => rosterOn(people, orgId, day, groupId).map(asPerson);

  const add = (
    org: { id: string; name: string },
    type: string,
    heldOn: string,
    att0: (keep: (string | undefined)[]) => AttendanceEntry[],
    host: Person | undefined,
    recorder: Person | undefined,
    extra: Partial<ActivitiesTable> & { agenda?: string[]; resolutions?: string[]; start?: string } = {},
  ) => {
    if (heldOn > today) return;
    const id = ctx.platform.newId();
    const { agenda, resolutions, start: fixedStart, ...rest } = extra;
    const drawn = rng.pick(['08:30', '09:00', '14:30', '15:00']);
    const start = fixedStart ?? drawn;
    const end = `${String(Number(start.slice(0, 2)) + (type === '支部委员会' ? 1 : 2)).padStart(2, '0')}${start.slice(2)}`;
    const items = agenda ?? [];
    const content = items.length
      ? items.map((a, i) => `${i === 0 ? `${host?.name ?? '主持人'}主持会议并讲话。` : ''}围绕“${a}”，与会同志逐一发言，结合本职工作谈认识、谈打算。${recorder ? `${recorder.name}同志汇报了近期相关工作情况。` : ''}`).join('\n')
      : null;
    const orgIds = [rest.group_id, org.id].filter((x): x is string => Boolean(x));
    const people = att0([host?.id, recorder?.id]);
    acts.push({
      id, org_id: org.id, group_id: null, type, held_on: heldOn, start_time: start, end_time: end, counts_for: null,
      place: type === '主题党日' ? rng.pick(['分局党员活动室', '社区党群服务中心', '廉政教育基地']) : '党员活动室',
      host_name: host?.name ?? null, host_post: postOf(orgIds, host?.name, heldOn), recorder_name: recorder?.name ?? null, recorder_post: postOf(orgIds, recorder?.name, heldOn),
      topic: null, speaker: null, decision_kind: '一般', agenda_json: JSON.stringify(items), content, votes_json: '[]',
      resolutions_json: JSON.stringify(resolutions ?? []), tasks_json: '[]', guests_json: '[]', entered_on: heldOn, note: null,
      ...studyColumns({ type }), created_at: now, updated_at: now, deleted_at: null, ...rest,
    });
    att.push(...attendanceRows(ctx, id, people));
  };

  for (const [bi, b] of (state.branches as Branch[]).entries()) {
    const fulls = b.members.filter((m) => m.partyStatus === '正式');
    const byRole = (role: string, day: string, fallback: DemoMember | undefined): Person | undefined => {
      const r = holder(b.id, role, day);
      return r ? { id: r.member_id ?? '', name: r.person_name, partyStatus: '正式' } : fallback;
    };
    // the committee on the day: the posts held then (before the first recorded term, the first 正式党员)
    const committeeOn = (day: string): Person[] => {
      const held = roles.filter((r) => r.org_id === b.id && isCommitteePost(r.role) && holds(r, day));
      const seen = new Set<string>();
      const list = held.length ? held.map((r) => ({ id: r.member_id ?? '', name: r.person_name, partyStatus: '正式' })) : fulls.slice(0, b.name.includes('退休') ? 2 : 4);
      return list.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
    };
    const secretaryOn = (day: string) => byRole('书记', day, fulls[0]);
    const organizerOn = (day: string) => byRole('组织委员', day, fulls[1]);
    for (let m = 1; m <= thisMonth; m++) {
      const day = (d: number) => fmt(year, m, d);
      const current = currentYear && m === thisMonth;
      // 支委会 early in the month. Gaps: 治安大队 (index 3) missed March and July; half the branches still owe this month's.
      const skipCommittee = (bi === 3 && (m === 3 || m === 7)) || (current && bi % 2 === 1);
      if (!skipCommittee) {
        if (bi === 7 && m === 8) {
          const d = fmt(year, 9, 2);
          add(b, '支部委员会', d, (keep) => attendance(rng, committeeOn(d), d, 0.05, keep), secretaryOn(d), organizerOn(d), { counts_for: `${year}-08`, agenda: ['研究8月份支部工作（补开）'], note: '8月因安保任务顺延至9月2日召开' });
        } else {
          const heldOn = day(rng.int(3, 9));
          add(b, '支部委员会', heldOn, (keep) => attendance(rng, committeeOn(heldOn), heldOn, 0.08, keep), secretaryOn(heldOn), organizerOn(heldOn), {
            agenda: [`研究${m}月份支部工作安排`, rng.pick(STUDY)],
            resolutions: [`按计划开展${m}月份主题党日活动`],
            // 补记: 机关第二党支部's September 支委会 was entered three weeks later.
            ...(currentYear && bi === 1 && m === 9 ? { entered_on: [addDays(heldOn, 23), today].sort()[0], note: '原始记录遗失，据会议签到表和笔记补记' } : {}),
          });
        }
      }
      // 主题党日 on a fixed day around the middle of the month, in the morning (the 党委's 中心组 meets in the afternoon).
      const partyDay = day(15 + (bi % 5));
      add(b, '主题党日', partyDay, (keep) => attendance(rng, roster(b.id, partyDay), partyDay, 0.1, keep), secretaryOn(partyDay), organizerOn(partyDay), { topic: rng.pick(THEMES), agenda: [rng.pick(STUDY)], start: '09:00' });
      // 党小组会 for each group, led by its 组长.
      for (const [gi, g] of b.groupIds.entries()) {
        const heldOn = day(20 + gi);
        if (heldOn > today) continue;
        const groupMembers = roster(b.id, heldOn, g);
        const leader = holder(g, '组长', heldOn);
        const host = groupMembers.find((p) => p.id === leader?.member_id) ?? groupMembers[0];
        const recorder = groupMembers.find((p) => p !== host && p.partyStatus === '正式');
        add(b, '党小组会', heldOn, (keep) => attendance(rng, groupMembers, heldOn, 0.1, keep), host, recorder, { group_id: g, agenda: [rng.pick(STUDY)] });
      }
      // 党课 in the middle month of each quarter; 东城派出所 (index 5) had none in Q2.
      if (m % 3 === 2 && !(bi === 5 && m === 5)) {
        const heldOn = day(25);
        const topic = rng.pick(LESSONS);
        const secretary = secretaryOn(heldOn);
        add(b, '党课', heldOn, (keep) => attendance(rng, roster(b.id, heldOn), heldOn, 0.1, keep), secretary, organizerOn(heldOn), { topic, speaker: secretary?.name ?? null, agenda: [`${secretary?.name}同志讲授专题党课《${topic}》`] });
      }
      // 支部党员大会 in the last month of each quarter; 西城派出所 (index 6) fell below quorum in Q2.
      if (m % 3 === 0) {
        const heldOn = day(26);
        const low = bi === 6 && m === 6;
        add(b, '支部党员大会', heldOn, (keep) => {
          const list = attendance(rng, roster(b.id, heldOn), heldOn, low ? 0.75 : 0.08, keep);
          return low ? belowQuorum(list, keep) : list;
        }, secretaryOn(heldOn), organizerOn(heldOn), {
          agenda: [`通报第${'一二三四'[m / 3 - 1]}季度支部工作`, '评议党员发挥作用情况'],
          resolutions: low ? [] : ['通过本季度支部工作情况通报'],
        });
      }
      // 组织生活会 (morning) and 民主评议党员 (afternoon) on one day in November for the first six branches; the rest are still due.
      // Last year every branch held them, the rest in December.
      if ((m === 11 && bi < 6) || (!currentYear && m === 12 && bi >= 6)) {
        const heldOn = day(12 + (bi % 6));
        add(b, '组织生活会', heldOn, (keep) => attendance(rng, roster(b.id, heldOn), heldOn, 0.05, keep), secretaryOn(heldOn), organizerOn(heldOn), { topic: '年度组织生活会', agenda: ['对照检查，开展批评和自我批评'], start: '08:30' });
        add(b, '民主评议党员', heldOn, (keep) => attendance(rng, roster(b.id, heldOn), heldOn, 0.05, keep), secretaryOn(heldOn), organizerOn(heldOn), { agenda: ['个人自评、党员互评、民主测评'], start: '14:30' });
      }
    }
  }

  // The 党委: 中心组学习 every quarter (this quarter's in October, in the afternoon), 民主生活会 still due.
  const committeeOrg = { id: state.committeeId, name: '党委' };
  const leaders = state.branches.map((b) => b.members[0]).slice(0, 9);
  const chair = (day: string) => {
    const r = holder(state.committeeId, '书记', day);
    return leaders.find((l) => l.id === r?.member_id) ?? leaders[0];
  };
  for (let q = 1; q <= 4; q++) {
    const heldOn = fmt(year, q * 3 - 2 + 1, 18);
    if (heldOn > today) continue;
    const host = chair(heldOn);
    const recorder = leaders.find((l) => l !== host)!;
    add(committeeOrg, '理论学习中心组学习', heldOn, (keep) => attendance(rng, leaders, heldOn, 0.1, keep), host, recorder, { agenda: [rng.pick(STUDY)], topic: `第${'一二三四'[q - 1]}季度集中学习`, start: '14:30' });
  }
  if (!currentYear) {
    const heldOn = fmt(year, 12, 22);
    const host = chair(heldOn);
    add(committeeOrg, '民主生活会', heldOn, (keep) => attendance(rng, leaders, heldOn, 0, keep), host, leaders.find((l) => l !== host), { topic: '年度民主生活会', agenda: ['对照检查，开展批评和自我批评'], start: '14:30' });
  }

  // every record meets the checks of a clerk's entry (organization, group, type, dates, attendance list)
  const attOf = new Map<string, typeof att>();
  for (const r of att) attOf.get(r.activity_id)?.push(r) ?? attOf.set(r.activity_id, [r]);
  for (const a of acts) await checkInput(tx, ctx, rowToInput(a, attOf.get(a.id) ?? []));
  await inChunks(acts, 100, (chunk) => tx.insertInto('activities').values(chunk).execute());
  await inChunks(att, 200, (chunk) => tx.insertInto('activity_attendance').values(chunk).execute());
}

/**
 * A member the demo accepts later (a 预备党员 of the development demo, which runs
 * after this one) is due at every roster meeting of the branch from that day:
 * the records written at the time list the member, present.
 */
export async function demoEnrollInLaterRecords(ctx: Ctx, tx: Transaction<DB>, memberId: string): Promise<void> {
  const m = await tx.selectFrom('members').select(['id', 'name', 'branch_id', 'group_id', 'join_date', 'full_date', 'party_status']).where('id', '=', memberId).executeTakeFirstOrThrow();
  const acts = await tx
    .selectFrom('activities')
    .select(['id', 'type', 'group_id', 'held_on'])
    .where('org_id', '=', m.branch_id)
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', m.join_date)
    .where('type', 'in', ROSTER_TYPES)
    .execute();
  const rows: ReturnType<typeof attendanceRows> = [];
  for (const a of acts) {
    if (a.type === '党小组会' && a.group_id !== m.group_id) continue;
    const listed = await tx.selectFrom('activity_attendance').select(['member_id', 'sort_order']).where('activity_id', '=', a.id).execute();
    if (!listed.length || listed.some((x) => x.member_id === m.id)) continue;
    const entry: AttendanceEntry = { memberId: m.id, memberName: m.name, partyStatus: statusOn({ fullDate: m.full_date, partyStatus: m.party_status }, a.held_on), status: '出席', late: false, leftEarly: false, reason: null, writtenOpinion: false };
    rows.push(...attendanceRows(ctx, a.id, [entry]).map((r) => ({ ...r, sort_order: Math.max(...listed.map((x) => x.sort_order)) + 1 })));
  }
  await inChunks(rows, 200, (chunk) => tx.insertInto('activity_attendance').values(chunk).execute());
}
