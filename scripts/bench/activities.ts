/**
 * Organizational-life figures: the compliance check for a year at demo scale
 * and at 50 branches × 10 years of records; the record book for one
 * branch-year (target ≤ 1 s) and for all 11 demo branches of a year (target ≤ 5 s).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext, type Ledger } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { complianceCheck } from '../../core/activities/compliance.ts';
import { exportRecordBook } from '../../core/activities/exports.ts';
import type { ActivitiesTable, ActivityAttendanceTable } from '../../db/schema.ts';
import { median, time } from './util.ts';

const TODAY = '2026-11-28';

/** 50 branches of 10 members, each with a full calendar of records for 2017–2026. */
export async function bigLedger(dir: string): Promise<{ l: Ledger; activities: number; attendance: number }> {
  const l = await openLedgerContext(path.join(dir, 'big.sqlite'), fixedPlatform({ today: TODAY, dataDir: dir, idPrefix: 'b' }));
  const now = l.ctx.platform.now();
  const db = l.ctx.db;
  let activities = 0;
  let attendance = 0;
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('org_units').values({ id: 'cmt', parent_id: null, kind: '党委', name: '测试党委', short_name: null, established_on: '2000-01-01', term_years: 5, term_start_on: null, sort_order: 0, note: null, created_at: now, updated_at: now, deleted_at: null }).execute();
    for (let b = 0; b < 50; b++) {
      const bid = `br${b}`;
      await tx.insertInto('org_units').values({ id: bid, parent_id: 'cmt', kind: '党支部', name: `第${b + 1}党支部`, short_name: null, established_on: '2000-01-01', term_years: 3, term_start_on: null, sort_order: b + 1, note: null, created_at: now, updated_at: now, deleted_at: null }).execute();
      const members = Array.from({ length: 10 }, (_, k) => ({ id: `m${b}-${k}`, name: `党员${b}-${k}` }));
      for (const m of members)
        await tx
          .insertInto('members')
          .values({
            id: m.id, name: m.name, gender: '男', ethnicity: '汉族', birth_date: '1980-01-01', id_number: `B${b}-${m.id}`, native_place: null, education: null, work_start_date: null,
            join_date: '2005-07-01', full_date: '2006-07-01', party_status: '正式', category: '在职', work_unit: null, police_type: null, position: null, police_rank: null, phone: null,
            branch_id: bid, group_id: null, note: null, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null,
          })
          .execute();
      const acts: ActivitiesTable[] = [];
      const att: ActivityAttendanceTable[] = [];
      const add = (type: string, heldOn: string, people: typeof members) => {
        if (heldOn > TODAY) return;
        const id = `a${b}-${acts.length}`;
        acts.push({
          id, org_id: bid, group_id: null, type, held_on: heldOn, start_time: '09:00', end_time: '11:00', counts_for: null, place: '活动室', host_name: members[0].name, host_post: '书记',
          recorder_name: members[1].name, recorder_post: '组织委员', topic: null, speaker: null, decision_kind: '一般', study_form: null, plan_topic_id: null, speakers_json: '[]', first_topic_title: null, first_topic_on: null, first_topic_source: null, first_topic_how: null, agenda_json: '["议题"]', content: '会议内容。', votes_json: '[]',
          resolutions_json: '[]', tasks_json: '[]', guests_json: '[]', entered_on: heldOn, note: null, created_at: now, updated_at: now, deleted_at: null,
        });
        people.forEach((p, i) => att.push({ id: `${id}-${i}`, activity_id: id, member_id: p.id, member_name: p.name, party_status: '正式', status: i === 3 ? '请假' : '出席', late: 0, left_early: 0, reason: null, written_opinion: 0, sort_order: i }));
      };
      for (let y = 2017; y <= 2026; y++)
        for (let m = 1; m <= 12; m++) {
          const mm = String(m).padStart(2, '0');
          if (!(b % 7 === 0 && m === 5)) add('支部委员会', `${y}-${mm}-05`, members.slice(0, 4));
          add('主题党日', `${y}-${mm}-15`, members);
          if (m % 3 === 0) add('支部党员大会', `${y}-${mm}-25`, members);
          if (m % 3 === 2) add('党课', `${y}-${mm}-20`, members);
          if (m === 11) add('组织生活会', `${y}-${mm}-12`, members);
        }
      for (let i = 0; i < acts.length; i += 100) await tx.insertInto('activities').values(acts.slice(i, i + 100)).execute();
      for (let i = 0; i < att.length; i += 300) await tx.insertInto('activity_attendance').values(att.slice(i, i + 300)).execute();
      activities += acts.length;
      attendance += att.length;
    }
  });
  return { l, activities, attendance };
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-activities-'));
  const demo = await openLedgerContext(path.join(dir, 'demo.sqlite'), fixedPlatform({ today: TODAY, dataDir: dir }));
  await loadDemo(demo.ctx);
  const demoCount = (await demo.ctx.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  const checkDemo = await median(() => complianceCheck(demo.ctx, 2026), 9);
  const branches = await demo.ctx.db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', '党支部').orderBy('sort_order').execute();
  const one = await median(() => exportRecordBook(demo.ctx, { orgId: branches[0].id, year: 2026 }), 5);
  const all = await time(async () => {
    let bytes = 0;
    for (const b of branches) bytes += (await exportRecordBook(demo.ctx, { orgId: b.id, year: 2026 })).bytes.length;
    return bytes;
  });
  const built = await time(() => bigLedger(dir));
  const big = built.value;
  const checkBig = await median(() => complianceCheck(big.l.ctx, 2026), 5);
  const checkBigAllYears = await time(async () => {
    let n = 0;
    for (let y = 2017; y <= 2026; y++) n += (await complianceCheck(big.l.ctx, y)).length;
    return n;
  });
  const result = {
    demoActivities: Number(demoCount),
    checkYearDemoMs: checkDemo,
    recordBookOneBranchYearMs: one,
    recordBookAll11BranchesYearMs: all.ms,
    recordBookAll11Bytes: all.value,
    big50x10Activities: big.activities,
    big50x10AttendanceRows: big.attendance,
    big50x10BuildMs: built.ms,
    checkYear50Branches10YearsMs: checkBig,
    checkAll10Years50BranchesMs: checkBigAllYears.ms,
    checkAll10YearsFindings: checkBigAllYears.value,
  };
  await demo.close();
  await big.l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}
