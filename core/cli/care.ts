/** CLI commands of 走访慰问: the year's visits, the figures of a period, the 走访慰问登记表 (issue 14 item 5). */
import { yuan } from '../../common/money.ts';
import { command, requireFlag, type Command } from './registry.ts';
import { table } from './helpers.ts';

export const careCommands: Command[] = [
  command({
    path: ['care', 'list'],
    usage: 'care list --year YYYY [--json]',
    summary: '列出某年度的走访慰问记录',
    handler: 'care/list',
    input: (a) => ({ year: requireFlag(a, 'year') }),
    print: (rows) => ({
      json: rows,
      text: () =>
        table([['日期', '慰问对象', '类别', '慰问人', '金额（元）', '资金来源', '审批', 'ID'], ...rows.map((v) => [v.visitOn, v.personName, v.reason, v.visitors, yuan(v.amountFen), v.fundSource, v.approval ?? '', v.id])]) +
        `\n共 ${rows.length} 次`,
    }),
  }),
  command({
    path: ['care', 'stats'],
    usage: 'care stats --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
    summary: '一段时间内走访慰问的人数、人次和慰问金合计',
    handler: 'care/stats',
    input: (a) => ({ from: requireFlag(a, 'from'), to: requireFlag(a, 'to') }),
    print: (s) => ({ json: { people: s.people, visits: s.visits, amountFen: s.amountFen }, text: () => `${s.sentence}。` }),
  }),
  command({
    path: ['export', 'care'],
    usage: 'export care --year YYYY --out FILE.xlsx',
    summary: '导出某年度走访慰问登记表（.xlsx）',
    handler: 'care/export',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year') }),
    print: (r, { file }) => ({ json: { file, sentence: r.sentence }, text: () => `已导出：${file}\n${r.sentence}` }),
  }),
];
