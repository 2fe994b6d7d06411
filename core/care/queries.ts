/** 走访慰问 read: the visits of a period with their member and branch, and the figures a summary quotes. */
import type { Ctx } from '../context.ts';
import type { Tx } from '../audit/service.ts';
import { countAttachments } from '../attachments/service.ts';
import { yuan } from '../../common/money.ts';
import type { CareReason, FundSource, PersonKind, Visit } from './model.ts';

export interface VisitRow extends Visit {
  gender: string | null;
  birthDate: string | null;
  joinDate: string | null;
}

export async function visitsBetween(tx: Tx, from: string, to: string): Promise<VisitRow[]> {
  const rows = await tx
    .selectFrom('care_visits as v')
    .leftJoin('members as m', 'm.id', 'v.member_id')
    .leftJoin('org_units as o', 'o.id', 'm.branch_id')
    .selectAll('v')
    .select(['m.name as member_name', 'm.gender', 'm.birth_date', 'm.join_date', 'o.name as branch'])
    .where('v.deleted_at', 'is', null)
    .where('v.visit_on', '>=', from)
    .where('v.visit_on', '<=', to)
    .orderBy('v.visit_on')
    .orderBy('v.created_at')
    .execute();
  const counts = await countAttachments(tx, 'care_visits', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, visitOn: r.visit_on, personKind: r.person_kind as PersonKind, memberId: r.member_id, memberName: r.member_name, branch: r.branch,
    personName: r.person_name, relation: r.relation, reason: r.reason as CareReason, circumstances: r.circumstances, visitors: r.visitors,
    amountFen: r.amount_fen, goods: r.goods, fundSource: r.fund_source as FundSource, approval: r.approval, expenseId: r.expense_id, note: r.note,
    attachments: counts.get(r.id) ?? 0,
    // 性别、出生年月、入党时间 are the member's only when the member was visited
    gender: r.person_kind === '党员' ? r.gender : null, birthDate: r.person_kind === '党员' ? r.birth_date : null, joinDate: r.person_kind === '党员' ? r.join_date : null,
  }));
}

export const listVisits = (ctx: Ctx, year: number) => visitsBetween(ctx.db, `${year}-01-01`, `${year}-12-31`);

/** 2000 元 for whole yuan, 2000.50 元 otherwise. */
export const yuanWords = (fen: number): string => (fen % 100 === 0 ? String(fen / 100) : yuan(fen));

export interface CareStats {
  from: string;
  to: string;
  /** people visited: a member, a member's family member, a named other, each counted once */
  people: number;
  visits: number;
  amountFen: number;
  fromDuesFen: number;
  byReason: { reason: string; people: number; visits: number; amountFen: number }[];
  /** e.g. 走访慰问困难党员4人，发放慰问金2000元 */
  sentence: string;
}

const personKey = (v: Visit) => (v.personKind === '党员' ? `m:${v.memberId}` : v.personKind === '党员家属' ? `f:${v.memberId}:${v.personName}` : `o:${v.personName}`);

export async function careStats(ctx: Ctx, from: string, to: string): Promise<CareStats> {
  const visits = await visitsBetween(ctx.db, from, to);
  const people = new Set(visits.map(personKey)).size;
  const amountFen = visits.reduce((a, v) => a + v.amountFen, 0);
  const reasons = new Map<string, Visit[]>();
  for (const v of visits) reasons.set(v.reason, [...(reasons.get(v.reason) ?? []), v]);
  const byReason = [...reasons].map(([reason, vs]) => ({ reason, people: new Set(vs.map(personKey)).size, visits: vs.length, amountFen: vs.reduce((a, v) => a + v.amountFen, 0) }));
  const whom = visits.length && visits.every((v) => v.personKind === '党员' && v.reason === '生活困难') ? '困难党员' : visits.every((v) => v.personKind === '党员') ? '党员' : '党员和家属等';
  const sentence = visits.length ? `走访慰问${whom}${people}人${people !== visits.length ? `（${visits.length}人次）` : ''}，发放慰问金${yuanWords(amountFen)}元` : '本期未开展走访慰问';
  return { from, to, people, visits: visits.length, amountFen, fromDuesFen: visits.filter((v) => v.expenseId).reduce((a, v) => a + v.amountFen, 0), byReason, sentence };
}
