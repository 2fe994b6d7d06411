/**
 * The demo's weekly 政治学习日: the unit has switched the rule on from 1 January,
 * and every branch but the last holds it each Friday afternoon (the preferred weekday)
 * up to today, missing a few weeks, so the calendar shows "3/4周" cells and
 * branches that do not hold it at all. Drawn from its own generator so the
 * rest of the demo stays as it was. Records go through checkInput, as a clerk's.
 */
import type { Transaction } from 'kysely';
import type { DB, ActivitiesTable } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import type { DemoState } from '../demo/types.ts';
import { addDays } from '../../common/dates.ts';
import { seeded } from '../demo/random.ts';
import { inChunks } from '../../db/chunks.ts';
import { setSetting } from '../settings/service.ts';
import { attendanceRows, checkInput } from './service.ts';
import { rowToInput, type AttendanceEntry } from './model.ts';
import { loadRoster, rosterOn } from './roster.ts';
import { SETTINGS } from './rules.ts';
import { STUDY_DAY, mondaysOf } from './weekly.ts';

const CONTENT = ['学习习近平新时代中国特色社会主义思想', '学习党章和党内法规', '学习公安部党委会议精神', '学习《中国共产党纪律处分条例》', '学习英模先进事迹', '学习上级党委文件精神'];

export async function demoStudyDays(ctx: Ctx, tx: Transaction<DB>, state: DemoState): Promise<void> {
  const today = ctx.platform.today();
  const year = Number(today.slice(0, 4));
  await setSetting(tx, ctx, SETTINGS.studyDayEnabled, true);
  await setSetting(tx, ctx, SETTINGS.studyDaySince, `${year}-01-01`);
  const rng = seeded(year * 53 + 5);
  const now = ctx.platform.now();
  const people = await loadRoster(tx, state.branches.map((b) => b.id));
  const secretaries = await tx.selectFrom('org_roles').select(['org_id', 'member_id', 'person_name', 'start_on', 'end_on']).where('role', '=', '书记').where('deleted_at', 'is', null).execute();
  const acts: ActivitiesTable[] = [];
  const att: ReturnType<typeof attendanceRows> = [];
  for (const [bi, b] of state.branches.entries()) {
    if (bi === state.branches.length - 1) continue; // the last branch (退休党支部 in the demo) has not taken it up
    for (let monday = mondaysOf(`${year}-01`)[0]; addDays(monday, 4) <= today; monday = addDays(monday, 7)) {
      if (rng.chance(0.015)) continue; // a rare missed week, so a few month cells show it
      const day = addDays(monday, 4);
      const roster = rosterOn(people, b.id, day);
      if (!roster.length) continue;
      const sec = secretaries.find((r) => r.org_id === b.id && (!r.start_on || r.start_on <= day) && (!r.end_on || r.end_on > day));
      const host = roster.find((p) => p.memberId === sec?.member_id) ?? roster[0];
      const recorder = roster.find((p) => p !== host && p.partyStatus === '正式') ?? host;
      const entries: AttendanceEntry[] = roster.map((p) => {
        const away = p !== host && p !== recorder && rng.chance(0.1);
        return { memberId: p.memberId, memberName: p.memberName, partyStatus: p.partyStatus, status: away ? '公出' : '出席', late: false, leftEarly: false, reason: away ? '执行勤务' : null, writtenOpinion: false };
      });
      const topic = rng.pick(CONTENT);
      const id = ctx.platform.newId();
      acts.push({
        id, org_id: b.id, group_id: null, type: STUDY_DAY, held_on: day, start_time: '17:00', end_time: '18:00', counts_for: null, place: '党员活动室',
        host_name: host.memberName, host_post: sec && sec.member_id === host.memberId ? '书记' : null, recorder_name: recorder.memberName, recorder_post: null,
        topic, speaker: null, decision_kind: '一般', agenda_json: JSON.stringify([topic]), content: `${host.memberName}领学，与会党员结合本职工作交流学习体会。`, votes_json: '[]',
        study_form: null, plan_topic_id: null, speakers_json: '[]', first_topic_title: null, first_topic_on: null, first_topic_source: null, first_topic_how: null,
        resolutions_json: '[]', tasks_json: '[]', guests_json: '[]', entered_on: day, note: null, created_at: now, updated_at: now, deleted_at: null,
      });
      att.push(...attendanceRows(ctx, id, entries));
    }
  }
  const attOf = new Map<string, typeof att>();
  for (const r of att) attOf.get(r.activity_id)?.push(r) ?? attOf.set(r.activity_id, [r]);
  for (const a of acts) await checkInput(tx, ctx, rowToInput(a, attOf.get(a.id) ?? []));
  await inChunks(acts, 100, (chunk) => tx.insertInto('activities').values(chunk).execute());
  await inChunks(att, 200, (chunk) => tx.insertInto('activity_attendance').values(chunk).execute());
}
