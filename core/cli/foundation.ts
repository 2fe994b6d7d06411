/** CLI commands of the foundation: init, demo, branches, members. */
import { LedgerError } from '../errors.ts';
import { command, flag, UsageError, type Command } from './registry.ts';
import { branchIdByName, fileInputOf, table } from './helpers.ts';

export const foundationCommands: Command[] = [
  {
    // host-level: opening (and creating or upgrading) the file is the whole operation
    path: ['init'],
    usage: 'init',
    summary: '创建空台账（已存在则只检查并升级结构）',
    run: async (_a, io) => {
      const l = await io.open();
      io.print({ file: l.file, ok: true }, () => `台账已就绪：${l.file}`);
    },
  },
  command({
    path: ['demo'],
    usage: 'demo [--force]',
    summary: '在空台账中载入示例分局（--force 清空已有数据后载入）',
    handler: 'setup/demo',
    input: (a) => ({ force: a.flags.force === true }),
    print: (r) => ({ json: r, text: () => `已载入示例分局：${r.branches} 个党支部，${r.members} 名党员` }),
  }),
  command({
    path: ['branches', 'list'],
    usage: 'branches list',
    summary: '列出党支部',
    handler: 'org/branches',
    print: (rows) => ({ json: rows, text: () => table([['党支部', '在册党员', '党小组'], ...rows.map((b) => [b.name, String(b.memberCount), b.groups.map((g) => g.name).join('、')])]) }),
  }),
  command({
    path: ['members', 'list'],
    usage: 'members list [--branch 支部名称] [--search 关键词]',
    summary: '列出在册党员',
    handler: 'members/list',
    input: async (a, io) => ({ branchId: await branchIdByName(io, flag(a, 'branch')), search: flag(a, 'search'), pageSize: 1_000_000 }),
    print: (r) => ({
      json: r.rows,
      text: () =>
        table([
          ['姓名', '性别', '出生日期', '公民身份号码', '入党日期', '状态', '类别', '所在支部'],
          ...r.rows.map((m) => [m.name, m.gender, m.birthDate, m.idNumber, m.joinDate, m.partyStatus, m.category, m.branchName]),
        ]) + `\n共 ${r.total} 名`,
    }),
  }),
  command({
    path: ['members', 'import'],
    usage: 'members import FILE.xlsx [--valid-only]',
    summary: '导入花名册；有错误行时不写入（--valid-only 只导入正确的行）',
    handler: 'members/import-commit',
    input: (a) => {
      const file = a.positional[0];
      if (!file) throw new UsageError('缺少要导入的文件');
      return { ...fileInputOf(file), validOnly: a.flags['valid-only'] === true };
    },
    print: (r, { io }) => {
      const problems = r.problems.map((p) => `第 ${p.row} 行 ${p.column}：${p.message}`);
      if (r.problemCount > r.problems.length) problems.push(`另有 ${r.problemCount - r.problems.length} 个问题未列出`);
      if (!r.written && r.problems.length) {
        if (io.json) io.out(JSON.stringify(r, null, 2));
        throw new LedgerError(`有 ${r.invalidCount} 行有误，未写入任何数据：\n${problems.join('\n')}\n改正后重新导入，或加 --valid-only 只导入正确的 ${r.validCount} 行。`);
      }
      return { json: r, text: () => [`已导入：新增 ${r.created} 人，更新 ${r.updated} 人。`, ...(problems.length ? [`跳过有误的 ${r.invalidCount} 行：`, ...problems] : [])].join('\n') };
    },
  }),
  command({
    path: ['members', 'export'],
    usage: 'members export --out FILE.xlsx [--branch 支部名称]',
    summary: '导出党员花名册（.xlsx）',
    handler: 'members/export',
    document: true,
    input: async (a, io) => ({ branchId: await branchIdByName(io, flag(a, 'branch')) }),
    print: (r, { file }) => ({ json: { file, members: r.count }, text: () => `已导出 ${r.count} 名党员：${file}` }),
  }),
];
