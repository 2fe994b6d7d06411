/** CLI commands of the dues area: calc (no ledger), assess, arrears, and the dues exports. */
import { LedgerError } from '../errors.ts';
import { DEFAULT_CALC, DUES_CATEGORIES, calcDues, parseYuan, ratePercent, yuan, type DuesCategory } from '../dues/calc.ts';
import { flag, requireFlag, UsageError, type Command } from './registry.ts';

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
];
