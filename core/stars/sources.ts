/**
 * The facts of the ledger an indicator can be scored from, per branch and year, read through the other
 * areas' own loaders inside the caller's transaction (the demo scores inside its own): the compliance
 * calendar (三会一课), the dues year (on-time months), the 发展党员 rule engine, the term (换届), the
 * 民主评议 recorded (core/evaluation heldBranches), 学时, the inspection checklist (档案), the 整改台账 (items whose
 * 责任单位 is the branch, core/rectification unitTallies). Each fact is a ratio 0…1 with the fact in words;
 * `null` ratio: nothing to judge by the ledger (the indicator is then scored by hand).
 */
import type { Tx } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { addDays } from '../../common/dates.ts';
import { buildCalendar, type CalendarCell } from '../activities/compliance.ts';
import { loadActivities, loadOrgs } from '../activities/compliance-load.ts';
import { ruleVersions } from '../activities/rules.ts';
import { ledgerStartDate } from '../settings/start-date.ts';
import { loadYearFacts } from '../dues/year-facts.ts';
import { standardFor } from '../dues/assess.ts';
import { loadAll, viewOf } from '../development/roster.ts';
import { currentRules } from '../development/rules-guard.ts';
import { termDueDates } from '../org/service.ts';
import { yearHours } from '../hours/queries.ts';
import { checklistItems } from '../inspect/items.ts';
import { loadProofs } from '../inspect/proofs.ts';
import { evaluate as inspectEvaluate } from '../inspect/check.ts';
import { heldBranches } from '../evaluation/queries.ts';
import { branchTally, unitTallies, type UnitTally } from '../rectification/queries.ts';
import type { SourceKind } from './model.ts';

export interface Fact {
  ratio: number | null;
  text: string;
  /** the counts behind the ratio, where it is one (the 书记述职 table prints them) */
  count?: { n: number; of: number };
}
export type BranchFacts = Partial<Record<Exclude<SourceKind, 'hand'>, Fact>>;

const MEETINGS = ['支部委员会', '支部党员大会', '党小组会', '党课'];
const pct = (n: number, d: number) => `${Math.round((1000 * n) / d) / 10}%`;

export async function ledgerFacts(ctx: Ctx, tx: Tx, year: number, branchIds: string[], needed: Set<SourceKind>): Promise<Map<string, BranchFacts>> {
  const today = ctx.platform.today();
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const startDate = await ledgerStartDate(tx, today);
  const out = new Map<string, BranchFacts>(branchIds.map((id) => [id, {}]));
  const set = (id: string, k: keyof BranchFacts, f: Fact) => {
    const b = out.get(id);
    if (b) b[k] = f;
  };

  if (needed.has('meetings')) {
    const [orgs, acts, versions] = await Promise.all([loadOrgs(tx), loadActivities(tx, year), ruleVersions(tx)]);
    const cal = buildCalendar(year, asOf, orgs, acts, versions, startDate);
    for (const id of branchIds) set(id, 'meetings', meetingsFact(cal.cells.filter((c) => c.orgId === id)));
  }

  if (needed.has('evaluation')) {
    // 民主评议 held: the evaluation area's record of the year (core/evaluation/queries.ts), never its tables
    const held = await heldBranches(tx, year);
    for (const id of branchIds) set(id, 'evaluation', { ratio: held.has(id) ? 1 : 0, text: held.has(id) ? `${year}年已开展民主评议党员并登记评议结果` : `${year}年尚未登记民主评议党员` });
  }

  if (needed.has('dues')) {
    const f = await loadYearFacts(tx, year);
    // a month counts once it is over: paid within it (按月、按季、预交) is on time, 补交 or unpaid is not
    const lastMonth = asOf.slice(0, 7) === `${year}-12` && asOf === `${year}-12-31` ? `${year}-12` : addDays(`${asOf.slice(0, 7)}-01`, -1).slice(0, 7);
    const tally = new Map<string, { owed: number; onTime: number }>();
    for (const m of f.members) {
      const t = tally.get(m.branch_id) ?? { owed: 0, onTime: 0 };
      for (let i = 1; i <= 12; i++) {
        const month = `${year}-${String(i).padStart(2, '0')}`;
        if (month < m.owedFrom || month > m.owedTo || month > lastMonth) continue;
        if (standardFor(f.standards.get(m.id), month)?.monthlyDueFen === 0) continue;
        t.owed++;
        const p = f.payments.get(m.id)?.get(month);
        if (p && p.payKind !== '补交') t.onTime++;
      }
      tally.set(m.branch_id, t);
    }
    for (const id of branchIds) {
      const t = tally.get(id) ?? { owed: 0, onTime: 0 };
      set(id, 'dues', t.owed ? { ratio: t.onTime / t.owed, text: `应缴党费 ${t.owed} 人次·月，按月缴纳 ${t.onTime} 人次·月（按月缴纳率 ${pct(t.onTime, t.owed)}）` } : { ratio: 1, text: '截至评分日没有应缴党费的月份，按满分计' });
    }
  }

  if (needed.has('development')) {
    const rules = await currentRules(tx);
    const bad = new Map<string, string[]>();
    for (const { file, steps } of await loadAll(tx, { scope: 'all' })) {
      if (!steps.length || steps[0].date > `${year}-12-31` || (file.leftDate && file.leftDate < `${year}-01-01`)) continue;
      const errs = viewOf(file, steps, rules, asOf, undefined, startDate).findings.filter((x) => x.severity === 'error');
      if (errs.length) bad.set(file.branchId, [...(bad.get(file.branchId) ?? []), `${file.name}：${errs[0].message}`]);
    }
    for (const id of branchIds) {
      const list = bad.get(id) ?? [];
      set(id, 'development', list.length ? { ratio: 0, text: `发展党员规则检查发现 ${list.length} 人次不规范：${list.join('；')}` } : { ratio: 1, text: '发展党员规则检查未发现不规范问题' });
    }
  }

  if (needed.has('term')) {
    const terms = await termDueDates(tx);
    for (const id of branchIds) {
      const t = terms.get(id);
      if (!t?.termStartOn || !t.termDueOn) set(id, 'term', { ratio: 0, text: '未登记本届开始日期，无法判断是否按期换届' });
      else if (t.termDueOn < asOf) set(id, 'term', { ratio: 0, text: `本届自${t.termStartOn}起，任期 ${t.termYears} 年，应于${t.termDueOn}换届，截至${asOf}未换届` });
      else set(id, 'term', { ratio: 1, text: `本届自${t.termStartOn}起，任期 ${t.termYears} 年，${t.termDueOn}届满，按期` });
    }
  }

  if (needed.has('hours')) {
    const members = (await yearHours(ctx, { year }, tx)).members;
    for (const id of branchIds) {
      const list = members.filter((m) => m.branchId === id);
      const ok = list.filter((m) => !m.short).length;
      set(id, 'hours', list.length ? { ratio: ok / list.length, text: `党员 ${list.length} 人，学时达标 ${ok} 人（${pct(ok, list.length)}）`, count: { n: ok, of: list.length } } : { ratio: 1, text: '没有需计学时的党员，按满分计', count: { n: 0, of: 0 } });
    }
  }

  if (needed.has('archive')) {
    const [items, pr] = await Promise.all([checklistItems(tx), loadProofs(tx, year, asOf)]);
    const manned = await tx.selectFrom('members').select('group_id').distinct().where('deleted_at', 'is', null).where('left_type', 'is', null).where('group_id', 'is not', null).execute();
    const r = inspectEvaluate(items, pr, { year, asOf, startDate, branchId: null }, new Set(manned.map((m) => m.group_id as string)));
    for (const id of branchIds) {
      const o = r.orgs.find((x) => x.orgId === id);
      const gaps = r.items.filter((x) => x.orgId === id && x.status !== '齐全').length;
      set(id, 'archive', o ? { ratio: o.percent / 100, text: `迎检清单档案材料完整率 ${o.percent}%${gaps ? `，缺项 ${gaps} 项` : ''}` } : { ratio: 1, text: '迎检清单没有适用于本支部的项目，按满分计' });
    }
  }

  if (needed.has('rectification')) {
    // the 整改台账's items whose 责任单位 is the branch (core/rectification unitTallies): closed on time of those due or closed
    const [tallies, names] = await Promise.all([unitTallies(tx, year, asOf), tx.selectFrom('org_units').select(['id', 'name']).where('id', 'in', branchIds.length ? branchIds : ['']).execute()]);
    for (const { id, name } of names) set(id, 'rectification', rectificationFact(branchTally(tallies, name), asOf));
  }
  return out;
}

/** 整改: closed on time ÷ the items due (past the 时限) or closed by the day; none due: full marks, as the other facts. */
export function rectificationFact(t: UnitTally, asOf: string): Fact {
  if (!t.items) return { ratio: 1, text: '整改台账中没有责任单位为本支部的整改事项，按满分计' };
  const parts = [`责任单位为本支部的整改事项 ${t.items} 条`, `已销号 ${t.closed} 条（按时 ${t.closedOnTime} 条${t.closedLate ? `，逾期销号 ${t.closedLate} 条` : ''}）`];
  if (t.overdue) parts.push(`超期未销号 ${t.overdue} 条`);
  const notDue = t.items - t.judged - t.longTerm;
  if (notDue) parts.push(`未到时限 ${notDue} 条`);
  if (t.longTerm) parts.push(`长期坚持 ${t.longTerm} 条`);
  if (!t.judged) return { ratio: 1, text: `${parts.join('，')}；截至${asOf}没有到期的事项，按满分计` };
  return { ratio: t.closedOnTime / t.judged, text: `${parts.join('，')}；到期或已销号 ${t.judged} 条中按时销号 ${t.closedOnTime} 条（${pct(t.closedOnTime, t.judged)}）` };
}

/** 三会一课 of one organization's calendar cells: held on time ÷ the periods over (held, late, short of quorum or missing). */
export function meetingsFact(cells: readonly CalendarCell[]): Fact {
  const judged = cells.filter((c) => MEETINGS.includes(c.type) && ['held', 'held-late', 'quorum-not-met', 'missing'].includes(c.status));
  const held = judged.filter((c) => c.status === 'held').length;
  const late = judged.filter((c) => c.status === 'held-late').length;
  const missing = judged.filter((c) => c.status === 'missing').length;
  const quorum = judged.filter((c) => c.status === 'quorum-not-met').length;
  const count = { n: held, of: judged.length };
  return judged.length
    ? { ratio: held / judged.length, count, text: `到期应开展的三会一课 ${judged.length} 项，按期开展 ${held} 项（${pct(held, judged.length)}）${missing ? `，缺失 ${missing} 项` : ''}${late ? `，延后补开 ${late} 项` : ''}${quorum ? `，未达法定人数 ${quorum} 项` : ''}` }
    : { ratio: 1, count, text: '截至评分日尚无到期应开展的三会一课，按满分计' };
}
