/**
 * View models of the dues documents: plain, already formatted values. The
 * templates in templates/dues-*.ts only lay them out.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { getSetting } from '../settings/service.ts';
import { ratePercent, yuan } from './calc.ts';
import { collectionRows, loadYearFacts, raisedShortfall, type CollectionRow, type YearFacts } from './collect.ts';
import { arrearsList, type ArrearsRow } from './arrears.ts';
import { reconcile, type ReconRow } from './remit.ts';
import type { Assessment } from './assess.ts';
import { addMonth, monthIndex, monthLabel, quarterMonths, yearMonths } from './months.ts';

const pct = (num: number, den: number) => (den ? `${((num / den) * 100).toFixed(1)}%` : '—');
const y = (fen: number) => yuan(fen);

async function unitNames(ctx: Ctx) {
  const unit = (await getSetting<string>(ctx.db, 'org.unitName')) || '本单位';
  const committee = (await getSetting<string>(ctx.db, 'org.committeeName')) || `中共${unit}委员会`;
  return { unit, committee };
}

// ------------------------------------------------------------ 党费收缴台账

export interface LedgerModel {
  title: string;
  subtitle: string;
  branchName: string;
  year: number;
  /** per member: standard, 12 month cells (number of 元, '—' not owed, null unpaid), due total, paid total */
  /** base: 月工资收入 (the computed after-tax base); rate: 执行标准 ('1.5%', or '定额') — the columns of the 党费收缴台账表 */
  rows: { name: string; category: string; base: number | null; rate: string; standard: number | null; months: (number | string | null)[]; due: number; paid: number; note: string }[];
  totals: { months: number[]; due: number; paid: number };
  notes: string[];
}

function ledgerRow(r: CollectionRow, std: Assessment | undefined) {
  const notes: string[] = [];
  if (r.leftType) notes.push(`${r.leftDate?.slice(0, 7)}${r.leftType}`);
  if (r.partyStatus === '预备') notes.push('预备党员');
  const diffs = r.cells.filter((c) => c.payment && c.payment.reason).map((c) => `${Number(c.month.slice(5))}月：${c.payment!.reason}`);
  notes.push(...diffs);
  return {
    name: r.name,
    category: r.category,
    base: std ? std.baseFen / 100 : null,
    rate: std ? ratePercent(std.rateBasisPoints) : '',
    standard: r.standardFen === null ? null : r.standardFen / 100,
    months: r.cells.map((c) => (c.payment ? c.payment.paidFen / 100 : c.owed ? null : '—')),
    dueFen: r.dueTotalFen,
    paidFen: r.paidTotalFen,
    note: notes.join('；'),
  };
}

export async function ledgerModel(ctx: Ctx, branchId: string, year: number): Promise<LedgerModel> {
  const b = await ctx.db.selectFrom('org_units').select(['id', 'name']).where('id', '=', branchId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!b) throw new LedgerError('找不到该党支部', 'branchId');
  const { unit } = await unitNames(ctx);
  return ledgerFromFacts(await loadYearFacts(ctx.db, year, branchId), b.name, unit);
}

/** The whole bureau: one ledger per branch from a single load of the year. */
export async function bureauLedgerModels(ctx: Ctx, year: number): Promise<LedgerModel[]> {
  const { unit } = await unitNames(ctx);
  const f = await loadYearFacts(ctx.db, year);
  const branches = await ctx.db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', '党支部').where('deleted_at', 'is', null).orderBy('sort_order').execute();
  return branches
    .map((b) => {
      const members = f.members.filter((m) => m.branch_id === b.id);
      return members.length ? ledgerFromFacts({ ...f, members }, b.name, unit) : null;
    })
    .filter((m): m is LedgerModel => m !== null);
}

function ledgerFromFacts(f: YearFacts, branchName: string, unit: string): LedgerModel {
  const year = f.year;
  const rows = collectionRows(f).map((r) => ledgerRow(r, f.standards.get(r.memberId)?.at(-1)));
  const monthTotals = yearMonths(year).map((_, i) => rows.reduce((a, r) => a + Math.round(((typeof r.months[i] === 'number' ? r.months[i] : 0) as number) * 100), 0));
  return {
    title: `${branchName}党费收缴台账`,
    subtitle: `${unit}　${year}年度　　单位：元`,
    branchName,
    year,
    rows: rows.map((r) => ({ name: r.name, category: r.category, base: r.base, rate: r.rate, standard: r.standard, months: r.months, due: r.dueFen / 100, paid: r.paidFen / 100, note: r.note })),
    totals: { months: monthTotals.map((v) => v / 100), due: rows.reduce((a, r) => a + r.dueFen, 0) / 100, paid: rows.reduce((a, r) => a + r.paidFen, 0) / 100 },
    notes: ['说明：各月栏填实缴金额，空白为未缴，“—”为不需缴纳（尚未入党、已转出或批准免交）。党员交纳党费时在“本人签名”栏签名。', '收缴人：                    支部书记（审核）：                    日期：'],
  };
}

// ------------------------------------------------------------ 季度统计表

export interface QuarterModel {
  title: string;
  subtitle: string;
  columns: string[];
  rows: (string | number)[][];
  total: (string | number)[];
  months: { title: string; columns: string[]; rows: (string | number)[][] };
  notes: string[];
}

export async function quarterModel(ctx: Ctx, year: number, quarter: number): Promise<QuarterModel> {
  if (quarter < 1 || quarter > 4) throw new LedgerError('季度应为 1 至 4', 'quarter');
  const { unit, committee } = await unitNames(ctx);
  const months = quarterMonths(year, quarter);
  const recon = await reconcile(ctx.db, months[0], months[2]);
  const arrears = await arrearsList(ctx.db, months[2]);
  const s = await loadYearFacts(ctx.db, year);
  const warn = s.settings.warnMonths;
  const branchRows = recon.rows.filter((r) => r.level === '支部');
  const arrearsBy = (id: string) => arrears.filter((a) => a.branchId === id && a.consecutiveUnpaidMonths >= warn).length;
  const rows = branchRows.map((r, i) => [
    i + 1, r.orgName, r.members, r.dueFen / 100, r.collectedFen / 100, pct(r.collectedFen, r.dueFen), arrearsBy(r.orgId), r.remittedFen / 100, r.heldFen / 100, r.problems.join('；'),
  ]);
  const sum = (k: keyof ReconRow) => branchRows.reduce((a, r) => a + (r[k] as number), 0);
  const committeeRow = recon.rows.find((r) => r.level === '党委');
  const total = ['', '合计', sum('members'), sum('dueFen') / 100, sum('collectedFen') / 100, pct(sum('collectedFen'), sum('dueFen')), branchRows.reduce((a, r) => a + arrearsBy(r.orgId), 0), sum('remittedFen') / 100, sum('heldFen') / 100, ''];
  const f = s;
  const cr = collectionRows(f);
  // the monthly register also shows what was remitted in each month (《党费交纳登记表》: collected and remitted)
  const remitted = await ctx.db
    .selectFrom('dues_remittances')
    .select(['level', 'amount_fen', 'remitted_on'])
    .where('deleted_at', 'is', null)
    .where('remitted_on', '>=', `${months[0]}-01`)
    .where('remitted_on', '<=', `${months[2]}-31`)
    .execute();
  const remittedIn = (m: string, level: string) => remitted.filter((r) => r.level === level && r.remitted_on.startsWith(m)).reduce((a, r) => a + r.amount_fen, 0);
  const monthRows = months.map((m) => {
    const i = Number(m.slice(5)) - 1;
    let due = 0, paid = 0, owed = 0, paidN = 0;
    for (const r of cr) {
      const c = r.cells[i];
      if (c.owed) {
        owed++;
        due += c.dueFen ?? 0;
        if (c.payment) paidN++;
      }
      if (c.payment) paid += c.payment.paidFen;
    }
    return [monthLabel(m), owed, paidN, due / 100, paid / 100, pct(paid, due), remittedIn(m, '支部') / 100, remittedIn(m, '党委') / 100];
  });
  return {
    title: `党费收缴情况季度统计表`,
    subtitle: `填报单位：${committee}　　${year}年第${'一二三四'[quarter - 1]}季度（${monthLabel(months[0])}至${monthLabel(months[2])}）　　单位：元`,
    columns: ['序号', '党支部', '应缴人数', '应缴金额', '实缴金额', '收缴率', `欠缴${warn}个月以上人数`, '上缴党委', '支部结存', '差异说明'],
    rows,
    total,
    months: { title: `${unit}党费月度统计（${year}年第${'一二三四'[quarter - 1]}季度）`, columns: ['月份', '应缴人数', '已缴人数', '应缴金额', '实缴金额', '收缴率', '支部上缴党委', `党委上缴${f.settings.upperBodyName}`], rows: monthRows },
    notes: [
      committeeRow
        ? `分局党委本季度收到各支部上缴 ${y(committeeRow.collectedFen)} 元，上缴${f.settings.upperBodyName} ${y(committeeRow.remittedFen)} 元（应缴 ${y(committeeRow.expectedRemitFen)} 元${committeeRow.differenceFen ? `，${committeeRow.problems.join('；')}` : ''}）。`
        : '',
      '填表人：                    审核人：                    填报日期：',
    ].filter(Boolean),
  };
}

// ------------------------------------------------------------ 年度核定表

export interface AssessmentSheetModel {
  title: string;
  subtitle: string;
  itemNames: string[];
  rows: { name: string; branch: string; category: string; items: (number | null)[]; base: number; rate: string; monthly: number; yearly: number; fixedOn: string; approved: string; note: string }[];
  notes: string[];
}

export async function assessmentSheetModel(ctx: Ctx, year: number, branchId?: string | null): Promise<AssessmentSheetModel> {
  const { unit, committee } = await unitNames(ctx);
  const f = await loadYearFacts(ctx.db, year, branchId);
  const rows = collectionRows(f);
  const used = new Set<string>();
  for (const m of f.members) for (const a of f.standards.get(m.id) ?? []) for (const [k, v] of Object.entries(a.items)) if (v) used.add(k);
  // only the items that count toward the base (income counted, deductions subtracted), as on the 核算表
  const itemNames = f.settings.payItems.filter((i) => i.include && used.has(i.name)).map((i) => i.name);
  const branchName = branchId ? (f.members[0]?.branch_name ?? '') : '';
  return {
    title: `${year}年度党员党费核定表`,
    subtitle: `填报单位：${branchName || unit}（盖章）　　单位：元　　舍入：${f.settings.rounding === 'jiao' ? '四舍五入到角' : '四舍五入到分'}　　${f.settings.capEnabled ? `每月一般不超过 ${y(f.settings.capFen)} 元` : ''}`,
    itemNames,
    rows: f.members.map((m, i) => {
      const list = f.standards.get(m.id) ?? [];
      const a = list.at(-1);
      const notes: string[] = [];
      if (list.length > 1) notes.push(list.map((x) => `${monthLabel(x.fromMonth)}起 ${y(x.monthlyDueFen)}`).join('，'));
      if (a?.hardshipRef) notes.push(`批准：${a.hardshipRef}`);
      if (a?.capApplied) notes.push('封顶');
      if (!a) notes.push('未核定');
      if (m.owedFrom !== `${year}-01` || m.owedTo !== `${year}-12`) notes.push(`${monthLabel(m.owedFrom)}至${monthLabel(m.owedTo)}`);
      if (a?.note) notes.push(a.note);
      return {
        name: m.name,
        branch: m.branch_name,
        category: a?.category ?? m.category,
        items: itemNames.map((n) => (a?.items[n] ? a.items[n] / 100 : null)),
        base: (a?.baseFen ?? 0) / 100,
        rate: a ? ratePercent(a.rateBasisPoints) : '',
        monthly: (a?.monthlyDueFen ?? 0) / 100,
        yearly: rows[i].dueTotalFen / 100,
        fixedOn: a?.fixedOn ?? '',
        approved: a?.approvedOn ? `${a.approvedBy ?? ''} ${a.approvedOn}` : '',
        note: notes.join('；'),
      };
    }),
    notes: [`说明：本表由党支部填写，经${committee}审核批准后执行；计算基数按本单位工资项目计入/不计入设置计算（税后）。`, '填报人：                    审核人：                    联系电话：                    日期：'],
  };
}

// ------------------------------------------------------------ 年度公布 / 自查报告

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
  standards: { name: string; branch: string; category: string; baseFen: number; rate: string; monthlyFen: number; note: string }[];
  settingsText: string[];
}

export async function yearSummary(ctx: Ctx, year: number, asOf?: string): Promise<YearSummary> {
  const { unit, committee } = await unitNames(ctx);
  const f = await loadYearFacts(ctx.db, year);
  const rows = collectionRows(f);
  const every = f.settings.remitEveryMonths;
  const today = ctx.platform.today();
  const thisMonth = today.slice(0, 7);
  const end = asOf ?? (thisMonth > `${year}-12` ? `${year}-12` : thisMonth > `${year}-01` ? addMonth(thisMonth, -1) : `${year}-01`);
  // remittances fall due after each period of the unit's cadence: reconcile them up to the last period ended by `end`
  const m = Number(end.slice(5, 7));
  const qm = Math.floor(m / every) * every;
  const remitEnd = qm === 0 ? `${Number(end.slice(0, 4)) - 1}-12` : `${end.slice(0, 4)}-${String(qm).padStart(2, '0')}`;
  const collect = await reconcile(ctx.db, `${year}-01`, end);
  const remit = remitEnd >= `${year}-01` ? await reconcile(ctx.db, `${year}-01`, remitEnd) : null;
  const merged = collect.rows.map((c): ReconRow => {
    const r = remit?.rows.find((x) => x.orgId === c.orgId);
    const problems = c.level === '支部' && c.collectedFen < c.dueFen ? [`少收 ${yuan(c.dueFen - c.collectedFen)} 元`] : [];
    if (r) problems.push(...r.problems.filter((p) => !p.startsWith('少收')));
    return r
      ? { ...c, collectedFen: c.level === '党委' ? r.collectedFen : c.collectedFen, expectedRemitFen: r.expectedRemitFen, remittedFen: r.remittedFen, heldFen: c.collectedFen - r.remittedFen, differenceFen: r.differenceFen, problems }
      : { ...c, expectedRemitFen: 0, remittedFen: 0, heldFen: c.collectedFen, differenceFen: 0, problems };
  });
  const branchRows = merged.filter((r) => r.level === '支部');
  const committeeRow = merged.find((r) => r.level === '党委') ?? null;
  const exp = await ctx.db
    .selectFrom('dues_expenses')
    .select(['purpose', (eb) => eb.fn.sum<number>('amount_fen').as('fen'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('spent_on', '>=', `${year}-01-01`)
    .where('spent_on', '<=', `${year}-12-31`)
    .groupBy('purpose')
    .execute();
  const expenses = exp.map((e) => ({ purpose: e.purpose, amountFen: Number(e.fen), count: Number(e.n) }));
  const cats = new Map<string, { members: number; monthlyFen: number }>();
  const brackets = new Map<string, number>();
  const capApplied: string[] = [];
  const hardship: YearSummary['hardship'] = [];
  const unassessed: string[] = [];
  let unapproved = 0;
  const differentAmounts: YearSummary['differentAmounts'] = [];
  const standards: YearSummary['standards'] = [];
  const beyondLimit: YearSummary['beyondLimit'] = [];
  const raisedShort: YearSummary['raisedShort'] = [];
  f.members.forEach((m, i) => {
    const list = f.standards.get(m.id) ?? [];
    const a = list.at(-1);
    if (!a) {
      unassessed.push(`${m.name}（${m.branch_name}）`);
      return;
    }
    if (list.some((x) => !x.approvedOn)) unapproved++;
    standards.push({
      name: m.name,
      branch: m.branch_name,
      category: a.category,
      baseFen: a.baseFen,
      rate: ratePercent(a.rateBasisPoints),
      monthlyFen: a.monthlyDueFen,
      note: [list.length > 1 ? list.map((x) => `${monthLabel(x.fromMonth)}起 ${yuan(x.monthlyDueFen)}`).join('，') : '', a.capApplied ? '封顶' : '', a.hardshipRef ?? '', m.left_type ? `${m.left_date?.slice(0, 7)}${m.left_type}` : ''].filter(Boolean).join('；'),
    });
    const c = cats.get(a.category) ?? { members: 0, monthlyFen: 0 };
    c.members++;
    c.monthlyFen += a.monthlyDueFen;
    cats.set(a.category, c);
    const label = a.rateBasisPoints === null ? `定额（${a.category}）` : `${a.category} ${ratePercent(a.rateBasisPoints)}`;
    brackets.set(label, (brackets.get(label) ?? 0) + 1);
    if (a.capApplied) capApplied.push(m.name);
    const raised = raisedShortfall(rows[i]);
    if (raised.shortFen > 0 && raised.months.length) raisedShort.push({ name: m.name, from: raised.months[0], to: raised.months.at(-1)!, shortFen: raised.shortFen });
    if (a.category === '困难减免') hardship.push({ name: m.name, ref: a.hardshipRef ?? '', monthlyFen: a.monthlyDueFen });
    for (const cell of rows[i].cells) {
      const p = cell.payment;
      if (!p) continue;
      if (p.paidFen !== p.dueFen) differentAmounts.push({ name: m.name, month: p.month, dueFen: p.dueFen, paidFen: p.paidFen, reason: p.reason ?? '' });
      const lag = monthIndex(p.paidOn.slice(0, 7)) - monthIndex(p.month);
      if (p.consentRef && lag > f.settings.arrearsLimitMonths) beyondLimit.push({ name: m.name, month: p.month, paidOn: p.paidOn, kind: '补交', limitMonths: f.settings.arrearsLimitMonths, consent: p.consentRef });
      if (p.consentRef && -lag > f.settings.prepayLimitMonths) beyondLimit.push({ name: m.name, month: p.month, paidOn: p.paidOn, kind: '预交', limitMonths: f.settings.prepayLimitMonths, consent: p.consentRef });
    }
  });
  const s = f.settings;
  const publications = await ctx.db
    .selectFrom('dues_publications')
    .select(['published_on as publishedOn', 'medium'])
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .orderBy('published_on')
    .execute();
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
    capApplied,
    hardship,
    unassessed,
    unapproved,
    differentAmounts,
    raisedShort,
    beyondLimit,
    warnMonths: s.warnMonths,
    criticalMonths: s.criticalMonths,
    publications,
    standards,
    settingsText: [
      `核定办法：${s.fixPolicy === 'annual' ? '年初核定，年内一般不作调整（组电明字〔2017〕5号）' : '工资变动后从领取新工资的当月起按新基数交纳（中组发〔2008〕3号 第十条）'}`,
      `舍入：${s.rounding === 'jiao' ? '四舍五入到角' : '四舍五入到分'}；每月党费${s.capEnabled ? `一般不超过 ${yuan(s.capFen)} 元` : '不设上限'}`,
      `计算基数计入项目：${s.payItems.filter((p) => p.include && p.kind === 'income').map((p) => p.name).join('、')}；扣除：${s.payItems.filter((p) => p.include && p.kind === 'deduction').map((p) => p.name).join('、')}；不计入：${s.payItems.filter((p) => !p.include).map((p) => p.name).join('、')}`,
      `上缴比例：支部上缴党委 ${s.branchRemitRatioBp / 100}%，党委上缴${s.upperBodyName} ${s.committeeRemitRatioBp / 100}%，${{ 3: '每季度', 6: '每半年', 12: '每年' }[s.remitEveryMonths]}上缴一次`,
    ],
  };
}
