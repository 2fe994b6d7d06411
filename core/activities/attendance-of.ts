/**
 * Read-only: who attended which meeting of a period (出席 only, members on the roster), for the areas that
 * count attendance per member (core/points). One row per attendance line, with the meeting's type, date and
 * topic, in date order. Writes nothing.
 */
import type { Tx } from '../audit/service.ts';

export interface AttendedMeeting {
  memberId: string;
  activityId: string;
  type: string;
  heldOn: string;
  topic: string | null;
  orgName: string;
}

/** `memberIds`: only these members' lines (at most 500 are filtered in SQL, more are read and filtered here). */
export async function attendedMeetings(tx: Tx, from: string, to: string, types: readonly string[], memberIds?: readonly string[]): Promise<AttendedMeeting[]> {
  if (!types.length) return [];
  let q = tx
    .selectFrom('activity_attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .innerJoin('org_units as o', 'o.id', 'a.org_id')
    .select(['t.member_id', 'a.id', 'a.type', 'a.held_on', 'a.topic', 'o.name'])
    .where('a.deleted_at', 'is', null)
    .where('a.held_on', '>=', from)
    .where('a.held_on', '<=', to)
    .where('a.type', 'in', [...types])
    .where('t.status', '=', '出席')
    .where('t.member_id', 'is not', null);
  if (memberIds && memberIds.length <= 500) q = q.where('t.member_id', 'in', memberIds.length ? [...memberIds] : ['']);
  const rows = await q.orderBy('a.held_on').orderBy('a.id').execute();
  return rows.map((r) => ({ memberId: r.member_id!, activityId: r.id, type: r.type, heldOn: r.held_on, topic: r.topic, orgName: r.name }));
}

/** How many meetings of each type each member attended (出席) in the period: one row per member and type, counted by SQLite. */
export async function attendanceCounts(tx: Tx, from: string, to: string, types: readonly string[]): Promise<{ memberId: string; type: string; n: number }[]> {
  if (!types.length) return [];
  const rows = await tx
    .selectFrom('activity_attendance as t')
    .innerJoin('activities as a', 'a.id', 't.activity_id')
    .select(['t.member_id', 'a.type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.deleted_at', 'is', null)
    .where('a.held_on', '>=', from)
    .where('a.held_on', '<=', to)
    .where('a.type', 'in', [...types])
    .where('t.status', '=', '出席')
    .where('t.member_id', 'is not', null)
    .groupBy(['t.member_id', 'a.type'])
    .execute();
  return rows.map((r) => ({ memberId: r.member_id!, type: r.type, n: Number(r.n) }));
}
