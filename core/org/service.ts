/**
 * The organization tree: 党委 → 党总支 (optional) → 党支部 → 党小组, with the
 * committee roles of each unit and the 换届 due date from its term.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { audit, softDelete, withTx, type Tx } from '../audit/service.ts';
import { addYears } from '../../common/dates.ts';
import type { OrgUnitsTable } from '../../db/schema.ts';

import { ROLES, type OrgKind } from '../../common/enums.ts';
export { ORG_KINDS, ROLES, type OrgKind } from '../../common/enums.ts';

/** Which kinds may sit directly under which. */
const ALLOWED_PARENT: Record<OrgKind, (OrgKind | null)[]> = {
  党委: [null],
  党总支: ['党委'],
  党支部: ['党委', '党总支'],
  党小组: ['党支部'],
};

/** Default term length (years): 支部工作条例 第十五条 — 党支部委员会每届任期 3 年; 基层党委 5 年. */
export const DEFAULT_TERM_YEARS: Record<OrgKind, number | null> = { 党委: 5, 党总支: 5, 党支部: 3, 党小组: null };

export interface OrgRole {
  id: string;
  orgId: string;
  memberId: string | null;
  personName: string;
  role: string;
  startOn: string | null;
  endOn: string | null;
}

export interface OrgUnit {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  name: string;
  shortName: string | null;
  establishedOn: string | null;
  termYears: number | null;
  termStartOn: string | null;
  /** 换届 due date: term start + term years. */
  termDueOn: string | null;
  sortOrder: number;
  note: string | null;
  memberCount: number;
  /** The posts held today, in the order of ROLES. */
  roles: OrgRole[];
  /** 卸任 holders (卸任日期 on or before today), by post and then latest first; orgTree always gives it. */
  history?: OrgRole[];
  children: OrgUnit[];
}

export interface OrgUnitInput {
  parentId: string | null;
  kind: OrgKind;
  name: string;
  shortName: string | null;
  establishedOn: string | null;
  termYears: number | null;
  termStartOn: string | null;
  sortOrder: number | null;
  note: string | null;
}

function termDue(r: Pick<OrgUnitsTable, 'term_start_on' | 'term_years'>): string | null {
  return r.term_start_on && r.term_years ? addYears(r.term_start_on, r.term_years) : null;
}

/** Each unit's term and 换届 due date (term start + term years), read in the caller's transaction (评星定级 reads it). */
export async function termDueDates(tx: Tx): Promise<Map<string, { termStartOn: string | null; termYears: number | null; termDueOn: string | null }>> {
  const rows = await tx.selectFrom('org_units').select(['id', 'term_start_on', 'term_years']).where('deleted_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.id, { termStartOn: r.term_start_on, termYears: r.term_years, termDueOn: termDue(r) }]));
}

export async function orgTree(ctx: Ctx): Promise<OrgUnit[]> {
  const units = await ctx.db.selectFrom('org_units').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').execute();
  const today = ctx.platform.today();
  const allRoles = await ctx.db.selectFrom('org_roles').selectAll().where('deleted_at', 'is', null).execute();
  // held today (as postsOn reads a period) or not: 卸任 rows are the post's history
  const ended = (r: { end_on: string | null }) => r.end_on !== null && r.end_on <= today;
  const roleOf = (r: (typeof allRoles)[number]): OrgRole => ({ id: r.id, orgId: r.org_id, memberId: r.member_id, personName: r.person_name, role: r.role, startOn: r.start_on, endOn: r.end_on });
  const postOrder = (a: { role: string }, b: { role: string }) => ROLES.indexOf(a.role as never) - ROLES.indexOf(b.role as never);
  const counts = await ctx.db
    .selectFrom('members')
    .select(['branch_id', 'group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('left_type', 'is', null)
    .groupBy(['branch_id', 'group_id'])
    .execute();
  const count = new Map<string, number>();
  for (const c of counts) {
    count.set(c.branch_id, (count.get(c.branch_id) ?? 0) + Number(c.n));
    if (c.group_id) count.set(c.group_id, (count.get(c.group_id) ?? 0) + Number(c.n));
  }
  const byId = new Map<string, OrgUnit>();
  for (const u of units) {
    byId.set(u.id, {
      id: u.id,
      parentId: u.parent_id,
      kind: u.kind as OrgKind,
      name: u.name,
      shortName: u.short_name,
      establishedOn: u.established_on,
      termYears: u.term_years,
      termStartOn: u.term_start_on,
      termDueOn: termDue(u),
      sortOrder: u.sort_order,
      note: u.note,
      memberCount: count.get(u.id) ?? 0,
      roles: allRoles
        .filter((r) => r.org_id === u.id && !ended(r))
        .sort(postOrder)
        .map(roleOf),
      history: allRoles
        .filter((r) => r.org_id === u.id && ended(r))
        .sort((a, b) => postOrder(a, b) || (b.start_on ?? '').localeCompare(a.start_on ?? '') || (b.end_on ?? '').localeCompare(a.end_on ?? ''))
        .map(roleOf),
      children: [],
    });
  }
  const roots: OrgUnit[] = [];
  for (const u of byId.values()) {
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) parent.children.push(u);
    else roots.push(u);
  }
  // A 党总支's member count includes its branches.
  const total = (u: OrgUnit): number => (u.kind === '党支部' || u.kind === '党小组' ? u.memberCount : (u.memberCount = u.children.reduce((s, c) => s + total(c), 0)));
  roots.forEach(total);
  return roots;
}

export interface BranchSummary {
  id: string;
  name: string;
  parentId: string | null;
  memberCount: number;
  groups: { id: string; name: string }[];
}

export async function listBranches(ctx: Ctx): Promise<BranchSummary[]> {
  const flat: BranchSummary[] = [];
  const walk = (u: OrgUnit) => {
    if (u.kind === '党支部')
      flat.push({ id: u.id, name: u.name, parentId: u.parentId, memberCount: u.memberCount, groups: u.children.filter((c) => c.kind === '党小组').map((g) => ({ id: g.id, name: g.name })) });
    u.children.forEach(walk);
  };
  (await orgTree(ctx)).forEach(walk);
  return flat;
}

export async function findBranchByName(tx: Tx, name: string): Promise<{ id: string; name: string } | undefined> {
  return tx
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('kind', '=', '党支部')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('name', '=', name), eb('short_name', '=', name)]))
    .executeTakeFirst();
}

export async function requireBranchByName(tx: Tx, name: string): Promise<{ id: string; name: string }> {
  const b = await findBranchByName(tx, name);
  if (!b) throw new LedgerError(`找不到名为“${name}”的党支部`, 'branch');
  return b;
}

async function checkUnit(tx: Tx, u: OrgUnitInput, selfId: string | null): Promise<void> {
  const parent = u.parentId
    ? await tx.selectFrom('org_units').select(['id', 'kind']).where('id', '=', u.parentId).where('deleted_at', 'is', null).executeTakeFirst()
    : null;
  if (u.parentId && !parent) throw new LedgerError('上级组织不存在', 'parentId');
  if (!ALLOWED_PARENT[u.kind].includes((parent?.kind as OrgKind) ?? null))
    throw new LedgerError(`${u.kind}不能设在${parent ? parent.kind : '最上层'}之下`, 'parentId');
  if (selfId && u.parentId === selfId) throw new LedgerError('上级组织不能是自己', 'parentId');
  const same = await tx
    .selectFrom('org_units')
    .select('id')
    .where('name', '=', u.name)
    .where('deleted_at', 'is', null)
    .where((eb) => (u.parentId ? eb('parent_id', '=', u.parentId) : eb('parent_id', 'is', null)))
    .executeTakeFirst();
  if (same && same.id !== selfId) throw new LedgerError(`同一上级下已有名为“${u.name}”的组织`, 'name');
  if (u.termStartOn && u.establishedOn && u.termStartOn < u.establishedOn) throw new LedgerError('“本届开始日期”不能早于成立日期', 'termStartOn');
}

function unitColumns(u: OrgUnitInput) {
  return {
    parent_id: u.parentId,
    kind: u.kind,
    name: u.name,
    short_name: u.shortName,
    established_on: u.establishedOn,
    term_years: u.termYears ?? DEFAULT_TERM_YEARS[u.kind],
    term_start_on: u.termStartOn,
    note: u.note,
  };
}

export async function createUnit(ctx: Ctx, u: OrgUnitInput, tx?: Transaction<DB>): Promise<string> {
  return withTx(ctx, tx, async (t) => {
    await checkUnit(t, u, null);
    const id = ctx.platform.newId();
    const now = ctx.platform.now();
    const maxSort = await t.selectFrom('org_units').select((eb) => eb.fn.max('sort_order').as('m')).executeTakeFirst();
    const values = { id, ...unitColumns(u), sort_order: u.sortOrder ?? Number(maxSort?.m ?? 0) + 10, created_at: now, updated_at: now, deleted_at: null };
    await t.insertInto('org_units').values(values).execute();
    await audit(t, ctx, { entity: 'org_units', entityId: id, action: '新增', summary: `新增${u.kind}“${u.name}”`, after: values });
    return id;
  });
}

export async function updateUnit(ctx: Ctx, id: string, u: OrgUnitInput): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('org_units').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!before) throw new LedgerError('找不到该组织');
    await checkUnit(tx, u, id);
    const values = { ...unitColumns(u), sort_order: u.sortOrder ?? before.sort_order, updated_at: ctx.platform.now() };
    await tx.updateTable('org_units').set(values).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'org_units', entityId: id, action: '修改', summary: `修改${u.kind}“${u.name}”`, before, after: { ...before, ...values } });
  });
}

export async function deleteUnit(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const child = await tx.selectFrom('org_units').select('name').where('parent_id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (child) throw new LedgerError(`请先删除或移走下级组织“${child.name}”`);
    const member = await tx
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('branch_id', '=', id), eb('group_id', '=', id)]))
      .where('deleted_at', 'is', null)
      .where('left_type', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(member.n) > 0) throw new LedgerError(`该组织还有 ${member.n} 名在册党员，请先调整他们的所在组织`);
    await softDelete(tx, ctx, 'org_units', id);
  });
}

export * from './roles.ts';
