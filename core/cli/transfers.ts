/** CLI commands of 组织关系转接: the list, the letter, the registers, counts and alerts. */
import { listTransfers, transferCounts } from '../transfers/queries.ts';
import { transferAlerts } from '../transfers/receipts.ts';
import { exportTransferLetter } from '../transfers/letter.ts';
import { exportTransferRegisters } from '../transfers/registers.ts';
import { flag, requireFlag, type Command } from './registry.ts';
import { table, writeExport, yearFlag } from './helpers.ts';

export const transferCommands: Command[] = [
  {
    path: ['transfers', 'list'],
    usage: 'transfers list [--year YYYY] [--json]',
    summary: '列出组织关系转入、转出记录及回执情况',
    run: async (a, io) => {
      const yearText = flag(a, 'year');
      const year = yearText === undefined ? undefined : yearFlag(yearText);
      const l = await io.open();
      const rows = await listTransfers(l.ctx, { year });
      io.print(rows, () =>
        table([
          ['方向', '介绍信编号', '姓名', '日期', '原所在党组织', '接收党组织', '党费交至', '回执', 'ID'],
          ...rows.map((t) => [t.direction, t.letterNo, t.memberName, t.transferDate, t.fromOrg, t.toOrg, t.duesPaidTo ?? '', t.receiptOn ? `${t.status} ${t.receiptOn}` : t.status, t.id]),
        ]) + `\n共 ${rows.length} 条（转出 ${rows.filter((t) => t.direction === '转出').length}，转入 ${rows.filter((t) => t.direction === '转入').length}）`,
      );
    },
  },
  {
    path: ['transfers', 'counts'],
    usage: 'transfers counts --from YYYY-MM-DD --to YYYY-MM-DD',
    summary: '统计一段时间内转入、转出党员人数（用于工作总结）',
    run: async (a, io) => {
      const from = requireFlag(a, 'from');
      const to = requireFlag(a, 'to');
      const l = await io.open();
      const r = await transferCounts(l.ctx, from, to);
      io.print(r, () => `${from} 至 ${to}：${r.text}`);
    },
  },
  {
    path: ['transfers', 'alerts'],
    usage: 'transfers alerts',
    summary: '列出逾期未收回执、已过有效期的介绍信和待寄回执',
    run: async (_a, io) => {
      const l = await io.open();
      const r = await transferAlerts(l.ctx);
      const mark = { error: '【逾期】', warning: '【提醒】', info: '【待办】' };
      io.print(r, () => (r.alerts.length ? r.alerts.map((x) => `${mark[x.level]}${x.message}`).join('\n') : '没有需要跟进的回执。'));
    },
  },
  {
    path: ['export', 'transfer-letter'],
    usage: 'export transfer-letter --transfer ID --out FILE.docx',
    summary: '打印党员组织关系介绍信（存根、介绍信、回执三联，.docx）',
    run: async (a, io) => {
      const id = requireFlag(a, 'transfer');
      const out = requireFlag(a, 'out');
      const l = await io.open();
      const r = await exportTransferLetter(l.ctx, id);
      writeExport(io, out, r.bytes, { text: (file) => `已生成介绍信：${file}` });
    },
  },
  {
    path: ['export', 'transfer-registers'],
    usage: 'export transfer-registers --year YYYY --out FILE.xlsx',
    summary: '导出年度转入党员登记表、年度转出党员登记表（.xlsx）',
    run: async (a, io) => {
      const year = yearFlag(requireFlag(a, 'year'));
      const out = requireFlag(a, 'out');
      const l = await io.open();
      const r = await exportTransferRegisters(l.ctx, year);
      writeExport(io, out, r.bytes, { json: { in: r.in, out: r.out }, text: (file) => `已导出 ${year} 年转入 ${r.in} 名、转出 ${r.out} 名：${file}` });
    },
  },
];
