/** The 测试成绩统计表 and the 抽测名单 as workbook models (templates/test-results-sheet.ts lays them out). */
import type { Ctx } from '../context.ts';
import { chineseDate } from '../../common/labels.ts';
import { getSetting } from '../settings/service.ts';
import { drawListWorkbook, testResultsWorkbook, type FigureKey } from '../../templates/test-results-sheet.ts';
import type { SheetRow } from '../../templates/xlsx-sheet.ts';
import { averageText, scoreText } from './model.ts';
import { testResults, testStats, type GroupFigures, type Figures } from './queries.ts';
import { getDraw } from './draw.ts';

const unitName = async (ctx: Ctx) => (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
const pts = (v: number | null) => (v === null ? '—' : scoreText(Math.round(v * 10)));

function figureRow(group: string, f: Figures & { name?: string }): SheetRow<FigureKey> {
  return {
    group, name: f.name ?? '', participants: f.participants, members: f.members, nonMembers: f.nonMembers, passed: f.passed,
    passRate: f.passRate ?? '—', average: averageText(f.average), max: pts(f.max), min: pts(f.min),
  };
}

export async function exportTestResults(ctx: Ctx, id: string): Promise<{ fileName: string; bytes: Uint8Array; sentence: string }> {
  const [{ test, results }, stats] = await Promise.all([testResults(ctx, id), testStats(ctx, id)]);
  const unit = await unitName(ctx);
  const note = (r: (typeof results)[number]) =>
    r.firstAttempt
      ? `补考，首次成绩 ${r.firstAttempt.score}（${chineseDate(r.firstAttempt.testDate)}${r.firstAttempt.testName}）`
      : r.retake
        ? `已补考，补考成绩 ${r.retake.score}（${chineseDate(r.retake.testDate)}，${r.retake.passed ? '合格' : '不合格'}）`
        : '';
  const by = (group: string, list: GroupFigures[]) => list.map((g, i) => figureRow(i === 0 ? group : '', g));
  const bytes = await testResultsWorkbook({
    title: `${test.name}测试成绩统计表`,
    subtitle: `单位：${unit}　　测试日期：${chineseDate(test.testDate)}　　类型：${test.kind}　　满分 ${test.fullMark} 分，${test.passMark} 分合格`,
    results: results.map((r, i) => ({
      no: i + 1, name: r.name, identity: r.isMember ? '党员' : '非党员', branch: r.branch ?? '', department: r.department ?? '',
      score: scoreText(Math.round(r.score * 10)), passed: r.passed ? '合格' : '不合格', note: note(r),
    })),
    figures: [...by('按党支部', stats.byBranch), ...by('按部门', stats.byDepartment)],
    total: figureRow('合计', { ...stats, name: '' }),
    notes: [`${stats.sentence}。`, '平均分四舍五入保留一位小数；合格率为合格人数占参加人数的百分比。'],
  });
  return { fileName: `${test.testDate} ${test.name}成绩统计表.xlsx`, bytes, sentence: stats.sentence };
}

export async function exportDrawList(ctx: Ctx, id: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const d = await getDraw(ctx, id);
  const unit = await unitName(ctx);
  const bytes = await drawListWorkbook({
    title: '政治理论测试抽测名单',
    subtitle: `单位：${unit}　　抽取日期：${chineseDate(d.drawnOn)}　　${d.scope.length ? `抽取范围：${d.scope.join('、')}　　` : ''}从 ${d.poolSize} 人中抽取 ${d.count} 人`,
    rows: d.picked.map((p, i) => ({ no: i + 1, name: p.name, branch: p.branch ?? '（非党员）', department: p.department ?? '', signature: '' })),
    notes: [`随机种子：${d.seed}（以同一种子和同一范围重新抽取，得到同一名单）。`, '抽取人：__________　　监督人：__________'],
  });
  return { fileName: `${d.drawnOn} 抽测名单.xlsx`, bytes };
}
