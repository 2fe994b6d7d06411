/**
 * What the integrity judgement (integrity.ts) needs from the ledger, loaded
 * once for many records: the branch rosters, the committee posts held on each
 * meeting day (postsOn), and the other records of the same days.
 */
import type { Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { isCommitteePost, postsOn } from '../org/service.ts';
import { inChunks } from '../../db/chunks.ts';
import { rowToInput, type ActivityInput } from './model.ts';
import { attendanceOf } from './service.ts';
import { judgeRecord, personKey, ROSTER_TYPES, type IntegrityContext, type IntegrityFinding, type OtherMeeting } from './integrity.ts';
import { loadRoster, offRosterReason, rosterOn, type RosterPerson } from './roster.ts';

interface Org {
  id: string;
  name: string;
  kind: string;
}

export interface Judge {
  (id: string | null, a: ActivityInput): Promise<IntegrityFinding[]>;
}

/** A judge for records held on `days` in the organizations `orgIds` (other records of those days are read once). */
export async function integrityJudge(tx: Tx, orgIds: string[], days: string[]): Promise<Judge> {
  const orgs = new Map<string, Org>((await tx.selectFrom('org_units').select(['id', 'name', 'kind']).execute()).map((o) => [o.id, o]));
  const branchIds = [...new Set(orgIds)].filter((id) => orgs.get(id)?.kind === '党支部');
  const people = await loadRoster(tx, branchIds);
  const byDay = new Map<string, (OtherMeeting & { orgId: string })[]>();
  const uniqueDays = [...new Set(days)];
  await inChunks(uniqueDays, 300, async (chunk) => {
    const rows = await tx.selectFrom('activities').selectAll().where('deleted_at', 'is', null).where('held_on', 'in', chunk).execute();
    const att = await attendanceOf(tx, rows.map((r) => r.id));
    for (const r of rows) {
      const org = orgs.get(r.org_id);
      const group = r.group_id ? orgs.get(r.group_id) : undefined;
      const m: OtherMeeting & { orgId: string } = {
        id: r.id,
        orgId: r.org_id,
        label: `${org?.name ?? ''}${group?.name ?? ''}${r.held_on.slice(5, 7).replace(/^0/, '')}月${r.held_on.slice(8).replace(/^0/, '')}日的${r.type}`,
        startTime: r.start_time,
        endTime: r.end_time,
        present: (att.get(r.id) ?? []).filter((e) => e.status === '出席').map((e) => ({ memberId: e.member_id, name: e.member_name })),
      };
      byDay.set(r.held_on, [...(byDay.get(r.held_on) ?? []), m]);
    }
  });
  const committees = new Map<string, IntegrityContext['committee']>();
  return async (id, a) => {
    const org = orgs.get(a.orgId);
    if (!org) throw new LedgerError('所选组织不存在', 'orgId');
    const branch = org.kind === '党支部';
    const onRoster = branch && ROSTER_TYPES.includes(a.type);
    const group = a.type === '党小组会' && a.groupId ? a.groupId : null;
    const mine = people.filter((p) => p.branchId === a.orgId);
    const offRoster = new Map<string, string>();
    if (onRoster)
      for (const p of mine) {
        const why = offRosterReason(p, a.heldOn);
        if (why) {
          offRoster.set(`id:${p.id}`, why);
          offRoster.set(`name:${p.name}`, why);
        }
      }
    const toKey = (r: { memberId: string; memberName: string }) => ({ memberId: r.memberId, name: r.memberName });
    let committee: IntegrityContext['committee'] = null;
    if (branch && a.type === '支部委员会') {
      const k = `${a.orgId}|${a.heldOn}`;
      if (!committees.has(k)) {
        const seen = new Set<string>();
        const posts = (await postsOn(tx, [a.orgId], a.heldOn)).filter((p) => isCommitteePost(p.role));
        committees.set(
          k,
          posts
            .map((p) => ({ memberId: p.memberId, name: p.personName, role: p.role }))
            .filter((p) => (seen.has(personKey(p)) ? false : (seen.add(personKey(p)), true))),
        );
      }
      committee = committees.get(k)!;
    }
    const ctx: IntegrityContext = {
      roster: onRoster ? rosterOn(mine, a.orgId, a.heldOn, group).map(toKey) : null,
      branchRoster: onRoster && group ? rosterOn(mine, a.orgId, a.heldOn).map(toKey) : null,
      offRoster,
      groupMeeting: Boolean(group),
      committee,
      others: (byDay.get(a.heldOn) ?? []).filter((o) => o.id !== id),
    };
    return judgeRecord(a, ctx);
  };
}

/** The findings of one record about to be saved (`id` null for a new one). */
export async function recordIntegrity(tx: Tx, id: string | null, a: ActivityInput): Promise<IntegrityFinding[]> {
  const judge = await integrityJudge(tx, [a.orgId], [a.heldOn]);
  return judge(id, a);
}

/** Refuses a save that has a `refuse` finding, naming the field and the person. */
export async function assertIntegrity(tx: Tx, id: string | null, a: ActivityInput): Promise<IntegrityFinding[]> {
  const findings = await recordIntegrity(tx, id, a);
  const refused = findings.find((f) => f.level === 'refuse');
  if (refused) throw new LedgerError(refused.message, refused.field);
  return findings;
}

export interface RecordFinding extends IntegrityFinding {
  activityId: string;
  orgId: string;
  heldOn: string;
  type: string;
}

/** Every stored record held in [from, to] judged as it stands (nothing is changed). */
export async function storedRecordFindings(tx: Tx, from: string, to: string): Promise<RecordFinding[]> {
  const rows = await tx.selectFrom('activities').selectAll().where('deleted_at', 'is', null).where('held_on', '>=', from).where('held_on', '<=', to).orderBy('held_on').orderBy('start_time').orderBy('id').execute();
  if (!rows.length) return [];
  const att = await attendanceOf(tx, rows.map((r) => r.id));
  const judge = await integrityJudge(tx, [...new Set(rows.map((r) => r.org_id))], rows.map((r) => r.held_on));
  const out: RecordFinding[] = [];
  for (const r of rows) {
    for (const f of await judge(r.id, rowToInput(r, att.get(r.id) ?? []))) out.push({ ...f, activityId: r.id, orgId: r.org_id, heldOn: r.held_on, type: r.type });
  }
  return out;
}

export type { RosterPerson };
