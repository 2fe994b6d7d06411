/** CLI commands of 评星定级 (issue 14 item 3): a year's scores, the scheme as a JSON file, the 汇总表 and the 公示. */
import fs from 'node:fs';
import { LedgerError } from '../errors.ts';
import type { FileResult } from '../validate.ts';
import type { YearScore } from '../stars/score.ts';
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { fileInputOf, table, writeDocument } from './helpers.ts';

/** Each branch as `stars score --json` prints it: the issue's keys, and lines whose points add up to the score. */
export function scoreJson(s: YearScore) {
  return s.branches.map((b) => ({
    branch: b.branch,
    score: b.score,
    stars: b.stars,
    vetoed: b.vetoed,
    lines: [
      ...b.lines.map((l) => ({ group: l.group, item: l.name, max: l.max, points: l.points, source: l.sourceLabel, fact: l.fact, evidence: l.evidence })),
      ...b.deductions.map((d) => ({ group: '扣分', item: d.name, max: null, points: -d.points, source: '手工（附证明材料）', fact: `${d.times} 次`, evidence: d.evidence })),
      ...b.vetoes.map((v) => ({ group: '一票否决', item: v.name, max: null, points: 0, source: '手工（附证明材料）', fact: `最高${v.maxStars}星`, evidence: v.evidence })),
    ],
  }));
}

export const starsCommands: Command[] = [
  command({
    path: ['stars', 'score'],
    usage: 'stars score --year YYYY [--scheme FILE.json] [--json]',
    summary: '一年的评星定级：每个党支部的得分、星级、是否一票否决及每项得分的来源（--scheme：按文件中的方案试算，不保存）',
    handler: 'stars/score',
    input: (a) => {
      const file = flag(a, 'scheme');
      if (file && !fs.existsSync(file)) throw new LedgerError(`找不到方案文件：${file}`);
      return { year: requireFlag(a, 'year'), ...(file ? { scheme: fs.readFileSync(file, 'utf8') } : {}) };
    },
    print: (s) => ({
      json: scoreJson(s),
      text: () =>
        `${s.year}年度评星定级（方案：${s.scheme.name}，版本 ${s.scheme.version}${s.scheme.example ? '，示例（本地做法，需按本单位考核办法调整）' : ''}）\n` +
        table([['党支部', '得分', '星级', '较上年', '说明'], ...s.branches.map((b) => [b.branch, String(b.score), b.starsText, b.change || '—', [...b.vetoes.map((v) => `一票否决：${v.name}`), ...b.reasons].join('；')])]) +
        `\n${Object.entries(s.counts).map(([k, n]) => `${k} ${n} 个`).join('，')}`,
    }),
  }),
  {
    path: ['stars', 'scheme'],
    usage: 'stars scheme --export FILE.json [--year YYYY] | --import FILE.json',
    summary: '导出评星方案为 .json 文件，或导入 .json 方案（校验后保存为本单位版本）',
    run: async (a, io) => {
      const out = flag(a, 'export');
      const inp = flag(a, 'import');
      if (!!out === !!inp) throw new UsageError('请用 --export FILE.json 或 --import FILE.json 之一');
      if (out) {
        const doc = (await io.invoke('stars/scheme-export', { ...(flag(a, 'year') ? { year: flag(a, 'year') } : {}) })) as FileResult;
        const file = writeDocument(out, doc);
        return io.print({ file }, () => `已导出：${file}`);
      }
      const r = (await io.invoke('stars/scheme-import', fileInputOf(inp!, '找不到方案文件'))) as { version: string };
      io.print({ version: r.version }, () => `已导入评星方案，版本 ${r.version}`);
    },
  },
  command({
    path: ['export', 'stars'],
    usage: 'export stars --year YYYY --out FILE.xlsx',
    summary: '导出评星定级结果汇总表（.xlsx：汇总及评分明细）',
    handler: 'stars/export',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year') }),
  }),
  command({
    path: ['export', 'stars-notice'],
    usage: 'export stars-notice --year YYYY --out FILE.docx',
    summary: '导出评星定级结果公示（.docx）',
    handler: 'stars/export-notice',
    document: true,
    input: (a) => ({ year: requireFlag(a, 'year') }),
  }),
];
