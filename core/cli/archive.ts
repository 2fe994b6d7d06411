/** CLI commands of 档案: list, add (files by hand), file (the year's generated documents) and the 归档文件目录. */
import { command, flag, requireFlag, UsageError, type CliIo, type Command } from './registry.ts';
import { branchIdByName, fileInputOf, num, orgByName, table } from './helpers.ts';

const orgId = async (io: CliIo, name: string | undefined) => (name ? (await orgByName(io, name)).id : undefined);

/**
 * The binder's steps on stderr while it builds, for a clerk at a terminal (pipes and --json stay
 * quiet): the command asks `archive/binder-progress` beside the running call, as the dialog does.
 */
function watchBinder(io: CliIo, jobId: string): void {
  if (!process.stderr.isTTY || io.json) return;
  let shown = -1;
  let started = false;
  const tick = async () => {
    const p = (await io.invoke('archive/binder-progress', { jobId }).catch(() => null)) as { active: boolean; current: number; steps: { label: string }[] } | null;
    if (p?.active) started = true;
    if (p && p.current > shown && p.steps[p.current]) {
      shown = p.current;
      io.warn(`[${p.current + 1}/${p.steps.length}] ${p.steps[p.current].label}`);
    }
    if (!started || p?.active) setTimeout(tick, 400).unref();
  };
  setTimeout(tick, 200).unref();
}

export const archiveCommands: Command[] = [
  command({
    path: ['archive', 'list'],
    usage: 'archive list --year YYYY [--category C] [--org NAME] [--json]',
    summary: '列出一年的档案（件号、档号、题名、责任者、日期、作废情况）',
    handler: 'archive/list',
    input: async (a, io) => ({ year: num(requireFlag(a, 'year')), category: flag(a, 'category'), orgId: await orgId(io, flag(a, 'org')) }),
    print: (rows) => ({
      json: rows,
      text: () =>
        table([
          ['类别', '件号', '档号', '题名', '责任者', '文号', '日期', '保管期限', '组织', '状态'],
          ...rows.map((r) => [`${r.categoryCode} ${r.categoryName}`, r.itemNoText, r.archiveNo ?? '', r.title, r.author ?? '', r.docNo ?? '', r.docDate ?? '', r.retention, r.orgName, r.voidedAt ? `作废：${r.voidReason ?? ''}` : '有效']),
        ]) + `\n共 ${rows.length} 件（作废 ${rows.filter((r) => r.voidedAt).length} 件）`,
    }),
  }),
  command({
    path: ['archive', 'add'],
    usage: 'archive add FILE... --year YYYY --category C --title T [--org NAME] [--date YYYY-MM-DD] [--doc-no S] [--author S] [--retention 永久|30年|10年]',
    summary: '手工归档一件档案及其文件（扫描件、PDF、照片、Word 文件）',
    handler: 'archive/add',
    input: async (a, io) => {
      if (!a.positional.length) throw new UsageError('请在命令后写出要归档的文件');
      return {
        files: a.positional.map((f) => fileInputOf(f)),
        year: num(requireFlag(a, 'year')),
        category: requireFlag(a, 'category'),
        title: requireFlag(a, 'title'),
        orgId: await orgId(io, flag(a, 'org')),
        docDate: flag(a, 'date'),
        docNo: flag(a, 'doc-no'),
        author: flag(a, 'author'),
        retention: flag(a, 'retention'),
      };
    },
    print: (r, { io }) => {
      if (r.archiveNoWarning) io.warn(r.archiveNoWarning);
      return { json: r, text: () => `已归档：${r.archiveNo ?? `件号 ${r.itemNoText}`} ${r.title}（${r.files} 个文件）` };
    },
  }),
  command({
    path: ['archive', 'file'],
    usage: 'archive file --year YYYY [--org NAME]',
    summary: '将一年的全部生成文档归档（内容有变化的归为新版本）',
    handler: 'archive/file-year',
    input: async (a, io) => ({ year: num(requireFlag(a, 'year')), orgId: await orgId(io, flag(a, 'org')) }),
    print: (r) => ({
      json: r,
      text: () => r.filed.map((f) => `${f.outcome}\t第${f.version}版\t${f.label}`).join('\n') + `\n新归档 ${r.counts.新归档} 份，新版本 ${r.counts.新版本} 份，未变化 ${r.counts.未变化} 份`,
    }),
  }),
  command({
    path: ['export', 'archive-catalog'],
    usage: 'export archive-catalog --year YYYY [--category C] --out FILE.xlsx',
    summary: '导出归档文件目录（DA/T 22-2015，.xlsx）',
    handler: 'archive/catalog',
    document: true,
    input: (a) => ({ year: num(requireFlag(a, 'year')), category: flag(a, 'category') }),
    print: (r, { file }) => ({ json: { file, count: r.count }, text: () => `已导出归档文件目录（${r.count} 件）：${file}` }),
  }),
  command({
    path: ['export', 'binder'],
    usage: 'export binder --year YYYY [--branch NAME] [--from DATE --to DATE] [--pdf] --out FILE.zip',
    summary: '一键生成迎检材料（.zip：各类归档文件目录、封面、备考表和文件，总目录，迎检清单检查结果，manifest.json 和 SHA256SUMS；--pdf 每类另附 PDF）',
    handler: 'archive/binder',
    document: true,
    input: async (a, io) => {
      const input = { year: num(requireFlag(a, 'year')), orgId: await branchIdByName(io, flag(a, 'branch')), from: flag(a, 'from'), to: flag(a, 'to'), pdf: a.flags.pdf === true, jobId: `cli-${process.pid}` };
      watchBinder(io, input.jobId);
      return input;
    },
    print: (r, { file, io }) => {
      const s = r.summary;
      if (s.pdf.reason) io.warn(s.pdf.reason);
      for (const f of s.pdf.failed) io.warn(`未能转换为 PDF：${f}`);
      for (const p of s.problems) io.warn(`未能收入：${p}`);
      return {
        json: { file, ...s },
        text: () =>
          table([['类别', '件数', '页数'], ...s.binders.map((b) => [`${b.code} ${b.name}`, String(b.items), b.pages === null ? '' : String(b.pages)])]) +
          `\n迎检清单未齐全 ${s.gaps} 项；共 ${s.files} 个文件${s.pdf.made ? `，PDF ${s.pdf.made} 份` : ''}：${file}`,
      };
    },
  }),
];
