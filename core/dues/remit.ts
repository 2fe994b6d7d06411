/**
 * 上缴: branches remit to the 分局党委, which remits to the upper body (机关工委
 * or as set), each at the unit's ratio. Reconciliation per branch and period:
 * due, collected, remitted, held, with differences shown.
 */
import type { Ctx } from '../context.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { yuan } from './calc.ts';
import { loadDuesSettings } from './settings.ts';
import { collectionRows, loadYearFacts } from './collect.ts';
import { monthLabel, monthRange } from './months.ts';
import type { DuesRemittancesTable } from '../../db/schema.ts';

export interface Remittance {
  id: string;
  level: '支部' | '党委';
  fromOrgId: string;
  fromOrgName: string;
  toName: string;
  periodFrom: string;
  periodTo: string;
  amountFen: number;
  remittedOn: string;
  voucherNo: string | null;
  ratioBp: number | null;
  note: string | null;
}

export interface RemitInput {
  level: '支部' | '党委';
  fromOrgId: string;
  periodFrom: string;
  periodTo: string;
  amountFen: number;
  remittedOn: string;
  voucherNo?: string | null;
  note?: string | null;
}

function toRemittance(r: DuesRemittancesTable & { from_name: string }): Remittance {
  return {
    id: r.id,
    level: r.level as Remittance['level'],
    fromOrgId: r.from_org_id,
    fromOrgName: r.from_name,
    toName: r.to_name,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    amountFen: r.amount_fen,
    remittedOn: r.remitted_on,
    voucherNo: r.voucher_no,
    ratioBp: r.ratio_bp,
    note: r.note,
  };
}

export async function listRemittances(tx: Tx, from: string, to: string): Promise<Remittance[]> {
  const rows = await tx
    .selectFrom('dues_remittances as r')
    .innerJoin('org_units as o', 'o.id', 'r.from_org_id')
    .selectAll('r')
    .select('o.name as from_name')
    .where('r.deleted_at', 'is', null)
    .where('r.period_from', '>=', from)
    .where('r.period_from', '<=', to)
    .orderBy('r.level', 'desc')
    .orderBy('o.sort_order')
    .orderBy('r.period_from')
    .execute();
  return rows.map(toRemittance);
}

export async function recordRemittance(ctx: Ctx, input: RemitInput): Promise<Remittance> {
  return ctx.db.transaction().execute(async (tx) => {
    const s = await loadDuesSettings(tx);
    const org = await tx.selectFrom('org_units').select(['id', 'name', 'kind', 'parent_id']).where('id', '=', input.fromOrgId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!org) throw new LedgerError('找不到上缴单位', 'fromOrgId');
    if (input.level === '支部' && org.kind === '党委') throw new LedgerError('支部上缴应选择党支部', 'fromOrgId');
    if (input.level === '党委' && org.kind !== '党委') throw new LedgerError('党委上缴应选择党委', 'fromOrgId');
    if (input.periodTo < input.periodFrom) throw new LedgerError('所属期间的结束月份不能早于开始月份', 'periodTo');
    if (input.remittedOn > ctx.platform.today()) throw new LedgerError('“上缴日期”不能晚于今天', 'remittedOn');
    if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new LedgerError('“上缴金额”应大于 0', 'amountFen');
    let toName = s.upperBodyName;
    if (input.level === '支部') {
      let parent = org.parent_id;
      let name = '分局党委';
      while (parent) {
        const p = await tx.selectFrom('org_units').select(['id', 'name', 'kind', 'parent_id']).where('id', '=', parent).executeTakeFirst();
        if (!p) break;
        if (p.kind === '党委') {
          name = p.name;
          break;
        }
        parent = p.parent_id;
      }
      toName = name;
    }
    const now = ctx.platform.now();
    const row: DuesRemittancesTable = {
      id: ctx.platform.newId(),
      level: input.level,
      from_org_id: org.id,
      to_name: toName,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      amount_fen: input.amountFen,
      remitted_on: input.remittedOn,
      voucher_no: input.voucherNo?.trim() || null,
      ratio_bp: input.level === '支部' ? s.branchRemitRatioBp : s.committeeRemitRatioBp,
      note: input.note?.trim() || null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    await tx.insertInto('dues_remittances').values(row).execute();
    const r = toRemittance({ ...row, from_name: org.name });
    await audit(tx, ctx, {
      entity: 'dues_remittances',
      entityId: row.id,
      action: '新增',
      summary: `${org.name}上缴${toName}党费 ${yuan(row.amount_fen)} 元（${monthLabel(row.period_from)}至${monthLabel(row.period_to)}）`,
      after: r,
    });
    return r;
  });
}

export async function deleteRemittance(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute((tx) => softDelete(tx, ctx, 'dues_remittances', id));
}

export interface ReconRow {
  orgId: string;
  orgName: string;
  level: '支部' | '党委';
  members: number;
  dueFen: number;
  collectedFen: number;
  /** collected − due (negative: not yet collected) */
  uncollectedFen: number;
  ratioBp: number;
  expectedRemitFen: number;
  remittedFen: number;
  /** collected (or received) − remitted */
  heldFen: number;
  /** remitted − expected (≠ 0 is a mismatch) */
  differenceFen: number;
  problems: string[];
}

export function ratioOf(fen: number, bp: number): number {
  return Number((BigInt(fen) * BigInt(bp) + 5000n) / 10000n);
}

/**
 * Branch rows: due and collected from the members' months in the period,
 * remitted from the branch's remittances whose period starts in it. The
 * committee row: what it received from the branches and what it sent up.
 */
export async function reconcile(tx: Tx, from: string, to: string): Promise<{ from: string; to: string; rows: ReconRow[] }> {
  const s = await loadDuesSettings(tx);
  const months = monthRange(from, to);
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const branches = await tx
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'sort_order'])
    .where('deleted_at', 'is', null)
    .where('kind', 'in', ['党支部', '党委'])
    .orderBy('sort_order')
    .execute();
  const per = new Map<string, { due: number; collected: number; members: Set<string> }>();
  for (const b of branches) per.set(b.id, { due: 0, collected: 0, members: new Set() });
  for (const y of years) {
    const f = await loadYearFacts(tx, y);
    const rows = collectionRows(f);
    rows.forEach((r, i) => {
      const m = f.members[i];
      const acc = per.get(m.branch_id);
      if (!acc) return;
      for (const c of r.cells) {
        if (c.month < from || c.month > to) continue;
        if (c.owed) {
          acc.due += c.dueFen ?? 0;
          acc.members.add(m.id);
        }
      }
    });
    // collected by the branch that received the money
    for (const mm of f.payments.values())
      for (const p of mm.values()) {
        if (p.month < from || p.month > to) continue;
        const acc = per.get(p.branchId);
        if (acc) acc.collected += p.paidFen;
      }
  }
  const remits = await listRemittances(tx, from, to);
  const rows: ReconRow[] = [];
  let received = 0;
  for (const b of branches.filter((x) => x.kind === '党支部')) {
    const acc = per.get(b.id)!;
    const remitted = remits.filter((r) => r.level === '支部' && r.fromOrgId === b.id).reduce((a, r) => a + r.amountFen, 0);
    received += remitted;
    const expected = ratioOf(acc.collected, s.branchRemitRatioBp);
    const problems: string[] = [];
    if (acc.collected < acc.due) problems.push(`少收 ${yuan(acc.due - acc.collected)} 元`);
    if (remitted !== expected) problems.push(remitted < expected ? `少缴 ${yuan(expected - remitted)} 元` : `多缴 ${yuan(remitted - expected)} 元`);
    if (!acc.members.size && !acc.collected && !remitted) continue;
    rows.push({
      orgId: b.id,
      orgName: b.name,
      level: '支部',
      members: acc.members.size,
      dueFen: acc.due,
      collectedFen: acc.collected,
      uncollectedFen: acc.collected - acc.due,
      ratioBp: s.branchRemitRatioBp,
      expectedRemitFen: expected,
      remittedFen: remitted,
      heldFen: acc.collected - remitted,
      differenceFen: remitted - expected,
      problems,
    });
  }
  const committee = branches.find((x) => x.kind === '党委');
  if (committee) {
    const up = remits.filter((r) => r.level === '党委').reduce((a, r) => a + r.amountFen, 0);
    const expected = ratioOf(received, s.committeeRemitRatioBp);
    const problems: string[] = [];
    if (up !== expected) problems.push(up < expected ? `少缴 ${yuan(expected - up)} 元` : `多缴 ${yuan(up - expected)} 元`);
    rows.push({
      orgId: committee.id,
      orgName: committee.name,
      level: '党委',
      members: rows.reduce((a, r) => a + r.members, 0),
      dueFen: rows.reduce((a, r) => a + r.dueFen, 0),
      collectedFen: received,
      uncollectedFen: 0,
      ratioBp: s.committeeRemitRatioBp,
      expectedRemitFen: expected,
      remittedFen: up,
      heldFen: received - up,
      differenceFen: up - expected,
      problems,
    });
  }
  return { from, to, rows };
}
