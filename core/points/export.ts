/**
 * The month's 党员积分登记表 and the 党员积分公示表 of one branch (templates/points-sheets.ts lays them out):
 * the year's lines to the month's end (the caps already applied in date order, so a month's figures add up
 * to the year's), each line of the month with its item, points and source, the unapproved entries shown
 * and not counted, the members not scored with their reason.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { getSetting } from '../settings/service.ts';
import { daysInMonth } from '../../common/dates.ts';
import { pointsWorkbook, type NoticeKey, type RegisterKey } from '../../templates/points-sheets.ts';
import type { SheetRow } from '../../templates/xlsx-sheet.ts';
import { yearPoints } from './queries.ts';
import type { MemberPoints, PointsLine } from './model.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** A month's lines in a few lines of text: each ledger item once with its count, days and points (a cap reached said so); each entry with its reason. */
function monthText(lines: readonly PointsLine[]): string {
  const out: string[] = [];
  const byItem = new Map<string, PointsLine[]>();
  for (const l of lines) {
    if (l.source.kind === 'entry') {
      out.push(l.counted ? `${l.item} ${signed(l.awarded)}${l.capped ? '（已达年度上限）' : ''}：${l.source.text}` : `${l.item} ${signed(l.points)}（未审核，不计分）：${l.source.text.split('；')[0]}`);
      continue;
    }
    byItem.set(l.item, [...(byItem.get(l.item) ?? []), l]);
  }
  for (const [item, ls] of byItem) {
    const sum = ls.reduce((s, l) => s + l.awarded, 0);
    const days = ls.map((l) => l.date.slice(5)).join('、');
    out.unshift(`${item}${ls.length > 1 ? ` ${ls.length}次` : ''} ${signed(sum)}${ls.some((l) => l.capped) ? '（已达年度上限）' : ''}：${ls.length === 1 && ls[0].source.kind !== 'meeting' ? ls[0].source.text : days}`);
  }
  return out.join('\n');
}

export async function exportPoints(ctx: Ctx, q: { year: number; month: number; branch?: string; branchId?: string }): Promise<{ fileName: string; bytes: Uint8Array }> {
  if (!q.branch && !q.branchId) throw new LedgerError('请选择党支部', 'branch');
  const y = await yearPoints(ctx, { year: q.year, branch: q.branch, branchId: q.branchId, lines: true });
  const mm = String(q.month).padStart(2, '0');
  const [from, to] = [`${q.year}-${mm}-01`, `${q.year}-${mm}-${String(daysInMonth(q.year, q.month)).padStart(2, '0')}`];
  const branch = y.members[0]?.branch ?? q.branch ?? '';
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const upTo = (m: MemberPoints) => (m.lines ?? []).filter((l) => l.date <= to);
  const sum = (ls: PointsLine[], f: (l: PointsLine) => boolean = () => true) => ls.filter(f).reduce((s, l) => s + l.awarded, 0);
  const totals = new Map(y.members.map((m) => [m.memberId, m.excluded ? null : m.base + sum(upTo(m))]));
  // the rank in the branch on the month's end (competition ranks, equal totals share)
  const scored = [...totals.values()].filter((t): t is number => t !== null).sort((a, b) => b - a);
  const rankOf = (t: number | null) => (t === null ? null : scored.indexOf(t) + 1);
  const register: SheetRow<RegisterKey>[] = y.members.map((m, i) => {
    const month = (m.lines ?? []).filter((l) => l.date >= from && l.date <= to);
    const pending = month.filter((l) => !l.counted).length;
    return {
      no: i + 1, name: m.name, status: m.partyStatus === '预备' ? '预备党员' : '正式党员',
      items: m.excluded ? '' : monthText(month),
      plus: m.excluded ? null : sum(month, (l) => l.awarded > 0), minus: m.excluded ? null : -sum(month, (l) => l.awarded < 0),
      month: m.excluded ? null : sum(month), total: totals.get(m.memberId) ?? null,
      note: m.excluded ? `不参加积分（${m.excluded}）` : pending ? `${pending} 项未经支委会审核` : '',
    };
  });
  const g = (m: MemberPoints, group: string) => sum(upTo(m), (l) => l.group === group);
  const notice: SheetRow<NoticeKey>[] = y.members.map((m, i) => {
    const t = totals.get(m.memberId) ?? null;
    return m.excluded
      ? { no: i + 1, name: m.name, note: `不参加积分（${m.excluded}）` }
      : { no: i + 1, name: m.name, base: m.base, study: g(m, '学习'), life: g(m, '组织生活'), dues: g(m, '党费'), role: g(m, '作用发挥'), discipline: g(m, '纪律'), total: t, rank: rankOf(t), note: m.partyStatus === '预备' ? '预备党员' : '' };
  });
  const scheme = `积分方案：${y.scheme.example ? '示例（本地做法），' : ''}${y.scheme.source}${y.scheme.verified ? '' : '（出处未核实）'}`;
  const bytes = await pointsWorkbook({
    register: {
      title: `${branch}党员积分登记表`,
      subtitle: `单位：${unit}　　${q.year}年${q.month}月　　基础分 ${y.scheme.base} 分`,
      rows: register,
      notes: ['每月月底由记分员填写，党员本人签字、党小组组长核对后报党支部。', scheme, '记分员：__________　　党小组组长：__________　　填表日期：______年___月___日'],
    },
    notice: {
      title: `${branch}党员积分公示表`,
      subtitle: `单位：${unit}　　截至${q.year}年${q.month}月${to.slice(8)}日`,
      rows: notice,
      notes: ['对积分有异议的，请于公示期内向党支部反映，党支部核实后答复。', scheme, `${branch}（盖章）　　　　公示日期：______年___月___日`],
    },
  });
  return { fileName: `${q.year}年${q.month}月${branch}党员积分登记表及公示表.xlsx`, bytes };
}
