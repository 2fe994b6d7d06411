/**
 * The only writer of theme_day_plans, monthly_notices and notice_numbers: the year's 主题党日工作安排 (one theme per
 * month), the 文号 sequence of each year (consumed when the clerk issues, never when previewing), and the record of
 * each issued notice (month, 文号, date, SHA-256 of the file) that a work summary counts ("党建工作提醒 N 期").
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, MonthlyNoticesTable, ThemeDayPlansTable } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { audit, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { getSetting, setSetting } from '../settings/service.ts';
import { DOC_NO_PREFIX, DUES_DAY, docNoOf, type PlanMonthInput } from './model.ts';

export interface PlanMonth {
  year: number;
  month: number;
  theme: string | null;
  content: string | null;
  docNo: string | null;
  issuedOn: string | null;
}

const toMonth = (year: number, month: number, r?: ThemeDayPlansTable): PlanMonth => ({ year, month, theme: r?.theme ?? null, content: r?.content ?? null, docNo: r?.doc_no ?? null, issuedOn: r?.issued_on ?? null });

/** The year's 12 months, each with its theme or none. */
export async function yearPlan(tx: Tx, year: number): Promise<PlanMonth[]> {
  const rows = await tx.selectFrom('theme_day_plans').selectAll().where('year', '=', year).execute();
  const by = new Map(rows.map((r) => [r.month, r]));
  return Array.from({ length: 12 }, (_, i) => toMonth(year, i + 1, by.get(i + 1)));
}

/** The planned 主题党日 of a month (YYYY-MM), or null: what the calendar shows and the activity editor prefills. */
export async function planOfMonth(tx: Tx, month: string): Promise<{ theme: string; content: string | null } | null> {
  const r = await tx.selectFrom('theme_day_plans').select(['theme', 'content']).where('year', '=', Number(month.slice(0, 4))).where('month', '=', Number(month.slice(5, 7))).executeTakeFirst();
  return r ? { theme: r.theme, content: r.content } : null;
}

export async function savePlanMonth(ctx: Ctx, p: PlanMonthInput): Promise<PlanMonth> {
  return ctx.db.transaction().execute(async (tx) => {
    if (p.issuedOn && Number(p.issuedOn.slice(0, 4)) > p.year) throw new LedgerError(`印发日期 ${p.issuedOn} 晚于${p.year}年`, 'issuedOn');
    const before = await tx.selectFrom('theme_day_plans').selectAll().where('year', '=', p.year).where('month', '=', p.month).executeTakeFirst();
    const now = ctx.platform.now();
    const row: ThemeDayPlansTable = {
      id: before?.id ?? ctx.platform.newId(), year: p.year, month: p.month, theme: p.theme, content: p.content, doc_no: p.docNo, issued_on: p.issuedOn,
      created_at: before?.created_at ?? now, updated_at: now,
    };
    if (before) await tx.updateTable('theme_day_plans').set(row).where('id', '=', row.id).execute();
    else await tx.insertInto('theme_day_plans').values(row).execute();
    await audit(tx, ctx, { entity: 'theme_day_plans', entityId: row.id, action: before ? '修改' : '新增', summary: `${before ? '修改' : '制定'}${p.year}年${p.month}月主题党日安排“${p.theme}”`, before, after: row });
    return toMonth(p.year, p.month, row);
  });
}

export async function clearPlanMonth(ctx: Ctx, year: number, month: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('theme_day_plans').selectAll().where('year', '=', year).where('month', '=', month).executeTakeFirst();
    if (!before) throw new LedgerError(`${year}年${month}月尚未安排主题党日`, 'month');
    await tx.deleteFrom('theme_day_plans').where('id', '=', before.id).execute();
    await audit(tx, ctx, { entity: 'theme_day_plans', entityId: before.id, action: '删除', summary: `删除${year}年${month}月主题党日安排“${before.theme}”`, before });
  });
}

export interface NoticeSettings {
  docNoPrefix: string;
  duesDay: number | null;
}

export async function noticeSettings(tx: Tx): Promise<NoticeSettings> {
  return { docNoPrefix: await getSetting<string>(tx, DOC_NO_PREFIX), duesDay: await getSetting<number | null>(tx, DUES_DAY) };
}

export async function saveNoticeSettings(ctx: Ctx, s: NoticeSettings): Promise<NoticeSettings> {
  await ctx.db.transaction().execute(async (tx) => {
    const now = await noticeSettings(tx);
    if (now.docNoPrefix !== s.docNoPrefix) await setSetting(tx, ctx, DOC_NO_PREFIX, s.docNoPrefix);
    if (now.duesDay !== s.duesDay) await setSetting(tx, ctx, DUES_DAY, s.duesDay);
  });
  return noticeSettings(ctx.db);
}

/** The next number of a year's sequence: the stored next number, never below one past the last issued. */
export async function nextNumber(tx: Tx, year: number): Promise<number> {
  const stored = await tx.selectFrom('notice_numbers').select('next_no').where('year', '=', year).executeTakeFirst();
  const last = await tx.selectFrom('monthly_notices').select((eb) => eb.fn.max<number>('seq').as('seq')).where('year', '=', year).executeTakeFirst();
  return Math.max(stored?.next_no ?? 1, Number(last?.seq ?? 0) + 1);
}

/** The 文号 the next notice of a year would get (a preview: nothing is consumed). */
export async function nextDocNo(tx: Tx, year: number): Promise<{ year: number; nextNo: number; docNo: string }> {
  const n = await nextNumber(tx, year);
  return { year, nextNo: n, docNo: docNoOf((await noticeSettings(tx)).docNoPrefix, year, n) };
}

/** The clerk moves the sequence on (other documents of the unit took numbers); never back onto an issued number. */
export async function setNextNumber(ctx: Ctx, year: number, n: number): Promise<{ year: number; nextNo: number; docNo: string }> {
  await ctx.db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('monthly_notices').select((eb) => eb.fn.max<number>('seq').as('seq')).where('year', '=', year).executeTakeFirst();
    const used = Number(last?.seq ?? 0);
    if (n <= used) throw new LedgerError(`${year}年已用到第 ${used} 号，下一个序号应大于 ${used}`, 'nextNo');
    const before = await tx.selectFrom('notice_numbers').selectAll().where('year', '=', year).executeTakeFirst();
    await tx.insertInto('notice_numbers').values({ year, next_no: n }).onConflict((oc) => oc.column('year').doUpdateSet({ next_no: n })).execute();
    await audit(tx, ctx, { entity: 'notice_numbers', entityId: String(year), action: '修改', summary: `${year}年党建工作提醒文号下一个序号设为 ${n}`, before, after: { year, next_no: n } });
  });
  return nextDocNo(ctx.db, year);
}

export interface IssuedNotice {
  id: string;
  month: string;
  docNo: string;
  issuedOn: string;
  fileName: string;
  sha256: string;
}

const toIssued = (r: MonthlyNoticesTable): IssuedNotice => ({ id: r.id, month: r.month, docNo: r.doc_no, issuedOn: r.issued_on, fileName: r.file_name, sha256: r.sha256 });

/**
 * Issues one notice in one transaction: takes the year's next number, lets `build` make the document with its
 * 文号, records it with the file's SHA-256, and moves the sequence on. A failure leaves the number unused.
 */
export async function issueNoticeTx(ctx: Ctx, month: string, issuedOn: string, build: (tx: Tx, docNo: string) => Promise<{ fileName: string; bytes: Uint8Array }>): Promise<IssuedNotice & { bytes: Uint8Array }> {
  return ctx.db.transaction().execute(async (tx) => {
    const year = Number(issuedOn.slice(0, 4));
    const seq = await nextNumber(tx, year);
    const docNo = docNoOf((await noticeSettings(tx)).docNoPrefix, year, seq);
    const dup = await tx.selectFrom('monthly_notices').select('month').where('doc_no', '=', docNo).executeTakeFirst();
    if (dup) throw new LedgerError(`文号 ${docNo} 已用于${dup.month}的提醒，请修改发文机关代字或下一个序号`, 'docNoPrefix');
    const file = await build(tx, docNo);
    const row: MonthlyNoticesTable = {
      id: ctx.platform.newId(), month, year, seq, doc_no: docNo, issued_on: issuedOn, file_name: file.fileName,
      sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'), created_at: ctx.platform.now(),
    };
    await tx.insertInto('monthly_notices').values(row).execute();
    await tx.insertInto('notice_numbers').values({ year, next_no: seq + 1 }).onConflict((oc) => oc.column('year').doUpdateSet({ next_no: seq + 1 })).execute();
    await audit(tx, ctx, { entity: 'monthly_notices', entityId: row.id, action: '新增', summary: `印发${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月党建工作提醒（${docNo}）`, after: row });
    return { ...toIssued(row), bytes: file.bytes };
  });
}

export async function listIssued(tx: Tx, year?: number): Promise<IssuedNotice[]> {
  let q = tx.selectFrom('monthly_notices').selectAll();
  if (year) q = q.where('year', '=', year);
  return (await q.orderBy('issued_on', 'desc').orderBy('seq', 'desc').execute()).map(toIssued);
}

/** The notices issued in a period (by the date of issue, both ends included): the work summary's "党建工作提醒 N 期". */
export async function noticesIssued(db: Kysely<DB> | Tx, from: string, to: string): Promise<{ total: number; months: string[]; notices: IssuedNotice[] }> {
  const rows = await db.selectFrom('monthly_notices').selectAll().where('issued_on', '>=', from).where('issued_on', '<=', to).orderBy('issued_on').orderBy('seq').execute();
  return { total: rows.length, months: [...new Set(rows.map((r) => r.month))], notices: rows.map(toIssued) };
}
