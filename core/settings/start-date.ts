/**
 * 台账启用日期 (`ledger.startDate`): the day this ledger starts keeping the
 * record. Nothing before it is judged missing, overdue or owed — a clerk who
 * starts in December is not told that January to November are missing.
 *
 * A new ledger stores it when the unit is created (default: the first day of
 * the current month); the demo stores 1 January of last year. A ledger made
 * before the setting existed has none: it starts on 1 January of the year of
 * its earliest record (a meeting, a dues standard or payment, a member's join
 * date, a development step, a transfer, an organization's founding or entry),
 * so that an upgrade hides nothing that was judged before. An empty ledger
 * without the setting starts on the first day of the current month.
 *
 * Each rule that judges (core/activities/compliance.ts, core/dues/arrears.ts,
 * core/development/roster.ts, core/transfers/receipts.ts) reads it here, once.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { isValidIsoDate } from '../validate.ts';
import { setSetting } from './service.ts';
import { memoRead } from '../read-memo.ts';

export const START_DATE_KEY = 'ledger.startDate';

/** The first day of the month of `day` (YYYY-MM-DD → YYYY-MM-01). */
export const firstOfMonth = (day: string): string => `${day.slice(0, 7)}-01`;

async function stored(tx: Tx): Promise<string | null> {
  const row = await tx.selectFrom('settings').select('value_json').where('key', '=', START_DATE_KEY).executeTakeFirst();
  const v: unknown = row ? JSON.parse(row.value_json) : null;
  return typeof v === 'string' && isValidIsoDate(v) ? v : null;
}

/**
 * The earliest date any record of the ledger carries (YYYY-MM-DD or YYYY-MM), or null for an empty ledger.
 * One scalar subquery per source, each planned on its own (a MIN over an index is one seek), then the least
 * non-empty one.
 */
async function earliestRecord(tx: Tx): Promise<string | null> {
  const q = await sql<Record<string, string | null>>`
    SELECT
      (SELECT MIN(held_on) FROM activities WHERE deleted_at IS NULL) AS a,
      (SELECT MIN(from_month) FROM dues_assessments WHERE deleted_at IS NULL) AS b,
      (SELECT MIN(month) FROM dues_payments WHERE deleted_at IS NULL) AS c,
      (SELECT MIN(join_date) FROM members WHERE deleted_at IS NULL) AS d,
      (SELECT MIN(substr(created_at, 1, 10)) FROM members WHERE deleted_at IS NULL) AS e,
      (SELECT MIN(s.date) FROM development_steps s JOIN development_files f ON f.id = s.file_id WHERE f.deleted_at IS NULL) AS f,
      (SELECT MIN(transfer_date) FROM transfers WHERE deleted_at IS NULL) AS g,
      (SELECT MIN(established_on) FROM org_units WHERE deleted_at IS NULL) AS h,
      (SELECT MIN(substr(created_at, 1, 10)) FROM org_units WHERE deleted_at IS NULL) AS i`.execute(tx);
  const ds = Object.values(q.rows[0] ?? {}).filter((d): d is string => typeof d === 'string' && d !== '');
  return ds.length ? ds.reduce((x, y) => (y < x ? y : x)) : null;
}

/** When no start date is stored: 1 January of the earliest record's year, or the first day of `today`'s month. */
export async function fallbackStartDate(tx: Tx, today: string): Promise<string> {
  const first = await earliestRecord(tx);
  return first ? `${first.slice(0, 4)}-01-01` : firstOfMonth(today);
}

/** 台账启用日期 (YYYY-MM-DD). `today` is only used for an empty ledger that has no stored date. */
export async function ledgerStartDate(tx: Tx, today: string): Promise<string> {
  // every rule that judges reads it, several times for one home page: read once while the ledger stands still
  const { saved, first } = await memoRead(tx, 'settings/ledger-start-date', async () => {
    const saved = await stored(tx);
    return { saved, first: saved ? null : await earliestRecord(tx) };
  });
  return saved ?? (first ? `${first.slice(0, 4)}-01-01` : firstOfMonth(today));
}

/** The month of the 台账启用日期 (YYYY-MM): the first month that is judged. */
export async function ledgerStartMonth(tx: Tx, today: string): Promise<string> {
  return (await ledgerStartDate(tx, today)).slice(0, 7);
}

/** The start date and whether the unit set it (false: the upgrade fallback of a ledger made before the setting). */
export async function readStartDate(ctx: Ctx): Promise<{ startDate: string; stored: boolean; today: string }> {
  const today = ctx.platform.today();
  const s = await stored(ctx.db);
  return { startDate: s ?? (await fallbackStartDate(ctx.db, today)), stored: s !== null, today };
}

/** The one writer of `ledger.startDate`: a real date, not after today; audited through setSetting. */
export async function saveStartDate(ctx: Ctx, tx: Tx, startDate: string): Promise<void> {
  if (!isValidIsoDate(startDate)) throw new LedgerError('“台账启用日期”应为有效日期，如 2026-01-01', 'startDate');
  const today = ctx.platform.today();
  if (startDate > today) throw new LedgerError(`“台账启用日期”不能晚于今天（${today}）`, 'startDate');
  if ((await stored(tx)) === startDate) return;
  await setSetting(tx, ctx, START_DATE_KEY, startDate);
}
