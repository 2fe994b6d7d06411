/** CLI commands of the foundation: init, demo, branches, members. */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../errors.ts';
import { listBranches } from '../org/service.ts';
import { listMembers } from '../members/service.ts';
import { commitImport } from '../members/import.ts';
import { exportRoster } from '../members/export.ts';
import { loadDemo } from '../demo/index.ts';
import { flag, requireFlag, UsageError, type Command } from './registry.ts';
import { branchIdByName, table, writeExport } from './helpers.ts';

export const foundationCommands: Command[] = [
  {
    path: ['init'],
    usage: 'init',
    summary: '创建空台账（已存在则只检查并升级结构）',
    run: async (_a, io) => {
      const l = await io.open();
      io.print({ file: l.file, ok: true }, () => `台账已就绪：${l.file}`);
    },
  },
  {
    path: ['demo'],
    usage: 'demo [--force]',
    summary: '在空台账中载入示例分局（--force 清空已有数据后载入）',
    run: async (a, io) => {
      const l = await io.open();
      const r = await loadDemo(l.ctx, { force: a.flags.force === true });
      io.print(r, () => `已载入示例分局：${r.branches} 个党支部，${r.members} 名党员`);
    },
  },
  {
    path: ['branches', 'list'],
    usage: 'branches list',
    summary: '列出党支部',
    run: async (_a, io) => {
      const l = await io.open();
      const rows = await listBranches(l.ctx);
      io.print(rows, () => table([['党支部', '在册党员', '党小组'], ...rows.map((b) => [b.name, String(b.memberCount), b.groups.map((g) => g.name).join('、')])]));
    },
  },
  {
    path: ['members', 'list'],
    usage: 'members list [--branch 支部名称] [--search 关键词]',
    summary: '列出在册党员',
    run: async (a, io) => {
      const l = await io.open();
      const branchId = await branchIdByName(l.ctx.db, flag(a, 'branch'));
      // through the handler, so the search text is validated (length) like every host's
      const r = (await l.invoke('members/list', { branchId, search: flag(a, 'search'), pageSize: 1_000_000 })) as Awaited<ReturnType<typeof listMembers>>;
      io.print(r.rows, () =>
        table([
          ['姓名', '性别', '出生日期', '公民身份号码', '入党日期', '状态', '类别', '所在支部'],
          ...r.rows.map((m) => [m.name, m.gender, m.birthDate, m.idNumber, m.joinDate, m.partyStatus, m.category, m.branchName]),
        ]) + `\n共 ${r.total} 名`,
      );
    },
  },
  {
    path: ['members', 'import'],
    usage: 'members import FILE.xlsx [--valid-only]',
    summary: '导入花名册；有错误行时不写入（--valid-only 只导入正确的行）',
    run: async (a, io) => {
      const file = a.positional[0];
      if (!file) throw new UsageError('缺少要导入的文件');
      if (!fs.existsSync(file)) throw new LedgerError(`找不到文件：${file}`);
      const l = await io.open();
      const r = await commitImport(l.ctx, new Uint8Array(fs.readFileSync(file)), path.basename(file), { validOnly: a.flags['valid-only'] === true });
      const problems = r.problems.map((p) => `第 ${p.row} 行 ${p.column}：${p.message}`);
      if (r.problemCount > r.problems.length) problems.push(`另有 ${r.problemCount - r.problems.length} 个问题未列出`);
      if (!r.written && r.problems.length) {
        const msg = `有 ${r.invalidCount} 行有误，未写入任何数据：\n${problems.join('\n')}\n改正后重新导入，或加 --valid-only 只导入正确的 ${r.validCount} 行。`;
        if (io.json) io.out(JSON.stringify(r, null, 2));
        throw new LedgerError(msg);
      }
      io.print(r, () => [`已导入：新增 ${r.created} 人，更新 ${r.updated} 人。`, ...(problems.length ? [`跳过有误的 ${r.invalidCount} 行：`, ...problems] : [])].join('\n'));
    },
  },
  {
    path: ['members', 'export'],
    usage: 'members export --out FILE.xlsx [--branch 支部名称]',
    summary: '导出党员花名册（.xlsx）',
    run: async (a, io) => {
      const out = requireFlag(a, 'out');
      const l = await io.open();
      const branchId = await branchIdByName(l.ctx.db, flag(a, 'branch'));
      const r = await exportRoster(l.ctx, { branchId });
      writeExport(io, out, r.bytes, { json: { members: r.count }, text: (file) => `已导出 ${r.count} 名党员：${file}` });
    },
  },
];
