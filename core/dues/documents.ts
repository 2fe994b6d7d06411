/**
 * The dues documents and the handlers that return them as files:
 * 党费收缴台账, 季度统计表, 党员党费核定表 (.xlsx); 年度党费收缴使用情况公布 and
 * 党费专项检查自查报告 (.docx, GB/T 9704). Also the handlers of the spending
 * records and publications the reports count (core/dues/spending.ts). Each
 * document's view model is built in core/dues/reports-*.ts.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { handler } from '../handler.ts';
import { LedgerError } from '../errors.ts';
import { DOCX_MIME, MONEY_MAX_FEN, XLSX_MIME, fileResult, isoDate, money, optText, ref, year } from '../validate.ts';
import { duesLedgerWorkbook } from '../../templates/dues-ledger-sheet.ts';
import { duesQuarterWorkbook } from '../../templates/dues-quarter-sheet.ts';
import { duesAssessmentWorkbook } from '../../templates/dues-assessment-sheet.ts';
import { duesReportDocx } from '../../templates/dues-report-docx.ts';
import { bureauLedgerModels, ledgerModel } from './reports-ledger.ts';
import { quarterModel } from './reports-quarter.ts';
import { assessmentSheetModel } from './reports-assessment.ts';
import { yearSummary } from './reports-year.ts';
import { publicationModel } from './reports-publication.ts';
import { auditReportModel } from './reports-audit.ts';
import { EXPENSE_PURPOSES, getOpeningBalance, listExpenses, listPublications, saveExpense, saveOpeningBalance, savePublication } from './spending.ts';

export async function exportLedger(ctx: Ctx, branchId: string, y: number) {
  const m = await ledgerModel(ctx, branchId, y);
  return { fileName: `${m.branchName}${y}年党费收缴台账.xlsx`, bytes: await duesLedgerWorkbook(m) };
}

export async function exportBureauLedger(ctx: Ctx, y: number) {
  const models = await bureauLedgerModels(ctx, y);
  if (!models.length) throw new LedgerError(`${y}年没有应缴党费的党员`);
  return { fileName: `${y}年党费收缴台账（全部党支部）.xlsx`, bytes: await duesLedgerWorkbook(models) };
}

export async function exportQuarter(ctx: Ctx, y: number, q: number) {
  const m = await quarterModel(ctx, y, q);
  return { fileName: `${y}年第${q}季度党费收缴情况统计表.xlsx`, bytes: await duesQuarterWorkbook(m) };
}

export async function exportAssessment(ctx: Ctx, y: number, branchId?: string | null) {
  const m = await assessmentSheetModel(ctx, y, branchId);
  return { fileName: `${y}年度党员党费核定表.xlsx`, bytes: await duesAssessmentWorkbook(m) };
}

/** Members' names a dues report may print: kept whole across lines (organization names may break between their words). */
async function printedNames(ctx: Ctx): Promise<string[]> {
  const members = await ctx.db.selectFrom('members').select('name').where('deleted_at', 'is', null).execute();
  return [...new Set(members.map((r) => r.name))];
}

export async function exportPublication(ctx: Ctx, y: number, date?: string | null) {
  const on = date ?? ctx.platform.today();
  const m = publicationModel(await yearSummary(ctx, y, undefined, on), on);
  return { fileName: `${y}年度党费收缴使用情况公布.docx`, bytes: await duesReportDocx({ ...m, keep: await printedNames(ctx) }) };
}

export async function exportAudit(ctx: Ctx, y: number, date?: string | null) {
  const on = date ?? ctx.platform.today();
  const m = auditReportModel(await yearSummary(ctx, y, undefined, on), on);
  return { fileName: `${y}年度党费专项检查自查报告.docx`, bytes: await duesReportDocx({ ...m, keep: await printedNames(ctx) }) };
}

const out = (r: { fileName: string; bytes: Uint8Array }, mime: string) => fileResult(r.fileName, r.bytes, mime);

export const duesDocumentHandlers = {
  'dues/export-ledger': handler(z.object({ branchId: ref.nullish(), year }), async (ctx, q) =>
    out(q.branchId ? await exportLedger(ctx, q.branchId, q.year) : await exportBureauLedger(ctx, q.year), XLSX_MIME),
  ),
  'dues/export-report': handler(z.object({ year, quarter: z.number().int().min(1, '应为 1 至 4').max(4, '应为 1 至 4') }), async (ctx, q) => out(await exportQuarter(ctx, q.year, q.quarter), XLSX_MIME)),
  'dues/export-assessment': handler(z.object({ year, branchId: ref.nullish() }), async (ctx, q) => out(await exportAssessment(ctx, q.year, q.branchId), XLSX_MIME)),
  'dues/export-publication': handler(z.object({ year, date: isoDate.nullish() }), async (ctx, q) => out(await exportPublication(ctx, q.year, q.date), DOCX_MIME)),
  'dues/export-audit': handler(z.object({ year, date: isoDate.nullish() }), async (ctx, q) => out(await exportAudit(ctx, q.year, q.date), DOCX_MIME)),
  'dues/publications': handler(z.object({ year }), (ctx, q) => listPublications(ctx.db, q.year)),
  'dues/publication-save': handler(z.object({ year, publishedOn: isoDate, medium: z.string().trim().min(1, '不能为空').max(50), note: optText(200) }), (ctx, p) => savePublication(ctx, p)),
  'dues/opening-balance': handler(z.object({}), (ctx) => getOpeningBalance(ctx.db)),
  'dues/opening-balance-save': handler(z.object({ year, amountFen: money(MONEY_MAX_FEN.total) }), (ctx, b) => saveOpeningBalance(ctx, b)),
  'dues/expenses': handler(z.object({ year }), async (ctx, q) => ({ purposes: [...EXPENSE_PURPOSES], rows: await listExpenses(ctx.db, q.year) })),
  'dues/expense-save': handler(
    z.object({ spentOn: isoDate, purpose: z.enum(EXPENSE_PURPOSES, { error: '请选择规定的党费用途' }), amountFen: money(MONEY_MAX_FEN.total, 1), decidedBy: optText(100), voucherNo: optText(50), note: optText(200) }),
    (ctx, e) => saveExpense(ctx, e),
  ),
};
