/** CLI commands of the dues area: calc (no ledger), assess, arrears, and the dues exports. */
import { LedgerError } from '../errors.ts';
import { DEFAULT_CALC, DUES_CATEGORIES, calcDues, parseYuan, ratePercent, yuan, type DuesCategory } from '../dues/calc.ts';
import fs from 'node:fs';
import path from 'node:path';
import { carryForward } from '../dues/assess.ts';
import { importBases } from '../dues/assess-import.ts';
import { arrearsList } from '../dues/arrears.ts';
import { exportAssessment, exportAudit, exportBureauLedger, exportLedger, exportPublication, exportQuarter } from '../dues/documents.ts';
import { flag, requireFlag, UsageError, type Command } from './registry.ts';
import { branchIdByName, writeExport, yearFlag } from './helpers.ts';

export const duesCommands: Command[] = [
  {
    path: ['dues', 'calc'],
    usage: `dues calc --category ${DUES_CATEGORIES.join('|')} --base 元 [--rounding fen|jiao] [--no-cap] [--reduced 元] --json`,
    summary: '按党费缴纳标准计算月应缴党费（不需要台账）',
    run: async (a, io) => {
      const category = requireFlag(a, 'category');
      if (!DUES_CATEGORIES.includes(category as DuesCategory)) throw new UsageError(`--category 应为 ${DUES_CATEGORIES.join('、')} 之一`);
      const baseText = flag(a, 'base');
      const fixed = category !== '在职' && category !== '离退休';
      if (!baseText && !fixed) throw new UsageError('缺少 --base（税后月计算基数，单位：元）');
      const baseFen = baseText ? parseYuan(baseText) : 0;
      if (baseFen === null) throw new LedgerError(`“计算基数”应为不超过两位小数的金额（元），收到：${baseText}`, 'base');
      const rounding = flag(a, 'rounding') ?? 'fen';
      if (rounding !== 'fen' && rounding !== 'jiao') throw new UsageError('--rounding 应为 fen（分）或 jiao（角）');
      const reducedText = flag(a, 'reduced');
      const reducedFen = reducedText ? parseYuan(reducedText) : 0;
      if (reducedFen === null) throw new LedgerError(`“减免后金额”应为金额（元），收到：${reducedText}`, 'reduced');
      const r = calcDues({ category: category as DuesCategory, baseFen, reducedFen }, { ...DEFAULT_CALC, rounding, capEnabled: a.flags['no-cap'] !== true });
      io.print(r, () =>
        [
          `人员类别：${category}`,
          `计算基数：${yuan(r.baseFen)} 元`,
          `缴纳比例：${ratePercent(r.rateBasisPoints)}`,
          `月应缴党费：${yuan(r.monthlyDueFen)} 元${r.capApplied ? `（已按每月不超过 ${yuan(DEFAULT_CALC.capFen)} 元封顶）` : ''}`,
        ].join('\n'),
      );
    },
  },
  {
    path: ['dues', 'assess'],
    usage: 'dues assess --year YYYY [--from-xlsx FILE.xlsx]',
    summary: '年度核定：从工作簿导入工资项目或计算基数；未核定的党员沿用上年基数或按类别定额核定',
    run: async (a, io) => {
      const year = yearFlag(requireFlag(a, 'year'));
      const l = await io.open();
      const file = flag(a, 'from-xlsx');
      const lines: string[] = [];
      let imported: unknown = null;
      if (file) {
        if (!fs.existsSync(file)) throw new LedgerError(`找不到文件：${file}`);
        const r = await importBases(l.ctx, year, new Uint8Array(fs.readFileSync(file)), true);
        imported = r;
        if (!r.written) {
          const problems = r.rows.filter((x) => x.problem).map((x) => `第 ${x.row} 行 ${x.name}：${x.problem}`);
          if (io.json) io.out(JSON.stringify(r, null, 2));
          const more = r.unlistedCount ? `\n另有 ${r.unlistedCount} 行有误未列出` : '';
          throw new LedgerError(`${path.basename(file)} 有 ${r.invalidCount} 行有误，未写入任何数据：\n${problems.join('\n')}${more}`);
        }
        lines.push(`已从 ${path.basename(file)} 核定 ${r.validCount} 人`);
      }
      const c = await carryForward(l.ctx, year);
      lines.push(`沿用上年或按类别定额新核定 ${c.created} 人；已有标准 ${c.existing} 人`);
      if (c.missing.length) lines.push(`以下 ${c.missing.length} 人缺少计算基数，请在“年度核定”中填写：${c.missing.map((m) => `${m.name}（${m.branchName}）`).join('、')}`);
      io.print({ year, imported, ...c }, () => lines.join('\n'));
    },
  },
  {
    path: ['dues', 'arrears'],
    usage: 'dues arrears --as-of YYYY-MM [--branch 支部名称] [--min 月数] --json',
    summary: '欠缴党费：截至某月连续未交的月数（3 个月提醒，6 个月需支部研究）',
    run: async (a, io) => {
      const asOf = requireFlag(a, 'as-of');
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) throw new UsageError('--as-of 应为年月，如 2026-11');
      const minText = flag(a, 'min');
      if (minText && !/^\d+$/.test(minText)) throw new UsageError('--min 应为月数');
      const l = await io.open();
      const branchId = await branchIdByName(l.ctx.db, flag(a, 'branch'));
      const rows = await arrearsList(l.ctx.db, asOf, { branchId, minMonths: minText ? Number(minText) : 1 });
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
      io.print(json, () =>
        rows.length
          ? [['姓名', '所在支部', '连续未交月数', '未交月份', '欠缴金额（元）', '提示'].join('\t'), ...rows.map((r) => [r.member, r.branch, String(r.consecutiveUnpaidMonths), `${r.months[0]}至${r.months.at(-1)}`, yuan(r.owedFen), label[r.severity]].join('\t'))].join('\n')
          : `截至 ${asOf} 没有欠缴党费的党员`,
      );
    },
  },
  {
    path: ['export', 'dues-ledger'],
    usage: 'export dues-ledger [--branch 支部名称] --year YYYY --out FILE.xlsx',
    summary: '导出党支部年度党费收缴台账（.xlsx；不指定支部时每个支部一张工作表）',
    run: async (a, io) => {
      const year = yearFlag(requireFlag(a, 'year'));
      const out = requireFlag(a, 'out');
      const branch = flag(a, 'branch');
      const l = await io.open();
      const branchId = await branchIdByName(l.ctx.db, branch);
      const r = branchId ? await exportLedger(l.ctx, branchId, year) : await exportBureauLedger(l.ctx, year);
      writeExport(io, out, r.bytes);
    },
  },
  {
    path: ['export', 'dues-report'],
    usage: 'export dues-report --year YYYY --quarter Q --out FILE.xlsx',
    summary: '导出党费收缴情况季度统计表（.xlsx，含月度统计）',
    run: async (a, io) => {
      const year = yearFlag(requireFlag(a, 'year'));
      const q = requireFlag(a, 'quarter');
      if (!/^[1-4]$/.test(q)) throw new UsageError('--quarter 应为 1 至 4');
      const out = requireFlag(a, 'out');
      const l = await io.open();
      const r = await exportQuarter(l.ctx, year, Number(q));
      writeExport(io, out, r.bytes);
    },
  },
  {
    path: ['export', 'dues-assessment'],
    usage: 'export dues-assessment --year YYYY [--branch 支部名称] --out FILE.xlsx',
    summary: '导出党员党费核定表（.xlsx，供签字审批）',
    run: async (a, io) => {
      const year = yearFlag(requireFlag(a, 'year'));
      const out = requireFlag(a, 'out');
      const l = await io.open();
      const r = await exportAssessment(l.ctx, year, (await branchIdByName(l.ctx.db, flag(a, 'branch'))) ?? null);
      writeExport(io, out, r.bytes);
    },
  },
  {
    path: ['export', 'dues-publication'],
    usage: 'export dues-publication --year YYYY [--date YYYY-MM-DD] --out FILE.docx',
    summary: '导出年度党费收缴使用情况公布（.docx）',
    run: async (a, io) => {
      const year = yearFlag(requireFlag(a, 'year'));
      const out = requireFlag(a, 'out');
      const l = await io.open();
      const r = await exportPublication(l.ctx, year, flag(a, 'date'));
      writeExport(io, out, r.bytes);
    },
  },
  {
    path: ['export', 'dues-audit'],
    usage: 'export dues-audit --year YYYY [--date YYYY-MM-DD] --out FILE.docx',
    summary: '导出党费专项检查自查报告（.docx）',
    run: async (a, io) => {
      const year = yearFlag(requireFlag(a, 'year'));
      const out = requireFlag(a, 'out');
      const l = await io.open();
      const r = await exportAudit(l.ctx, year, flag(a, 'date'));
      writeExport(io, out, r.bytes);
    },
  },
];
