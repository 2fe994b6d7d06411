/** CLI commands of organizational life: activities list, check, export record-book, export life-stats, stats activities. */
import { LedgerError } from '../errors.ts';
import { isValidIsoDate } from '../validate.ts';
import { requireBranchByName } from '../org/service.ts';
import type { Tx } from '../audit/service.ts';
import { listActivities } from '../activities/service.ts';
import { complianceCheck, STATUS_LABEL } from '../activities/compliance.ts';
import { activityStats } from '../activities/stats.ts';
import { exportLifeStats, exportRecordBook } from '../activities/exports.ts';
import { flag, requireFlag, UsageError, type Command } from './registry.ts';
import { table, writeExport, yearFlag } from './helpers.ts';

function dateFlag(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isValidIsoDate(v)) throw new UsageError(`--${name} 应为日期（如 2026-01-01）`);
  return v;
}

/** A branch by name, or the 党委 itself by its name or "党委". */
async function orgByName(tx: Tx, name: string): Promise<{ id: string; name: string }> {
  const committee = await tx
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('kind', 'in', ['党委', '党总支'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('name', '=', name), eb('short_name', '=', name)]))
    .executeTakeFirst();
  if (committee) return committee;
  if (name === '党委') {
    const c = await tx.selectFrom('org_units').select(['id', 'name']).where('kind', '=', '党委').where('deleted_at', 'is', null).executeTakeFirst();
    if (c) return c;
  }
  return requireBranchByName(tx, name);
}

export const activityCommands: Command[] = [
  {
    path: ['activities', 'list'],
    usage: 'activities list [--branch 支部名称] [--type 活动类型] [--from 日期] [--to 日期]',
    summary: '列出组织生活记录（应到/实到、是否达到法定人数、补记）',
    run: async (a, io) => {
      const l = await io.open();
      const branch = flag(a, 'branch');
      const orgId = branch ? (await orgByName(l.ctx.db, branch)).id : undefined;
      const rows = await listActivities(l.ctx, { orgId, type: flag(a, 'type'), from: dateFlag('from', flag(a, 'from')), to: dateFlag('to', flag(a, 'to')) });
      io.print(rows, () =>
        table([
          ['日期', '党组织', '类型', '主题/题目', '应到', '实到', '法定人数', '补记'],
          ...rows.map((r) => [
            r.heldOn,
            r.groupName ? `${r.orgName}${r.groupName}` : r.orgName,
            r.type,
            r.topic ?? '',
            String(r.due),
            String(r.present),
            r.quorum.met === null ? '—' : r.quorum.met ? '达到' : '未达到',
            r.late ? `补记（${r.enteredOn}）` : '',
          ]),
        ]) + `\n共 ${rows.length} 条`,
      );
    },
  },
  {
    path: ['check'],
    usage: 'check --year YYYY [--as-of 日期] [--json]',
    summary: '组织生活合规检查：缺失、待开展、未达法定人数、延后开展',
    run: async (a, io) => {
      const year = yearFlag(requireFlag(a, 'year'));
      const asOf = dateFlag('as-of', flag(a, 'as-of'));
      const l = await io.open();
      const findings = await complianceCheck(l.ctx, year, asOf);
      io.print(findings, () =>
        findings.length
          ? table([['党组织', '活动', '期间', '情况', '严重程度', '说明'], ...findings.map((f) => [f.branch, `${f.rule.type}（${f.rule.label}）`, f.periodLabel, STATUS_LABEL[f.status], f.severity, f.message])]) +
            `\n共 ${findings.length} 项`
          : `${year} 年没有发现问题`,
      );
    },
  },
  {
    path: ['export', 'record-book'],
    usage: 'export record-book --branch 支部名称 (--year YYYY | --from 日期 --to 日期) --out FILE.docx',
    summary: '导出三会一课记录本（.docx，GB/T 9704 版式）',
    run: async (a, io) => {
      const out = requireFlag(a, 'out');
      const branch = requireFlag(a, 'branch');
      const yearText = flag(a, 'year');
      const from = dateFlag('from', flag(a, 'from'));
      const to = dateFlag('to', flag(a, 'to'));
      if (!yearText && !(from && to)) throw new UsageError('需要 --year，或同时给出 --from 和 --to');
      const l = await io.open();
      const org = await orgByName(l.ctx.db, branch);
      const r = await exportRecordBook(l.ctx, { orgId: org.id, year: yearText ? yearFlag(yearText) : undefined, from, to });
      writeExport(io, out, r.bytes, { json: { bytes: r.bytes.length }, text: (file) => `已导出${org.name}记录本：${file}` });
    },
  },
  {
    path: ['export', 'life-stats'],
    usage: 'export life-stats --year YYYY [--as-of 日期] --out FILE.xlsx',
    summary: '导出组织生活开展情况统计表（.xlsx）',
    run: async (a, io) => {
      const out = requireFlag(a, 'out');
      const year = yearFlag(requireFlag(a, 'year'));
      const asOf = dateFlag('as-of', flag(a, 'as-of'));
      const l = await io.open();
      const r = await exportLifeStats(l.ctx, year, asOf);
      writeExport(io, out, r.bytes, { json: { bytes: r.bytes.length }, text: (file) => `已导出统计表：${file}` });
    },
  },
  {
    path: ['stats', 'activities'],
    usage: 'stats activities --from 日期 --to 日期 [--branch 支部名称] [--json]',
    summary: '组织生活统计：各类活动次数和参加人次（工作总结用语）',
    run: async (a, io) => {
      const from = dateFlag('from', requireFlag(a, 'from'))!;
      const to = dateFlag('to', requireFlag(a, 'to'))!;
      if (to < from) throw new LedgerError('结束日期早于开始日期', 'to');
      const l = await io.open();
      const branch = flag(a, 'branch');
      const orgId = branch ? (await orgByName(l.ctx.db, branch)).id : undefined;
      const s = await activityStats(l.ctx, { from, to, orgId });
      io.print(s, () =>
        table([['活动类型', '次数', '参加人次'], ...s.byType.map((f) => [f.type, String(f.count), String(f.personTimes)]), ['合计', String(s.total.count), String(s.total.personTimes)]]) +
          '\n\n' +
          (s.sentences.length ? `${s.sentences.join('；')}。` : '本期间没有组织生活记录。'),
      );
    },
  },
];
