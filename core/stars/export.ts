/** The 评星定级结果汇总表 (.xlsx) and the 公示 notice (.docx) of a year, as models for templates/stars-*.ts. */
import type { Ctx } from '../context.ts';
import { chineseDate } from '../../common/labels.ts';
import { addDays } from '../../common/dates.ts';
import { getSetting } from '../settings/service.ts';
import { starsWorkbook } from '../../templates/stars-sheet.ts';
import { starsNoticeDocument } from '../../templates/stars-notice.ts';
import { pointsText, starText } from './model.ts';
import { EXAMPLE_MARK } from './scheme.ts';
import { scoreYear, type YearScore } from './score.ts';

const committee = async (ctx: Ctx) => (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
const p = (n: number) => pointsText(Math.round(n * 10));

function schemeLine(s: YearScore): string {
  return `评星方案：${s.scheme.name}（版本 ${s.scheme.version}${s.scheme.example ? `，${EXAMPLE_MARK}` : ''}${s.scheme.verified ? '' : '，依据未核实'}）。`;
}

export async function exportStars(ctx: Ctx, year: number): Promise<{ fileName: string; bytes: Uint8Array }> {
  const s = await scoreYear(ctx, year);
  const unit = await committee(ctx);
  const groups = [...new Set(s.branches[0]?.lines.map((l) => l.group) ?? [])];
  const maxOf = (g: string) => s.branches[0].lines.filter((l) => l.group === g).reduce((a, l) => a + l.max, 0);
  const rows = s.branches.map((b, i) => {
    const row: Record<string, string | number> = {
      no: i + 1, branch: b.branch, deduction: b.deductions.length ? p(b.deductions.reduce((a, d) => a + d.points, 0)) : '', score: p(b.score), stars: b.starsText,
      previous: b.previous ? starText(b.previous.stars) : '—', change: b.change, note: [...b.vetoes.map((v) => `一票否决：${v.name}`), ...b.reasons].join('；'),
    };
    groups.forEach((g, gi) => (row[`g${gi}`] = p(b.lines.filter((l) => l.group === g).reduce((a, l) => a + l.points, 0))));
    return row;
  });
  const detail = s.branches.flatMap((b) => [
    ...b.lines.map((l) => ({ branch: b.branch, group: l.group, item: l.name, max: String(l.max), points: p(l.points), source: l.sourceLabel, fact: l.evidence ? `${l.fact}；依据：${l.evidence}${l.attachments ? `（附件 ${l.attachments} 份）` : ''}` : l.fact })),
    ...b.deductions.map((d) => ({ branch: b.branch, group: '扣分', item: d.name, max: '', points: `-${p(d.points)}`, source: SOURCE_HAND, fact: `${d.times} 次；依据：${d.evidence}` })),
    ...b.vetoes.map((v) => ({ branch: b.branch, group: '一票否决', item: v.name, max: '', points: '', source: SOURCE_HAND, fact: `最高${starText(v.maxStars)}；依据：${v.evidence}` })),
  ]);
  const counts = Object.entries(s.counts).map(([k, n]) => `${k} ${n} 个`).join('，');
  const bytes = await starsWorkbook({
    title: `${year}年度党支部评星定级结果汇总表`,
    subtitle: `单位：${unit}　　共 ${s.branches.length} 个党支部：${counts}`,
    groups: groups.map((g) => `${g}（${maxOf(g)}）`),
    rows,
    detail,
    notes: [schemeLine(s), `星级分数线：${s.bands.map((b) => `${starText(b.stars)} ${b.text}`).join('；')}。${s.quotas.map((q) => `${starText(q.stars)}不超过${q.maxPercent}%，${q.tie}。`).join('')}`, '填表人：__________　　审核人：__________'],
  });
  return { fileName: `${year}年度党支部评星定级结果汇总表.xlsx`, bytes };
}

const SOURCE_HAND = '手工（附证明材料）';

export async function exportStarsNotice(ctx: Ctx, year: number): Promise<{ fileName: string; bytes: Uint8Array }> {
  const s = await scoreYear(ctx, year);
  const signer = await committee(ctx);
  const starts = s.branches.map((b) => b.review?.publicityFrom).filter((x): x is string => !!x).sort();
  const from = starts[0] ?? ctx.platform.today();
  const to = addDays(from, s.publicityDays - 1);
  const counts = [5, 4, 3, 2, 1, 0].map((n) => [starText(n), s.branches.filter((b) => b.stars === n).length] as const).filter(([, n]) => n > 0).map(([k, n]) => `${k}党支部${n}个`);
  const rows = [...s.branches].sort((a, b) => b.stars - a.stars || b.score - a.score).map((b, i) => [String(i + 1), b.branch, p(b.score), b.starsText, b.change || '—']);
  const bytes = await starsNoticeDocument({
    title: `关于${year}年度党支部评星定级结果的公示`,
    intro: [
      `根据${s.scheme.name.replace(/（示例）$/, '')}，经党支部自评、党委考评、审核，${signer}对${s.branches.length}个党支部${year}年度星级进行了评定，拟评定${counts.join('、')}。现将评定结果公示如下：`,
    ],
    headers: ['序号', '党支部', '得分', '星级', '较上年'],
    rows,
    outro: [
      `公示期为${chineseDate(from)}至${chineseDate(to)}（${s.publicityDays}天）。公示期间，如对评定结果有异议，可向${signer}反映。公示期满无异议的，予以命名。`,
    ],
    signer,
    date: from,
    keep: s.branches.map((b) => b.branch),
  });
  return { fileName: `${year}年度党支部评星定级结果公示.docx`, bytes };
}
