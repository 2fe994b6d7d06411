/**
 * Reads of the 整改台账: the items of a plan or year with filters, one item with its notes and 佐证,
 * the plans, the overdue items (home card), which gaps are being rectified ("加入整改"), and the
 * period counts the work summary uses (issue 15 items 3–5): created, closed, by status, the 销号率.
 */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import type { RectItemsTable } from '../../db/schema.ts';
import { getSetting } from '../settings/service.ts';
import { listAttachments, countAttachments } from '../attachments/service.ts';
import { LedgerError } from '../errors.ts';
import { closeRate, isOverdue, itemCode, LONG_TERM_IN_RATE, RECT_STATUSES, rateSentence, type RectStatus } from './model.ts';

export interface RectItem {
  id: string;
  code: string;
  planId: string | null;
  plan: string | null;
  kind: string;
  source: string;
  aspect: string | null;
  title: string;
  cause: string | null;
  measure: string;
  goal: string | null;
  leader: string | null;
  ownerUnit: string;
  owner: string;
  dueOn: string | null;
  status: RectStatus;
  overdue: boolean;
  raisedOn: string;
  closedOn: string | null;
  acceptedBy: string | null;
  linkKind: string | null;
  linkKey: string | null;
  note: string | null;
  evidence: number;
  lastProgress: string | null;
}

export interface ItemFilter {
  planId?: string;
  plan?: string;
  year?: number;
  status?: string;
  kind?: string;
  overdue?: boolean;
}

export async function planByName(tx: Tx, name: string) {
  const p = await tx.selectFrom('rect_plans').selectAll().where('name', '=', name).where('deleted_at', 'is', null).executeTakeFirst();
  if (!p) throw new LedgerError(`没有名为“${name}”的整改方案`, 'plan');
  return p;
}

export async function listPlans(ctx: Ctx, q: { kind?: string; year?: number } = {}) {
  let query = ctx.db.selectFrom('rect_plans').selectAll().where('deleted_at', 'is', null);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.year) query = query.where('year', '=', q.year);
  const plans = await query.orderBy('year', 'desc').orderBy('created_at').execute();
  const items = await listItems(ctx, {});
  return plans.map((p) => {
    const mine = items.filter((i) => i.planId === p.id);
    return { id: p.id, kind: p.kind, name: p.name, docNo: p.doc_no, year: p.year, aspects: JSON.parse(p.aspects) as string[], note: p.note, ...tally(mine, true) };
  });
}

const byStatusZero = () => Object.fromEntries(RECT_STATUSES.map((s) => [s, 0])) as Record<RectStatus, number>;

/** Items, closed, overdue, by status and the 销号率 of a list (长期坚持 in the base or not). */
export function tally(items: readonly Pick<RectItem, 'status' | 'overdue'>[], longTermInRate: boolean) {
  const byStatus = byStatusZero();
  for (const i of items) byStatus[i.status]++;
  const base = longTermInRate ? items.length : items.length - byStatus['长期坚持'];
  return { items: items.length, closed: byStatus['已销号'], overdue: items.filter((i) => i.overdue).length, byStatus, rateBase: base, rate: closeRate(byStatus['已销号'], base), sentence: rateSentence(byStatus['已销号'], base) };
}

export async function listItems(ctx: Ctx, f: ItemFilter, tx: Tx = ctx.db): Promise<RectItem[]> {
  let q = tx.selectFrom('rect_items as i').leftJoin('rect_plans as p', 'p.id', 'i.plan_id').selectAll('i').select('p.name as plan_name').where('i.deleted_at', 'is', null);
  if (f.plan) f = { ...f, planId: (await planByName(tx, f.plan)).id };
  if (f.planId) q = q.where('i.plan_id', '=', f.planId);
  if (f.year) q = q.where('i.year', '=', f.year);
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.status) {
    if (!(RECT_STATUSES as readonly string[]).includes(f.status)) throw new LedgerError(`状态应为 ${RECT_STATUSES.join('、')} 之一`, 'status');
    q = q.where('i.status', '=', f.status);
  }
  const rows = await q.orderBy('i.kind').orderBy('i.year').orderBy('i.seq').execute();
  const ids = rows.map((r) => r.id);
  const files = await countAttachments(tx, 'rect_items', ids);
  const links = new Map<string, number>();
  const last = new Map<string, string>();
  if (ids.length) {
    for (const r of await tx.selectFrom('rect_evidence as e').innerJoin('archive_items as a', 'a.id', 'e.archive_item_id').select(['e.item_id', (eb) => eb.fn.countAll<number>().as('n')]).where('a.voided_at', 'is', null).groupBy('e.item_id').execute()) links.set(r.item_id, Number(r.n));
    for (const r of await tx.selectFrom('rect_progress').select(['item_id', 'on_date', 'text']).orderBy('on_date').orderBy('created_at').execute()) last.set(r.item_id, `${r.on_date} ${r.text}`);
  }
  const today = ctx.platform.today();
  const out = rows.map((r) => toItem(r, r.plan_name ?? null, today, (files.get(r.id) ?? 0) + (links.get(r.id) ?? 0), last.get(r.id) ?? null));
  return f.overdue ? out.filter((i) => i.overdue) : out;
}

function toItem(r: RectItemsTable, plan: string | null, today: string, evidence: number, lastProgress: string | null): RectItem {
  return {
    id: r.id, code: itemCode(r.kind, r.year, r.seq), planId: r.plan_id, plan, kind: r.kind, source: r.source, aspect: r.aspect, title: r.title, cause: r.cause,
    measure: r.measure, goal: r.goal, leader: r.leader, ownerUnit: r.owner_unit, owner: r.owner, dueOn: r.due_on, status: r.status as RectStatus,
    overdue: isOverdue(r, today), raisedOn: r.raised_on, closedOn: r.closed_on, acceptedBy: r.accepted_by, linkKind: r.link_kind, linkKey: r.link_key,
    note: r.note, evidence, lastProgress,
  };
}

export async function itemDetail(ctx: Ctx, id: string) {
  const item = (await listItems(ctx, {})).find((i) => i.id === id);
  if (!item) throw new LedgerError('找不到这条整改事项，可能已被删除', 'id');
  const progress = await ctx.db.selectFrom('rect_progress').select(['id', 'on_date as onDate', 'text']).where('item_id', '=', id).orderBy('on_date').orderBy('created_at').execute();
  const archive = await ctx.db
    .selectFrom('rect_evidence as e').innerJoin('archive_items as a', 'a.id', 'e.archive_item_id')
    .select(['a.id', 'a.title', 'a.year', 'a.category_code as category', 'a.item_no as itemNo', 'a.voided_at as voidedAt']).where('e.item_id', '=', id).orderBy('e.created_at').execute();
  const files = await listAttachments(ctx.db, 'rect_items', id);
  return { item, progress, archive, files };
}

export const longTermInRate = async (ctx: Ctx) => (await getSetting<boolean>(ctx.db, LONG_TERM_IN_RATE)) ?? true;

/** Overdue items for the home card, the oldest 时限 first. */
export async function overdueItems(ctx: Ctx) {
  const items = (await listItems(ctx, { overdue: true })).sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
  return { count: items.length, items: items.slice(0, 8).map((i) => ({ id: i.id, code: i.code, title: i.title, ownerUnit: i.ownerUnit, dueOn: i.dueOn, status: i.status })) };
}

/** Which gaps of a kind are being rectified: link key → the open (not 已销号) item. The gap shows 整改中. */
export async function linkedGaps(ctx: Ctx, kind: string): Promise<Record<string, { id: string; code: string; status: string }>> {
  const rows = await ctx.db.selectFrom('rect_items').select(['id', 'kind', 'year', 'seq', 'status', 'link_key']).where('link_kind', '=', kind).where('deleted_at', 'is', null).where('status', '!=', '已销号').execute();
  return Object.fromEntries(rows.map((r) => [r.link_key as string, { id: r.id, code: itemCode(r.kind, r.year, r.seq), status: r.status }]));
}

/**
 * For the work summary, a period [from, to] by the item's dates: items raised in it, items closed in it,
 * and the state at its end of every item raised by then (已销号 if closed by `to`, else open).
 */
export async function periodCounts(ctx: Ctx, q: { from: string; to: string; kind?: string; planId?: string }) {
  let query = ctx.db.selectFrom('rect_items').select(['status', 'raised_on', 'closed_on', 'due_on']).where('deleted_at', 'is', null).where('kind', '=', q.kind ?? '整改').where('raised_on', '<=', q.to);
  if (q.planId) query = query.where('plan_id', '=', q.planId);
  const rows = await query.execute();
  const atEnd = rows.map((r) => {
    const closed = r.closed_on !== null && r.closed_on <= q.to;
    const status = (closed ? '已销号' : r.status === '已销号' ? (r.due_on ? '待验收' : '长期坚持') : r.status) as RectStatus;
    return { status, overdue: isOverdue({ status, due_on: r.due_on }, q.to > ctx.platform.today() ? ctx.platform.today() : q.to) };
  });
  return {
    raised: rows.filter((r) => r.raised_on >= q.from).length,
    closedInPeriod: rows.filter((r) => r.closed_on !== null && r.closed_on >= q.from && r.closed_on <= q.to).length,
    atEnd: tally(atEnd, await longTermInRate(ctx)),
  };
}

/** One 责任单位's 整改 items of a year, as judged on `asOf` (the stars' 整改 indicator and the 书记述职 table). */
export interface UnitTally {
  /** items raised by `asOf` and still open on 1 January or closed in the year */
  items: number;
  /** of them, 已销号 by `asOf` */
  closed: number;
  /** closed by `asOf` on or before the 时限 (or without one) */
  closedOnTime: number;
  /** closed by `asOf` after the 时限 */
  closedLate: number;
  /** not closed by `asOf` and past the 时限 (the day after it on) */
  overdue: number;
  /** 长期坚持: no 时限, never judged */
  longTerm: number;
  /** closed, or past the 时限: the items whose outcome can be judged on `asOf` */
  judged: number;
}

/** A branch's name and a 责任单位 as typed: "治安大队" and "治安大队党支部" name the same branch. */
export const sameUnit = (ownerUnit: string, branch: string) => {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/党支部$/, '');
  return norm(ownerUnit) === norm(branch);
};

/**
 * The 整改 items of a year by 责任单位 (as typed), judged on `asOf`: those raised by then that were
 * still open on 1 January of the year or were closed in it. Keyed by the 责任单位's text.
 */
export async function unitTallies(tx: Tx, year: number, asOf: string): Promise<Map<string, UnitTally>> {
  const rows = await tx
    .selectFrom('rect_items')
    .select(['owner_unit', 'status', 'due_on', 'closed_on'])
    .where('deleted_at', 'is', null)
    .where('kind', '=', '整改')
    .where('raised_on', '<=', asOf)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', `${year}-01-01`)]))
    .execute();
  const out = new Map<string, UnitTally>();
  for (const r of rows) {
    const t = out.get(r.owner_unit) ?? { items: 0, closed: 0, closedOnTime: 0, closedLate: 0, overdue: 0, longTerm: 0, judged: 0 };
    t.items++;
    const closed = r.closed_on !== null && r.closed_on <= asOf;
    if (closed) {
      t.closed++;
      if (r.due_on && r.closed_on! > r.due_on) t.closedLate++;
      else t.closedOnTime++;
    } else if (!r.due_on) t.longTerm++;
    else if (r.due_on < asOf) t.overdue++;
    t.judged = t.closed + t.overdue;
    out.set(r.owner_unit, t);
  }
  return out;
}

/** The tallies of the units that name one branch, added up. */
export function branchTally(tallies: Map<string, UnitTally>, branch: string): UnitTally {
  const sum: UnitTally = { items: 0, closed: 0, closedOnTime: 0, closedLate: 0, overdue: 0, longTerm: 0, judged: 0 };
  for (const [unit, t] of tallies) if (sameUnit(unit, branch)) for (const k of Object.keys(sum) as (keyof UnitTally)[]) sum[k] += t[k];
  return sum;
}
