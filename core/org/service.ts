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

import { ROLES, rolesFor, type OrgKind } from '../../common/enums.ts';
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

export interface RoleInput {
  orgId: string;
  memberId: string | null;
  personName: string | null;
  role: string;
  startOn: string | null;
  /** 卸任日期, for a past holder entered as history; empty while the post is held. */
  endOn?: string | null;
}

/** A correction of an existing role row: person, post and dates; the organization stays. */
export type RoleCorrection = Omit<RoleInput, 'orgId'> & { endOn: string | null };

/** 书记, 副书记 and every 委员 are elected posts of a committee; 组长 is not. */
export function isCommitteePost(role: string): boolean {
  return role === '书记' || role === '副书记' || role.endsWith('委员');
}

/** Posts one person holds at a time in a unit (副书记, 青年委员 and 委员 may have several holders). */
export const SINGLE_HOLDER_POSTS = ['书记', '组织委员', '宣传委员', '纪检委员'];

const COMMITTEE_PREFIX: Partial<Record<OrgKind, string>> = { 党委: '党委', 党总支: '总支', 党支部: '支部' };

/**
 * A role's period is half-open: held from 任职日期 (inclusive) up to 卸任日期
 * (exclusive) — on the 卸任日期 the successor holds the post, so a 换届 hands
 * over on one day. No 任职日期 means held since before the ledger's history
 * (as `postsOn` reads it); no 卸任日期 means held still.
 */
export function periodText(startOn: string | null, endOn: string | null): string {
  if (endOn) return `${startOn ?? '任职日期未填'}至${endOn}`;
  return startOn ? `${startOn}起，现任` : '现任';
}

type RoleRow = { id: string; org_id: string; member_id: string | null; person_name: string; role: string; start_on: string | null; end_on: string | null };
type MemberFacts = { name: string; party_status: string; join_date: string | null; full_date: string | null; left_type: string | null; left_date: string | null };
interface Problem {
  message: string;
  field: string;
}

/** Dates of a period against the ledger's today: no start or end in the future, no end on or before the start. */
function periodProblems(today: string, startOn: string | null, endOn: string | null): Problem[] {
  const out: Problem[] = [];
  if (startOn && startOn > today) out.push({ message: `“任职日期”不能晚于今天（${today}）：尚未开始的任职不能登记`, field: 'startOn' });
  if (endOn && endOn > today) out.push({ message: `“卸任日期”不能晚于今天（${today}）：请在卸任后登记`, field: 'endOn' });
  if (endOn && startOn && endOn <= startOn) out.push({ message: `“卸任日期”（${endOn}）应晚于“任职日期”（${startOn}）`, field: 'endOn' });
  return out;
}

function checkPeriod(ctx: Ctx, startOn: string | null, endOn: string | null): void {
  const [p] = periodProblems(ctx.platform.today(), startOn, endOn);
  if (p) throw new LedgerError(p.message, p.field);
}

/** What is wrong with the person of one appointment: 党章第七条 now and on the start date, a post before joining or after leaving. */
function personProblems(r: { role: string; startOn: string | null }, m: MemberFacts, post: string): Problem[] {
  const out: Problem[] = [];
  if (isCommitteePost(r.role)) {
    // 党章第七条: 预备党员没有表决权、选举权和被选举权 — now, and on the day the post began
    if (m.party_status === '预备') out.push({ message: `${m.name}是预备党员，不能担任${post}（党章第七条：预备党员没有被选举权）`, field: 'memberId' });
    else if (r.startOn && m.full_date && r.startOn < m.full_date)
      out.push({ message: `${m.name}于 ${m.full_date} 转为正式党员，任职日期（${r.startOn}）时是预备党员，不能担任${post}（党章第七条：预备党员没有被选举权）`, field: 'startOn' });
  }
  if (r.startOn && m.join_date && r.startOn < m.join_date) out.push({ message: `“任职日期”（${r.startOn}）早于${m.name}的入党日期（${m.join_date}）`, field: 'startOn' });
  if (m.left_type && m.left_date && (!r.startOn || r.startOn >= m.left_date))
    out.push({ message: `${m.name}已于 ${m.left_date} ${m.left_type}，此后不能在本单位任职${r.startOn ? '' : '（登记其以往任职请填写任职日期）'}`, field: r.startOn ? 'startOn' : 'memberId' });
  return out;
}

/** Whether two periods share a day (half-open; no start: held since ever; no end: held still). */
export function periodsOverlap(a: { start_on: string | null; end_on: string | null }, b: { start_on: string | null; end_on: string | null }): boolean {
  return (!a.start_on || !b.end_on || b.end_on > a.start_on) && (!b.start_on || !a.end_on || b.start_on < a.end_on);
}

const samePersonOf = (a: { member_id: string | null; person_name: string }, b: { member_id: string | null; person_name: string }) =>
  a.member_id || b.member_id ? a.member_id === b.member_id : a.person_name === b.person_name;

/** The row of the same post and unit that `r` may not share days with: any holder of a single-holder post, else the same person. */
function clashOf(r: RoleRow, others: RoleRow[]): RoleRow | undefined {
  const single = SINGLE_HOLDER_POSTS.includes(r.role);
  return others.find((o) => o.id !== r.id && o.org_id === r.org_id && o.role === r.role && periodsOverlap(r, o) && (single || samePersonOf(r, o)));
}

const postName = (role: string, kind: string) => `${isCommitteePost(role) ? (COMMITTEE_PREFIX[kind as OrgKind] ?? '') : ''}${role}`;

/**
 * Every rule an appointment meets, for a new row and for a correction alike
 * (`selfId` is the row being corrected). Returns the name to store.
 */
async function checkRole(ctx: Ctx, t: Tx, r: RoleInput & { endOn: string | null }, selfId: string | null): Promise<string> {
  const org = await t.selectFrom('org_units').select(['kind']).where('id', '=', r.orgId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!org) throw new LedgerError('所选组织不存在', 'orgId');
  const posts = rolesFor(org.kind);
  if (!(posts as readonly string[]).includes(r.role)) throw new LedgerError(`${org.kind}不设${r.role}，可任命：${posts.join('、')}`, 'role');
  checkPeriod(ctx, r.startOn, r.endOn);
  let name = r.personName;
  if (r.memberId) {
    const m = await t
      .selectFrom('members')
      .select(['name', 'party_status', 'join_date', 'full_date', 'left_type', 'left_date'])
      .where('id', '=', r.memberId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!m) throw new LedgerError('所选党员不存在', 'memberId');
    name = m.name;
    const [p] = personProblems(r, m, postName(r.role, org.kind));
    if (p) throw new LedgerError(p.message, p.field);
  }
  if (!name) throw new LedgerError('“姓名”不能为空', 'personName');
  const self: RoleRow = { id: selfId ?? '', org_id: r.orgId, member_id: r.memberId, person_name: name, role: r.role, start_on: r.startOn, end_on: r.endOn };
  const same = await t
    .selectFrom('org_roles')
    .select(['id', 'org_id', 'member_id', 'person_name', 'role', 'start_on', 'end_on'])
    .where('org_id', '=', r.orgId)
    .where('role', '=', r.role)
    .where('deleted_at', 'is', null)
    .orderBy('start_on')
    .execute();
  const clash = clashOf(self, same);
  if (clash) {
    const hint = !clash.end_on ? '，请先为其办理卸任' : !r.startOn ? '，请填写任职日期' : '，请核对任职日期和卸任日期';
    throw new LedgerError(
      samePersonOf(self, clash)
        ? `“${clash.person_name}”已登记为该组织${r.role}（${periodText(clash.start_on, clash.end_on)}），任职时间重叠${hint}`
        : `该组织已有${r.role}“${clash.person_name}”（${periodText(clash.start_on, clash.end_on)}），与本次任职时间重叠${hint}`,
      r.startOn ? 'startOn' : 'role',
    );
  }
  return name;
}

/** A role row that breaks an appointment rule: rows entered before the rules, or made wrong since by a change of the member record. */
export interface PostFinding {
  orgId: string;
  orgName: string;
  roleId: string;
  role: string;
  personName: string;
  message: string;
}

/**
 * Checks every role row of the ledger against the rules `saveRole` enforces
 * (the check for ledgers kept before them, and for a 转正 date corrected later
 * in the members area). Each overlap is reported once, on the later row.
 */
export async function postFindings(ctx: Ctx): Promise<PostFinding[]> {
  const today = ctx.platform.today();
  const rows = await ctx.db
    .selectFrom('org_roles as r')
    .innerJoin('org_units as o', 'o.id', 'r.org_id')
    .leftJoin('members as m', (j) => j.onRef('m.id', '=', 'r.member_id').on('m.deleted_at', 'is', null))
    .select(['r.id', 'r.org_id', 'r.member_id', 'r.person_name', 'r.role', 'r.start_on', 'r.end_on', 'o.name as org_name', 'o.kind', 'o.sort_order'])
    .select(['m.name', 'm.party_status', 'm.join_date', 'm.full_date', 'm.left_type', 'm.left_date'])
    .where('r.deleted_at', 'is', null)
    .where('o.deleted_at', 'is', null)
    .orderBy('o.sort_order')
    .orderBy('r.start_on')
    .execute();
  const out: PostFinding[] = [];
  for (const [i, r] of rows.entries()) {
    const problems = periodProblems(today, r.start_on, r.end_on);
    if (r.name && r.party_status) problems.push(...personProblems({ role: r.role, startOn: r.start_on }, { ...r, name: r.name, party_status: r.party_status }, postName(r.role, r.kind)));
    const clash = clashOf(r, rows.slice(0, i));
    if (clash) problems.push({ message: `与“${clash.person_name}”（${periodText(clash.start_on, clash.end_on)}）任职时间重叠，同一时间只能有一名${r.role}`, field: 'startOn' });
    for (const p of problems)
      out.push({ orgId: r.org_id, orgName: r.org_name, roleId: r.id, role: r.role, personName: r.person_name, message: `${r.org_name}${r.role}“${r.person_name}”（${periodText(r.start_on, r.end_on)}）：${p.message}` });
  }
  return out;
}

/**
 * Appoints a person to a post. A 预备党员 cannot hold a committee post (党章第七条:
 * 预备党员没有表决权、选举权和被选举权); an appointment starts no later than today;
 * one person at a time holds 书记, 组织委员, 宣传委员 or 纪检委员 of a unit.
 */
export async function saveRole(ctx: Ctx, r: RoleInput, tx?: Transaction<DB>): Promise<string> {
  return withTx(ctx, tx, async (t) => {
    const endOn = r.endOn ?? null;
    const name = await checkRole(ctx, t, { ...r, endOn }, null);
    const id = ctx.platform.newId();
    const values = { id, org_id: r.orgId, member_id: r.memberId, person_name: name, role: r.role, start_on: r.startOn, end_on: endOn, created_at: ctx.platform.now(), deleted_at: null };
    await t.insertInto('org_roles').values(values).execute();
    await audit(t, ctx, { entity: 'org_roles', entityId: id, action: '新增', summary: `任命“${name}”为${r.role}${endOn ? `（${periodText(r.startOn, endOn)}，补登以往任职）` : ''}`, after: values });
    return id;
  });
}

async function roleRow(tx: Tx, id: string) {
  const row = await tx.selectFrom('org_roles').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new LedgerError('找不到该职务，可能已被删除');
  return row;
}

/** Ends a role on a date (卸任, the first day no longer held); the row stays as history. */
export async function endRole(ctx: Ctx, id: string, endOn: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await roleRow(tx, id);
    if (before.end_on) throw new LedgerError(`“${before.person_name}”已于 ${before.end_on} 卸任${before.role}；如日期有误，请用“更正”`, 'endOn');
    checkPeriod(ctx, before.start_on, endOn);
    await tx.updateTable('org_roles').set({ end_on: endOn }).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'org_roles', entityId: id, action: '修改', summary: `“${before.person_name}”卸任${before.role}（${endOn}）`, before, after: { ...before, end_on: endOn } });
  });
}

const CORRECTED: [keyof RoleRow, string][] = [
  ['person_name', '姓名'],
  ['role', '职务'],
  ['start_on', '任职日期'],
  ['end_on', '卸任日期'],
];

/**
 * Corrects a role row (person, post, dates) under the same rules as an
 * appointment; an emptied 卸任日期 makes the post held again. Audited with
 * before and after; an unchanged row writes nothing.
 */
export async function updateRole(ctx: Ctx, id: string, c: RoleCorrection): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await roleRow(tx, id);
    const name = await checkRole(ctx, tx, { ...c, orgId: before.org_id }, id);
    const values = { member_id: c.memberId, person_name: name, role: c.role, start_on: c.startOn, end_on: c.endOn };
    const after = { ...before, ...values };
    const changes = CORRECTED.filter(([k]) => before[k] !== after[k]).map(([k, label]) => `${label} ${before[k] ?? '未填'}→${after[k] ?? '未填'}`);
    if (before.member_id !== after.member_id && before.person_name === after.person_name) changes.unshift('关联党员');
    if (changes.length === 0) return;
    await tx.updateTable('org_roles').set(values).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'org_roles', entityId: id, action: '修改', summary: `更正“${before.person_name}”的${before.role}任职：${changes.join('；')}`, before, after });
  });
}

/** A post as held on one day. */
export interface PostOnDay {
  orgId: string;
  memberId: string | null;
  personName: string;
  role: string;
}

/**
 * The posts of the given organizations held on `day` (start_on ≤ day, and
 * end_on empty or after day; a post without a start date counts as held).
 * The 卸任日期 is the first day the post is no longer held (the successor's
 * 任职日期 at a 换届), the same half-open period the appointment rules check.
 * Records print the post a person held on the meeting date, not today's.
 */
export async function postsOn(tx: Tx, orgIds: string[], day: string): Promise<PostOnDay[]> {
  if (orgIds.length === 0) return [];
  const rows = await tx
    .selectFrom('org_roles')
    .select(['org_id', 'member_id', 'person_name', 'role'])
    .where('org_id', 'in', orgIds)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('start_on', 'is', null), eb('start_on', '<=', day)]))
    .where((eb) => eb.or([eb('end_on', 'is', null), eb('end_on', '>', day)]))
    .orderBy('start_on')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, memberId: r.member_id, personName: r.person_name, role: r.role }));
}
