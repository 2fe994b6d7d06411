/** CLI commands of 党建工作提醒 (issue 15 item 4): the month's notice (issued with its 文号), its content, the issued list, the 主题党日 plan. */
import { command, flag, requireFlag, type Command } from './registry.ts';
import { num, table } from './helpers.ts';

export const noticesCommands: Command[] = [
  command({
    path: ['export', 'monthly-notice'],
    usage: 'export monthly-notice --month YYYY-MM [--on YYYY-MM-DD] --out FILE.docx',
    summary: '印发某月的党建工作提醒（.docx，通知格式）：占用本年下一个文号并登记',
    handler: 'notices/issue',
    document: true,
    input: (a) => ({ month: requireFlag(a, 'month'), issuedOnDay: flag(a, 'on') }),
    print: (r, { file }) => ({ json: { file, docNo: r.notice.docNo, issuedOn: r.notice.issuedOn, sha256: r.notice.sha256 }, text: () => `已印发：${r.notice.docNo}，${file}` }),
  }),
  command({
    path: ['notices', 'preview'],
    usage: 'notices preview --month YYYY-MM [--json]',
    summary: '某月党建工作提醒的内容（各党支部本月应办事项、党委事项），不占用文号',
    handler: 'notices/preview',
    input: (a) => ({ month: requireFlag(a, 'month') }),
    print: (p) => ({
      json: p,
      text: () =>
        [`${p.heading}（下一个文号：${p.nextDocNo}）`, ...(p.theme ? [`主题党日：${p.theme.theme}`] : []), ...[...p.branches, p.party].flatMap((o) => [o.name, ...(o.lines.length ? o.lines.map((l) => `  ${l.topic}：${l.text}`) : ['  本月暂无到期事项'])])].join('\n'),
    }),
  }),
  command({
    path: ['notices', 'issued'],
    usage: 'notices issued [--year YYYY] [--json]',
    summary: '已印发的党建工作提醒（月份、文号、日期、文件校验值）',
    handler: 'notices/issued',
    input: (a) => ({ year: num(flag(a, 'year')) }),
    print: (rows) => ({ json: rows, text: () => table([['月份', '文号', '印发日期', '文件'], ...rows.map((r) => [r.month, r.docNo, r.issuedOn, r.fileName])]) + `\n共 ${rows.length} 期` }),
  }),
  command({
    path: ['export', 'theme-day-plan'],
    usage: 'export theme-day-plan --year YYYY --out FILE.docx',
    summary: '导出一年的主题党日工作安排（.docx）',
    handler: 'notices/export-plan',
    document: true,
    input: (a) => ({ year: num(requireFlag(a, 'year')) }),
    print: (_r, { file }) => ({ json: { file }, text: () => `已导出：${file}` }),
  }),
  command({
    path: ['notices', 'plan'],
    usage: 'notices plan --year YYYY [--json]',
    summary: '一年的主题党日工作安排（每月主题和内容建议）',
    handler: 'notices/plan',
    input: (a) => ({ year: num(requireFlag(a, 'year')) }),
    print: (rows) => ({ json: rows, text: () => table([['月份', '主题', '内容建议'], ...rows.map((r) => [`${r.month}月`, r.theme ?? '（未安排）', r.content ?? ''])]) }),
  }),
];
