/**
 * 学时 (issue 13 item 3): each member's hours of a year for 5,000 members with a year of attendance
 * (each branch's monthly 主题党日 and quarterly 党课, everyone present: about 80,000 attendance lines),
 * two training records each and one online-study import; target ≤ 300 ms. Then the 学时登记表.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { inChunks } from '../../db/chunks.ts';
import { yearHours } from '../../core/hours/queries.ts';
import { exportStudyHours } from '../../core/hours/export.ts';
import { median } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'hours.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const db = l.ctx.db;
  const branches = await db.selectFrom('org_units').select('id').where('kind', '=', '党支部').execute();
  const now = l.ctx.platform.now();
  const have = (await db.selectFrom('members').select('id').where('deleted_at', 'is', null).where('left_date', 'is', null).execute()).length;
  await db.transaction().execute(async (tx) => {
    const rows = Array.from({ length: 5000 - have }, (_, i) => {
      const birth = `${1960 + (i % 40)}-0${(i % 9) + 1}-1${i % 9}`;
      return {
        id: `bench-${i}`, name: `测试${i}`, gender: i % 2 ? '男' : '女', ethnicity: '汉族', birth_date: birth, id_number: makeIdNumber('370102', birth, i, i % 2 === 1),
        native_place: null, education: '大学本科', work_start_date: null, join_date: `${2000 + (i % 20)}-07-01`, full_date: `${2001 + (i % 20)}-07-01`, party_status: '正式',
        category: '在职', work_unit: null, police_type: null, position: null, police_rank: null, phone: null, branch_id: branches[i % branches.length].id,
        group_id: null, note: null, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null,
      };
    });
    await inChunks(rows, 100, (c) => tx.insertInto('members').values(c).execute());
    const members = await tx.selectFrom('members').select(['id', 'name', 'branch_id']).where('deleted_at', 'is', null).execute();
    const byBranch = new Map<string, typeof members>();
    for (const m of members) byBranch.set(m.branch_id, [...(byBranch.get(m.branch_id) ?? []), m]);
    const acts = [];
    const att = [];
    let n = 0;
    for (const b of branches)
      for (let month = 1; month <= 11; month++)
        for (const type of month % 3 === 0 ? ['主题党日', '党课'] : ['主题党日']) {
          const id = `bench-a-${n++}`;
          const start = ['09:00', '14:30', '15:00'][n % 3];
          acts.push({
            id, org_id: b.id, group_id: null, type, held_on: `2026-${String(month).padStart(2, '0')}-${type === '党课' ? '20' : '10'}`, start_time: start, end_time: `${String(Number(start.slice(0, 2)) + 2).padStart(2, '0')}${start.slice(2)}`,
            counts_for: null, place: null, host_name: null, host_post: null, recorder_name: null, recorder_post: null, topic: null, speaker: null, decision_kind: '一般', agenda_json: '[]', study_form: null, plan_topic_id: null, speakers_json: '[]',
            first_topic_title: null, first_topic_on: null, first_topic_source: null, first_topic_how: null,
            content: null, votes_json: '[]', resolutions_json: '[]', tasks_json: '[]', guests_json: '[]', entered_on: '2026-11-28', note: null, created_at: now, updated_at: now, deleted_at: null,
          });
          for (const [i, m] of (byBranch.get(b.id) ?? []).entries())
            att.push({ id: `${id}-${i}`, activity_id: id, member_id: m.id, member_name: m.name, party_status: '正式', status: i % 17 ? '出席' : '请假', late: 0 as const, left_early: 0 as const, reason: null, written_opinion: 0 as const, sort_order: i });
        }
    await inChunks(acts, 50, (c) => tx.insertInto('activities').values(c).execute());
    await inChunks(att, 500, (c) => tx.insertInto('activity_attendance').values(c).execute());
    const trainings = members.flatMap((m, i) => [
      { id: `bench-t-${i}-a`, member_id: m.id, kind: '集中培训', start_on: '2026-03-18', end_on: null, hours: 80, title: '集中轮训', organizer: null, note: null, created_at: now, updated_at: now, deleted_at: null },
      { id: `bench-t-${i}-b`, member_id: m.id, kind: '网络培训', start_on: '2026-06-18', end_on: null, hours: 40 + (i % 30), title: '网络培训', organizer: null, note: null, created_at: now, updated_at: now, deleted_at: null },
    ]);
    await inChunks(trainings, 200, (c) => tx.insertInto('study_trainings').values(c).execute());
    await tx.insertInto('study_online_imports').values({ id: 'bench-i', year: 2026, source_file: 'bench.xlsx', imported_on: '2026-11-28', row_count: members.length, note: null, created_at: now, deleted_at: null }).execute();
    await inChunks(members.map((m, i) => ({ id: `bench-h-${i}`, import_id: 'bench-i', row_no: i + 2, member_id: m.id, name: m.name, hours: 30 + (i % 50), created_at: now })), 200, (c) => tx.insertInto('study_online_hours').values(c).execute());
  });
  const lines = Number((await db.selectFrom('activity_attendance').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const y = await yearHours(l.ctx, { year: 2026 });
  const ms = await median(() => yearHours(l.ctx, { year: 2026 }));
  // CPU time of one run beside the wall time: on a shared, loaded machine the wall time is partly waiting
  const cpu0 = process.cpuUsage();
  await yearHours(l.ctx, { year: 2026 });
  const cpu = process.cpuUsage(cpu0);
  const sheet = await median(() => exportStudyHours(l.ctx, { year: 2026 }), 3);
  await l.close();
  if (process.env.BENCH_KEEP) process.stderr.write(`kept ${dir}\n`);
  else fs.rmSync(dir, { recursive: true, force: true });
  return {
    members: y.members.length,
    'attendance lines': lines,
    '学时 of a year, 5,000 members (ms)': ms,
    '学时 of a year, CPU time (ms)': Math.round((cpu.user + cpu.system) / 1000),
    '学时 target (ms)': 300,
    '学时登记表 .xlsx, 5,000 members (ms)': sheet,
  };
}
