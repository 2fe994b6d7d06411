/** CLI commands of 学时 (issue 13 item 3): each member's hours of a year, the 学时登记表, the online-study import. */
import { LedgerError } from '../errors.ts';
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { fileInputOf, table } from './helpers.ts';

export const hoursCommands: Command[] = [
  command({
    path: ['study', 'hours'],
    usage: 'study hours --year YYYY [--branch 支部名称] [--json]',
    summary: '每名党员一年的学时、应达学时（32 或 56）和是否未达标',
    handler: 'hours/year',
    input: (a) => ({ year: requireFlag(a, 'year'), branch: flag(a, 'branch') }),
    print: (y) => {
      const rows = y.members.map((m) => ({ name: m.name, branch: m.branch, role: m.role, hours: m.totalTenths / 10, required: m.requiredTenths / 10, short: m.short }));
      return {
        json: rows,
        text: () =>
          table([['姓名', '党支部', '身份', '学时', '应达', '情况'], ...y.members.map((m) => [m.name, m.branch, m.role, String(m.totalTenths / 10), String(m.requiredTenths / 10), m.short ? `未达标：${m.shortReason}` : '达标'])]) +
          `\n共 ${rows.length} 人，未达标 ${rows.filter((r) => r.short).length} 人（学时要求为“一般不少于”，未达标为提醒）`,
      };
    },
  }),
  command({
    path: ['study', 'hours', 'import'],
    usage: 'study hours import FILE.xlsx --year YYYY',
    summary: '导入网络学习学时表（姓名＋学时）；任何一行有误则整份不导入并逐行列出问题',
    handler: 'hours/import',
    input: (a) => {
      const file = a.positional[0];
      if (!file) throw new UsageError('缺少要导入的文件');
      return { ...fileInputOf(file), year: requireFlag(a, 'year') };
    },
    print: (r, { io }) => {
      if (!r.written) {
        if (io.json) io.out(JSON.stringify({ written: false, problems: r.problems }, null, 2));
        throw new LedgerError(`有 ${r.invalidCount} 行有误，未导入任何学时：\n${r.problems.map((p) => `第 ${p.row} 行 ${p.column}：${p.message}`).join('\n')}\n改正后重新导入。`);
      }
      return { json: { id: r.importId, rows: r.validCount, hours: r.totalHours }, text: () => `已导入 ${r.validCount} 人的网络学习学时，共 ${r.totalHours} 学时。` };
    },
  }),
  command({
    path: ['export', 'study-hours'],
    usage: 'export study-hours --year YYYY [--branch 支部名称] --out FILE.xlsx',
    summary: '导出学时登记表（.xlsx：汇总一页，每个党支部一页）',
    handler: 'hours/export',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), branch: flag(a, 'branch') }),
  }),
];
