/**
 * The year's figures behind the 年度党费收缴使用情况公布 and the 党费专项检查自查报告
 * (core/dues/reports-publication.ts, reports-audit.ts): collection and
 * remittance per branch, standards, findings, spending and publications.
 */
import type { Ctx } from '../context.ts';
import { ratePercent, yuan } from './calc.ts';
import { collectionRows, raisedShortfall, type CollectionRow } from './collect.ts';
import { loadYearFacts, type FactMember, type YearFacts } from './year-facts.ts';
import { arrearsList, type ArrearsRow } from './arrears.ts';
import { listRemittances, reconcile, type ReconRow } from './remit.ts';
import type { DuesSettings } from './settings.ts';
import { addMonth, monthIndex, monthLabel } from './months.ts';
import { expensesByPurpose, getOpeningBalance, listPublications } from './spending.ts';
import { unitNames } from './reports-common.ts';

export interface YearSummary {
  unit: string;
  committee: string;
  upperBody: string;
  year: number;
  /** the last month counted (the previous month for the current year) */
  end: string;
  /** the last month of the last quarter whose remittance is due */
  remitEnd: string | null;
  members: number;
  dueFen: number;
  collectedFen: number;
  remittedUpFen: number;
  receivedFen: number;
  branchRows: ReconRow[];
  committeeRow: ReconRow | null;
  expenses: { purpose: string; amountFen: number; count: number }[];
  expenseTotalFen: number;
  arrears: ArrearsRow[];
  categories: { category: string; members: number; monthlyFen: number }[];
  brackets: { label: string; members: number }[];
  capApplied: string[];
  hardship: { name: string; ref: string; monthlyFen: number }[];
  unassessed: string[];
  unapproved: number;
  differentAmounts: { name: string; month: string; dueFen: number; paidFen: number; reason: string }[];
  /** paid at an old standard that has since risen, difference not yet paid (P13) */
  raisedShort: { name: string; from: string; to: string; shortFen: number }[];
  /** payments of months beyond the 补交 / 预交 limit, made with the branch's consent */
  beyondLimit: { name: string; month: string; paidOn: string; kind: '补交' | '预交'; limitMonths: number; consent: string }[];
  /** the unit's arrears thresholds (warning, 需支部研究) */
  warnMonths: number;
  criticalMonths: number;
  publications: { publishedOn: string; medium: string }[];
  /** the committee's balance at the start of the year (上年结转): the unit's opening balance plus the records of the years since */
  carriedInFen: number;
  /** the remittance differences within rounding (a 分 for each remittance, each rounded on its own), left out of the findings */
  roundingFen: number;
  standards: { name: string; branch: string; category: string; baseFen: number; rate: string; monthlyFen: number; note: string }[];
  settingsText: string[];
}

/** The standards and findings the member loop gathers. */
type MemberFacts = Pick<YearSummary, 'capApplied' | 'hardship' | 'unassessed' | 'unapproved' | 'differentAmounts' | 'raisedShort' | 'beyondLimit' | 'standards'> & {
  cats: Map<string, { members: number; monthlyFen: number }>;
  brackets: Map<string, number>;
};

/** The last month counted, and the last month whose remittance has fallen due after a period of the unit's cadence. */
export function periodEnds(year: number, today: string, remitEveryMonths: number, asOf?: string): { end: string; remitEnd: string } {
  const thisMonth = today.slice(0, 7);
  const end = asOf ?? (thisMonth > `${year}-12` ? `${year}-12` : thisMonth > `${year}-01` ? addMonth(thisMonth, -1) : `${year}-01`);
  const qm = Math.floor(Number(end.slice(5, 7)) / remitEveryMonths) * remitEveryMonths;
  const remitEnd = qm === 0 ? `${Number(end.slice(0, 4)) - 1}-12` : `${end.slice(0, 4)}-${String(qm).padStart(2, '0')}`;
  return { end, remitEnd };
}

/**
 * Collection up to `end`, remittance up to `remitEnd`: one row per organization. Each remittance is rounded to the
 * 分 on its own period, so the year's remitted total may differ from the ratio of the year's total by up to 1 分 a
 * remittance: such a difference is rounding (stated once in the report), not a finding.
 */
async function yearReconciliation(ctx: Ctx, year: number, end: string, remitEnd: string): Promise<{ rows: ReconRow[]; roundingFen: number }> {
  const collect = await reconcile(ctx.db, `${year}-01`, end);
  const remit = remitEnd >= `${year}-01` ? await reconcile(ctx.db, `${year}-01`, remitEnd) : null;
  const remits = remit ? await listRemittances(ctx.db, `${year}-01`, remitEnd) : [];
  let roundingFen = 0;
  const rows = collect.rows.map((c): ReconRow => {
    const r = remit?.rows.find((x) => x.orgId === c.orgId);
    const problems = c.level === '支部' && c.collectedFen < c.dueFen ? [`少收 ${yuan(c.dueFen - c.collectedFen)} 元`] : [];
    const count = remits.filter((x) => x.level === c.level && x.fromOrgId === c.orgId).length;
    const rounding = r && r.differenceFen !== 0 && Math.abs(r.differenceFen) <= count;
    if (rounding) roundingFen += Math.abs(r.differenceFen);
    if (r) problems.push(...r.problems.filter((p) => !p.startsWith('少收') && !(rounding && /^(多缴|少缴)/.test(p))));
    return r
      ? { ...c, collectedFen: c.level === '党委' ? r.collectedFen : c.collectedFen, expectedRemitFen: r.expectedRemitFen, remittedFen: r.remittedFen, heldFen: c.collectedFen - r.remittedFen, differenceFen: rounding ? 0 : r.differenceFen, problems }
      : { ...c, expectedRemitFen: 0, remittedFen: 0, heldFen: c.collectedFen, differenceFen: 0, problems };
  });
  return { rows, roundingFen };
}

/**
 * 上年结转: the setting dues.openingBalance ({ year, amountFen }: the balance on 1 January of that year, from the
 * books before the ledger) plus, for each year since, what the branches remitted for it less what the committee
 * remitted up for it and spent in it.
 */
export async function carriedIn(ctx: Ctx, year: number): Promise<number> {
  const opening = await getOpeningBalance(ctx.db);
  const from = opening ? opening.year : 0;
  if (from >= year) return from === year ? (opening?.amountFen ?? 0) : 0;
  const start = `${String(from).padStart(4, '0')}-01`;
  const remits = await listRemittances(ctx.db, start, `${year - 1}-12`);
  const net = remits.reduce((a, r) => a + (r.level === '支部' ? r.amountFen : -r.amountFen), 0);
  const spent = await ctx.db
    .selectFrom('dues_expenses')
    .select((eb) => eb.fn.sum<number>('amount_fen').as('fen'))
    .where('deleted_at', 'is', null)
    .where('spent_on', '>=', `${start}-01`)
    .where('spent_on', '<', `${year}-01-01`)
    .executeTakeFirst();
  return (opening?.amountFen ?? 0) + net - Number(spent?.fen ?? 0);
}

/** Payments at another amount than the standard, and 补交 / 预交 beyond the limit with the branch's consent. */
function paymentFindings(m: FactMember, row: CollectionRow, s: DuesSettings, out: MemberFacts): void {
  for (const cell of row.cells) {
    const p = cell.payment;
    if (!p) continue;
    if (p.paidFen !== p.dueFen) out.differentAmounts.push({ name: m.name, month: p.month, dueFen: p.dueFen, paidFen: p.paidFen, reason: p.reason ?? '' });
    const lag = monthIndex(p.paidOn.slice(0, 7)) - monthIndex(p.month);
    if (p.consentRef && lag > s.arrearsLimitMonths) out.beyondLimit.push({ name: m.name, month: p.month, paidOn: p.paidOn, kind: '补交', limitMonths: s.arrearsLimitMonths, consent: p.consentRef });
    if (p.consentRef && -lag > s.prepayLimitMonths) out.beyondLimit.push({ name: m.name, month: p.month, paidOn: p.paidOn, kind: '预交', limitMonths: s.prepayLimitMonths, consent: p.consentRef });
  }
}

function memberFacts(f: YearFacts, rows: CollectionRow[]): MemberFacts {
  const out: MemberFacts = { cats: new Map(), brackets: new Map(), capApplied: [], hardship: [], unassessed: [], unapproved: 0, differentAmounts: [], raisedShort: [], beyondLimit: [], standards: [] };
  f.members.forEach((m, i) => {
    const list = f.standards.get(m.id) ?? [];
    const a = list.at(-1);
    if (!a) {
      out.unassessed.push(`${m.name}（${m.branch_name}）`);
      return;
    }
    if (list.some((x) => !x.approvedOn)) out.unapproved++;
    out.standards.push({
      name: m.name,
      branch: m.branch_name,
      category: a.category,
      baseFen: a.baseFen,
      rate: ratePercent(a.rateBasisPoints),
      monthlyFen: a.monthlyDueFen,
      note: [list.length > 1 ? list.map((x) => `${monthLabel(x.fromMonth)}起 ${yuan(x.monthlyDueFen)}`).join('，') : '', a.capApplied ? '封顶' : '', a.hardshipRef ?? '', m.left_type ? `${m.left_date?.slice(0, 7)}${m.left_type}` : ''].filter(Boolean).join('；'),
    });
    const c = out.cats.get(a.category) ?? { members: 0, monthlyFen: 0 };
    c.members++;
    c.monthlyFen += a.monthlyDueFen;
    out.cats.set(a.category, c);
    const label = a.rateBasisPoints === null ? `定额（${a.category}）` : `${a.category} ${ratePercent(a.rateBasisPoints)}`;
    out.brackets.set(label, (out.brackets.get(label) ?? 0) + 1);
    if (a.capApplied) out.capApplied.push(m.name);
    const raised = raisedShortfall(rows[i]);
    if (raised.shortFen > 0 && raised.months.length) out.raisedShort.push({ name: m.name, from: raised.months[0], to: raised.months.at(-1)!, shortFen: raised.shortFen });
    if (a.category === '困难减免') out.hardship.push({ name: m.name, ref: a.hardshipRef ?? '', monthlyFen: a.monthlyDueFen });
    paymentFindings(m, rows[i], f.settings, out);
  });
  return out;
}

/** The unit's dues settings in words, for the 自查报告. */
export function settingsText(s: DuesSettings): string[] {
  return [
    `核定办法：${s.fixPolicy === 'annual' ? '年初核定，年内一般不作调整（组电明字〔2017〕5号）' : '工资变动后从领取新工资的当月起按新基数缴纳（中组发〔2008〕3号 第十条）'}`,
    `舍入：${s.rounding === 'jiao' ? '四舍五入到角' : '四舍五入到分'}；每月党费${s.capEnabled ? `一般不超过 ${yuan(s.capFen)} 元` : '不设上限'}`,
    `计算基数计入项目：${s.payItems.filter((p) => p.include && p.kind === 'income').map((p) => p.name).join('、')}；扣除：${s.payItems.filter((p) => p.include && p.kind === 'deduction').map((p) => p.name).join('、')}；不计入：${s.payItems.filter((p) => !p.include).map((p) => p.name).join('、')}`,
    `上缴比例：支部上缴党委 ${s.branchRemitRatioBp / 100}%，党委上缴${s.upperBodyName} ${s.committeeRemitRatioBp / 100}%，${{ 3: '每季度', 6: '每半年', 12: '每年' }[s.remitEveryMonths]}上缴一次`,
  ];
}

/** The year's figures as on `today` (the report's date; the clock's today by default). */
export async function yearSummary(ctx: Ctx, year: number, asOf?: string, today = ctx.platform.today()): Promise<YearSummary> {
  const { unit, committee } = await unitNames(ctx);
  const f = await loadYearFacts(ctx.db, year);
  const s = f.settings;
  const { end, remitEnd } = periodEnds(year, today, s.remitEveryMonths, asOf);
  const { rows: merged, roundingFen } = await yearReconciliation(ctx, year, end, remitEnd);
  const branchRows = merged.filter((r) => r.level === '支部');
  const committeeRow = merged.find((r) => r.level === '党委') ?? null;
  const expenses = await expensesByPurpose(ctx.db, year);
  const { cats, brackets, ...facts } = memberFacts(f, collectionRows(f));
  const publications = (await listPublications(ctx.db, year)).map((p) => ({ publishedOn: p.publishedOn, medium: p.medium }));
  return {
    unit,
    committee,
    upperBody: s.upperBodyName,
    year,
    end,
    remitEnd: remitEnd >= `${year}-01` ? remitEnd : null,
    members: f.members.length,
    dueFen: branchRows.reduce((a, r) => a + r.dueFen, 0),
    collectedFen: branchRows.reduce((a, r) => a + r.collectedFen, 0),
    remittedUpFen: committeeRow?.remittedFen ?? 0,
    receivedFen: committeeRow?.collectedFen ?? 0,
    branchRows,
    committeeRow,
    expenses,
    expenseTotalFen: expenses.reduce((a, e) => a + e.amountFen, 0),
    arrears: await arrearsList(ctx.db, end, { minMonths: s.warnMonths }),
    categories: [...cats.entries()].map(([category, v]) => ({ category, ...v })),
    brackets: [...brackets.entries()].map(([label, members]) => ({ label, members })),
    ...facts,
    warnMonths: s.warnMonths,
    criticalMonths: s.criticalMonths,
    publications,
    carriedInFen: await carriedIn(ctx, year),
    roundingFen,
    settingsText: settingsText(s),
  };
}
