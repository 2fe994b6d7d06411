/** CLI commands of 民主评议党员 (issue 14 item 1): a branch's evaluation, the import of ratings, the figures and the documents. */
import { LedgerError } from '../errors.ts';
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { fileInputOf, table } from './helpers.ts';

export const evaluationCommands: Command[] = [
  command({
    path: ['evaluation', 'show'],
    usage: 'evaluation show --year YYYY --branch 支部名称 [--json]',
    summary: '一个党支部一年的民主评议：正式党员、预备党员、各等次人数、优秀上限和提示',
    handler: 'evaluation/show',
    input: (a) => ({ year: requireFlag(a, 'year'), branch: requireFlag(a, 'branch') }),
    print: (v) => ({
      json: { formalMembers: v.formalMembers, probationary: v.probationary, ratings: v.ratings, excellentLimit: v.excellentLimit, findings: v.findings },
      text: () =>
        table([['姓名', '类别', '评议结果', '存在问题'], ...v.lines.map((l) => [l.name, `${l.partyStatus}党员`, l.result, l.problems ?? ''])]) +
        `\n正式党员 ${v.formalMembers} 名，预备党员 ${v.probationary} 名；优秀 ${v.ratings['优秀']}、合格 ${v.ratings['合格']}、基本合格 ${v.ratings['基本合格']}、不合格 ${v.ratings['不合格']}；优秀上限 ${v.excellentLimit} 名` +
        (v.findings.length ? `\n${v.findings.map((f) => `提示：${f}`).join('\n')}` : ''),
    }),
  }),
  command({
    path: ['evaluation', 'import'],
    usage: 'evaluation import FILE.xlsx --year YYYY',
    summary: '按党支部导入评议等次（姓名、身份证号、等次）；任何一行有误则整份不导入并逐行列出问题',
    handler: 'evaluation/import',
    input: (a) => {
      const file = a.positional[0];
      if (!file) throw new UsageError('缺少要导入的文件');
      return { ...fileInputOf(file), year: requireFlag(a, 'year') };
    },
    print: (r, { io }) => {
      if (!r.written) {
        if (io.json) io.out(JSON.stringify({ written: false, problems: r.problems }, null, 2));
        throw new LedgerError(`有 ${new Set(r.problems.map((p) => p.row)).size} 行有误，未导入任何等次：\n${r.problems.map((p) => `第 ${p.row} 行 ${p.column}：${p.message}`).join('\n')}\n改正后重新导入。`);
      }
      return {
        json: { written: true, branches: r.branches, warnings: r.warnings },
        text: () => [...r.branches.map((b) => `${b.branch}（${b.heldOn}）：导入 ${b.rows} 人`), ...r.warnings.map((w) => `第 ${w.row} 行：${w.message}`)].join('\n'),
      };
    },
  }),
  command({
    path: ['evaluation', 'stats'],
    usage: 'evaluation stats --year YYYY [--json]',
    summary: '民主评议的汇总数字（评议党员N名，评为优秀N名…）',
    handler: 'evaluation/stats',
    input: (a) => ({ year: requireFlag(a, 'year') }),
    print: (s) => ({ json: s, text: () => s.sentence }),
  }),
  command({
    path: ['export', 'evaluation-sheet'],
    usage: 'export evaluation-sheet --year YYYY --branch 支部名称 --out FILE.xlsx',
    summary: '导出党支部的民主测评表（.xlsx：姓名、优秀/合格/基本合格/不合格勾选框、存在问题；预备党员不定等次）',
    handler: 'evaluation/export-sheet',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), branch: requireFlag(a, 'branch') }),
  }),
  command({
    path: ['export', 'evaluation-results'],
    usage: 'export evaluation-results --year YYYY [--branch 支部名称] --out FILE.xlsx',
    summary: '导出民主评议党员结果汇总表（.xlsx：各支部汇总一页，每个党支部一页）',
    handler: 'evaluation/export-results',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), branch: flag(a, 'branch') }),
  }),
  command({
    path: ['export', 'evaluation-report'],
    usage: 'export evaluation-report --year YYYY --branch 支部名称 --out FILE.docx',
    summary: '导出党支部民主评议党员情况报告（.docx，报党委）',
    handler: 'evaluation/export-report',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), branch: requireFlag(a, 'branch') }),
  }),
];
