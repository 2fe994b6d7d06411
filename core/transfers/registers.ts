/** The view model of the 年度转入/转出党员登记表 (templates/transfer-registers.ts): a record of formatted strings per transfer, in date order. */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { chineseDate, monthLabel } from '../../common/labels.ts';
import { transferRegistersWorkbook, type TransferRegistersModel } from '../../templates/transfer-registers.ts';
import { listTransfers, transferCounts } from './queries.ts';

export async function transferRegistersModel(ctx: Ctx, year: number): Promise<TransferRegistersModel> {
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const all = (await listTransfers(ctx, { year })).reverse();
  const ids = [...new Set(all.map((t) => t.memberId))];
  const people = ids.length
    ? await ctx.db.selectFrom('members').select(['id', 'gender', 'birth_date', 'ethnicity']).where('id', 'in', ids).execute()
    : [];
  const person = new Map(people.map((p) => [p.id, p]));
  const counts = await transferCounts(ctx, `${year}-01-01`, `${year}-12-31`);
  const today = ctx.platform.today();
  const footer = `填表人：　　　　　　审核人：　　　　　　填表日期：${chineseDate(today)}`;
  const basics = (t: { memberId: string; memberName: string; partyStatus: string }) => {
    const p = person.get(t.memberId);
    return { name: t.memberName, gender: p?.gender ?? '', birthDate: p?.birth_date ?? '', ethnicity: p?.ethnicity ?? '', partyStatus: t.partyStatus };
  };
  const ins = all.filter((t) => t.direction === '转入');
  const outs = all.filter((t) => t.direction === '转出');
  return {
    transferIn: {
      title: `${year}年度转入党员登记表`,
      subtitle: `填报单位：${unit}　　${year}年共转入党员 ${counts.in} 名`,
      rows: ins.map((t) => ({
        ...basics(t),
        fromOrg: t.fromOrg,
        letterNo: t.letterNo,
        letterDate: t.letterDate,
        transferDate: t.transferDate,
        branchName: t.branchName,
        duesPaidTo: t.duesPaidTo ? monthLabel(t.duesPaidTo) : '',
        duesStartMonth: t.duesStartMonth ? monthLabel(t.duesStartMonth) : '',
        receipt: t.receiptOn ?? (t.status === '回执逾期未寄' ? '逾期未寄' : '未寄'),
        note: [t.inMode === 'rejoin' ? '原党员恢复在册' : '', t.note ?? ''].filter(Boolean).join('；'),
      })),
      footer,
    },
    transferOut: {
      title: `${year}年度转出党员登记表`,
      subtitle: `填报单位：${unit}　　${year}年共转出党员 ${counts.out} 名`,
      rows: outs.map((t) => ({
        ...basics(t),
        branchName: t.branchName,
        toOrg: t.toOrg,
        transferDate: t.transferDate,
        letterNo: t.letterNo,
        validityDays: String(t.validityDays ?? ''),
        duesPaidTo: t.duesPaidTo ? monthLabel(t.duesPaidTo) : '',
        receipt: t.receiptOn ?? (t.status === '回执逾期' ? '逾期未收' : '未收'),
        note: t.note ?? '',
      })),
      footer,
    },
  };
}

export async function exportTransferRegisters(ctx: Ctx, year: number): Promise<{ bytes: Uint8Array; fileName: string; in: number; out: number }> {
  const model = await transferRegistersModel(ctx, year);
  return {
    bytes: await transferRegistersWorkbook(model),
    fileName: `${year}年度转入转出党员登记表.xlsx`,
    in: model.transferIn.rows.length,
    out: model.transferOut.rows.length,
  };
}
