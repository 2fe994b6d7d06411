/**
 * 民主评议党员 (issue 14 item 1): on the demo bureau with one branch grown to 400 members, the page's read of
 * that branch (roster on the meeting day, lines, figures, findings), saving its 400 ratings in one transaction,
 * the year's ratings the other areas read (yearRatings), the summary figures and the 结果汇总表 of the year.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { inChunks } from '../../db/chunks.ts';
import { evaluationView, yearRatings } from '../../core/evaluation/queries.ts';
import { saveEvaluation } from '../../core/evaluation/service.ts';
import { evaluationStats } from '../../core/evaluation/stats.ts';
import { exportResults } from '../../core/evaluation/export.ts';
import { median } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'evaluation.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const db = l.ctx.db;
  const branch = await db.selectFrom('org_units').select('id').where('name', '=', '刑侦大队党支部').executeTakeFirstOrThrow();
  const have = (await db.selectFrom('members').select('id').where('branch_id', '=', branch.id).where('left_date', 'is', null).execute()).length;
  const now = l.ctx.platform.now();
  const rows = Array.from({ length: 400 - have }, (_, i) => {
    const birth = `${1960 + (i % 40)}-0${(i % 9) + 1}-1${i % 9}`;
    return {
      id: `bench-${i}`, name: `测试${i}`, gender: i % 2 ? '男' : '女', ethnicity: '汉族', birth_date: birth, id_number: makeIdNumber('370102', birth, i, i % 2 === 1),
      native_place: null, education: '大学本科', work_start_date: null, join_date: `${2000 + (i % 20)}-07-01`, full_date: `${2001 + (i % 20)}-07-01`, party_status: '正式',
      category: '在职', work_unit: null, police_type: null, position: null, police_rank: null, phone: null, branch_id: branch.id,
      group_id: null, note: null, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null,
    };
  });
  await inChunks(rows, 100, (c) => db.insertInto('members').values(c).execute());
  const q = { year: 2026, branchId: branch.id };
  const v = await evaluationView(db, q);
  const ratings = v.lines.map((x, i) => ({ memberId: x.memberId, tookPart: true, absenceReason: null, problems: null, grade: x.partyStatus === '预备' ? null : i % 4 === 0 ? ('优秀' as const) : ('合格' as const), votes: null }));
  const input = { ...q, activityId: v.activityId, ballotsIssued: null, ballotsReturned: null, ballotsInvalid: null, ballotsBlank: null, note: null, ratings };
  // the demo's saved lines plus the rest of the roster on the meeting day: the save lists all 400
  const save400Ms = await median(() => saveEvaluation(l.ctx, input));
  const out = {
    members: (await evaluationView(db, q)).lines.length,
    save400Ms,
    showMs: await median(() => evaluationView(db, q)),
    yearRatingsMs: await median(() => yearRatings(db, 2026)),
    statsMs: await median(() => evaluationStats(l.ctx, { year: 2026 })),
    resultsWorkbookMs: await median(() => exportResults(l.ctx, { year: 2026 }), 3),
  };
  await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
