/**
 * The check of the 迎检清单 for a year (and one branch, or all): per item and
 * organization 齐全 / 不完整 / 缺失, the reason in words and a link that opens
 * the place to fix it; completeness per binder and per organization.
 *
 * What is judged: a period (年/季/月) that has ended by the as-of day (the
 * year's end, or today in a running year) and did not end before the 台账启用日期
 * (core/settings/start-date.ts) or before the organization was founded; a
 * running period counts only once it holds a record. A meeting (每次会议) held
 * on or after the start date; a person (每人) as the roster and the files stand.
 * A row with nothing to judge is left out. Each row scores present / expected;
 * a percent is the mean score of its rows.
 */
import { memoRead } from '../read-memo.ts';
import type { Ctx } from '../context.ts';
import { ledgerStartDate } from '../settings/start-date.ts';
import { stepDef } from '../development/steps.ts';
import { monthPeriod, quarterPeriod, yearPeriod, type Period } from '../activities/rules.ts';
import { binderLabel, linkText, type InspectCadence, type InspectStatus } from '../../common/inspection-checklist.ts';
import type { DeskLink } from '../desk/model.ts';
import { checklistItems, type ChecklistItem } from './items.ts';
import { loadProofs, type Org, type Proofs } from './proofs.ts';

export interface InspectRow {
  /** "B 三会一课" */
  binder: string;
  binderCode: string;
  itemId: string;
  item: string;
  orgId: string;
  org: string;
  status: InspectStatus;
  /** in words; empty when 齐全 */
  reason: string;
  /** the link as one string (/activities?new=1&…); empty when 齐全 */
  fix: string;
  link: DeskLink | null;
  present: number;
  expected: number;
}

export interface InspectResult {
  year: number;
  asOf: string;
  startDate: string;
  branchId: string | null;
  /** binder label → percent (one decimal) */
  completeness: Record<string, number>;
  overall: number | null;
  orgs: { orgId: string; org: string; percent: number }[];
  items: InspectRow[];
}

interface Scope {
  year: number;
  asOf: string;
  startDate: string;
}

const QN = '一二三四';
const periodsOf = (c: InspectCadence, y: number): Period[] =>
  c === '月' ? Array.from({ length: 12 }, (_, i) => monthPeriod(y, i + 1)) : c === '季' ? [1, 2, 3, 4].map((q) => quarterPeriod(y, q)) : [yearPeriod(y)];
const periodName = (p: Period, y: number) => (p.key.includes('Q') ? `第${QN[Number(p.key.slice(-1)) - 1]}季度` : p.key.length === 7 ? `${Number(p.key.slice(5))}月` : `${y}年`);
/** "支委会记录" → "支委会": the subject of a reason */
const subject = (title: string) => title.replace(/(活动)?(记录|材料)(和讲稿)?$/, '') || title;
const statusOf = (present: number, expected: number): InspectStatus => (present >= expected ? '齐全' : present === 0 ? '缺失' : '不完整');
const round1 = (x: number) => Math.round(x * 1000) / 10;

function row(item: ChecklistItem, org: { id: string; name: string }, present: number, expected: number, reason: string, link: DeskLink | null): InspectRow {
  const status = statusOf(present, expected);
  const ok = status === '齐全';
  return {
    binder: binderLabel(item.binder),
    binderCode: item.binder,
    itemId: item.id,
    item: item.title,
    orgId: org.id,
    org: org.name,
    status,
    reason: ok ? '' : reason,
    fix: ok || !link ? '' : linkText(link),
    link: ok ? null : link,
    present: Math.min(present, expected),
    expected,
  };
}

/** Periods of the cadence to judge for an organization; `has` says whether a period holds a proof. */
function periodic(s: Scope, cadence: InspectCadence, org: Org, has: (p: Period) => boolean, dueFrom?: string): { judged: Period[]; missing: Period[] } {
  const judged: Period[] = [];
  const missing: Period[] = [];
  for (const p of periodsOf(cadence, s.year)) {
    if (p.to < s.startDate || (org.establishedOn && org.establishedOn > p.to)) continue;
    const held = has(p);
    if (p.to > s.asOf && !held && !(dueFrom && dueFrom <= s.asOf)) continue;
    judged.push(p);
    if (!held) missing.push(p);
  }
  return { judged, missing };
}

const inPeriod = (month: string, p: Period) => month >= p.from.slice(0, 7) && month <= p.to.slice(0, 7);

/** The year's activities by the organization (or 党小组) they count for and their type. */
const actIndex = new WeakMap<Proofs, Map<string, Proofs['acts']>>();
function actsOf(pr: Proofs, orgId: string, type: string, group: boolean): Proofs['acts'] {
  let ix = actIndex.get(pr);
  if (!ix) {
    ix = new Map();
    for (const a of pr.acts)
      for (const k of [`o|${a.orgId}|${a.type}`, ...(a.groupId ? [`g|${a.groupId}|${a.type}`] : [])]) {
        const l = ix.get(k);
        if (l) l.push(a);
        else ix.set(k, [a]);
      }
    actIndex.set(pr, ix);
  }
  return ix.get(`${group ? 'g' : 'o'}|${orgId}|${type}`) ?? [];
}

function evaluateItem(item: ChecklistItem, orgs: Org[], pr: Proofs, s: Scope): InspectRow[] {
  const out: InspectRow[] = [];
  const proof = item.proof;
  const branchOf = (o: Org) => (o.kind === '党小组' ? pr.orgs.find((b) => b.id === o.parentId) : o);
  for (const org of orgs) {
    if (proof.kind === 'activity') {
      const mine = actsOf(pr, org.id, proof.type, org.kind === '党小组');
      const { judged, missing } = periodic(s, item.cadence, org, (p) => mine.some((a) => inPeriod(a.month, p)));
      if (!judged.length) continue;
      const what = subject(item.title);
      const reason = item.cadence === '年' ? `${s.year}年无${what}记录` : `${missing.map((p) => periodName(p, s.year)).join('、')}${what}无记录`;
      const first = missing[0];
      const branch = branchOf(org)!;
      const link: DeskLink = { path: '/activities', query: { new: '1', orgId: branch.id, type: proof.type, month: first ? first.from.slice(0, 7) : s.asOf.slice(0, 7) } };
      out.push(row(item, org, judged.length - missing.length, judged.length, reason, link));
    } else if (proof.kind === 'archive') {
      const mine = pr.archive.filter((a) => a.orgId === org.id && a.category === proof.category);
      const dueFrom = item.cadence === '年' && proof.dueFromMonth ? `${s.year}-${String(proof.dueFromMonth).padStart(2, '0')}-01` : undefined;
      const has = (p: Period) => (item.cadence === '年' ? mine.length > 0 : mine.some((a) => a.docDate !== null && inPeriod(a.docDate.slice(0, 7), p)));
      const { judged, missing } = periodic(s, item.cadence, org, has, dueFrom);
      if (!judged.length) continue;
      const reason = item.cadence === '年' ? `${s.year}年未归档${item.title}` : `${missing.map((p) => periodName(p, s.year)).join('、')}未归档${item.title}`;
      out.push(row(item, org, judged.length - missing.length, judged.length, reason, { path: '/archive', query: { new: '1', year: String(s.year), category: proof.category, orgId: org.id } }));
    } else if (proof.kind === 'signin') {
      const meetings = proof.types
        .flatMap((t) => actsOf(pr, org.id, t, false))
        .filter((a) => !a.credited && a.heldOn >= s.startDate && a.heldOn.startsWith(`${s.year}-`))
        .sort((a, b) => a.heldOn.localeCompare(b.heldOn));
      if (!meetings.length) continue;
      const lacking = meetings.filter((a) => !pr.signed.has(a.id));
      // a quarter whose meetings all lack the sheet is named
      const bare = [1, 2, 3, 4].filter((q) => {
        const inQ = meetings.filter((a) => Math.ceil(Number(a.heldOn.slice(5, 7)) / 3) === q);
        return inQ.length > 0 && inQ.every((a) => !pr.signed.has(a.id));
      });
      const noun = proof.types.length === 1 && proof.types[0] === '主题党日' ? '次主题党日' : '次会议';
      const whole = bare.length && bare.length < 4 ? `（${bare.map((q) => `第${QN[q - 1]}季度`).join('、')}均无签到表）` : '';
      const reason = `${lacking.length}${noun}缺签到表${whole}`;
      out.push(row(item, org, meetings.length - lacking.length, meetings.length, reason, lacking[0] ? { path: '/activities', query: { edit: lacking[0].id } } : null));
    } else if (proof.kind === 'roster') {
      if (org.establishedOn && org.establishedOn > s.asOf) continue;
      const n = pr.roster.get(org.id)?.length ?? 0;
      out.push(row(item, org, n > 0 ? 1 : 0, 1, '花名册中没有在册党员', { path: '/members', query: { branchId: org.id } }));
    } else if (proof.kind === 'assessment') {
      const people = pr.roster.get(org.id) ?? [];
      if (!people.length) continue;
      const none = people.filter((m) => !pr.assessed.has(m.id));
      const pending = people.filter((m) => pr.assessed.get(m.id) === 'pending');
      const parts = [none.length ? `${none.length}名党员未核定${s.year}年党费` : '', pending.length ? `${pending.length}名党员的核定未经审批` : ''].filter(Boolean);
      out.push(row(item, org, people.length - none.length - pending.length, people.length, parts.join('，'), { path: '/dues/assessment', query: { year: String(s.year), branchId: org.id } }));
    } else if (proof.kind === 'dossier') {
      const files = pr.files.filter((f) => f.branchId === org.id);
      const judged: { file: (typeof files)[number]; missing: string[]; step: number | null }[] = [];
      for (const f of files) {
        const steps = f.steps.filter((st) => st.date >= s.startDate);
        if (!steps.length) continue;
        const missing: string[] = [];
        let step: number | null = null;
        for (const st of steps) {
          const lack = stepDef(st.step).documents.filter((d) => !st.documents.includes(d));
          if (lack.length && step === null) step = st.step;
          for (const d of lack) if (!missing.includes(d)) missing.push(d);
        }
        judged.push({ file: f, missing, step });
      }
      if (!judged.length) continue;
      const short = judged.filter((j) => j.missing.length);
      const reason = short.map((j) => `${j.file.stage}${j.file.name}缺${j.missing.join('、')}`).join('；');
      const first = short[0];
      out.push(row(item, org, judged.length - short.length, judged.length, reason, first ? { path: '/development/file', query: { id: first.file.id, step: String(first.step) } } : null));
    }
  }
  return out;
}

/** The organizations an item binds, within the branch asked for (the 党委 only when all are asked for). */
function orgsFor(scope: ChecklistItem['scope'], pr: Proofs, branchId: string | null): Org[] {
  return pr.orgs.filter((o) => {
    if (o.kind !== scope) return false;
    if (!branchId) return true;
    return scope === '党小组' ? o.parentId === branchId : scope === '党支部' && o.id === branchId;
  });
}

export function evaluate(items: ChecklistItem[], pr: Proofs, s: Scope & { branchId: string | null }, groupMembers: Set<string>): InspectResult {
  const rows: InspectRow[] = [];
  // a year that ended before the 台账启用日期 is not judged at all
  const judged = `${s.year}-12-31` >= s.startDate;
  for (const item of items.filter((i) => i.enabled && judged)) {
    const orgs = orgsFor(item.scope, pr, s.branchId).filter((o) => o.kind !== '党小组' || groupMembers.has(o.id));
    rows.push(...evaluateItem(item, orgs, pr, s));
  }
  const mean = (rs: InspectRow[]) => round1(rs.reduce((t, r) => t + r.present / r.expected, 0) / rs.length);
  const completeness: Record<string, number> = {};
  for (const b of [...new Set(rows.map((r) => r.binder))].sort()) completeness[b] = mean(rows.filter((r) => r.binder === b));
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  const orgs = pr.orgs.filter((o) => orgIds.includes(o.id)).map((o) => ({ orgId: o.id, org: o.name, percent: mean(rows.filter((r) => r.orgId === o.id)) }));
  return { year: s.year, asOf: s.asOf, startDate: s.startDate, branchId: s.branchId, completeness, overall: rows.length ? mean(rows) : null, orgs, items: rows };
}

/**
 * The check of a year (and one branch, or all), computed once while the ledger stands still
 * (core/read-memo.ts: any write through this connection or a commit by another process recomputes it).
 */
export async function inspectCheck(ctx: Ctx, q: { year: number; branchId?: string }): Promise<InspectResult> {
  const today = ctx.platform.today();
  return memoRead(ctx.db, `inspect/check|${q.year}|${q.branchId ?? ''}|${today}`, async () => {
    const yearEnd = `${q.year}-12-31`;
    const asOf = yearEnd < today ? yearEnd : today;
    const [items, pr, startDate] = await Promise.all([checklistItems(ctx.db), loadProofs(ctx.db, q.year, asOf), ledgerStartDate(ctx.db, today)]);
    // a 党小组 without a member on the roster is not judged (as on the compliance calendar)
    const manned = await ctx.db.selectFrom('members').select('group_id').distinct().where('deleted_at', 'is', null).where('left_type', 'is', null).where('group_id', 'is not', null).execute();
    const groupMembers = new Set(manned.map((r) => r.group_id as string));
    return evaluate(items, pr, { year: q.year, asOf, startDate, branchId: q.branchId ?? null }, groupMembers);
  });
}
