/** Foundation figures: open+migrate, filtered member list at 100 and 5,000, roster import and export of 5,000 rows. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext, type Ledger } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { clearTables, ledgerTables, loadDemo } from '../../core/demo/index.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { exportRoster } from '../../core/members/export.ts';
import { commitImport, previewImport } from '../../core/members/import.ts';
import { median, time } from './util.ts';

async function withMembers(dir: string, n: number): Promise<Ledger> {
  const l = await openLedgerContext(path.join(dir, `ledger-${n}.sqlite`), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const branches = await l.ctx.db.selectFrom('org_units').select('id').where('kind', '=', '党支部').execute();
  const now = l.ctx.platform.now();
  const extra = n - 99;
  await l.ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < extra; i++) {
      const birth = `${1960 + (i % 40)}-0${(i % 9) + 1}-1${i % 9}`;
      await tx
        .insertInto('members')
        .values({
          id: `bench-${i}`, name: `测试${i}`, gender: i % 2 ? '男' : '女', ethnicity: '汉族', birth_date: birth, id_number: makeIdNumber('370102', birth, i, i % 2 === 1),
          native_place: null, education: '大学本科', work_start_date: null, join_date: `${2000 + (i % 20)}-07-01`, full_date: `${2001 + (i % 20)}-07-01`, party_status: '正式',
          category: i % 7 ? '在职' : '离退休', work_unit: null, police_type: null, position: null, police_rank: null, phone: null, branch_id: branches[i % branches.length].id,
          group_id: null, note: null, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null,
        })
        .execute();
    }
  });
  return l;
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const open = await time(() => openLedgerContext(path.join(dir, 'fresh.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir })));
  await open.value.close();
  const small = await withMembers(dir, 100);
  const big = await withMembers(dir, 5000);
  const branch = (await big.ctx.db.selectFrom('org_units').select('id').where('kind', '=', '党支部').executeTakeFirstOrThrow()).id;
  const filter = { branchId: branch, category: '在职', search: '测试1', pageSize: 20 };
  const list100 = await median(() => small.invoke('members/list', filter), 9);
  const list5000 = await median(() => big.invoke('members/list', filter), 9);
  const exp = await time(() => exportRoster(big.ctx, {}));
  // Import the exported 5,000 rows into a ledger that has the branches but no members.
  const target = await openLedgerContext(path.join(dir, 'import.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(target.ctx);
  // Keep the organization, empty everything that refers to members.
  await target.ctx.db.transaction().execute((tx) => clearTables(tx, ledgerTables().filter((t) => t !== 'org_units' && t !== 'settings')));
  // The first read of a process starts the reader's worker (under tsx here; the built app loads plain JS).
  const cold = await time(() => previewImport(target.ctx, exp.value.bytes));
  // The commit, as after the clerk's preview: the worker is warm.
  const imp = await time(() => commitImport(target.ctx, exp.value.bytes, 'bench.xlsx', { validOnly: false }));
  const result = {
    openAndMigrateMs: open.ms,
    membersListFiltered100Ms: list100,
    membersListFiltered5000Ms: list5000,
    rosterExport5000Ms: exp.ms,
    rosterImport5000Ms: imp.ms,
    rosterImportCreated: imp.value.created,
    rosterPreview5000ColdWorkerMs: cold.ms,
  };
  for (const l of [small, big, target]) await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return result;
}
