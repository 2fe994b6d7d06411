/** CLI commands of the 党建工作总结 (issue 15 item 3): stats summary, export work-summary. */
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { orgByName, table } from './helpers.ts';

export const summaryCommands: Command[] = [
  command({
    path: ['stats', 'summary'],
    usage: 'stats summary --from 日期 --to 日期 [--branch 支部名称] [--json]',
    summary: '党建工作总结用到的每一项数据（注明来源），以及无数据的方面（待补充）',
    handler: 'summary/figures',
    input: async (a, io) => {
      const branch = flag(a, 'branch');
      return { from: requireFlag(a, 'from'), to: requireFlag(a, 'to'), branchId: branch ? (await orgByName(io, branch)).id : undefined };
    },
    print: (s) => ({
      json: {
        from: s.from, to: s.to, scope: s.scope,
        figures: Object.fromEntries(Object.values(s.figures).map((f) => [f.key, f.value])),
        sources: Object.fromEntries(Object.values(s.figures).map((f) => [f.key, { label: f.label, text: f.text, area: f.area, handler: f.source, ...(f.ids ? { ids: f.ids } : {}), ...(f.link ? { link: f.link } : {}) }])),
        missing: s.missing,
      },
      text: () =>
        table([['数据项', '键', '数值', '来源'], ...Object.values(s.figures).map((f) => [f.label, f.key, f.value === null ? '待补充' : f.text, f.source])]) +
        (s.missing.length ? `\n\n待补充：\n${s.missing.map((m) => `- ${m.title}：${m.what}`).join('\n')}` : ''),
    }),
  }),
  command({
    path: ['export', 'work-summary'],
    usage: 'export work-summary --from 日期 --to 日期 [--branch 支部名称] [--draft ID] [--to-whom 主送机关] --out FILE.docx',
    summary: '导出党建工作总结（.docx，GB/T 9704）：用所选草稿，或按期间从台账生成；列出待补充之处',
    handler: 'summary/export',
    document: true,
    input: async (a, io) => {
      const draftId = flag(a, 'draft');
      const from = flag(a, 'from');
      const to = flag(a, 'to');
      if (!draftId && (!from || !to)) throw new UsageError('请用 --from 和 --to 指定期间，或用 --draft 指定草稿');
      const branch = flag(a, 'branch');
      return { from, to, draftId, branchId: branch ? (await orgByName(io, branch)).id : undefined, addressee: flag(a, 'to-whom') };
    },
    print: (r, { file }) => ({
      json: { file, gaps: r.gaps },
      text: () => `已导出：${file}${r.gaps.length ? `\n待补充 ${r.gaps.length} 处：\n${r.gaps.map((g) => `- ${g.section}：${g.text}`).join('\n')}` : ''}`,
    }),
  }),
];
