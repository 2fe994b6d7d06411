/** CLI commands of 政治理论测试: import a score workbook, list, figures, 抽测, the 测试成绩统计表 (issue 13 item 5). */
import { LedgerError } from '../errors.ts';
import { command, flag, requireFlag, UsageError, type Command } from './registry.ts';
import { fileInputOf, num, table } from './helpers.ts';

const list = (v: string | undefined) => (v ? v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) : []);

export const testCommands: Command[] = [
  command({
    path: ['tests', 'import'],
    usage: 'tests import FILE.xlsx --name NAME --date YYYY-MM-DD --kind 全员普测|集中抽测|补考 [--pass 60] [--full 100]',
    summary: '导入问卷星、考试宝或“姓名＋成绩”成绩表为一次测试；任何一行有误则整份不导入并逐行列出问题',
    handler: 'tests/import',
    input: (a) => {
      const file = a.positional[0];
      if (!file) throw new UsageError('缺少要导入的文件');
      return { ...fileInputOf(file), name: requireFlag(a, 'name'), date: requireFlag(a, 'date'), kind: requireFlag(a, 'kind'), pass: num(flag(a, 'pass')), full: num(flag(a, 'full')) };
    },
    print: (r, { io }) => {
      if (!r.written) {
        if (io.json) io.out(JSON.stringify({ written: false, problems: r.problems }, null, 2));
        throw new LedgerError(`有 ${r.invalidCount} 行有误，未导入任何成绩：\n${r.problems.map((p) => `第 ${p.row} 行 ${p.column}：${p.message}`).join('\n')}\n改正后重新导入。`);
      }
      return { json: { id: r.testId, participants: r.validCount, members: r.members, nonMembers: r.nonMembers }, text: () => `${r.testId}\n已导入 ${r.validCount} 人的成绩（党员 ${r.members} 人，非党员 ${r.nonMembers} 人）。` };
    },
  }),
  command({
    path: ['tests', 'list'],
    usage: 'tests list [--year YYYY] [--json]',
    summary: '列出政治理论测试及参加人数、合格率、平均分',
    handler: 'tests/list',
    input: (a) => ({ year: flag(a, 'year') }),
    print: (rows) => ({
      json: rows,
      text: () =>
        table([['日期', '名称', '类型', '参加', '合格', '合格率', '平均分', 'ID'], ...rows.map((t) => [t.testDate, t.name, t.kind, String(t.participants), String(t.passed), t.passRate === null ? '—' : `${t.passRate}%`, t.average === null ? '—' : t.average.toFixed(1), t.id])]) +
        `\n共 ${rows.length} 次测试`,
    }),
  }),
  command({
    path: ['tests', 'stats'],
    usage: 'tests stats --test ID [--json]',
    summary: '一次测试的参加人数、党员与非党员、合格人数、合格率、平均分（四舍五入一位小数）、最高分、最低分',
    handler: 'tests/stats',
    input: (a) => ({ testId: requireFlag(a, 'test') }),
    print: (s) => ({
      json: { participants: s.participants, members: s.members, nonMembers: s.nonMembers, passed: s.passed, passRate: s.passRate, average: s.average, max: s.max, min: s.min },
      text: () =>
        [s.sentence, ...s.byBranch.map((g) => `${g.name}：${g.participants} 人，合格 ${g.passed} 人，平均分 ${g.average === null ? '—' : g.average.toFixed(1)}`)].join('\n'),
    }),
  }),
  command({
    path: ['tests', 'sample'],
    usage: 'tests sample --from-test ID | --branches A,B --count N [--seed S] [--json]',
    summary: '抽测：从一次测试的参加人员（可限定党支部或部门）或所选党支部的党员中随机抽取，记录随机种子',
    handler: 'tests/sample',
    input: (a) => {
      const fromTestId = flag(a, 'from-test');
      const scope = list(flag(a, 'branches'));
      if (!fromTestId && !scope.length) throw new UsageError('请用 --from-test 指定测试，或用 --branches 指定党支部');
      return { fromTestId, scope, count: num(requireFlag(a, 'count')), seed: flag(a, 'seed') };
    },
    print: (d) => ({
      json: { id: d.id, seed: d.seed, count: d.count, poolSize: d.poolSize, picked: d.picked },
      text: () => [`从 ${d.poolSize} 人中抽取 ${d.count} 人（随机种子 ${d.seed}，名单 ID ${d.id}）：`, ...d.picked.map((p, i) => `${i + 1}\t${p.name}\t${p.branch ?? '非党员'}\t${p.department ?? ''}`)].join('\n'),
    }),
  }),
  command({
    path: ['export', 'test-results'],
    usage: 'export test-results --test ID --out FILE.xlsx',
    summary: '导出测试成绩统计表（.xlsx）',
    handler: 'tests/export-results',
    document: true,
    input: (a) => ({ testId: requireFlag(a, 'test') }),
    print: (r, { file }) => ({ json: { file, sentence: r.sentence }, text: () => `已导出：${file}\n${r.sentence}` }),
  }),
];
