/**
 * The ledger the UI figure is measured on: the dues bench's 5,000 members in 50 branches of 100 with ten
 * years of assessments and monthly payments (bigDuesLedger), the unit's name set through its handler, and
 * ten years (2017–2026) of each branch's 三会一课 with attendance lists of the whole branch: 16,000 records,
 * about a million attendance rows. Written as `ledger.sqlite` in a data folder, ready for browser mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ActivitiesTable, ActivityAttendanceTable } from '../../db/schema.ts';
import { bigDuesLedger } from './dues.ts';

export const UI_TODAY = '2026-11-28';

export async function bigUiLedger(dir: string): Promise<{ members: number; activities: number; attendance: number; payments: number }> {
  const { l, db, payments, branchIds } = await bigDuesLedger(dir);
  await l.invoke('org/settings-save', { unitName: '测试市公安局测试分局', committeeName: '中共测试分局委员会' });
  const now = l.ctx.platform.now();
  let activities = 0;
  let attendance = 0;
  await db.transaction().execute(async (tx) => {
    for (let b = 0; b < branchIds.length; b++) {
      const members = Array.from({ length: 100 }, (_, k) => ({ id: `m${b + k * branchIds.length}`, name: `党员${b + k * branchIds.length}` }));
      const acts: ActivitiesTable[] = [];
      const att: ActivityAttendanceTable[] = [];
      const add = (type: string, heldOn: string, people: typeof members) => {
        if (heldOn > UI_TODAY) return;
        const id = `act${b}-${acts.length}`;
        acts.push({
          id, org_id: branchIds[b], group_id: null, type, held_on: heldOn, start_time: '09:00', end_time: '11:00', counts_for: null, place: '活动室', host_name: members[0].name, host_post: '书记',
          recorder_name: members[1].name, recorder_post: '组织委员', topic: type === '党课' ? '学习党章' : null, speaker: null, decision_kind: '一般', study_form: null, plan_topic_id: null, speakers_json: '[]', first_topic_title: null, first_topic_on: null, first_topic_source: null, first_topic_how: null, agenda_json: '["议题"]', content: '会议内容。',
          votes_json: '[]', resolutions_json: '[]', tasks_json: '[]', guests_json: '[]', entered_on: heldOn, note: null, created_at: now, updated_at: now, deleted_at: null,
        });
        people.forEach((p, i) => att.push({ id: `${id}-${i}`, activity_id: id, member_id: p.id, member_name: p.name, party_status: '正式', status: i % 17 === 3 ? '请假' : '出席', late: 0, left_early: 0, reason: null, written_opinion: 0, sort_order: i }));
      };
      for (let y = 2017; y <= 2026; y++)
        for (let m = 1; m <= 12; m++) {
          const mm = String(m).padStart(2, '0');
          if (!(b % 7 === 0 && m === 5)) add('支部委员会', `${y}-${mm}-05`, members.slice(0, 5));
          add('主题党日', `${y}-${mm}-15`, members);
          if (m % 3 === 0) add('支部党员大会', `${y}-${mm}-25`, members);
          if (m % 3 === 2) add('党课', `${y}-${mm}-20`, members);
          if (m === 11) add('组织生活会', `${y}-${mm}-12`, members);
        }
      for (let i = 0; i < acts.length; i += 100) await tx.insertInto('activities').values(acts.slice(i, i + 100)).execute();
      for (let i = 0; i < att.length; i += 500) await tx.insertInto('activity_attendance').values(att.slice(i, i + 500)).execute();
      activities += acts.length;
      attendance += att.length;
    }
  });
  await l.close();
  for (const suffix of ['', '-wal', '-shm']) {
    const from = path.join(dir, `dues.sqlite${suffix}`);
    if (fs.existsSync(from)) fs.renameSync(from, path.join(dir, `ledger.sqlite${suffix}`));
  }
  return { members: 5000, activities, attendance, payments };
}
