/** CLI commands of the 书记述职 figures: the 基层组织建设重点指标完成情况统计表 of a year, printed or as .xlsx. */
import { command, flag, requireFlag, type Command } from './registry.ts';
import { table } from './helpers.ts';
import { INDICATOR_KEYS, indicatorValue } from '../stats/secretary.ts';

const input = (a: Parameters<typeof requireFlag>[0]) => ({ year: requireFlag(a, 'year'), ...(flag(a, 'as-of') ? { asOf: flag(a, 'as-of') } : {}) });

export const secretaryCommands: Command[] = [
  command({
    path: ['stats', 'secretary-indicators'],
    usage: 'stats secretary-indicators --year YYYY [--as-of 日期] [--json]',
    summary: '书记述职：基层组织建设重点指标完成情况（每个党支部和党委，每项注明台账来源）',
    handler: 'stats/secretary-indicators',
    input,
    print: (s) => ({
      json: s,
      text: () =>
        `${s.year}年度基层组织建设重点指标完成情况（截至 ${s.asOf}）\n` +
        table([['党组织', ...s.indicators.map((i) => i.name)], ...s.rows.map((r) => [r.org, ...INDICATOR_KEYS.map((k) => indicatorValue(r, k))])]) +
        `\n${s.missing.join('\n')}`,
    }),
  }),
  command({
    path: ['export', 'secretary-indicators'],
    usage: 'export secretary-indicators --year YYYY [--as-of 日期] --out FILE.xlsx',
    summary: '导出基层组织建设重点指标完成情况统计表（.xlsx：统计表、说明、明细）',
    handler: 'stats/export-secretary-indicators',
    document: true,
    input,
    print: (_r, { file }) => ({ json: { file }, text: () => `已导出基层组织建设重点指标完成情况统计表：${file}` }),
  }),
];
