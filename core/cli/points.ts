/** CLI commands of 党员积分 (issue 14 item 4): each member's points of a year, the month's 登记表 and 公示表. */
import { command, flag, requireFlag, type Command } from './registry.ts';
import { table } from './helpers.ts';

export const pointsCommands: Command[] = [
  command({
    path: ['points'],
    usage: 'points --year YYYY [--branch 支部名称] [--json]',
    summary: '每名党员一年的积分（基础分、加减分、逐条来源、支部和全局排名）',
    handler: 'points/year',
    input: (a) => ({ year: requireFlag(a, 'year'), branch: flag(a, 'branch'), lines: true }),
    print: (y) => ({
      json: {
        year: y.year,
        scheme: y.scheme,
        members: y.members.map((m) => ({
          name: m.name, branch: m.branch, partyStatus: m.partyStatus, excluded: m.excluded, base: m.base, plus: m.plus, minus: m.minus, total: m.total,
          byGroup: m.byGroup, pending: m.pending, rankInBranch: m.rankInBranch, rankInBureau: m.rankInBureau,
          lines: (m.lines ?? []).map((l) => ({ item: l.item, group: l.group, date: l.date, points: l.points, awarded: l.awarded, capped: l.capped, counted: l.counted, source: l.source })),
        })),
      },
      text: () =>
        table([
          ['姓名', '党支部', '总分', '加分', '减分', '支部排名', '全局排名', '备注'],
          ...y.members.map((m) => [m.name, m.branch, m.excluded ? '—' : String(m.total), String(m.plus), String(m.minus), String(m.rankInBranch ?? '—'), String(m.rankInBureau ?? '—'), m.excluded ? `不参加积分（${m.excluded}）` : m.pending ? `${m.pending} 项待支委会审核` : '']),
        ]) + `\n积分方案：${y.scheme.example ? '示例（本地做法），' : ''}${y.scheme.verified ? '' : '出处未核实；'}基础分 ${y.scheme.base} 分`,
    }),
  }),
  command({
    path: ['export', 'points'],
    usage: 'export points --year YYYY --month MM --branch 支部名称 --out FILE.xlsx',
    summary: '导出一个党支部某月的党员积分登记表和积分公示表（.xlsx）',
    handler: 'points/export',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year'), month: requireFlag(a, 'month'), branch: requireFlag(a, 'branch') }),
  }),
];
