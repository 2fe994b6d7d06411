/** CLI commands of 整改台账 and the 制度 registry (issue 15 items 1–2). */
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { table } from './helpers.ts';

export const rectificationCommands: Command[] = [
  command({
    path: ['rectification', 'list'],
    usage: 'rectification list [--status S] [--plan NAME] [--json]',
    summary: '列出整改事项（编号、来源、问题、责任单位、责任人、时限、状态）',
    handler: 'rectification/list',
    input: (a) => ({ status: flag(a, 'status'), plan: flag(a, 'plan') }),
    print: (items) => ({
      json: items.map((i) => ({ id: i.id, code: i.code, plan: i.plan, source: i.source, aspect: i.aspect, title: i.title, measure: i.measure, ownerUnit: i.ownerUnit, owner: i.owner, dueOn: i.dueOn, status: i.status, overdue: i.overdue, closedOn: i.closedOn, acceptedBy: i.acceptedBy, evidence: i.evidence })),
      text: () =>
        table([['编号', '问题', '责任单位', '责任人', '时限', '状态'], ...items.map((i) => [i.code, i.title, i.ownerUnit, i.owner, i.dueOn ?? '长期坚持', i.overdue ? `${i.status}（已超期）` : i.status])]) + `\n共 ${items.length} 条`,
    }),
  }),
  command({
    path: ['rectification', 'add'],
    usage: 'rectification add --title T --source S --measure M --owner-unit U --owner P --due YYYY-MM-DD [--plan NAME] [--aspect A]',
    summary: '新增一条整改事项',
    handler: 'rectification/add',
    input: async (a, { invoke }) => {
      const plan = flag(a, 'plan');
      let planId: string | null = null;
      if (plan) {
        const found = ((await invoke('rectification/plans', {})) as { id: string; name: string }[]).find((p) => p.name === plan);
        if (!found) throw new UsageError(`没有名为“${plan}”的整改方案`);
        planId = found.id;
      }
      return {
        title: requireFlag(a, 'title'), source: requireFlag(a, 'source') as never, measure: requireFlag(a, 'measure'), ownerUnit: requireFlag(a, 'owner-unit'),
        owner: requireFlag(a, 'owner'), dueOn: requireFlag(a, 'due'), aspect: flag(a, 'aspect') ?? null, planId,
      };
    },
    print: (r) => ({ json: r, text: () => `已新增整改事项 ${r.code}（${r.id}）` }),
  }),
  command({
    path: ['rectification', 'close'],
    usage: 'rectification close ID --on YYYY-MM-DD --by NAME',
    summary: '销号：须有佐证材料；ID 可为记录编号或 ZG-年度-序号',
    handler: 'rectification/close',
    input: async (a, { invoke }) => {
      const ref = a.positional[0];
      if (!ref) throw new UsageError('缺少要销号的整改事项（记录编号或编号如 ZG-2026-001）');
      let id = ref;
      if (/^(ZG|GZ)-\d{4}-\d{3,}$/.test(ref)) {
        const found = ((await invoke('rectification/list', {})) as { id: string; code: string }[]).find((i) => i.code === ref);
        if (!found) throw new UsageError(`没有编号为 ${ref} 的整改事项`);
        id = found.id;
      }
      return { id, closedOn: requireFlag(a, 'on'), acceptedBy: requireFlag(a, 'by') };
    },
    print: (r, { args }) => ({ json: r, text: () => `已销号：${args.positional[0]}` }),
  }),
  command({
    path: ['export', 'rectification'],
    usage: 'export rectification --plan NAME|--year YYYY --out FILE.xlsx',
    summary: '导出整改台账（.xlsx：问题清单、责任清单、整改清单）',
    handler: 'rectification/export',
    document: true,
    input: (a) => {
      const plan = flag(a, 'plan');
      const year = flag(a, 'year');
      if (!plan && !year) throw new UsageError('请用 --plan 方案名称 或 --year 年度');
      return { plan, year: year as never };
    },
  }),
  command({
    path: ['export', 'rectification-report'],
    usage: 'export rectification-report --plan NAME --out FILE.docx',
    summary: '导出整改落实情况报告（.docx，GB/T 9704）',
    handler: 'rectification/export-report',
    document: true,
    input: (a) => ({ plan: requireFlag(a, 'plan') }),
  }),
  command({
    path: ['rules-docs', 'list'],
    usage: 'rules-docs list [--json]',
    summary: '列出制度、工作要点、学习安排、方案、通知',
    handler: 'rules-docs/list',
    input: () => ({}),
    print: (docs) => ({
      json: docs.map((d) => ({ id: d.id, name: d.name, docNo: d.docNo, issuer: d.issuer, issuedOn: d.issuedOn, category: d.category, status: d.status, replacedBy: d.replacedByName })),
      text: () => table([['名称', '文号', '发文单位', '印发日期', '类别', '状态'], ...docs.map((d) => [d.name, d.docNo ?? '', d.issuer, d.issuedOn, d.category, d.status === '已废止' && d.replacedByName ? `已废止（由“${d.replacedByName}”替代）` : d.status])]),
    }),
  }),
];
