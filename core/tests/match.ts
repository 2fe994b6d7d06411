/**
 * Who a row of a score sheet is: a member of the roster, matched by 公民身份号码,
 * phone (when only one member has it) or name within the unit (when only one member
 * has it), or a named non-member participant (a 民警 or 辅警 not on the roster) kept
 * with their 部门. A row that is neither (a name not on the roster and no 部门) is
 * listed for the clerk to resolve: pick the member, or give the 部门 of a non-member.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Tx = Kysely<DB> | Transaction<DB>;

export interface RosterPerson {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  workUnit: string | null;
  branchId: string;
}

export interface Roster {
  byId: Map<string, RosterPerson>;
  byIdNumber: Map<string, RosterPerson>;
  byPhone: Map<string, RosterPerson[]>;
  byName: Map<string, RosterPerson[]>;
  branchName: Map<string, string>;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
};

/** The members on the roster on `day` (not deleted, not left before or on it). */
export async function rosterOn(tx: Tx, day: string): Promise<Roster> {
  const rows = await tx
    .selectFrom('members')
    .select(['id', 'name', 'id_number', 'phone', 'work_unit', 'branch_id'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('left_date', 'is', null), eb('left_date', '>', day)]))
    .execute();
  const branches = await tx.selectFrom('org_units').select(['id', 'name']).execute();
  const r: Roster = { byId: new Map(), byIdNumber: new Map(), byPhone: new Map(), byName: new Map(), branchName: new Map(branches.map((b) => [b.id, b.name])) };
  for (const m of rows) {
    const p: RosterPerson = { id: m.id, name: m.name, idNumber: m.id_number, phone: m.phone, workUnit: m.work_unit, branchId: m.branch_id };
    r.byId.set(p.id, p);
    r.byIdNumber.set(p.idNumber, p);
    if (p.phone) push(r.byPhone, p.phone, p);
    push(r.byName, p.name, p);
  }
  return r;
}

export interface RowKeys {
  name: string;
  idNumber: string;
  phone: string;
  department: string;
}

export type Match =
  | { kind: 'member'; person: RosterPerson; by: '身份证号' | '手机号' | '姓名' | '指定' }
  | { kind: 'non-member'; department: string }
  | { kind: 'problem'; column: string; message: string; unmatched: boolean };

export interface Resolution {
  memberId?: string;
  department?: string;
}

export function matchRow(roster: Roster, k: RowKeys, resolution?: Resolution): Match {
  if (resolution?.memberId) {
    const p = roster.byId.get(resolution.memberId);
    return p ? { kind: 'member', person: p, by: '指定' } : { kind: 'problem', column: '姓名', message: '指定的党员不在测试当天的花名册上', unmatched: true };
  }
  if (resolution?.department) return { kind: 'non-member', department: resolution.department };
  if (k.idNumber) {
    const p = roster.byIdNumber.get(k.idNumber);
    if (p && p.name !== k.name) return { kind: 'problem', column: '身份证号', message: `身份证号是党员“${p.name}”的，与姓名“${k.name}”不符`, unmatched: false };
    if (p) return { kind: 'member', person: p, by: '身份证号' };
  }
  if (k.phone) {
    const list = roster.byPhone.get(k.phone)?.filter((p) => p.name === k.name) ?? [];
    if (list.length === 1) return { kind: 'member', person: list[0], by: '手机号' };
  }
  const named = roster.byName.get(k.name) ?? [];
  if (named.length === 1 && !k.idNumber) return { kind: 'member', person: named[0], by: '姓名' };
  if (named.length === 1 && !k.department)
    return { kind: 'problem', column: '身份证号', message: `身份证号与花名册中“${k.name}”的不一致，请核对`, unmatched: true };
  if (named.length > 1 && !k.department)
    return { kind: 'problem', column: '姓名', message: `花名册中有 ${named.length} 名党员叫“${k.name}”：请在文件中填写身份证号或手机号，或在下方指定是哪一位`, unmatched: true };
  if (k.department) return { kind: 'non-member', department: k.department };
  return {
    kind: 'problem',
    column: '姓名',
    message: `花名册中没有“${k.name}”：如是非党员，请在“部门”列填写其部门（或在下方填写）；如是党员，请核对姓名`,
    unmatched: true,
  };
}

/** The 部门 of a member when the file gives none: the 工作单位, else the branch's name without 党支部. */
export function memberDepartment(roster: Roster, p: RosterPerson): string {
  if (p.workUnit) return p.workUnit;
  const b = roster.branchName.get(p.branchId) ?? '';
  return b.replace(/党支部$/, '') || b;
}
