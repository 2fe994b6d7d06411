/**
 * The view model of the 党员党费核定表 (templates/dues-assessment-sheet.ts): each member's latest standard of the
 * year, one sheet per branch (filled in and signed by that branch), and for the whole bureau a summary by branch.
 */
import type { Ctx } from '../context.ts';
import type { DuesAssessmentBranchSheet, DuesAssessmentRow, DuesAssessmentSheet, DuesAssessmentSummaryRow } from '../../templates/dues-assessment-sheet.ts';
import { ratePercent, yuan } from './calc.ts';
import { collectionRows, type CollectionRow } from './collect.ts';
import { loadYearFacts, type FactMember, type YearFacts } from './year-facts.ts';
import { monthLabel } from './months.ts';
import { unitNames } from './reports-common.ts';
import { LedgerError } from '../errors.ts';
import { chineseDate } from '../../common/labels.ts';

/** The date most standards of the sheet were fixed on (named once in the subtitle); others are noted on their row. */
function commonFixedOn(f: YearFacts, members: FactMember[]): string {
  const count = new Map<string, number>();
  for (const m of members) {
    const d = f.standards.get(m.id)?.at(-1)?.fixedOn;
    if (d) count.set(d, (count.get(d) ?? 0) + 1);
  }
  return [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

function assessmentRow(f: YearFacts, m: FactMember, row: CollectionRow, fixedOn: string): DuesAssessmentRow {
  const list = f.standards.get(m.id) ?? [];
  const a = list.at(-1);
  const notes: string[] = [];
  if (list.length > 1) notes.push(list.map((x) => `${monthLabel(x.fromMonth)}起${yuan(x.monthlyDueFen)}元`).join('，'));
  if (a?.hardshipRef) notes.push(`批准：${a.hardshipRef}`);
  if (a?.capApplied) notes.push('封顶');
  if (!a) notes.push('未核定');
  else if (!a.approvedOn) notes.push('未审批');
  if (a?.fixedOn && a.fixedOn !== fixedOn) notes.push(`${chineseDate(a.fixedOn)}核定`);
  if (m.owedFrom !== `${f.year}-01` || m.owedTo !== `${f.year}-12`) notes.push(`${monthLabel(m.owedFrom)}至${monthLabel(m.owedTo)}`);
  if (a?.note) notes.push(a.note);
  return {
    name: m.name,
    category: a?.category ?? m.category,
    baseFen: a?.baseFen ?? 0,
    rate: a ? ratePercent(a.rateBasisPoints) : '',
    monthlyFen: a?.monthlyDueFen ?? 0,
    yearlyFen: row.dueTotalFen,
    note: notes.join('；'),
  };
}

export async function assessmentSheetModel(ctx: Ctx, year: number, branchId?: string | null): Promise<DuesAssessmentSheet> {
  const { committee } = await unitNames(ctx);
  const f = await loadYearFacts(ctx.db, year, branchId);
  const collected = collectionRows(f);
  const rowOf = new Map(f.members.map((m, i) => [m.id, collected[i]]));
  const s = f.settings;
  const policy = `舍入：${s.rounding === 'jiao' ? '四舍五入到角' : '四舍五入到分'}${s.capEnabled ? `；每月一般不超过${yuan(s.capFen)}元` : ''}`;
  const byBranch = new Map<string, { name: string; members: FactMember[] }>();
  for (const m of f.members) {
    const b = byBranch.get(m.branch_id) ?? { name: m.branch_name, members: [] };
    b.members.push(m);
    byBranch.set(m.branch_id, b);
  }
  const branches = [...byBranch.values()].map((b): DuesAssessmentBranchSheet => {
    const fixedOn = commonFixedOn(f, b.members);
    return {
      name: b.name,
      branch: b.name,
      title: `${year}年度党员党费核定表`,
      subtitle: `党支部：${b.name}（盖章）　　单位：元${fixedOn ? `　　核定日期：${chineseDate(fixedOn)}` : ''}`,
      rows: b.members.map((m) => assessmentRow(f, m, rowOf.get(m.id)!, fixedOn)),
      notes: [
        `说明：本表由${b.name}填写，党员本人核对后签名，经${committee}审核批准后执行。计算基数按本单位工资项目计入、不计入设置计算（税后）；${policy}。`,
        '支部书记（签字）：                    党委审批（签字）：                    日期：',
      ],
    };
  });
  if (!branches.length) throw new LedgerError(`${year}年没有应缴党费的党员`);
  const summary = branchId
    ? null
    : {
        title: `${year}年度党员党费核定汇总表`,
        subtitle: `填报单位：${committee}　　单位：元`,
        rows: branches.map((b): DuesAssessmentSummaryRow => {
          const unassessed = b.rows.filter((r) => r.note.includes('未核定')).length;
          const unapproved = b.rows.filter((r) => r.note.includes('未审批')).length;
          return {
            branch: b.name,
            members: b.rows.length,
            monthlyFen: b.rows.reduce((a, r) => a + r.monthlyFen, 0),
            yearlyFen: b.rows.reduce((a, r) => a + r.yearlyFen, 0),
            note: [unassessed ? `未核定${unassessed}人` : '', unapproved ? `未审批${unapproved}人` : ''].filter(Boolean).join('；'),
          };
        }),
        notes: [`说明：各党支部党员党费核定表附后（每个党支部一张表），经${committee}审核批准后执行；${policy}。`, '审核人：                    党委书记（签字）：                    日期：'],
      };
  return { summary, branches };
}
