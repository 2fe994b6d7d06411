/**
 * The roster of a branch (or of one of its 党小组) on a day: who is due at a
 * meeting held then. The history is read from what the ledger keeps:
 *
 * - members.join_date: the day a person became a Party member here (for a
 *   预备党员 accepted by the branch, the day of acceptance);
 * - transfers: a 转入 opens a period on the branch from its transfer_date
 *   (the day the member reported), a 转出 closes it on its transfer_date;
 * - members.left_type / left_date: the member left (转出, 去世, 出党, 停止党籍)
 *   on that day; on the day itself the member is no longer due.
 *
 * A member who transferred in is on the roster from the 转入 date, not from
 * the (much earlier) join date. 党小组 membership has no history in the ledger:
 * a group's roster is the branch roster on the day restricted to the group's
 * present members.
 */
import type { Tx } from '../audit/service.ts';
import { chineseDate } from '../../common/labels.ts';

export interface RosterPerson {
  id: string;
  name: string;
  branchId: string;
  groupId: string | null;
  joinDate: string;
  fullDate: string | null;
  partyStatus: string;
  leftType: string | null;
  leftDate: string | null;
  /** transfers of this member on its branch, by date */
  moves: { direction: '转入' | '转出'; date: string }[];
}

export interface RosterEntry {
  memberId: string;
  memberName: string;
  partyStatus: '正式' | '预备';
}

/** Why a member of the branch is not on its roster on a day, or null when on it. */
export function offRosterReason(p: RosterPerson, day: string): string | null {
  // periods [from, to) on the branch
  const periods: [string, string | null][] = [];
  let open: string | null = null;
  const moves = p.moves.slice().sort((a, b) => a.date.localeCompare(b.date));
  if (!moves.length || moves[0].direction === '转出') open = p.joinDate;
  for (const mv of moves) {
    if (mv.direction === '转入') {
      if (open === null) open = mv.date;
    } else if (open !== null) {
      periods.push([open, mv.date]);
      open = null;
    }
  }
  if (open !== null) periods.push([open, p.leftType && p.leftDate ? p.leftDate : null]);
  if (periods.some(([from, to]) => from <= day && (to === null || day < to))) return null;
  const firstFrom = periods.map((x) => x[0]).sort()[0];
  if (firstFrom === undefined || day < firstFrom) {
    const inMove = moves.find((m) => m.direction === '转入' && m.date > day);
    if (inMove) return `${chineseDate(inMove.date)}才转入本支部`;
    return p.partyStatus === '预备' || (p.fullDate !== null && p.fullDate > day) ? `${chineseDate(p.joinDate)}才接收为预备党员` : `${chineseDate(p.joinDate)}才入党`;
  }
  const out = moves.filter((m) => m.direction === '转出' && m.date <= day).pop();
  if (p.leftType && p.leftDate && p.leftDate <= day) return `已于${chineseDate(p.leftDate)}${p.leftType}`;
  if (out) return `已于${chineseDate(out.date)}转出`;
  return '不在本支部名册';
}

export function statusOn(p: Pick<RosterPerson, 'fullDate' | 'partyStatus'>, day: string): '正式' | '预备' {
  return p.fullDate ? (p.fullDate <= day ? '正式' : '预备') : p.partyStatus === '预备' ? '预备' : '正式';
}

/** Everyone who ever belonged to the branches named, with their transfers. */
export async function loadRoster(tx: Tx, branchIds: string[]): Promise<RosterPerson[]> {
  if (!branchIds.length) return [];
  const rows = await tx
    .selectFrom('members')
    .select(['id', 'name', 'branch_id', 'group_id', 'join_date', 'full_date', 'party_status', 'left_type', 'left_date'])
    .where('deleted_at', 'is', null)
    .where('branch_id', 'in', branchIds)
    .orderBy('join_date')
    .orderBy('name')
    .execute();
  const moves = await tx
    .selectFrom('transfers')
    .select(['member_id', 'branch_id', 'direction', 'transfer_date'])
    .where('deleted_at', 'is', null)
    .where('branch_id', 'in', branchIds)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    branchId: r.branch_id,
    groupId: r.group_id,
    joinDate: r.join_date,
    fullDate: r.full_date,
    partyStatus: r.party_status,
    leftType: r.left_type,
    leftDate: r.left_date,
    moves: moves
      .filter((m) => m.member_id === r.id && m.branch_id === r.branch_id && (m.direction === '转入' || m.direction === '转出'))
      .map((m) => ({ direction: m.direction as '转入' | '转出', date: m.transfer_date })),
  }));
}

/** The roster of branch `orgId` (or of its group `groupId`) on `day`, from loaded people. */
export function rosterOn(people: RosterPerson[], orgId: string, day: string, groupId?: string | null): RosterEntry[] {
  return people
    .filter((p) => p.branchId === orgId && (!groupId || p.groupId === groupId) && offRosterReason(p, day) === null)
    .map((p) => ({ memberId: p.id, memberName: p.name, partyStatus: statusOn(p, day) }));
}

/** The roster of org X on day D (a 党支部, or one of its 党小组). */
export async function rosterOfOrgOn(tx: Tx, orgId: string, day: string, groupId?: string | null): Promise<RosterEntry[]> {
  return rosterOn(await loadRoster(tx, [orgId]), orgId, day, groupId);
}
