/**
 * 党员积分 (issue 14 item 4): each member's points of a year for 5,000 members, with a year of the ledger the
 * points come from — each branch's monthly 主题党日 and 政治学习日, a quarterly 党课 and 支部党员大会 (everyone
 * on the list, a few on leave: about 150,000 attendance lines), eleven months of dues payments each, a test,
 * a training record each and two entered items each (one approved) — ranks and every line's source; target
 * ≤ 500 ms. Then the month's 登记表 and 公示表 of the largest branch.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { inChunks } from '../../db/chunks.ts';
import { yearPoints } from '../../core/points/queries.ts';
import { exportPoints } from '../../core/points/export.ts';
import { median } from './util.ts';

const activity = (id: string, orgId: string, type: string, heldOn: string, now: string) => ({
  id, org_id: orgId, group_id: null, type, held_on: heldOn, start_time: '14:30', end_time: '16:30', counts_for: null, place: null, host_name: null, host_post: null,
  recorder_name: null, recorder_post: null, topic: `${type}${heldOn}`, speaker: null, decision_kind: '一般', agenda_json: '[]', study_form: null, plan_topic_id: null, speakers_json: '[]',
  first_topic_title: null, first_topic_on: null, first_topic_source: null, first_topic_how: null, content: null, votes_json: '[]', resolutions_json: '[]', tasks_json: '[]', guests_json: '[]',
  entered_on: '2026-11-28', note: null, created_at: now, updated_at: now, deleted_at: null,
});

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'points.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
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
      for (let month = 1; month <= 11; month++) {
        const mm = String(month).padStart(2, '0');
        const types: [string, string][] = [['主题党日', '10'], ['政治学习日', '14']];
        if (month % 3 === 0) types.push(['党课', '20'], ['支部党员大会', '22']);
        for (const [type, day] of types) {
          const id = `bench-a-${n++}`;
          acts.push(activity(id, b.id, type, `2026-${mm}-${day}`, now));
          for (const [i, m] of (byBranch.get(b.id) ?? []).entries())
            att.push({ id: `${id}-${i}`, activity_id: id, member_id: m.id, member_name: m.name, party_status: '正式', status: i % 17 ? '出席' : '请假', late: 0 as const, left_early: 0 as const, reason: null, written_opinion: 0 as const, sort_order: i });
        }
      }
    await inChunks(acts, 50, (c) => tx.insertInto('activities').values(c).execute());
    await inChunks(att, 500, (c) => tx.insertInto('activity_attendance').values(c).execute());
    const pays = members.filter((m) => m.id.startsWith('bench-')).flatMap((m, i) =>
      Array.from({ length: 11 }, (_, k) => {
        const mm = String(k + 1).padStart(2, '0');
        return { id: `bench-p-${i}-${k}`, member_id: m.id, branch_id: m.branch_id, month: `2026-${mm}`, due_fen: 2000, paid_fen: 2000, paid_on: `2026-${mm}-${i % 5 ? '10' : '28'}`, method: '转账', pay_kind: '按月', payer_name: null, receipt_no: null, collector: null, reason: null, consent_ref: null, note: null, created_at: now, updated_at: now, deleted_at: null };
      }),
    );
    await inChunks(pays, 500, (c) => tx.insertInto('dues_payments').values(c).execute());
    await tx.insertInto('political_tests').values({ id: 'bench-test', name: '全员普测', test_date: '2026-06-15', kind: '全员普测', pass_mark: 600, full_mark: 1000, draw_id: null, source_file: null, note: null, created_at: now, updated_at: now, deleted_at: null }).execute();
    await inChunks(members.map((m, i) => ({ id: `bench-r-${i}`, test_id: 'bench-test', row_no: i + 2, member_id: m.id, name: m.name, department: null, branch_id: m.branch_id, police_no: null, phone: null, id_number: null, score: 550 + (i % 450), first_result_id: null, created_at: now })), 200, (c) => tx.insertInto('political_test_results').values(c).execute());
    await inChunks(members.map((m, i) => ({ id: `bench-t-${i}`, member_id: m.id, kind: '网络培训', start_on: '2026-06-18', end_on: null, hours: 300 + (i % 40), title: '网络培训', organizer: null, note: null, created_at: now, updated_at: now, deleted_at: null })), 200, (c) => tx.insertInto('study_trainings').values(c).execute());
    const entries = members.flatMap((m, i) => [
      { id: `bench-e-${i}-a`, member_id: m.id, item_key: 'honour', item_name: '受到表彰奖励', on_date: '2026-05-10', points: 5, reason: '嘉奖', approved_on: '2026-05-20', approval_ref: '5月支委会', approval_activity_id: null, note: null, created_at: now, updated_at: now, deleted_at: null },
      { id: `bench-e-${i}-b`, member_id: m.id, item_key: 'service', item_name: '志愿服务、急难险重任务', on_date: '2026-09-10', points: 2, reason: '志愿服务', approved_on: null, approval_ref: null, approval_activity_id: null, note: null, created_at: now, updated_at: now, deleted_at: null },
    ]);
    await inChunks(entries, 300, (c) => tx.insertInto('points_entries').values(c).execute());
  });
  const lines = Number((await db.selectFrom('activity_attendance').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const y = await yearPoints(l.ctx, { year: 2026 });
  const ms = await median(() => yearPoints(l.ctx, { year: 2026 }));
  const cpu0 = process.cpuUsage();
  await yearPoints(l.ctx, { year: 2026 });
  const cpu = process.cpuUsage(cpu0);
  const withLines = await median(() => yearPoints(l.ctx, { year: 2026, lines: true }), 3);
  const big = branches[0].id;
  const sheet = await median(() => exportPoints(l.ctx, { year: 2026, month: 11, branchId: big }), 3);
  await l.close();
  if (process.env.BENCH_KEEP) process.stderr.write(`kept ${dir}\n`);
  else fs.rmSync(dir, { recursive: true, force: true });
  return {
    members: y.members.length,
    'attendance lines': lines,
    '积分 of a year, 5,000 members (ms)': ms,
    '积分 of a year, CPU time (ms)': Math.round((cpu.user + cpu.system) / 1000),
    '积分 of a year with every line (ms)': withLines,
    '积分 target (ms)': 500,
    '登记表 and 公示表 .xlsx, one branch (ms)': sheet,
  };
}
