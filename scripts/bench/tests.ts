/**
 * 政治理论测试 figures (issue 13): importing a 5,000-row 问卷星-shaped score workbook
 * against a roster of 5,000 (4,000 members matched by name or phone, 1,000 non-members
 * with their 部门; target ≤ 2 s), the check alone, the figures and the 测试成绩统计表.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { importScores, previewScores } from '../../core/tests/import.ts';
import { testStats } from '../../core/tests/queries.ts';
import { exportTestResults } from '../../core/tests/export.ts';
import { wjxWorkbook, type Taker } from '../../tests/support/score-workbooks.ts';
import { median, time } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'tests.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const branches = await l.ctx.db.selectFrom('org_units').select('id').where('kind', '=', '党支部').execute();
  const now = l.ctx.platform.now();
  await l.ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < 4901; i++) {
      const birth = `${1960 + (i % 40)}-0${(i % 9) + 1}-1${i % 9}`;
      await tx
        .insertInto('members')
        .values({
          id: `bench-${i}`, name: `测试${i}`, gender: i % 2 ? '男' : '女', ethnicity: '汉族', birth_date: birth, id_number: makeIdNumber('370102', birth, i, i % 2 === 1),
          native_place: null, education: '大学本科', work_start_date: null, join_date: `${2000 + (i % 20)}-07-01`, full_date: `${2001 + (i % 20)}-07-01`, party_status: '正式',
          category: '在职', work_unit: null, police_type: null, position: null, police_rank: null, phone: `139${String(i).padStart(8, '0')}`, branch_id: branches[i % branches.length].id,
          group_id: null, note: null, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null,
        })
        .execute();
    }
  });
  const takers: Taker[] = Array.from({ length: 5000 }, (_, i) =>
    i < 4000 ? { name: `测试${i}`, score: 60 + (i % 41), phone: i % 2 ? `139${String(i).padStart(8, '0')}` : undefined } : { name: `辅警${i}`, score: 55 + (i % 46), department: `第${i % 12}大队` },
  );
  const bytes = await wjxWorkbook(takers);
  const head = { name: '基准测试', date: '2026-11-20', kind: '全员普测' as const, pass: 60, full: 100 };
  // The first read of a process starts the reader's worker; the check alone, then the import as after the clerk's check.
  const cold = await time(() => previewScores(l.ctx, { bytes, fileName: 'bench.xlsx', head }));
  // CPU time of this process (main thread and the reader's worker) beside the wall time: on a loaded machine the wall time is mostly waiting
  const cpu0 = process.cpuUsage();
  const imp = await time(() => importScores(l.ctx, { bytes, fileName: 'bench.xlsx', head }));
  const cpu = process.cpuUsage(cpu0);
  if (!imp.value.written || imp.value.validCount !== 5000) throw new Error(`bench import failed: ${JSON.stringify(imp.value.problems.slice(0, 3))}`);
  const stats = await median(() => testStats(l.ctx, imp.value.testId!));
  const sheet = await median(() => exportTestResults(l.ctx, imp.value.testId!), 3);
  await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    'score workbook 5,000 rows, check only, first read (ms)': cold.ms,
    'score workbook 5,000 rows, import (ms)': imp.ms,
    'score workbook 5,000 rows, import, CPU time (ms)': Math.round((cpu.user + cpu.system) / 1000),
    'score import target (ms)': 2000,
    'test figures over 5,000 results (ms)': stats,
    '测试成绩统计表 .xlsx, 5,000 rows (ms)': sheet,
  };
}
