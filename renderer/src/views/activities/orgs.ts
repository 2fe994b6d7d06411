/** Organizations an activity can belong to: the 党委 (and 党总支) and every 党支部 with its 党小组. */
import { call } from '../../api/client';
import type { OrgUnit } from '../../../../core/org/service';

export interface OrgChoice {
  id: string;
  name: string;
  kind: string;
  groups: { id: string; name: string }[];
}

export async function loadOrgChoices(): Promise<OrgChoice[]> {
  const out: OrgChoice[] = [];
  const walk = (u: OrgUnit) => {
    if (u.kind !== '党小组') out.push({ id: u.id, name: u.name, kind: u.kind, groups: u.children.filter((c) => c.kind === '党小组').map((g) => ({ id: g.id, name: g.name })) });
    u.children.forEach(walk);
  };
  (await call('org/tree', {})).forEach(walk);
  return out;
}

export const STATUS_CLASS: Record<string, string> = {
  held: 'st-held',
  'held-late': 'st-late',
  'quorum-not-met': 'st-quorum',
  due: 'st-due',
  missing: 'st-missing',
  upcoming: 'st-upcoming',
  'n/a': 'st-na',
  'before-start': 'st-before',
};

export const STATUS_MARK: Record<string, string> = {
  held: '✓',
  'held-late': '延',
  'quorum-not-met': '人数',
  due: '待',
  missing: '缺',
  upcoming: '·',
  'n/a': '',
  'before-start': '—',
};
