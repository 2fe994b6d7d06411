/** CLI commands of 组织关系转接: the list, the letter, the registers, counts and alerts. */
import { command, flag, requireFlag, type Command } from './registry.ts';
import { table } from './helpers.ts';

export const transferCommands: Command[] = [
  command({
    path: ['transfers', 'list'],
    usage: 'transfers list [--year YYYY] [--json]',
    summary: '列出组织关系转入、转出记录及回执情况',
    handler: 'transfers/list',
    input: (a) => ({ year: flag(a, 'year') }),
    print: (rows) => ({
      json: rows,
      text: () =>
        table([
          ['方向', '介绍信编号', '姓名', '日期', '原所在党组织', '接收党组织', '党费交至', '回执', 'ID'],
          ...rows.map((t) => [t.direction, t.letterNo, t.memberName, t.transferDate, t.fromOrg, t.toOrg, t.duesPaidTo ?? '', t.receiptOn ? `${t.status} ${t.receiptOn}` : t.status, t.id]),
        ]) + `\n共 ${rows.length} 条（转出 ${rows.filter((t) => t.direction === '转出').length}，转入 ${rows.filter((t) => t.direction === '转入').length}）`,
    }),
  }),
  command({
    path: ['transfers', 'counts'],
    usage: 'transfers counts --from YYYY-MM-DD --to YYYY-MM-DD',
    summary: '统计一段时间内转入、转出党员人数（用于工作总结）',
    handler: 'transfers/counts',
    input: (a) => ({ from: requireFlag(a, 'from'), to: requireFlag(a, 'to') }),
    print: (r, { args }) => ({ json: r, text: () => `${flag(args, 'from')} 至 ${flag(args, 'to')}：${r.text}` }),
  }),
  command({
    path: ['transfers', 'alerts'],
    usage: 'transfers alerts',
    summary: '列出逾期未收回执、已过有效期的介绍信和待寄回执',
    handler: 'transfers/alerts',
    print: (r) => {
      const mark = { error: '【逾期】', warning: '【提醒】', info: '【待办】' };
      return { json: r, text: () => (r.alerts.length ? r.alerts.map((x) => `${mark[x.level]}${x.message}`).join('\n') : '没有需要跟进的回执。') };
    },
  }),
  command({
    path: ['export', 'transfer-letter'],
    usage: 'export transfer-letter --transfer ID --out FILE.docx',
    summary: '打印党员组织关系介绍信（存根、介绍信、回执三联，.docx）',
    handler: 'transfers/letter',
    document: true,
    input: (a) => ({ id: requireFlag(a, 'transfer') }),
    print: (r, { file, io }) => {
      for (const w of r.warnings) io.warn(w);
      return { json: { file, warnings: r.warnings }, text: () => `已生成介绍信：${file}` };
    },
  }),
  command({
    path: ['export', 'transfer-registers'],
    usage: 'export transfer-registers --year YYYY --out FILE.xlsx',
    summary: '导出年度转入党员登记表、年度转出党员登记表（.xlsx）',
    handler: 'transfers/registers',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year') }),
    print: (r, { args, file }) => ({ json: { file, in: r.in, out: r.out }, text: () => `已导出 ${flag(args, 'year')} 年转入 ${r.in} 名、转出 ${r.out} 名：${file}` }),
  }),
];
