/**
 * Transfer figures: one transfer-out end to end (checks, roster change, letter
 * number, audit), the three-part letter, and with 1,000 transfers on file the
 * list, the alerts and the yearly registers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLedgerContext } from '../../core/ledger.ts';
import { fixedPlatform } from '../../core/platform.ts';
import { loadDemo } from '../../core/demo/index.ts';
import { addDays, addMonths, monthOf } from '../../common/dates.ts';
import { listTransfers } from '../../core/transfers/queries.ts';
import { transferOut } from '../../core/transfers/out.ts';
import { transferAlerts } from '../../core/transfers/receipts.ts';
import { exportTransferLetter } from '../../core/transfers/letter.ts';
import { exportTransferRegisters } from '../../core/transfers/registers.ts';
import { lastPaidMonth } from '../../core/dues/queries.ts';
import { median, time } from './util.ts';

export async function bench(): Promise<Record<string, number | string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'party-ledger-bench-'));
  const l = await openLedgerContext(path.join(dir, 'transfers.sqlite'), fixedPlatform({ today: '2026-11-28', dataDir: dir }));
  await loadDemo(l.ctx);
  const members = await l.ctx.db.selectFrom('members').select(['id', 'name', 'branch_id', 'party_status']).where('left_type', 'is', null).limit(5).execute();
  const paid = await lastPaidMonth(l.ctx.db, members[0].id);
  const out = await time(() => transferOut(l.ctx, { memberId: members[0].id, toOrg: '中共某某委员会', transferDate: '2026-11-28', duesPaidTo: paid ?? '2026-11' }));
  const letter = await median(() => exportTransferLetter(l.ctx, out.value.id));

  const now = l.ctx.platform.now();
  await l.ctx.db.transaction().execute(async (tx) => {
    for (let i = 0; i < 1000; i++) {
      const m = members[i % members.length];
      const date = addDays('2026-01-02', i % 330);
      const expires = addDays(date, 30);
      await tx
        .insertInto('transfers')
        .values({
          id: `bench-${i}`, direction: i % 2 ? '转出' : '转入', letter_no: `B${i}`, letter_year: null, letter_seq: null, member_id: m.id, member_name: m.name,
          party_status: m.party_status, branch_id: m.branch_id, from_org: '甲党委', to_org: '乙党委', letter_date: date, transfer_date: date, validity_days: 30,
          expires_on: expires, dues_paid_to: monthOf(date), dues_source: 'clerk', dues_start_month: null, receipt_due_on: addMonths(expires, 1),
          receipt_on: i % 3 ? null : addDays(date, 20), receipt_note: null, in_mode: null, member_phone: null, note: null, created_at: now, updated_at: now, deleted_at: null,
        })
        .execute();
    }
  });
  const list = await median(() => listTransfers(l.ctx, { year: 2026 }));
  const alerts = await median(() => transferAlerts(l.ctx));
  const registers = await median(() => exportTransferRegisters(l.ctx, 2026), 3);
  await l.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    'transfer out, end to end (ms)': out.ms,
    'three-part letter .docx (ms)': letter,
    'list 1,000 transfers of a year (ms)': list,
    'alerts over 1,000 transfers (ms)': alerts,
    'yearly registers .xlsx, 1,000 rows (ms)': registers,
  };
}
