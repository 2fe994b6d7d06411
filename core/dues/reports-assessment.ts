/** The view model of the 党员党费核定表 (templates/dues-assessment-sheet.ts): each member's latest standard of the year. */
import type { Ctx } from '../context.ts';
import type { DuesAssessmentRow, DuesAssessmentSheet } from '../../templates/dues-assessment-sheet.ts';
import { ratePercent, yuan } from './calc.ts';
import { collectionRows, type CollectionRow } from './collect.ts';
import { loadYearFacts, type FactMember, type YearFacts } from './year-facts.ts';
import { monthLabel } from './months.ts';
import { unitNames } from './reports-common.ts';

function assessmentRow(f: YearFacts, m: FactMember, row: CollectionRow, itemNames: string[]): DuesAssessmentRow {
  const list = f.standards.get(m.id) ?? [];
  const a = list.at(-1);
  const notes: string[] = [];
  if (list.length > 1) notes.push(list.map((x) => `${monthLabel(x.fromMonth)}起 ${yuan(x.monthlyDueFen)}`).join('，'));
  if (a?.hardshipRef) notes.push(`批准：${a.hardshipRef}`);
  if (a?.capApplied) notes.push('封顶');
  if (!a) notes.push('未核定');
  if (m.owedFrom !== `${f.year}-01` || m.owedTo !== `${f.year}-12`) notes.push(`${monthLabel(m.owedFrom)}至${monthLabel(m.owedTo)}`);
  if (a?.note) notes.push(a.note);
  return {
    name: m.name,
    branch: m.branch_name,
    category: a?.category ?? m.category,
    itemsFen: itemNames.map((n) => a?.items[n] || null),
    baseFen: a?.baseFen ?? 0,
    rate: a ? ratePercent(a.rateBasisPoints) : '',
    monthlyFen: a?.monthlyDueFen ?? 0,
    yearlyFen: row.dueTotalFen,
    fixedOn: a?.fixedOn ?? '',
    approved: a?.approvedOn ? `${a.approvedBy ?? ''} ${a.approvedOn}` : '',
    note: notes.join('；'),
  };
}

export async function assessmentSheetModel(ctx: Ctx, year: number, branchId?: string | null): Promise<DuesAssessmentSheet> {
  const { unit, committee } = await unitNames(ctx);
  const f = await loadYearFacts(ctx.db, year, branchId);
  const rows = collectionRows(f);
  const used = new Set<string>();
  for (const m of f.members) for (const a of f.standards.get(m.id) ?? []) for (const [k, v] of Object.entries(a.items)) if (v) used.add(k);
  // only the items that count toward the base (income counted, deductions subtracted), as on the 核算表
  const itemNames = f.settings.payItems.filter((i) => i.include && used.has(i.name)).map((i) => i.name);
  const branchName = branchId ? (f.members[0]?.branch_name ?? '') : '';
  return {
    title: `${year}年度党员党费核定表`,
    subtitle: `填报单位：${branchName || unit}（盖章）　　单位：元　　舍入：${f.settings.rounding === 'jiao' ? '四舍五入到角' : '四舍五入到分'}　　${f.settings.capEnabled ? `每月一般不超过 ${yuan(f.settings.capFen)} 元` : ''}`,
    itemNames,
    rows: f.members.map((m, i) => assessmentRow(f, m, rows[i], itemNames)),
    notes: [`说明：本表由党支部填写，经${committee}审核批准后执行；计算基数按本单位工资项目计入/不计入设置计算（税后）。`, '填报人：                    审核人：                    联系电话：                    日期：'],
  };
}
