/** CLI commands of the 迎检清单: the check of a year and the 缺项清单 workbook. */
import { command, flag, requireFlag, type Command } from './registry.ts';
import { branchIdByName, table } from './helpers.ts';

export const inspectCommands: Command[] = [
  command({
    path: ['inspect'],
    usage: 'inspect --year YYYY [--branch 支部名称] [--json]',
    summary: '迎检检查：各项目、各党组织齐全、不完整或缺失，写明原因和补齐入口，以及各类别完整度',
    handler: 'inspect/check',
    input: async (a, io) => ({ year: requireFlag(a, 'year'), branchId: await branchIdByName(io, flag(a, 'branch')) }),
    print: (r) => ({
      json: { completeness: r.completeness, items: r.items.map(({ binder, item, org, status, reason, fix }) => ({ binder, item, org, status, reason, fix })) },
      text: () =>
        table([['类别', '检查项目', '党组织', '情况', '原因'], ...r.items.filter((i) => i.status !== '齐全').map((i) => [i.binder, i.item, i.org, i.status, i.reason])]) +
        `\n完整度：${Object.entries(r.completeness)
          .map(([b, p]) => `${b} ${p}%`)
          .join('，')}${r.overall === null ? '' : `；总体 ${r.overall}%`}`,
    }),
  }),
  command({
    path: ['export', 'inspection-gaps'],
    usage: 'export inspection-gaps --year YYYY [--branch 支部名称] --out FILE.xlsx',
    summary: '导出迎检缺项清单（.xlsx）',
    handler: 'inspect/export-gaps',
    document: true,
    input: async (a, io) => ({ year: requireFlag(a, 'year'), branchId: await branchIdByName(io, flag(a, 'branch')) }),
    print: (_r, { file }) => ({ json: { file }, text: () => `已导出迎检缺项清单：${file}` }),
  }),
];
