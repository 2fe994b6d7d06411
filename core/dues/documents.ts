/**
 * The dues documents and the handlers that return them as files:
 * 党费收缴台账, 季度统计表, 党员党费核定表 (.xlsx); 年度党费收缴使用情况公布 and
 * 党费专项检查自查报告 (.docx, GB/T 9704). Also the spending records the
 * publication reports.
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { handler } from '../handler.ts';
import { audit, softDelete } from '../audit/service.ts';
import { registerRecyclable } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { DOCX_MIME, MONEY_MAX_FEN, XLSX_MIME, fileResult, id, isoDate, money, optText, ref, year } from '../validate.ts';
import { duesAssessmentWorkbook, duesLedgerWorkbook, duesQuarterWorkbook } from '../../templates/dues-sheets.ts';
import { duesReportDocx, type DuesDocModel } from '../../templates/dues-report-docx.ts';
import { yuan } from './calc.ts';
import { monthLabel } from './months.ts';
import { assessmentSheetModel, bureauLedgerModels, ledgerModel, quarterModel, yearSummary, type YearSummary } from './reports.ts';

export const EXPENSE_PURPOSES = ['培训党员', '订阅或购买党报党刊、党员教育资料和设备', '表彰先进基层党组织和优秀党员', '补助生活困难党员', '补助受灾党员和修缮受灾党员教育设施', '其他经批准的用途'] as const;

registerRecyclable({ table: 'dues_expenses', title: '党费使用记录', label: (r) => `${r.spent_on} ${r.purpose} ${(Number(r.amount_fen) / 100).toFixed(2)} 元` });

const chineseDateText = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const pct = (n: number, d: number) => (d ? `${((n / d) * 100).toFixed(1)}%` : '—');
const period = (s: YearSummary) => (s.end < `${s.year}-12` ? `（统计至${monthLabel(s.end)}${s.remitEnd ? `，上缴统计至${monthLabel(s.remitEnd)}` : ''}）` : '');

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

const branchTable = (s: YearSummary) => ({
  headers: ['党支部', '应缴（元）', '实缴（元）', '收缴率', '上缴党委（元）'],
  rows: s.branchRows.map((r) => [r.orgName, yuan(r.dueFen), yuan(r.collectedFen), pct(r.collectedFen, r.dueFen), yuan(r.remittedFen)]),
  widthsMm: [48, 27, 27, 20, 34],
});

export function publicationModel(s: YearSummary, date: string): DuesDocModel {
  const balance = s.receivedFen - s.remittedUpFen - s.expenseTotalFen;
  return {
    title: `关于${s.year}年度党费收缴、使用和管理情况的公布`,
    intro: [`各党支部、全体党员：`, `根据《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）关于每年向党员公布一次党费收缴、使用和管理情况的要求，现将${s.committee.replace(/^中共/, '')}${s.year}年度党费收缴、使用和管理情况公布如下。`],
    sections: [
      {
        heading: '一、党费收缴情况',
        paragraphs: [
          `${s.year}年度${period(s)}全委应交纳党费党员 ${s.members} 名，应缴党费 ${yuan(s.dueFen)} 元，实缴 ${yuan(s.collectedFen)} 元，收缴率 ${pct(s.collectedFen, s.dueFen)}。各党支部收缴情况如下：`,
        ],
        table: branchTable(s),
      },
      {
        heading: '二、党费上缴情况',
        paragraphs: [`各党支部全年上缴分局党委党费 ${yuan(s.receivedFen)} 元；分局党委上缴${s.upperBody}党费 ${yuan(s.remittedUpFen)} 元。`],
      },
      {
        heading: '三、党费使用情况',
        paragraphs: s.expenses.length
          ? [`全年使用党费 ${yuan(s.expenseTotalFen)} 元，均经党委集体研究决定，用途如下：`]
          : ['本年度未使用党费。'],
        table: s.expenses.length ? { headers: ['用途', '笔数', '金额（元）'], rows: s.expenses.map((e) => [e.purpose, String(e.count), yuan(e.amountFen)]), widthsMm: [96, 20, 40] } : undefined,
      },
      {
        heading: '四、党费结存情况',
        paragraphs: [`截至${s.end === `${s.year}-12` ? `${s.year}年底` : `${monthLabel(s.end)}底`}，分局党委党费结存 ${yuan(balance)} 元（本年收到 ${yuan(s.receivedFen)} 元，上缴 ${yuan(s.remittedUpFen)} 元，使用 ${yuan(s.expenseTotalFen)} 元），党费专户储存，专款专用。`, '欢迎广大党员对党费收缴、使用和管理工作进行监督，如有疑问请向分局党委组织部门反映。'],
      },
    ],
    signer: s.committee,
    date,
  };
}

export function auditReportModel(s: YearSummary, date: string): DuesDocModel {
  const mismatches: string[] = [];
  if (s.unassessed.length) mismatches.push(`未核定党费标准 ${s.unassessed.length} 人：${s.unassessed.join('、')}。`);
  if (s.unapproved) mismatches.push(`核定标准尚未经党委审批 ${s.unapproved} 人。`);
  for (const r of s.branchRows) if (r.problems.length) mismatches.push(`${r.orgName}：应缴 ${yuan(r.dueFen)} 元，实缴 ${yuan(r.collectedFen)} 元，应上缴 ${yuan(r.expectedRemitFen)} 元，实上缴 ${yuan(r.remittedFen)} 元，${r.problems.join('，')}。`);
  if (s.committeeRow?.problems.length) mismatches.push(`分局党委上缴${s.upperBody}：应缴 ${yuan(s.committeeRow.expectedRemitFen)} 元，实缴 ${yuan(s.committeeRow.remittedFen)} 元，${s.committeeRow.problems.join('，')}。`);
  for (const d of s.differentAmounts) mismatches.push(`${d.name}${monthLabel(d.month)}实缴 ${yuan(d.paidFen)} 元，核定标准 ${yuan(d.dueFen)} 元（原因：${d.reason || '未注明'}）。`);
  for (const r of s.raisedShort)
    mismatches.push(`${r.name}${monthLabel(r.from)}${r.to !== r.from ? `至${monthLabel(r.to)}` : ''}按原标准交纳，按现行标准尚差 ${yuan(r.shortFen)} 元，应在下次交纳党费时补交。`);
  for (const a of s.arrears) mismatches.push(`${a.member}（${a.branch}）${monthLabel(a.months[0])}起连续 ${a.consecutiveUnpaidMonths} 个月未交纳党费，欠缴 ${yuan(a.owedFen)} 元${a.severity === 'critical' ? '，需支部研究' : ''}。`);
  const balance = s.receivedFen - s.remittedUpFen - s.expenseTotalFen;
  if (balance < 0) mismatches.push(`分局党委党费收支倒挂：收到 ${yuan(s.receivedFen)} 元，上缴 ${yuan(s.remittedUpFen)} 元，使用 ${yuan(s.expenseTotalFen)} 元，结存为 ${yuan(balance)} 元，请核对是否漏记上级下拨或上年结余。`);
  if (!s.publications.length) mismatches.push(`${s.year}年度党费收缴、使用和管理情况尚未登记向党员公布。`);
  for (const b of s.beyondLimit) mismatches.push(`${b.name}${monthLabel(b.month)}党费于 ${b.paidOn} ${b.kind}超过 ${b.limitMonths} 个月，支部同意记录：${b.consent}。`);
  return {
    title: `${s.committee}${s.year}年度党费专项检查自查报告`,
    intro: [`按照党费专项检查工作要求，${s.committee.replace(/^中共/, '')}对照《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）和《关于进一步规范党费工作的通知》（组电明字〔2017〕5号），对${s.year}年度党费收缴、使用和管理情况进行了自查。现将有关情况报告如下。`],
    sections: [
      {
        heading: '一、党费核定情况',
        paragraphs: [
          `全委应交纳党费党员 ${s.members} 名。党费标准按年初核定，按月交纳，计算基数按税后工资中相对固定、经常性的部分确定，按全额累进比例计算。`,
          ...s.settingsText.map((t) => `${t}。`),
          `按类别：${s.categories.map((c) => `${c.category} ${c.members} 人（每月合计 ${yuan(c.monthlyFen)} 元）`).join('，') || '无'}。`,
          `按比例：${s.brackets.map((b) => `${b.label} ${b.members} 人`).join('，') || '无'}。`,
          s.capApplied.length ? `按每月不超过上限封顶 ${s.capApplied.length} 人：${s.capApplied.join('、')}。` : '无按上限封顶的党员。',
          s.hardship.length ? `经批准少交或免交 ${s.hardship.length} 人：${s.hardship.map((h) => `${h.name}（${h.ref}，每月 ${yuan(h.monthlyFen)} 元）`).join('、')}。` : '无经批准少交或免交党费的党员。',
        ],
      },
      {
        heading: '二、党费收缴情况',
        paragraphs: [`${period(s)}应缴党费 ${yuan(s.dueFen)} 元，实缴 ${yuan(s.collectedFen)} 元，收缴率 ${pct(s.collectedFen, s.dueFen)}。`],
        table: branchTable(s),
      },
      {
        heading: '三、欠缴党费情况',
        paragraphs: s.arrears.length
          ? [`连续 ${s.warnMonths} 个月以上未交纳党费的党员 ${s.arrears.length} 名，其中连续 ${s.criticalMonths} 个月以上 ${s.arrears.filter((a) => a.severity === 'critical').length} 名，已提请所在支部研究处理（是否按自行脱党处理由支部大会讨论决定并报上级党组织批准）。`]
          : [`无连续 ${s.warnMonths} 个月以上未交纳党费的党员。`],
        table: s.arrears.length
          ? { headers: ['姓名', '党支部', '连续未交', '欠缴（元）'], rows: s.arrears.map((a) => [a.member, a.branch, `${a.consecutiveUnpaidMonths} 个月`, yuan(a.owedFen)]), widthsMm: [26, 66, 30, 34] }
          : undefined,
      },
      {
        heading: '四、党费上缴和使用情况',
        paragraphs: [
          `各党支部全年上缴分局党委 ${yuan(s.receivedFen)} 元；分局党委上缴${s.upperBody} ${yuan(s.remittedUpFen)} 元${s.committeeRow ? `（按比例应缴 ${yuan(s.committeeRow.expectedRemitFen)} 元）` : ''}。`,
          s.expenses.length ? `全年使用党费 ${yuan(s.expenseTotalFen)} 元：${s.expenses.map((e) => `${e.purpose} ${yuan(e.amountFen)} 元`).join('，')}。` : '本年度未使用党费。',
          s.publications.length ? `已于${s.publications.map((p) => `${chineseDateText(p.publishedOn)}通过${p.medium}`).join('、')}向党员公布党费收缴、使用和管理情况。` : '本年度党费收缴、使用和管理情况尚未向党员公布。',
        ],
      },
      {
        heading: '五、自查发现的问题',
        paragraphs: mismatches.length ? mismatches.map((m, i) => `${i + 1}. ${m}`) : ['经自查，未发现党费核定、收缴、上缴和使用方面的问题。'],
      },
      {
        heading: '六、整改措施',
        paragraphs: [
          '（一）对未核定或未审批的党费标准，由党支部限期核定，报分局党委审批后执行。',
          '（二）对欠缴党费的党员，由所在党支部谈心谈话、批评教育并限期补交；连续 6 个月以上未交的，由支部研究提出处理意见，按程序报批。',
          '（三）对上缴金额不符的，核对收缴台账和银行凭证，补缴或说明原因。',
        ],
      },
      {
        heading: '附：党员党费核定标准一览',
        paragraphs: [],
        table: {
          headers: ['姓名', '党支部', '类别', '计算基数', '比例', '月缴', '备注'],
          rows: s.standards.map((x) => [x.name, x.branch, x.category, yuan(x.baseFen), x.rate, yuan(x.monthlyFen), x.note]),
          widthsMm: [18, 38, 16, 22, 14, 18, 30],
        },
      },
    ],
    signer: s.committee,
    date,
  };
}

export async function exportPublication(ctx: Ctx, y: number, date?: string | null) {
  const m = publicationModel(await yearSummary(ctx, y), date ?? ctx.platform.today());
  return { fileName: `${y}年度党费收缴使用情况公布.docx`, bytes: await duesReportDocx(m) };
}

export async function exportAudit(ctx: Ctx, y: number, date?: string | null) {
  const m = auditReportModel(await yearSummary(ctx, y), date ?? ctx.platform.today());
  return { fileName: `${y}年度党费专项检查自查报告.docx`, bytes: await duesReportDocx(m) };
}

async function saveExpense(ctx: Ctx, e: { spentOn: string; purpose: string; amountFen: number; decidedBy: string | null; voucherNo: string | null; note: string | null }) {
  if (e.spentOn > ctx.platform.today()) throw new LedgerError('“支出日期”不能晚于今天', 'spentOn');
  if (!e.decidedBy) throw new LedgerError('党费使用须经党委集体研究决定，请填写会议或批准记录', 'decidedBy');
  return ctx.db.transaction().execute(async (tx) => {
    const now = ctx.platform.now();
    const row = { id: ctx.platform.newId(), spent_on: e.spentOn, purpose: e.purpose, amount_fen: e.amountFen, decided_by: e.decidedBy, voucher_no: e.voucherNo, note: e.note, created_at: now, updated_at: now, deleted_at: null };
    await tx.insertInto('dues_expenses').values(row).execute();
    await audit(tx, ctx, { entity: 'dues_expenses', entityId: row.id, action: '新增', summary: `登记党费使用：${e.purpose} ${yuan(e.amountFen)} 元（${e.spentOn}）`, after: row });
    return { id: row.id };
  });
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
  'dues/publications': handler(z.object({ year }), async (ctx, q) =>
    (await ctx.db.selectFrom('dues_publications').selectAll().where('year', '=', q.year).where('deleted_at', 'is', null).orderBy('published_on').execute()).map((r) => ({
      id: r.id,
      year: r.year,
      publishedOn: r.published_on,
      medium: r.medium,
      note: r.note,
    })),
  ),
  'dues/publication-save': handler(z.object({ year, publishedOn: isoDate, medium: z.string().trim().min(1, '不能为空').max(50), note: optText(200) }), async (ctx, p) => {
    if (p.publishedOn > ctx.platform.today()) throw new LedgerError('“公布日期”不能晚于今天', 'publishedOn');
    return ctx.db.transaction().execute(async (tx) => {
      const row = { id: ctx.platform.newId(), year: p.year, published_on: p.publishedOn, medium: p.medium, note: p.note, created_at: ctx.platform.now(), deleted_at: null };
      await tx.insertInto('dues_publications').values(row).execute();
      await audit(tx, ctx, { entity: 'dues_publications', entityId: row.id, action: '新增', summary: `登记 ${p.year} 年度党费收缴使用情况已于 ${p.publishedOn} 通过${p.medium}公布`, after: row });
      return { id: row.id };
    });
  }),
  'dues/expenses': handler(z.object({ year }), async (ctx, q) => {
    const rows = await ctx.db.selectFrom('dues_expenses').selectAll().where('deleted_at', 'is', null).where('spent_on', '>=', `${q.year}-01-01`).where('spent_on', '<=', `${q.year}-12-31`).orderBy('spent_on').execute();
    return { purposes: [...EXPENSE_PURPOSES], rows: rows.map((r) => ({ id: r.id, spentOn: r.spent_on, purpose: r.purpose, amountFen: r.amount_fen, decidedBy: r.decided_by, voucherNo: r.voucher_no, note: r.note })) };
  }),
  'dues/expense-save': handler(
    z.object({ spentOn: isoDate, purpose: z.enum(EXPENSE_PURPOSES, { error: '请选择规定的党费用途' }), amountFen: money(MONEY_MAX_FEN.total, 1), decidedBy: optText(100), voucherNo: optText(50), note: optText(200) }),
    (ctx, e) => saveExpense(ctx, e),
  ),
  'dues/expense-delete': handler(z.object({ id }), async (ctx, q) => {
    await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'dues_expenses', q.id));
    return { ok: true };
  }),
};
