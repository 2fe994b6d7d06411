/** CLI commands of 发展党员: check a dossier without a ledger, list the open files, export the 台账. */
import fs from 'node:fs';
import { LedgerError } from '../errors.ts';
import { stepLabel } from '../development/steps.ts';
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { branchIdByName } from './helpers.ts';

/** The dossier file's JSON (reading a file named on the command line is the host's part). */
function dossierOf(file: string | undefined): unknown {
  if (!file) throw new UsageError('缺少档案文件（JSON）');
  if (!fs.existsSync(file)) throw new LedgerError(`找不到文件：${file}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LedgerError(`档案文件不是有效的 JSON：${(e as Error).message}`);
  }
}

export const developmentCommands: Command[] = [
  command({
    path: ['development', 'check'],
    usage: 'development check FILE.json [--today YYYY-MM-DD] [--rules 2014|2026.05] [--json]',
    summary: '按发展党员工作细则检查一份发展档案（不需要台账）；--today 时把已过期限而未做的步骤也列为问题',
    handler: 'development/check',
    input: (a) => ({ dossier: dossierOf(a.positional[0]), today: flag(a, 'today'), rules: flag(a, 'rules') }),
    print: ({ rules, stepRules, ...r }) => ({
      json: r,
      text: () => {
        const lines = [`依据：${rules.map((v, i) => `${i ? `${v.effectiveFrom} 起的步骤：` : ''}${v.title}${v.verified ? '' : '【未经核实】'}`).join('；')}`];
        // with more than one version, say which judged which step
        if (rules.length > 1)
          for (const v of rules) {
            const steps = Object.entries(stepRules).filter(([, x]) => x === v.version).map(([n]) => n);
            if (steps.length) lines.push(`　按 ${v.version} 判断的步骤：${steps.join('、')}`);
          }
        if (!r.findings.length) lines.push('未发现问题。');
        for (const f of r.findings) lines.push(`${f.severity === 'error' ? '错误' : '提醒'}　${stepLabel(f.step)}　${f.message}（${f.rule}${f.article ? `；${f.article}` : ''}）`);
        if (r.next.length) lines.push('下一步：');
        for (const n of r.next) lines.push(`　${stepLabel(n.step)}　最早 ${n.earliest}${n.provisional ? `（暂算：${n.provisional}）` : ''}${n.latest ? `，最迟 ${n.latest}` : ''}`);
        return lines.join('\n');
      },
    }),
  }),
  command({
    path: ['development', 'list'],
    usage: 'development list [--branch 支部名称] [--stage 申请人|入党积极分子|发展对象|预备党员|正式党员] [--scope open|left|all] [--json]',
    summary: '发展党员花名册：按阶段、按递交申请日期排列，列出每人的下一步及其最早、最迟日期',
    handler: 'development/list',
    input: async (a, io) => ({ branchId: await branchIdByName(io, flag(a, 'branch')), stage: flag(a, 'stage'), scope: flag(a, 'scope') }),
    print: (rows) => ({
      json: rows,
      text: () =>
        [
          ['阶段', '姓名', '所在支部', '申请日期', '已到步骤', '下一步', '最早', '最迟', '问题'].join('\t'),
          ...rows.map((r) =>
            [r.leftType ?? r.stage, r.name, r.branchName, r.applicationDate, `${r.lastStep} ${r.lastStepName}（${r.lastStepDate}）`, r.next ? `${r.next.step} ${r.next.name}` : '', r.next?.earliest ?? '', r.next?.latest ?? '', r.errors || r.warnings ? `错误 ${r.errors}，提醒 ${r.warnings}` : ''].join('\t'),
          ),
          `共 ${rows.length} 人`,
        ].join('\n'),
    }),
  }),
  command({
    path: ['export', 'development-notice'],
    usage: 'export development-notice --file ID --kind 发展对象|预备党员 --start YYYY-MM-DD [--days N] [--contact 电话] --out FILE.docx',
    summary: '生成一名发展对象或拟接收预备党员的公示（.docx）；截止日期所在年份未录入节假日安排时，在标准错误输出上提醒“暂算”',
    handler: 'development/notice',
    document: true,
    input: (a) => ({ id: requireFlag(a, 'file'), kind: requireFlag(a, 'kind'), start: requireFlag(a, 'start'), days: flag(a, 'days') === undefined ? undefined : Number(flag(a, 'days')), contact: flag(a, 'contact') ?? null }),
    print: (r, { file, io }) => {
      for (const w of r.warnings) io.warn(w);
      return { json: { file, end: r.end, warnings: r.warnings }, text: () => `已生成公示：${file}（公示至 ${r.end}）` };
    },
  }),
  command({
    path: ['export', 'development-ledger'],
    usage: 'export development-ledger --year YYYY --out FILE.xlsx',
    summary: '导出发展党员工作台账（入党申请人、积极分子、发展对象基本情况登记表，年度新发展党员、预备党员转正登记表）',
    handler: 'development/export-ledger',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year') }),
    print: (r, { file }) => ({ json: { file, counts: r.counts }, text: () => `已导出：${file}\n${Object.entries(r.counts).map(([k, v]) => `${k} ${v} 名`).join('，')}` }),
  }),
];
