/** CLI commands of 学习教育: the 中心组's plan, the period figures and the three documents (issue 13 items 1–2). */
import { command, requireFlag, type Command } from './registry.ts';
import { num, table } from './helpers.ts';

const STATUS: Record<string, string> = { done: '已完成', due: '本月应学', overdue: '已逾期', planned: '未到期' };
const period = (a: Parameters<typeof requireFlag>[0]) => ({ from: requireFlag(a, 'from'), to: requireFlag(a, 'to') });

export const studyCommands: Command[] = [
  command({
    path: ['study', 'plan'],
    usage: 'study plan --year YYYY [--json]',
    summary: '一年的理论学习中心组学习安排及完成情况（已完成、本月应学、已逾期）和中心组成员',
    handler: 'study/plan',
    input: (a) => ({ year: num(requireFlag(a, 'year')) }),
    print: (p) => ({
      json: p,
      text: () =>
        (p.topics.length
          ? table([['序号', '月份', '形式', '专题', '领学人', '情况', '学习记录'], ...p.topics.map((t) => [String(t.seq), `${t.month}月`, t.form, t.title, t.lead ?? '', STATUS[t.status], t.records.map((r) => r.heldOn).join('、')])])
          : `${p.year}年还没有学习安排`) +
        `\n已完成 ${p.counts.done} 个，本月应学 ${p.counts.due} 个，已逾期 ${p.counts.overdue} 个，未到期 ${p.counts.planned} 个` +
        `\n中心组成员：${p.members.map((m) => m.name).join('、') || '（无）'}`,
    }),
  }),
  command({
    path: ['study', 'stats'],
    usage: 'study stats --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
    summary: '期间的中心组集中学习次数、累计参学人次、专题研讨次数和第一议题落实率（没有会议时为“—”）',
    handler: 'study/stats',
    input: period,
    print: (s) => ({
      json: { centralGroup: s.centralGroup, firstTopic: { meetings: s.firstTopic.meetings, withFirstTopic: s.firstTopic.withFirstTopic, rate: s.firstTopic.rate } },
      text: () => `${s.sentences.join('；')}（第一议题统计：${s.firstTopic.types.join('、')}，共 ${s.firstTopic.meetings} 次会议，记录 ${s.firstTopic.withFirstTopic} 次）`,
    }),
  }),
  command({
    path: ['export', 'study-plan'],
    usage: 'export study-plan --year YYYY --out FILE.docx',
    summary: '导出年度理论学习中心组学习安排（.docx，通知格式）',
    handler: 'study/export-plan',
    document: true,
    input: (a) => ({ year: num(requireFlag(a, 'year')) }),
    print: (_r, { file }) => ({ json: { file }, text: () => `已导出：${file}` }),
  }),
  command({
    path: ['export', 'study-reminder'],
    usage: 'export study-reminder --month YYYY-MM --out FILE.docx',
    summary: '导出某月的学习提醒（.docx，通知格式）',
    handler: 'study/export-reminder',
    document: true,
    input: (a) => ({ month: requireFlag(a, 'month') }),
    print: (_r, { file }) => ({ json: { file }, text: () => `已导出：${file}` }),
  }),
  command({
    path: ['export', 'central-group-book'],
    usage: 'export central-group-book --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.docx',
    summary: '导出期间的理论学习中心组学习记录（.docx）',
    handler: 'study/export-book',
    document: true,
    input: period,
    print: (_r, { file }) => ({ json: { file }, text: () => `已导出：${file}` }),
  }),
  command({
    path: ['export', 'first-topic'],
    usage: 'export first-topic --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx',
    summary: '导出期间的第一议题落实台账（.xlsx）',
    handler: 'study/export-first-topic',
    document: true,
    input: period,
    print: (r, { file }) => ({ json: { file, rate: r.rate }, text: () => `已导出：${file}\n第一议题落实率：${r.rate === null ? '—' : `${r.rate}%`}` }),
  }),
];
