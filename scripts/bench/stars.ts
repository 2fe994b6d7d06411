/**
 * 评星定级 (issue 14 item 3): a year's scores of 50 branches — the demo's 11 plus 39 more, each with 9
 * members, a year of 支部党员大会 and 党课 with everyone present, and every hand-scored indicator entered —
 * scored from the ledger (三会一课, 党费, 发展党员, 换届, 民主评议, 学时, 档案) with the sheets and the stars;
 * target ≤ 500 ms. Then the 汇总表, and the 书记述职 基层组织建设重点指标 of the same 50 branches (cold, target ≤ 500 ms) and its .xlsx.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { inChunks } from '../../db/chunks.ts';
import { scoreYear } from '../../core/stars/score.ts';
import { saveEntry } from '../../core/stars/service.ts';
import { exportStars } from '../../core/stars/export.ts';
import { EXAMPLE_SCHEME } from '../../core/stars/scheme.ts';
import { computeSecretaryIndicators } from '../../core/stats/secretary.ts';
import { exportSecretaryIndicators } from '../../core/stats/secretary-export.ts';
import { median } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'stars.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const db = l.ctx.db;
  const now = l.ctx.platform.now();
  const root = await db.selectFrom('org_units').select('id').where('kind', '=', '党委').executeTakeFirstOrThrow();
  const hand = EXAMPLE_SCHEME.values.groups.flatMap((g) => g.indicators).filter((i) => i.source === 'hand');
  await db.transaction().execute(async (tx) => {
    const units = Array.from({ length: 39 }, (_, i) => ({
      id: `bench-b-${i}`, parent_id: root.id, kind: '党支部', name: `测试第${i + 1}党支部`, short_name: null, established_on: '2001-07-01', term_years: 3, term_start_on: `${2024 + (i % 3)}-03-01`,
      sort_order: 1000 + i, note: null, created_at: now, updated_at: now, deleted_at: null,
    }));
    await tx.insertInto('org_units').values(units).execute();
    const members = units.flatMap((u, bi) =>
      Array.from({ length: 9 }, (_, j) => {
        const i = bi * 9 + j;
        const birth = `${1960 + (i % 40)}-0${(i % 9) + 1}-1${i % 9}`;
        return {
          id: `bench-m-${i}`, name: `测试${i}`, gender: i % 2 ? '男' : '女', ethnicity: '汉族', birth_date: birth, id_number: makeIdNumber('370102', birth, 400 + i, i % 2 === 1),
          native_place: null, education: '大学本科', work_start_date: null, join_date: `${2000 + (i % 20)}-07-01`, full_date: `${2001 + (i % 20)}-07-01`, party_status: '正式',
          category: '在职', work_unit: null, police_type: null, position: null, police_rank: null, phone: null, branch_id: u.id,
          group_id: null, note: null, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null,
        };
      }),
    );
    await inChunks(members, 100, (c) => tx.insertInto('members').values(c).execute());
    const acts = [];
    const att = [];
    let n = 0;
    for (const u of units)
      for (const q of [1, 2, 3])
        for (const type of ['支部党员大会', '党课']) {
          const id = `bench-a-${n++}`;
          acts.push({
            id, org_id: u.id, group_id: null, type, held_on: `2026-0${q * 3 - 1}-1${q}`, start_time: '09:00', end_time: '11:00',
            counts_for: null, place: null, host_name: null, host_post: null, recorder_name: null, recorder_post: null, topic: null, speaker: null, decision_kind: '一般', agenda_json: '[]', study_form: null, plan_topic_id: null, speakers_json: '[]',
            first_topic_title: null, first_topic_on: null, first_topic_source: null, first_topic_how: null,
            content: null, votes_json: '[]', resolutions_json: '[]', tasks_json: '[]', guests_json: '[]', entered_on: '2026-11-28', note: null, created_at: now, updated_at: now, deleted_at: null,
          });
          for (const [i, m] of members.filter((x) => x.branch_id === u.id).entries())
            att.push({ id: `${id}-${i}`, activity_id: id, member_id: m.id, member_name: m.name, party_status: '正式', status: '出席', late: 0 as const, left_early: 0 as const, reason: null, written_opinion: 0 as const, sort_order: i });
        }
    await inChunks(acts, 50, (c) => tx.insertInto('activities').values(c).execute());
    await inChunks(att, 500, (c) => tx.insertInto('activity_attendance').values(c).execute());
    for (const u of units) for (const ind of hand) await saveEntry(l.ctx, { year: 2026, branchId: u.id, kind: 'indicator', itemKey: ind.key, points: ind.max * 0.8, times: null, evidence: '考评组评定', note: null }, tx);
  });
  const s = await scoreYear(l.ctx, 2026);
  const out = {
    branches: s.branches.length,
    lines: s.branches.reduce((a, b) => a + b.lines.length, 0),
    'stars score (50 branches), ms': await median(() => scoreYear(l.ctx, 2026)),
    'target, ms': 500,
    'export stars .xlsx, ms': await median(() => exportStars(l.ctx, 2026), 3),
    // the 书记述职 figures read the same facts (三会一课, 换届, 民主评议, 学时) plus the calendar, dues, development and 整改
    'secretary indicators (50 branches, cold), ms': await median(() => computeSecretaryIndicators(l.ctx, 2026, '2026-11-28')),
    'secretary indicators target, ms': 500,
    'export secretary-indicators .xlsx (50 branches), ms': await median(() => exportSecretaryIndicators(l.ctx, 2026), 3),
  };
  await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
