/** `audit verify`: checks the operation log's hash chain from the command line (exit 1 naming the first broken row). */
import { LedgerError } from '../errors.ts';
import { command, type Command } from './registry.ts';

export const auditCommands: Command[] = [
  command({
    path: ['audit', 'verify'],
    usage: 'audit verify [--json]',
    summary: '校验操作日志的哈希链：完好时退出码 0；被改动、删除或插入时退出码 1，并指出第一条出问题的记录',
    handler: 'audit/verify',
    print: (r, { io }) => {
      if (r.ok) return { json: { ok: true, rows: r.rows }, text: () => `操作日志完好：共 ${r.rows} 条记录，哈希链无断点。` };
      const b = r.firstBroken;
      const where = b.id ? `第 ${b.seq} 条（编号 ${b.id}，时间 ${b.at}）` : `第 ${b.seq} 条之后`;
      if (io.json) io.print({ ok: false, firstBroken: b }, () => '');
      throw new LedgerError(`操作日志校验未通过，${where}：${b.reason}`);
    },
  }),
];
