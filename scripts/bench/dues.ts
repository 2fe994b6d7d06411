/**
 * Dues figures: the annual assessment of 5,000 members (target ≤ 1 s), the
 * 党费收缴台账 for one branch-year and for the whole bureau, and the arrears
 * list at 5,000 members × 10 years of monthly payments (target ≤ 200 ms).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { makeIdNumber } from '../../core/members/idcard.ts';
import { saveAssessments, type AssessInput } from '../../core/dues/assess.ts';
import { arrearsList } from '../../core/dues/arrears.ts';
import { exportBureauLedger, exportLedger } from '../../core/dues/documents.ts';
import { monthRange } from '../../core/dues/months.ts';
import type { DuesPaymentsTable } from '../../db/schema.ts';
import { median, time } from './util.ts';

const N = 5000;
const BRANCHES = 50;
const YEARS = 10;

/** The 5,000-member ledger with ten years of assessments and monthly payments (also used by the backup bench). */
export async function bigDuesLedger(dir: string) {
  const l = await openLedgerContext(path.join(dir, 'dues.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  const db = l.ctx.db;
  const now = l.ctx.platform.now();
  await db.insertInto('org_units').values({ id: 'c', parent_id: null, kind: '党委', name: '中共测试分局委员会', short_name: null, established_on: null, term_years: 5, term_start_on: null, sort_order: 0, note: null, created_at: now, updated_at: now, deleted_at: null }).execute();
  const branchIds = Array.from({ length: BRANCHES }, (_, i) => `b${i}`);
  await db
    .insertInto('org_units')
    .values(branchIds.map((id, i) => ({ id, parent_id: 'c', kind: '党支部', name: `第${i + 1}党支部`, short_name: null, established_on: null, term_years: 3, term_start_on: null, sort_order: i + 1, note: null, created_at: now, updated_at: now, deleted_at: null })))
    .execute();
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < N; i += 250) {
      await tx
        .insertInto('members')
        .values(
          Array.from({ length: Math.min(250, N - i) }, (_, k) => {
            const j = i + k;
            const birth = `${1960 + (j % 40)}-0${(j % 9) + 1}-1${j % 9}`;
            return {
              id: `m${j}`, name: `党员${j}`, gender: j % 2 ? '男' : '女', ethnicity: '汉族', birth_date: birth, id_number: makeIdNumber('370102', birth, j, j % 2 === 1),
              native_place: null, education: null, work_start_date: null, join_date: `${1990 + (j % 25)}-07-01`, full_date: null, party_status: '正式',
              category: j % 9 ? '在职' : '离退休', work_unit: null, police_type: null, position: null, police_rank: null, phone: null, branch_id: branchIds[j % BRANCHES],
              group_id: null, note: null, left_type: null, left_date: null, left_reason: null, created_at: now, updated_at: now, deleted_at: null,
            };
          }),
        )
        .execute();
    }
  });

  // 1. the annual assessment of 5,000 members from pay items
  const entries: AssessInput[] = Array.from({ length: N }, (_, j): AssessInput => ({
    memberId: `m${j}`,
    items: j % 9 ? { 职务工资: 200000 + j * 7, 级别工资: 180000, 工作性津贴: 250000, 生活性补贴: 80000, 警衔津贴: 60000, 个人所得税: 15000, 养老保险: 30400, 医疗保险: 7600, 职业年金: 15200, 住房公积金: 45600 } : ({ 基本离退休费: 380000 + j, 离退休津补贴: 90000 } as Record<string, number>),
  }));
  const assess = await time(() => saveAssessments(l.ctx, 2026, entries));

  // standards for the ten years, then ten years of payments (most months paid, some gaps)
  const firstYear = 2026 - YEARS + 1;
  await db.transaction().execute(async (tx) => {
    for (let y = firstYear; y < 2026; y++)
      for (let i = 0; i < N; i += 500)
        await tx
          .insertInto('dues_assessments')
          .values(
            Array.from({ length: Math.min(500, N - i) }, (_, k) => ({
              id: `a${y}-${i + k}`, year: y, member_id: `m${i + k}`, category: '在职', items_json: '{}', base_fen: 500000, rate_bp: 100, monthly_due_fen: 5000, cap_applied: 0 as const,
              rounding: 'fen', from_month: `${y}-01`, hardship_ref: null, reason: null, fixed_on: `${y}-01-08`, fixed_by: 'bench', approved_on: null, approved_by: null, note: null,
              created_at: now, updated_at: now, deleted_at: null,
            })),
          )
          .execute();
  });
  const months = monthRange(`${firstYear}-01`, '2026-11');
  const ins = await time(() =>
    db.transaction().execute(async (tx) => {
      let batch: DuesPaymentsTable[] = [];
      const flush = async () => {
        if (batch.length) await tx.insertInto('dues_payments').values(batch).execute();
        batch = [];
      };
      for (let j = 0; j < N; j++) {
        // every 50th member stopped paying 4 months ago, every 97th 7 months ago
        const stop = j % 97 === 0 ? 7 : j % 50 === 0 ? 4 : 0;
        const last = months.length - stop;
        for (let mi = 0; mi < last; mi++) {
          batch.push({
            id: `p${j}-${mi}`, member_id: `m${j}`, branch_id: branchIds[j % BRANCHES], month: months[mi], due_fen: 5000, paid_fen: 5000, paid_on: `${months[mi]}-05`,
            method: '现金', pay_kind: '按月', payer_name: null, receipt_no: null, collector: null, reason: null, consent_ref: null, note: null, created_at: now, updated_at: now, deleted_at: null,
          });
          if (batch.length >= 400) await flush();
        }
      }
      await flush();
    }),
  );
  const payments = Number((await db.selectFrom('dues_payments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { l, db, assess, ins, payments, branchIds };
}

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-dues-'));
  const { l, db, assess, ins, payments } = await bigDuesLedger(dir);
  const arrearsMs = await median(() => arrearsList(db, '2026-11'), 7);
  const arrears = await arrearsList(db, '2026-11', { minMonths: 3 });
  const ledgerBranch = await median(() => exportLedger(l.ctx, 'b0', 2026), 5);
  const ledgerBureau = await time(() => exportBureauLedger(l.ctx, 2026));
  await l.close();
  // opening the ledger runs PRAGMA quick_check (damaged pages are found at open): its cost at this size
  const fileBytes = fs.statSync(path.join(dir, 'dues.sqlite')).size;
  const reopen = await time(async () => (await openLedgerContext(path.join(dir, 'dues.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }))).close());
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    openWithQuickCheck5000x10yMs: reopen.ms,
    ledgerFileMB: Math.round(fileBytes / 1024 / 102.4) / 10,
    assessment5000Ms: assess.ms,
    assessmentTargetMs: 1000,
    paymentsRows: payments,
    paymentsInsertMs: ins.ms,
    arrears5000x10yMs: arrearsMs,
    arrearsTargetMs: 200,
    arrearsAtLeast3Months: arrears.length,
    ledgerBranchYear100MembersMs: ledgerBranch,
    ledgerWholeBureau5000MembersMs: ledgerBureau.ms,
  };
}
