/**
 * 年度核定: each member's monthly dues standard for a year. The standard is
 * fixed at the start of the year and generally unchanged within it (组电明字
 * 〔2017〕5号); where the unit's policy follows pay changes instead (2008 第十条),
 * a later row applies from the month the new pay was first received.
 */
import type { Ctx } from '../context.ts';
import { audit, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { calcDues, yuan, type DuesCategory } from './calc.ts';
import { calcOptions, loadDuesSettings, type DuesSettings, type PayItem } from './settings.ts';
import { firstDueMonth, lastDueMonth, monthLabel } from './months.ts';
import type { DuesAssessmentsTable } from '../../db/schema.ts';
import { transferInStarts } from './queries.ts';
import { inChunks } from '../../db/chunks.ts';

export interface Assessment {
  id: string;
  year: number;
  memberId: string;
  category: DuesCategory;
  items: Record<string, number>;
  baseFen: number;
  rateBasisPoints: number | null;
  monthlyDueFen: number;
  capApplied: boolean;
  rounding: string;
  fromMonth: string;
  hardshipRef: string | null;
  reason: string | null;
  fixedOn: string;
  fixedBy: string;
  approvedOn: string | null;
  approvedBy: string | null;
  note: string | null;
}

export interface AssessInput {
  memberId: string;
  category?: DuesCategory | null;
  /** pay items in 分; when given, the base is computed from the unit's item table */
  items?: Record<string, number> | null;
  /** the after-tax base in 分 when entered directly (e.g. 税后工资总额 from the pay office) */
  baseFen?: number | null;
  /** 困难减免: the approved monthly amount (0 = exempt) */
  reducedFen?: number | null;
  hardshipRef?: string | null;
  reason?: string | null;
  /** a mid-year change: the month the new pay was first received */
  fromMonth?: string | null;
  note?: string | null;
}

export function rowToAssessment(r: DuesAssessmentsTable): Assessment {
  return {
    id: r.id,
    year: r.year,
    memberId: r.member_id,
    category: r.category as DuesCategory,
    items: JSON.parse(r.items_json),
    baseFen: r.base_fen,
    rateBasisPoints: r.rate_bp,
    monthlyDueFen: r.monthly_due_fen,
    capApplied: r.cap_applied === 1,
    rounding: r.rounding,
    fromMonth: r.from_month,
    hardshipRef: r.hardship_ref,
    reason: r.reason,
    fixedOn: r.fixed_on,
    fixedBy: r.fixed_by,
    approvedOn: r.approved_on,
    approvedBy: r.approved_by,
    note: r.note,
  };
}

/** The dues category a member's 人员类别 suggests (其他 → in-service brackets on the entered base). */
export function defaultCategory(memberCategory: string): DuesCategory {
  const same = ['在职', '离退休', '学生', '下岗失业', '低保', '农民'];
  return (same.includes(memberCategory) ? memberCategory : '在职') as DuesCategory;
}

/** Base = included income items − included deductions; unknown or excluded items are kept but not counted. */
export function computeBase(items: Record<string, number>, table: PayItem[]): { baseFen: number; counted: string[]; ignored: string[] } {
  const byName = new Map(table.map((t) => [t.name, t]));
  let base = 0;
  const counted: string[] = [];
  const ignored: string[] = [];
  for (const [name, fen] of Object.entries(items)) {
    if (!Number.isSafeInteger(fen) || fen < 0) throw new LedgerError(`工资项目“${name}”的金额应为非负金额`, 'items');
    const t = byName.get(name);
    if (!t || !t.include) {
      if (fen) ignored.push(name);
      continue;
    }
    base += t.kind === 'income' ? fen : -fen;
    counted.push(name);
  }
  if (base < 0) throw new LedgerError('扣除项目合计大于应计工资项目，计算基数不能为负数', 'items');
  return { baseFen: base, counted, ignored };
}

function hasItems(i: AssessInput): boolean {
  return !!i.items && Object.values(i.items).some((v) => v > 0);
}

/**
 * The figures of one standard under the unit's settings, without saving.
 * `usual` is the category the member would otherwise pay under: a 困难减免
 * amount must be below what that gives (少交或免交, 2008 第七条).
 */
export function evaluate(input: AssessInput, category: DuesCategory, s: DuesSettings, usual?: DuesCategory) {
  const fixed = !['在职', '离退休'].includes(category);
  let baseFen = input.baseFen ?? 0;
  if (hasItems(input)) baseFen = computeBase(input.items!, s.payItems).baseFen;
  else if (!fixed && (input.baseFen === null || input.baseFen === undefined)) throw new LedgerError('请填写工资项目或直接填写计算基数', 'baseFen');
  if (category === '困难减免' && !input.hardshipRef?.trim())
    throw new LedgerError(
      usual === '离退休'
        ? '离退休党员确有困难的，经党支部研究可以少交或免交（组电明字〔2017〕5号），请填写支部会议记录或批准文号'
        : '困难减免须经党支部研究、上级党委批准，请填写批准文号或会议记录',
      'hardshipRef',
    );
  const r = calcDues({ category, baseFen, reducedFen: input.reducedFen ?? 0 }, calcOptions(s, input.fromMonth));
  if (category === '困难减免' && usual && usual !== '困难减免' && r.monthlyDueFen > 0) {
    // the usual amount is known for fixed categories, or when a base was entered
    const baseKnown = !['在职', '离退休'].includes(usual) || hasItems(input) || (input.baseFen ?? 0) > 0;
    const normal = calcDues({ category: usual, baseFen }, calcOptions(s, input.fromMonth)).monthlyDueFen;
    if (baseKnown && r.monthlyDueFen >= normal)
      throw new LedgerError(`减免后金额 ${yuan(r.monthlyDueFen)} 元应低于按规定应缴的 ${yuan(normal)} 元（困难党员可以少交或免交）`, 'reducedFen');
  }
  return r;
}

interface MemberRow {
  id: string;
  name: string;
  category: string;
  join_date: string;
  left_type: string | null;
  left_date: string | null;
  dues_start?: string | null;
}

/** The months of `year` a member owes dues in, or null when none. */
export function owedSpan(m: MemberRow, year: number, s: DuesSettings): { from: string; to: string } | null {
  const first = firstDueMonth(m, s);
  const last = lastDueMonth(m);
  const from = first > `${year}-01` ? first : `${year}-01`;
  const to = last && last < `${year}-12` ? last : `${year}-12`;
  return from <= to ? { from, to } : null;
}

export async function yearAssessments(tx: Tx, year: number, memberIds?: string[]): Promise<Map<string, Assessment[]>> {
  let q = tx.selectFrom('dues_assessments').selectAll().where('year', '=', year).where('deleted_at', 'is', null);
  if (memberIds) q = q.where('member_id', 'in', memberIds.length ? memberIds : ['']);
  const rows = await q.orderBy('member_id').orderBy('from_month').execute();
  const out = new Map<string, Assessment[]>();
  for (const r of rows) {
    const list = out.get(r.member_id) ?? [];
    list.push(rowToAssessment(r));
    out.set(r.member_id, list);
  }
  return out;
}

/** The standard in force for a month, from a member's rows of that year (sorted by fromMonth). */
export function standardFor(rows: Assessment[] | undefined, month: string): Assessment | null {
  let hit: Assessment | null = null;
  for (const a of rows ?? []) if (a.fromMonth <= month) hit = a;
  return hit;
}

export async function saveAssessments(ctx: Ctx, year: number, entries: AssessInput[]): Promise<Assessment[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const s = await loadDuesSettings(tx);
    const ids = [...new Set(entries.map((e) => e.memberId))];
    const pre: Preloaded = { members: new Map(), starts: new Map(), existing: new Map() };
    await inChunks(ids, 500, async (chunk) => {
      for (const m of await tx
        .selectFrom('members')
        .select(['id', 'name', 'category', 'join_date', 'left_type', 'left_date'])
        .where('id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .execute())
        pre.members.set(m.id, m);
      for (const [k, v] of await transferInStarts(tx, chunk)) pre.starts.set(k, v);
      for (const r of await tx
        .selectFrom('dues_assessments')
        .selectAll()
        .where('member_id', 'in', chunk)
        .where('year', '=', year)
        .where('deleted_at', 'is', null)
        .orderBy('from_month')
        .execute())
        pre.existing.set(r.member_id, [...(pre.existing.get(r.member_id) ?? []), r]);
    });
    const out: Assessment[] = [];
    for (const e of entries) out.push(await saveOne(tx, ctx, year, e, s, pre));
    return out;
  });
}

interface Preloaded {
  members: Map<string, MemberRow>;
  starts: Map<string, string>;
  existing: Map<string, DuesAssessmentsTable[]>;
}

async function saveOne(tx: Tx, ctx: Ctx, year: number, e: AssessInput, s: DuesSettings, pre: Preloaded): Promise<Assessment> {
  const m = pre.members.get(e.memberId);
  if (!m) throw new LedgerError('找不到该党员，可能已被删除', 'memberId');
  const span = owedSpan({ ...m, dues_start: pre.starts.get(m.id) ?? null }, year, s);
  if (!span) throw new LedgerError(`${m.name}在 ${year} 年没有应缴党费的月份（入党或离开日期不在该年内）`, 'memberId');
  const category = e.category ?? defaultCategory(m.category);
  let r;
  try {
    r = evaluate(e, category, s, defaultCategory(m.category));
  } catch (err) {
    if (err instanceof LedgerError) throw new LedgerError(`${m.name}：${err.message}`, err.field);
    throw err;
  }
  const existing = pre.existing.get(m.id) ?? [];
  let fromMonth = existing[0]?.from_month ?? span.from;
  if (e.fromMonth && e.fromMonth !== fromMonth) {
    if (e.fromMonth.slice(0, 4) !== String(year)) throw new LedgerError(`调整起始月份应在 ${year} 年内`, 'fromMonth');
    if (!existing.length || e.fromMonth < existing[0].from_month) {
      // no standard yet, or an earlier start: the annual row starts there
      if (e.fromMonth < span.from) throw new LedgerError(`${m.name}从${monthLabel(span.from)}起缴纳党费，核定起始月份不能更早`, 'fromMonth');
      fromMonth = e.fromMonth;
    } else {
      if (s.fixPolicy === 'annual')
        throw new LedgerError('本单位执行年初核定、年内一般不作调整（组电明字〔2017〕5号）；确需按工资变动调整的，请先在党费设置中改为“随工资变动调整”', 'fromMonth');
      if (!e.reason?.trim()) throw new LedgerError(`${m.name}：年内调整标准请注明原因（如 ${monthLabel(e.fromMonth)}起工资调整）`, 'reason');
      fromMonth = e.fromMonth;
    }
  }
  const now = ctx.platform.now();
  const today = ctx.platform.today();
  const values = {
    category,
    items_json: JSON.stringify(e.items ?? {}),
    base_fen: r.baseFen,
    rate_bp: r.rateBasisPoints,
    monthly_due_fen: r.monthlyDueFen,
    cap_applied: (r.capApplied ? 1 : 0) as 0 | 1,
    rounding: s.rounding,
    hardship_ref: category === '困难减免' ? (e.hardshipRef?.trim() ?? null) : null,
    reason: e.reason?.trim() || null,
    fixed_on: today,
    fixed_by: ctx.platform.actor,
    note: e.note?.trim() || null,
    updated_at: now,
  };
  const same = existing.find((x) => x.from_month === fromMonth) ?? (existing[0] && !e.fromMonth ? existing[0] : undefined);
  let row: DuesAssessmentsTable;
  if (same) {
    // a changed standard needs approval again
    const changed = same.monthly_due_fen !== values.monthly_due_fen || same.category !== values.category;
    const set = { ...values, from_month: fromMonth, ...(changed ? { approved_on: null, approved_by: null } : {}) };
    await tx.updateTable('dues_assessments').set(set).where('id', '=', same.id).execute();
    row = { ...same, ...set };
  } else {
    row = { id: ctx.platform.newId(), year, member_id: m.id, from_month: fromMonth, approved_on: null, approved_by: null, created_at: now, deleted_at: null, ...values };
    await tx.insertInto('dues_assessments').values(row).execute();
  }
  pre.existing.set(m.id, [...existing.filter((x) => x.id !== row.id), row].sort((a, b) => a.from_month.localeCompare(b.from_month)));
  const after = rowToAssessment(row);
  await audit(tx, ctx, {
    entity: 'dues_assessments',
    entityId: row.id,
    action: same ? '修改' : '新增',
    summary: `核定${m.name} ${year} 年党费：${category}，基数 ${yuan(r.baseFen)} 元，每月 ${yuan(r.monthlyDueFen)} 元${fromMonth !== `${year}-01` ? `（自${monthLabel(fromMonth)}起）` : ''}${r.capApplied ? '（封顶）' : ''}`,
    before: same ? rowToAssessment(same) : undefined,
    after,
  });
  return after;
}

export async function approveAssessments(ctx: Ctx, year: number, branchId: string | null, approvedBy: string, approvedOn: string): Promise<{ approved: number }> {
  return ctx.db.transaction().execute(async (tx) => {
    let q = tx
      .selectFrom('dues_assessments as a')
      .innerJoin('members as m', 'm.id', 'a.member_id')
      .select('a.id')
      .where('a.year', '=', year)
      .where('a.deleted_at', 'is', null)
      .where('a.approved_on', 'is', null);
    if (branchId) q = q.where('m.branch_id', '=', branchId);
    const ids = (await q.execute()).map((r) => r.id);
    if (ids.length) {
      await inChunks(ids, 500, (chunk) =>
        tx.updateTable('dues_assessments').set({ approved_by: approvedBy, approved_on: approvedOn, updated_at: ctx.platform.now() }).where('id', 'in', chunk).execute(),
      );
      await audit(tx, ctx, { entity: 'dues_assessments', entityId: String(year), action: '修改', summary: `${approvedBy}于 ${approvedOn} 审批 ${year} 年党费核定 ${ids.length} 人`, after: { ids } });
    }
    return { approved: ids.length };
  });
}

export interface GridRow {
  memberId: string;
  name: string;
  branchId: string;
  branchName: string;
  memberCategory: string;
  partyStatus: string;
  joinDate: string;
  leftType: string | null;
  leftDate: string | null;
  owedFrom: string;
  owedTo: string;
  standards: Assessment[];
  previous: Assessment | null;
}

/** Every member owing dues in the year (optionally one branch), with the year's standards and last year's. */
export async function assessmentGrid(tx: Tx, year: number, branchId?: string | null): Promise<GridRow[]> {
  const s = await loadDuesSettings(tx);
  let q = tx
    .selectFrom('members as m')
    .innerJoin('org_units as b', 'b.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.category', 'm.party_status', 'm.join_date', 'm.left_type', 'm.left_date', 'm.branch_id', 'b.name as branch_name', 'b.sort_order'])
    .where('m.deleted_at', 'is', null)
    .where('m.join_date', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('m.left_date', 'is', null), eb('m.left_date', '>=', `${year}-01-01`)]));
  if (branchId) q = q.where('m.branch_id', '=', branchId);
  const members = await q.orderBy('b.sort_order').orderBy('m.join_date').orderBy('m.id').execute();
  const ids = members.map((m) => m.id);
  const cur = ids.length > 900 ? await yearAssessments(tx, year) : await yearAssessments(tx, year, ids);
  const prev = ids.length > 900 ? await yearAssessments(tx, year - 1) : await yearAssessments(tx, year - 1, ids);
  const starts = await transferInStarts(tx);
  const out: GridRow[] = [];
  for (const m of members) {
    const span = owedSpan({ ...m, dues_start: starts.get(m.id) ?? null }, year, s);
    if (!span) continue;
    out.push({
      memberId: m.id,
      name: m.name,
      branchId: m.branch_id,
      branchName: m.branch_name,
      memberCategory: m.category,
      partyStatus: m.party_status,
      joinDate: m.join_date,
      leftType: m.left_type,
      leftDate: m.left_date,
      owedFrom: span.from,
      owedTo: span.to,
      standards: cur.get(m.id) ?? [],
      previous: prev.get(m.id)?.at(-1) ?? null,
    });
  }
  return out;
}

/**
 * `dues assess`: gives every member still without a standard for the year one
 * carried forward from last year's pay items or base (recomputed under the
 * current rules), or the fixed amount of their category. Members for whom
 * there is nothing to go on are listed, not guessed.
 */
export async function carryForward(ctx: Ctx, year: number): Promise<{ created: number; existing: number; missing: { memberId: string; name: string; branchName: string }[] }> {
  const grid = await assessmentGrid(ctx.db, year);
  const entries: AssessInput[] = [];
  const missing: { memberId: string; name: string; branchName: string }[] = [];
  let existing = 0;
  for (const g of grid) {
    if (g.standards.length) {
      existing++;
      continue;
    }
    const p = g.previous;
    if (p && p.category !== '困难减免') {
      entries.push({ memberId: g.memberId, category: p.category, items: Object.keys(p.items).length ? p.items : null, baseFen: p.baseFen, note: `沿用 ${year - 1} 年基数` });
    } else {
      const c = defaultCategory(g.memberCategory);
      if (c === '在职' || c === '离退休') missing.push({ memberId: g.memberId, name: g.name, branchName: g.branchName });
      else entries.push({ memberId: g.memberId, category: c });
    }
  }
  await saveAssessments(ctx, year, entries);
  return { created: entries.length, existing, missing };
}
