/** The dues area's handler map: settings, assessment, collection, arrears, remittance, documents. */
import { z } from 'zod';
import { handler } from '../handler.ts';
import { MONEY_MAX_FEN, fileBytes, fileInput, id, isoDate, listOf, money, month, optText, ref, year } from '../validate.ts';
import { DEFAULT_CALC, DUES_CATEGORIES, calcDues } from './calc.ts';
import { DUES_DEFAULTS, calcOptions, loadDuesSettings, saveDuesSettings } from './settings.ts';
import { approveAssessments, assessmentGrid, carryForward, saveAssessments } from './assess.ts';
import { importBases } from './assess-import.ts';
import { jobId } from '../imports/handlers.ts';
import { PAY_KINDS } from '../../common/dues-pay.ts';
import { PAY_METHODS, collectionGrid, deletePayment, recordPayments } from './collect.ts';
import { arrearsList } from './arrears.ts';
import { deleteRemittance, listRemittances, reconcile, recordRemittance } from './remit.ts';
import { duesDocumentHandlers } from './documents.ts';
import { duesOverview } from './overview.ts';

// per-field money limits (core/validate.ts): a month's base, a month's dues, a remittance
const baseFen = money(MONEY_MAX_FEN.monthlyBase);
const duesFen = money(MONEY_MAX_FEN.monthlyDues);
const category = z.enum(DUES_CATEGORIES, { error: `应为 ${DUES_CATEGORIES.join('、')} 之一` });

const assessEntry = z.object({
  memberId: id,
  category: category.nullish(),
  items: z
    .record(z.string().max(30, '工资项目名称不能超过 30 字'), baseFen)
    .refine((o) => Object.keys(o).length <= 100, '最多 100 项')
    .nullish(),
  baseFen: baseFen.nullish(),
  reducedFen: duesFen.nullish(),
  hardshipRef: optText(100),
  reason: optText(200),
  fromMonth: month.nullish(),
  note: optText(200),
});

const settingsPatch = z
  .object({
    rounding: z.enum(['fen', 'jiao'], { error: '应为“舍入到分”或“舍入到角”' }),
    capEnabled: z.boolean(),
    capFen: duesFen,
    fixedLowFen: duesFen,
    farmerFen: duesFen,
    fixPolicy: z.enum(['annual', 'follow-salary']),
    probationStart: z.enum(['admission-month', 'next-month']),
    payItems: listOf(
      z.object({
        name: z.string().trim().min(1, '不能为空').max(30),
        kind: z.enum(['income', 'deduction'], { error: '应为“收入”或“扣除”' }),
        include: z.boolean(),
        group: z.string().max(20),
        note: z.string().max(100),
      }),
      100,
    ),
    warnMonths: z.number().int().min(1).max(24),
    criticalMonths: z.number().int().min(2).max(36),
    arrearsLimitMonths: z.number().int().min(0).max(36),
    prepayLimitMonths: z.number().int().min(1).max(36),
    branchRemitRatioBp: z.number().int().min(0).max(10_000),
    committeeRemitRatioBp: z.number().int().min(0).max(10_000),
    remitEveryMonths: z.union([z.literal(3), z.literal(6), z.literal(12)], { error: '应为 3（每季度）、6（每半年）或 12（每年）' }),
    upperBodyName: z.string().trim().min(1, '不能为空').max(50),
  })
  .partial();


export const duesHandlers = {
  /** One person's monthly dues by the national rules and the default settings; a pure calculation, no ledger. */
  'dues/calc': handler(
    z.object({
      category,
      baseFen: baseFen.default(0),
      reducedFen: duesFen.default(0),
      rounding: z.enum(['fen', 'jiao'], { error: '应为“舍入到分”或“舍入到角”' }).default('fen'),
      capEnabled: z.boolean().default(true),
    }),
    (_ctx, q) => calcDues({ category: q.category, baseFen: q.baseFen, reducedFen: q.reducedFen }, { ...DEFAULT_CALC, rounding: q.rounding, capEnabled: q.capEnabled }),
    { needsLedger: false },
  ),
  /** 年度核定 in one step (the command line's `dues assess`): bases from a workbook if given, then carry forward; a refused workbook writes nothing. */
  'dues/assess-year': handler(z.object({ year, ...fileInput.partial().shape }), async (ctx, q) => {
    const imported = q.contentBase64 ? await importBases(ctx, q.year, fileBytes({ contentBase64: q.contentBase64 }), true) : null;
    if (imported && !imported.written) return { year: q.year, imported, carried: null };
    return { year: q.year, imported, carried: await carryForward(ctx, q.year) };
  }),
  'dues/settings': handler(z.object({}), async (ctx) => ({ settings: await loadDuesSettings(ctx.db), defaults: DUES_DEFAULTS })),
  'dues/settings-save': handler(settingsPatch, (ctx, patch) => saveDuesSettings(ctx, patch)),

  'dues/assessment-grid': handler(z.object({ year, branchId: ref.nullish() }), (ctx, q) => assessmentGrid(ctx.db, q.year, q.branchId)),
  'dues/assess-save': handler(z.object({ year, entries: listOf(assessEntry, 10_000).min(1, '没有要保存的核定') }), (ctx, q) => saveAssessments(ctx, q.year, q.entries)),
  'dues/assess-carry': handler(z.object({ year }), (ctx, q) => carryForward(ctx, q.year)),
  'dues/assess-approve': handler(
    z.object({ year, branchId: ref.nullish(), approvedBy: z.string().trim().min(1, '不能为空').max(50), approvedOn: isoDate }),
    (ctx, q) => approveAssessments(ctx, q.year, q.branchId ?? null, q.approvedBy, q.approvedOn),
  ),
  // 年度核定 as the base is typed: the unit's own rules (its cap, fixed amounts, rounding), through the one formula
  'dues/assess-preview': handler(z.object({ category, baseFen: baseFen.default(0), reducedFen: duesFen.default(0) }), async (ctx, q) =>
    calcDues({ category: q.category, baseFen: q.baseFen, reducedFen: q.reducedFen }, calcOptions(await loadDuesSettings(ctx.db))),
  ),
  'dues/assess-import': handler(fileInput.extend({ year, commit: z.boolean().default(false), jobId }), (ctx, f) =>
    importBases(ctx, f.year, fileBytes(f), f.commit, { jobId: f.jobId }),
  ),

  'dues/collection-grid': handler(z.object({ branchId: id, year }), (ctx, q) => collectionGrid(ctx.db, q.branchId, q.year)),
  'dues/pay': handler(
    z.object({
      memberId: id,
      months: listOf(month, 120).min(1, '请选择缴纳的月份'),
      paidOn: isoDate,
      method: z.enum(PAY_METHODS, { error: `应为 ${PAY_METHODS.join('、')} 之一` }),
      payKind: z.enum(PAY_KINDS, { error: `应为 ${PAY_KINDS.join('、')} 之一` }).nullish(),
      amountFen: duesFen.nullish(),
      payerName: optText(30),
      receiptNo: optText(50),
      collector: optText(30),
      reason: optText(200),
      consentRef: optText(100),
      note: optText(200),
    }),
    (ctx, p) => recordPayments(ctx, p),
  ),
  'dues/payment-delete': handler(z.object({ id }), async (ctx, q) => {
    await deletePayment(ctx, q.id);
    return { ok: true };
  }),

  'dues/arrears': handler(z.object({ asOf: month, branchId: ref.nullish(), minMonths: z.number().int().min(1).max(120).optional() }), (ctx, q) =>
    arrearsList(ctx.db, q.asOf, { branchId: q.branchId, minMonths: q.minMonths }),
  ),

  'dues/remittances': handler(z.object({ from: month, to: month }), (ctx, q) => listRemittances(ctx.db, q.from, q.to)),
  'dues/remit': handler(
    z.object({
      level: z.enum(['支部', '党委']),
      fromOrgId: id,
      periodFrom: month,
      periodTo: month,
      amountFen: money(MONEY_MAX_FEN.total),
      remittedOn: isoDate,
      voucherNo: optText(50),
      note: optText(200),
    }),
    (ctx, r) => recordRemittance(ctx, r),
  ),
  'dues/remittance-delete': handler(z.object({ id }), async (ctx, q) => {
    await deleteRemittance(ctx, q.id);
    return { ok: true };
  }),
  'dues/reconcile': handler(z.object({ from: month, to: month }), (ctx, q) => reconcile(ctx.db, q.from, q.to)),
  'dues/overview': handler(z.object({ month: month.optional() }), (ctx, q) => duesOverview(ctx, q.month)),
  ...duesDocumentHandlers,
};
