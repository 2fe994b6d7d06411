/**
 * The material of parts 三 (存在的主要问题) and 四 (下步工作措施建议) for a period, in words, from what the
 * other areas already find: the compliance check's findings (activities/check), the inspection checklist's
 * gaps (inspect/check), dues arrears (dues/arrears), overdue and open 整改 items and the 工作要点 items still
 * open (rectification/list). Each line names its source; nothing here counts a record itself.
 */
import type { Ctx } from '../context.ts';
import { complianceCheck, type Finding } from '../activities/compliance.ts';
import { deadlineMonth } from '../stats/compliance.ts';
import { inspectCheck } from '../inspect/check.ts';
import { arrearsList } from '../dues/arrears.ts';
import { listItems } from '../rectification/queries.ts';

export interface ProblemLine {
  /** the clause after 一是/二是…: "组织生活开展不经常" */
  head: string;
  text: string;
  source: string;
}

const SHORT: Record<string, string> = { 支部委员会: '支委会', 支部党员大会: '支部党员大会', 党小组会: '党小组会', 党课: '党课', 主题党日: '主题党日', 组织生活会: '组织生活会', 政治学习日: '政治学习日' };
const CN = '零一二三四';
const when = (p: string) => (/-Q\d$/.test(p) ? `第${CN[Number(p.slice(-1))]}季度` : /^\d{4}-\d{2}$/.test(p) ? `${Number(p.slice(5))}月` : /^\d{4}$/.test(p) ? '全年' : p);
const VERB: Partial<Record<Finding['status'], string>> = { missing: '未开', 'quorum-not-met': '未达法定人数', 'held-late': '延后召开' };

export async function problemLines(ctx: Ctx, q: { from: string; to: string; branchId?: string }): Promise<ProblemLine[]> {
  const year = Number(q.to.slice(0, 4));
  const [fromM, toM] = [q.from.slice(0, 7), q.to.slice(0, 7)];
  const lines: ProblemLine[] = [];
  const findings = (await complianceCheck(ctx, year, q.to)).filter((f) => (!q.branchId || f.orgId === q.branchId) && VERB[f.status] && deadlineMonth(f.period) >= fromM && deadlineMonth(f.period) <= toM);
  const byType = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const t = byType.get(f.rule.type) ?? new Map<string, Finding[]>();
    t.set(f.branch, [...(t.get(f.branch) ?? []), f]);
    byType.set(f.rule.type, t);
  }
  const parts = [...byType].map(([type, branches]) => {
    const who = [...branches].map(([b, fs]) => `${b}${[...new Set(fs.map((f) => VERB[f.status]!))].map((v) => `${fs.filter((f) => VERB[f.status] === v).map((f) => when(f.period)).join('、')}${v}`).join('，')}`);
    return `${branches.size}个支部${SHORT[type] ?? type}不经常：${who.join('；')}`;
  });
  if (parts.length) lines.push({ head: '支部集中会议不经常', text: `${parts.join('。')}。`, source: 'activities/check' });
  const hours = (await complianceCheck(ctx, year, q.to)).filter((f) => f.status === 'study-hours' && (!q.branchId || f.orgId === q.branchId));
  if (hours.length) lines.push({ head: '党员学习教育有短板', text: `${hours.map((f) => f.message).slice(0, 5).join('；')}${hours.length > 5 ? `等${hours.length}项` : ''}。`, source: 'activities/check' });

  const gaps = (await inspectCheck(ctx, { year, branchId: q.branchId })).items.filter((i) => i.status !== '齐全');
  if (gaps.length) {
    const binders = new Map<string, number>();
    for (const g of gaps) binders.set(g.binder, (binders.get(g.binder) ?? 0) + 1);
    const missing = gaps.filter((g) => g.status === '缺失').length;
    lines.push({
      head: '党建资料记录不规范、不完整',
      text: `对照党建工作检查清单，尚有${gaps.length}项材料不齐全（缺失${missing}项、不完整${gaps.length - missing}项），主要在${[...binders].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([b, n]) => `${b.replace(/^[A-Z] /, '')}${n}项`).join('、')}。`,
      source: 'inspect/check',
    });
  }

  const arrears = await arrearsList(ctx.db, toM, { branchId: q.branchId ?? null });
  if (arrears.length) {
    const long = arrears.filter((a) => a.consecutiveUnpaidMonths >= 6).length;
    lines.push({ head: '党费收缴不够及时', text: `截至${Number(toM.slice(5))}月，${arrears.length}名党员未按月缴纳党费${long ? `，其中连续6个月以上未缴纳${long}名` : ''}。`, source: 'dues/arrears' });
  }

  if (!q.branchId) {
    const overdue = (await listItems(ctx, { kind: '整改' })).filter((i) => i.raisedOn <= q.to && i.status !== '已销号' && i.dueOn && i.dueOn < q.to);
    if (overdue.length)
      lines.push({ head: '整改落实不够及时', text: `${overdue.length}条整改措施超过整改时限仍未销号：${overdue.slice(0, 3).map((i) => `${i.title.replace(/[。；]$/, '')}（${i.ownerUnit}）`).join('；')}${overdue.length > 3 ? '等' : ''}，没有第一时间整改到位。`, source: 'rectification/list' });
  }
  return lines;
}

export interface NextLine {
  head: string;
  text: string;
  source: string;
}

/** Part 四: the open 整改 items, the 工作要点 items not yet done. */
export async function nextLines(ctx: Ctx, q: { from: string; to: string; branchId?: string }): Promise<NextLine[]> {
  if (q.branchId) return [];
  const out: NextLine[] = [];
  const items = await listItems(ctx, {});
  const open = items.filter((i) => i.kind === '整改' && i.raisedOn <= q.to && i.status !== '已销号');
  if (open.length)
    out.push({
      head: '抓实整改落实，确保问题清仓见底',
      text: `对尚未销号的${open.length}条整改措施逐项盯办，按时限完成并报送佐证材料验收销号：${open.slice(0, 4).map((i) => `${i.title.replace(/[。；]$/, '')}（${i.ownerUnit}${i.dueOn ? `，${Number(i.dueOn.slice(5, 7))}月${Number(i.dueOn.slice(8))}日前` : '，长期坚持'}）`).join('；')}${open.length > 4 ? '等' : ''}。`,
      source: 'rectification/list',
    });
  const plan = items.filter((i) => i.kind === '工作要点' && i.status !== '已销号' && (!i.dueOn || i.dueOn > q.to));
  if (plan.length)
    out.push({
      head: '落实年度党建工作要点，推进下步工作',
      text: `按照${plan[0]!.plan ? `《${plan[0]!.plan}》` : '年度党建工作要点'}，抓好${plan.slice(0, 4).map((i) => i.title.replace(/[。；]$/, '')).join('、')}${plan.length > 4 ? `等${plan.length}项` : ''}工作，逐项推进落实。`,
      source: 'rectification/list',
    });
  return out;
}
