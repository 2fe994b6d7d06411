/**
 * The committee roles of a unit: appointments, their periods and the people who may
 * hold them (党章第七条), the findings of the 组织设置 check, and who held what on a day.
 * Re-exported by service.ts, the area's one writer.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { audit, withTx, type Tx } from '../audit/service.ts';
import { rolesFor, type OrgKind } from '../../common/enums.ts';

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
    const posts = rolesFor(r.kind as OrgKind) as readonly string[];
    if (!posts.includes(r.role)) problems.push({ message: `${r.kind}不设${r.role}，可任命：${posts.join('、')}`, field: 'role' });
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
