/**
 * 年度核定: each member's monthly dues standard for a year. The standard is
 * fixed at the start of the year and generally unchanged within it (组电明字
 * 〔2017〕5号); where the unit's policy follows pay changes instead (2008 第十条),
 * a later row applies from the month the new pay was first received.
 */
import type { Ctx } from '../context.ts';
import { audit, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { yuan } from './calc.ts';
import { loadDuesSettings, type DuesSettings } from './settings.ts';
import { monthLabel } from './months.ts';
import type { DuesAssessmentsTable } from '../../db/schema.ts';
import { transferInStarts } from './queries.ts';
import { inChunks } from '../../db/chunks.ts';
import { defaultCategory, evaluate, owedSpan, rowToAssessment, type Assessment, type AssessInput, type MemberRow } from './assess-rules.ts';
import { assessmentGrid } from './assess-grid.ts';

// The writes live here; the rules and the grid have their own files, re-exported for the existing importers.
export { computeBase, defaultCategory, evaluate, owedSpan, rowToAssessment, standardFor, type Assessment, type AssessInput } from './assess-rules.ts';
export { assessmentGrid, yearAssessments, type GridRow } from './assess-grid.ts';

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
