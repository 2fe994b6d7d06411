/**
 * Development figures: rule evaluation of 1,000 open files (pure engine, and
 * the roster that loads and evaluates them from SQLite; target ≤ 200 ms) and
 * the 发展党员工作台账 export over those files.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { addDays, addMonths } from '../../common/dates.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { evaluate } from '../../core/development/engine.ts';
import { RULES_2014 } from '../../core/development/rulesets.ts';
import { dossierOf } from '../../core/development/model.ts';
import { loadAll, listRoster, reminders } from '../../core/development/roster.ts';
import { exportLedger } from '../../core/development/documents.ts';
import { median } from './util.ts';

const N = 1000;

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-dev-'));
  const today = '2026-11-28';
  const l = await openLedgerContext(path.join(dir, 'ledger.sqlite'), fixedPlatform({ today, dataDir: dir }));
  await loadDemo(l.ctx);
  const branches = await l.ctx.db.selectFrom('org_units').select('id').where('kind', '=', '党支部').execute();
  const now = l.ctx.platform.now();
  await l.ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < N; i++) {
      const birth = `${1980 + (i % 20)}-0${(i % 9) + 1}-1${i % 9}`;
      const id = `bench-dev-${i}`;
      await tx
        .insertInto('development_files')
        .values({
          id, name: `发展${i}`, gender: i % 2 ? '男' : '女', ethnicity: '汉族', birth_date: birth, id_number: makeIdNumber('410105', birth, i, i % 2 === 1),
          native_place: null, education: '大学本科', category: '在职', work_unit: null, position: null, phone: null, branch_id: branches[i % branches.length].id,
          member_id: null, extension_months: null, extension_decided_on: null, left_type: null, left_date: null, left_reason: null, note: null,
          created_at: now, updated_at: now, deleted_at: null,
        })
        .execute();
      // Files spread over every stage: 1 to 24 steps, applications over the last three years.
      const s1 = addDays(addMonths(today, -36), i % 1000);
      const last = 1 + (i % 24);
      for (let n = 1; n <= last; n++) {
        const date = addDays(s1, n * 20);
        if (date > today) break;
        const details = n === 9 ? { introducers: [{ memberId: null, name: '甲', fullMemberSince: '2001-07-01', underProbation: false }, { memberId: null, name: '乙', fullMemberSince: '2002-07-01', underProbation: false }] }
          : n === 11 ? { trainingDays: 3, trainingHours: 24 }
          : n === 15 || n === 23 ? { meeting: { due: 12, present: 11, for: 10 } }
          : {};
        await tx
          .insertInto('development_steps')
          .values({ id: `${id}-${n}`, file_id: id, step: n, date, actor: null, outcome: null, documents_json: '[]', details_json: JSON.stringify(details), note: null, entered_on: date, created_at: now, updated_at: now })
          .execute();
      }
    }
  });
  const all = await loadAll(l.ctx.db, { scope: 'open' });
  const dossiers = all.map(({ file, steps }) => dossierOf(file, steps));
  const figures: Record<string, number | string> = {
    files: all.length,
    evaluate1000FilesMs: await median(() => {
      for (const d of dossiers) evaluate(d, RULES_2014, { today });
    }),
    rosterLoadAndEvaluateMs: await median(() => listRoster(l.ctx, {})),
    monthlyRemindersMs: await median(() => reminders(l.ctx)),
    ledgerExportMs: await median(() => exportLedger(l.ctx, 2026), 3),
    target: 'evaluate 1,000 open files ≤ 200 ms',
  };
  await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
