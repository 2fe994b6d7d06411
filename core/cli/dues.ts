/** CLI commands of the dues area: calc (no ledger), assess, arrears, and the dues exports. */
import path from 'node:path';
import { LedgerError } from '../errors.ts';
import { DEFAULT_CALC, DUES_CATEGORIES, parseYuan, ratePercent, yuan } from '../dues/calc.ts';
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { branchIdByName, fileInputOf, num } from './helpers.ts';

/** An amount in 元 as written, in 分 for the handler (text that is no amount is refused naming the field). */
function fenOf(text: string | undefined, label: string, field: string, hint = '金额（元）'): number | undefined {
  if (!text) return undefined;
  const fen = parseYuan(text);
  if (fen === null) throw new LedgerError(`“${label}”应为${hint}，收到：${text}`, field);
  return fen;
}

export const duesCommands: Command[] = [
  command({
    path: ['dues', 'calc'],
    usage: `dues calc --category ${DUES_CATEGORIES.join('|')} --base 元 [--rounding fen|jiao] [--no-cap] [--reduced 元] --json`,
    summary: '按党费缴纳标准计算月应缴党费（不需要台账）',
    handler: 'dues/calc',
    input: (a) => {
      const category = requireFlag(a, 'category');
      const baseText = flag(a, 'base');
      if (!baseText && (category === '在职' || category === '离退休')) throw new UsageError('缺少 --base（税后月计算基数，单位：元）');
      return {
        category,
        baseFen: fenOf(baseText, '计算基数', 'base', '不超过两位小数的金额（元）'),
        reducedFen: fenOf(flag(a, 'reduced'), '减免后金额', 'reduced'),
        rounding: flag(a, 'rounding'),
        capEnabled: a.flags['no-cap'] !== true,
      };
    },
    print: (r, { args }) => ({
      json: r,
      text: () =>
        [
          `人员类别：${flag(args, 'category')}`,
          `计算基数：${yuan(r.baseFen)} 元`,
          `缴纳比例：${ratePercent(r.rateBasisPoints)}`,
          `月应缴党费：${yuan(r.monthlyDueFen)} 元${r.capApplied ? `（已按每月不超过 ${yuan(DEFAULT_CALC.capFen)} 元封顶）` : ''}`,
        ].join('\n'),
    }),
  }),
  command({
    path: ['dues', 'assess'],
    usage: 'dues assess --year YYYY [--from-xlsx FILE.xlsx]',
    summary: '年度核定：从工作簿导入工资项目或计算基数；未核定的党员沿用上年基数或按类别定额核定',
    handler: 'dues/assess-year',
    input: (a) => {
      const year = requireFlag(a, 'year');
      const file = flag(a, 'from-xlsx');
      return { year, ...(file ? fileInputOf(file) : {}) };
    },
    print: ({ year, imported, carried }, { args, io }) => {
      const name = path.basename(flag(args, 'from-xlsx') ?? '');
      if (imported && !imported.written) {
        const problems = imported.rows.filter((x) => x.problem).map((x) => `第 ${x.row} 行 ${x.name}：${x.problem}`);
        if (io.json) io.out(JSON.stringify(imported, null, 2));
        const more = imported.unlistedCount ? `\n另有 ${imported.unlistedCount} 行有误未列出` : '';
        throw new LedgerError(`${name} 有 ${imported.invalidCount} 行有误，未写入任何数据：\n${problems.join('\n')}${more}`);
      }
      const c = carried!;
      const lines = imported ? [`已从 ${name} 核定 ${imported.validCount} 人`] : [];
      lines.push(`沿用上年或按类别定额新核定 ${c.created} 人；已有标准 ${c.existing} 人`);
      if (c.missing.length) lines.push(`以下 ${c.missing.length} 人缺少计算基数，请在“年度核定”中填写：${c.missing.map((m) => `${m.name}（${m.branchName}）`).join('、')}`);
      return { json: { year, imported, ...c }, text: () => lines.join('\n') };
    },
  }),
  command({
    path: ['dues', 'arrears'],
    usage: 'dues arrears --as-of YYYY-MM [--branch 支部名称] [--min 月数] --json',
    summary: '欠缴党费：截至某月连续未交的月数（3 个月提醒，6 个月需支部研究）',
    handler: 'dues/arrears',
    input: async (a, io) => ({ asOf: requireFlag(a, 'as-of'), branchId: await branchIdByName(io, flag(a, 'branch')), minMonths: num(flag(a, 'min')) ?? 1 }),
    print: (rows, { args }) => {
      const json = rows.map((r) => ({
        member: r.member,
        memberId: r.memberId,
        branch: r.branch,
        consecutiveUnpaidMonths: r.consecutiveUnpaidMonths,
        months: r.months,
        owedFen: r.owedFen,
        severity: r.severity,
        lastPaidMonth: r.lastPaidMonth,
        ...(r.leftType ? { leftType: r.leftType } : {}),
        // months of a year not yet assessed: not owed until the 年度核定
        ...(r.unassessedMonths.length ? { unassessedMonths: r.unassessedMonths } : {}),
      }));
      const label = { notice: '', warning: '提醒', critical: '需支部研究' };
      return {
        json,
        text: () =>
          rows.length
            ? [['姓名', '所在支部', '连续未交月数', '未交月份', '欠缴金额（元）', '提示'].join('\t'), ...rows.map((r) => [r.member, r.branch, String(r.consecutiveUnpaidMonths), `${r.months[0]}至${r.months.at(-1)}`, yuan(r.owedFen), label[r.severity]].join('\t'))].join('\n')
            : `截至 ${flag(args, 'as-of')} 没有欠缴党费的党员`,
      };
    },
  }),
  command({
    path: ['export', 'dues-ledger'],
    usage: 'export dues-ledger [--branch 支部名称] --year YYYY --out FILE.xlsx',
    summary: '导出党支部年度党费收缴台账（.xlsx；不指定支部时每个支部一张工作表）',
    handler: 'dues/export-ledger',
    document: true,
    input: async (a, io) => ({ year: requireFlag(a, 'year'), branchId: await branchIdByName(io, flag(a, 'branch')) }),
  }),
  command({
    path: ['export', 'dues-report'],
    usage: 'export dues-report --year YYYY --quarter Q --out FILE.xlsx',
    summary: '导出党费收缴情况季度统计表（.xlsx，含月度统计）',
    handler: 'dues/export-report',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), quarter: num(requireFlag(a, 'quarter')) }),
  }),
  command({
    path: ['export', 'dues-assessment'],
    usage: 'export dues-assessment --year YYYY [--branch 支部名称] --out FILE.xlsx',
    summary: '导出党员党费核定表（.xlsx，供签字审批）',
    handler: 'dues/export-assessment',
    document: true,
    input: async (a, io) => ({ year: requireFlag(a, 'year'), branchId: await branchIdByName(io, flag(a, 'branch')) }),
  }),
  command({
    path: ['export', 'dues-publication'],
    usage: 'export dues-publication --year YYYY [--date YYYY-MM-DD] --out FILE.docx',
    summary: '导出年度党费收缴使用情况公布（.docx）',
    handler: 'dues/export-publication',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), date: flag(a, 'date') }),
  }),
  command({
    path: ['export', 'dues-audit'],
    usage: 'export dues-audit --year YYYY [--date YYYY-MM-DD] --out FILE.docx',
    summary: '导出党费专项检查自查报告（.docx）',
    handler: 'dues/export-audit',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), date: flag(a, 'date') }),
  }),
];
