/** CLI commands of organizational life: activities list, activities study-days, check, export record-book, export life-stats, stats activities. */
import { FINDING_LABEL } from '../activities/compliance.ts';
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { orgByName, table } from './helpers.ts';

const STUDY_WEEK_LABEL: Record<string, string> = { held: '已开展', missing: '缺失', due: '待开展', upcoming: '未到', 'before-start': '未启用', 'n/a': '不适用' };

export const activityCommands: Command[] = [
  command({
    path: ['activities', 'list'],
    usage: 'activities list [--branch 支部名称] [--type 活动类型] [--from 日期] [--to 日期]',
    summary: '列出组织生活记录（应到/实到、是否达到法定人数、补记）',
    handler: 'activities/list',
    input: async (a, io) => {
      const branch = flag(a, 'branch');
      return { orgId: branch ? (await orgByName(io, branch)).id : undefined, type: flag(a, 'type'), from: flag(a, 'from'), to: flag(a, 'to') };
    },
    print: (rows) => ({
      json: rows,
      text: () =>
        table([
          ['日期', '党组织', '类型', '主题/题目', '应到', '实到', '法定人数', '补记'],
          ...rows.map((r) => [
            r.heldOn,
            r.groupName ? `${r.orgName}${r.groupName}` : r.orgName,
            r.type,
            r.topic ?? '',
            String(r.due),
            String(r.present),
            r.quorum.met === null ? '—' : r.quorum.met ? '达到' : '未达到',
            r.late ? `补记（${r.enteredOn}）` : '',
          ]),
        ]) + `\n共 ${rows.length} 条`,
    }),
  }),
  command({
    path: ['activities', 'study-days'],
    usage: 'activities study-days --month YYYY-MM [--json]',
    summary: '每周政治学习日：当月各周的固定学习日，以及各党支部各周是否已开展（学习提醒用）',
    handler: 'activities/study-days',
    input: (a) => ({ month: requireFlag(a, 'month') }),
    print: (r) => ({
      json: r,
      text: () =>
        `${r.month} 固定学习日（${r.weekdayLabel}）：${r.dates.join('、')}${r.enabled ? '' : '（未开启每周政治学习日检查）'}\n` +
        table([['党支部', ...r.dates.map((d) => `${d.slice(5)}那周`), '已开展'], ...r.branches.map((b) => [b.name, ...b.weeks.map((w) => STUDY_WEEK_LABEL[w.status]), `${b.held}/${b.weeks.length}周`])]),
    }),
  }),
  command({
    path: ['check'],
    usage: 'check --year YYYY [--as-of 日期] [--json]',
    summary: '组织生活合规检查：缺失、待开展、未达法定人数、延后开展，自相矛盾的会议记录，以及违反任职规则的职务',
    handler: 'activities/check',
    input: (a) => ({ year: requireFlag(a, 'year'), asOf: flag(a, 'as-of') }),
    print: (findings, { args }) => ({
      json: findings,
      text: () =>
        findings.length
          ? table([['党组织', '活动', '期间', '情况', '严重程度', '说明'], ...findings.map((f) => [f.branch, `${f.rule.type}（${f.rule.label}）`, f.periodLabel, FINDING_LABEL[f.status], f.severity, f.message])]) +
            `\n共 ${findings.length} 项`
          : `${flag(args, 'year')} 年没有发现问题`,
    }),
  }),
  command({
    path: ['export', 'record-book'],
    usage: 'export record-book --branch 支部名称 (--year YYYY | --from 日期 --to 日期) --out FILE.docx',
    summary: '导出三会一课记录本（.docx，GB/T 9704 版式）',
    handler: 'activities/export-record-book',
    document: true,
    input: async (a, io) => {
      const branch = requireFlag(a, 'branch');
      const year = flag(a, 'year');
      const from = flag(a, 'from');
      const to = flag(a, 'to');
      if (!year && !(from && to)) throw new UsageError('需要 --year，或同时给出 --from 和 --to');
      return { orgId: (await orgByName(io, branch)).id, year, from, to };
    },
    print: async (r, { args, io, file }) => {
      const org = await orgByName(io, requireFlag(args, 'branch'));
      return { json: { file, bytes: Buffer.byteLength(r.contentBase64, 'base64') }, text: () => `已导出${org.name}记录本：${file}` };
    },
  }),
  command({
    path: ['export', 'life-stats'],
    usage: 'export life-stats --year YYYY [--as-of 日期] --out FILE.xlsx',
    summary: '导出组织生活开展情况统计表（.xlsx）',
    handler: 'activities/export-life-stats',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), asOf: flag(a, 'as-of') }),
    print: (r, { file }) => ({ json: { file, bytes: Buffer.byteLength(r.contentBase64, 'base64') }, text: () => `已导出统计表：${file}` }),
  }),
  command({
    path: ['stats', 'activities'],
    usage: 'stats activities --from 日期 --to 日期 [--branch 支部名称] [--json]',
    summary: '组织生活统计：各类活动次数和参加人次（工作总结用语）',
    handler: 'activities/stats',
    input: async (a, io) => {
      const from = requireFlag(a, 'from');
      const to = requireFlag(a, 'to');
      const branch = flag(a, 'branch');
      return { from, to, orgId: branch ? (await orgByName(io, branch)).id : undefined };
    },
    print: (s) => ({
      json: s,
      text: () =>
        table([['活动类型', '次数', '参加人次'], ...s.byType.map((f) => [f.type, String(f.count), String(f.personTimes)]), ['合计', String(s.total.count), String(s.total.personTimes)]]) +
        '\n\n' +
        (s.sentences.length ? `${s.sentences.join('；')}。` : '本期间没有组织生活记录。'),
    }),
  }),
];
