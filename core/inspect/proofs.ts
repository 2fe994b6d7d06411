/**
 * What the check reads from the ledger, once per check, through plain queries
 * (the inspect area writes none of these tables): the organizations, the year's
 * activities and their 签到表, the roster, the dues assessments, the
 * development files and the non-voided archive items (archive_items, written
 * by the archive area).
 */
import type { Tx } from '../audit/service.ts';
import { stageOf } from '../development/model.ts';

export interface Org {
  id: string;
  name: string;
  kind: '党委' | '党支部' | '党小组';
  /** the branch of a 党小组 */
  parentId: string | null;
  establishedOn: string | null;
}

export interface Act {
  id: string;
  orgId: string;
  groupId: string | null;
  type: string;
  heldOn: string;
  /** YYYY-MM it counts for */
  month: string;
  /** a 党课 the 党委书记 gave in a branch, counted again for the 党委 (条例第十六条); not a meeting of its own */
  credited?: boolean;
}

export interface DevPersonFile {
  id: string;
  name: string;
  branchId: string;
  stage: string;
  steps: { step: number; date: string; documents: string[] }[];
}

export interface Proofs {
  orgs: Org[];
  acts: Act[];
  /** activity ids with a 签到表 */
  signed: Set<string>;
  /** branch id → members on the roster (joined by the as-of day) */
  roster: Map<string, { id: string; name: string }[]>;
  /** member id → 'approved' | 'pending' for the year */
  assessed: Map<string, 'approved' | 'pending'>;
  files: DevPersonFile[];
  /** non-voided archive items of the year: org, category, document date */
  archive: { orgId: string; category: string; docDate: string | null }[];
}

export async function loadProofs(tx: Tx, year: number, asOf: string): Promise<Proofs> {
  const units = await tx.selectFrom('org_units').select(['id', 'name', 'kind', 'parent_id', 'established_on', 'sort_order']).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').execute();
  const orgs: Org[] = units
    .filter((u) => u.kind === '党委' || u.kind === '党支部' || u.kind === '党小组')
    .map((u) => ({ id: u.id, name: u.name, kind: u.kind as Org['kind'], parentId: u.parent_id, establishedOn: u.established_on }));
  // A meeting held early next year may count for December (counts_for).
  const rows = await tx
    .selectFrom('activities')
    .select(['id', 'org_id', 'group_id', 'type', 'held_on', 'counts_for', 'speaker'])
    .where('deleted_at', 'is', null)
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year + 1}-12-31`)
    .execute();
  const acts = rows
    .map((r): Act => ({ id: r.id, orgId: r.org_id, groupId: r.group_id, type: r.type, heldOn: r.held_on, month: r.counts_for ?? r.held_on.slice(0, 7) }))
    .filter((a) => a.month.startsWith(`${year}-`) && a.heldOn <= asOf);
  // 条例第十六条: a 党课 the 党委书记 gives in a branch also counts for the 党委's yearly 党课 (as on the compliance calendar)
  const secretaries = await tx
    .selectFrom('org_roles as r')
    .innerJoin('org_units as o', 'o.id', 'r.org_id')
    .select(['r.org_id', 'r.person_name', 'r.start_on', 'r.end_on'])
    .where('o.kind', '=', '党委')
    .where('r.role', '=', '书记')
    .where('r.deleted_at', 'is', null)
    .where('o.deleted_at', 'is', null)
    .execute();
  const speakers = new Map(rows.map((r) => [r.id, r.speaker?.trim() ?? '']));
  for (const a of [...acts]) {
    if (a.type !== '党课' || !speakers.get(a.id)) continue;
    for (const sec of secretaries) {
      if (sec.org_id === a.orgId || sec.person_name !== speakers.get(a.id)) continue;
      if ((sec.start_on && sec.start_on > a.heldOn) || (sec.end_on && sec.end_on <= a.heldOn)) continue;
      acts.push({ ...a, orgId: sec.org_id, groupId: null, credited: true });
    }
  }
  const signed = new Set(
    (
      await tx
        .selectFrom('attachments as f')
        .innerJoin('activities as a', 'a.id', 'f.entity_id')
        .select('f.entity_id')
        .distinct()
        .where('f.entity', '=', 'activities')
        .where('f.kind', '=', '签到表')
        .where('f.deleted_at', 'is', null)
        .where('a.held_on', '>=', `${year}-01-01`)
        .where('a.held_on', '<=', `${year + 1}-12-31`)
        .execute()
    ).map((r) => r.entity_id),
  );
  const members = await tx
    .selectFrom('members')
    .select(['id', 'name', 'branch_id'])
    .where('deleted_at', 'is', null)
    .where('left_type', 'is', null)
    .where('join_date', '<=', asOf)
    .orderBy('name')
    .execute();
  const roster = new Map<string, { id: string; name: string }[]>();
  for (const m of members) roster.set(m.branch_id, [...(roster.get(m.branch_id) ?? []), { id: m.id, name: m.name }]);
  const assessed = new Map<string, 'approved' | 'pending'>();
  for (const a of await tx.selectFrom('dues_assessments').select(['member_id', 'approved_on']).where('year', '=', year).where('deleted_at', 'is', null).execute())
    if (a.approved_on) assessed.set(a.member_id, 'approved');
    else if (!assessed.has(a.member_id)) assessed.set(a.member_id, 'pending');
  const devFiles = await tx
    .selectFrom('development_files')
    .select(['id', 'name', 'branch_id', 'left_date'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('left_date', 'is', null), eb('left_date', '>=', `${year}-01-01`)]))
    .orderBy('name')
    .execute();
  const steps = devFiles.length
    ? await tx.selectFrom('development_steps').select(['file_id', 'step', 'date', 'documents_json']).where('date', '<=', asOf).orderBy('step').execute()
    : [];
  const byFile = new Map<string, DevPersonFile['steps']>();
  for (const s of steps) byFile.set(s.file_id, [...(byFile.get(s.file_id) ?? []), { step: s.step, date: s.date, documents: JSON.parse(s.documents_json) as string[] }]);
  const files = devFiles
    .map((f): DevPersonFile => {
      const st = byFile.get(f.id) ?? [];
      return { id: f.id, name: f.name, branchId: f.branch_id, stage: stageOf(st), steps: st };
    })
    // a file that became a full member before the year is closed
    .filter((f) => f.steps.length && !f.steps.some((s) => s.step === 24 && s.date < `${year}-01-01`));
  const archive = (
    await tx.selectFrom('archive_items').select(['org_id', 'category_code', 'doc_date']).where('year', '=', year).where('voided_at', 'is', null).execute()
  ).map((r) => ({ orgId: r.org_id, category: r.category_code, docDate: r.doc_date }));
  return { orgs, acts, signed, roster, assessed, files, archive };
}
