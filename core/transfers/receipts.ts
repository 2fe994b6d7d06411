/**
 * Receipts (回执): recording the one that came back for a letter we issued, or
 * the one we sent for a letter we received, and the reminders of what is still
 * open: overdue receipts, expired letters, members not transferred for 6 months.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { audit } from '../audit/service.ts';
import { addMonths } from '../../common/dates.ts';
import type { Transfer } from './model.ts';
import { getTransfer, listTransfers } from './queries.ts';
import { ledgerStartDate } from '../settings/start-date.ts';

/** 转出: the day the receipt came back; 转入: the day we sent ours. `null` clears a wrong entry. */
export async function recordReceipt(ctx: Ctx, id: string, receiptOn: string | null, note: string | null): Promise<Transfer> {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await getTransfer(ctx, id, tx);
    if (receiptOn) {
      if (receiptOn > ctx.platform.today()) throw new LedgerError('“回执日期”不能晚于今天', 'receiptOn');
      if (receiptOn < before.letterDate) throw new LedgerError(`“回执日期”不能早于介绍信日期 ${before.letterDate}`, 'receiptOn');
    }
    await tx.updateTable('transfers').set({ receipt_on: receiptOn, receipt_note: note, updated_at: ctx.platform.now() }).where('id', '=', id).execute();
    const after = await getTransfer(ctx, id, tx);
    const what = before.direction === '转出' ? (receiptOn ? `收到回执（${receiptOn}）` : '撤销回执登记') : receiptOn ? `寄回回执（${receiptOn}）` : '撤销寄回回执登记';
    await audit(tx, ctx, { entity: 'transfers', entityId: id, action: '修改', summary: `介绍信第${before.letterNo}号（${before.memberName}）${what}`, before, after });
    return after;
  });
}

/** Party Constitution: 6 months without a valid reason of not transferring (no life, no dues) → 自行脱党, decided by the 支部大会. */
export const NON_TRANSFER_MONTHS = 6;

export interface TransferAlert {
  transferId: string;
  level: 'error' | 'warning' | 'info';
  message: string;
}

/**
 * What the clerk should chase: receipts overdue, letters expired without a receipt, our own receipts to send.
 * A deadline that passed before the 台账启用日期 is not judged: it is told as information, to check and record.
 */
export async function transferAlerts(ctx: Ctx): Promise<{ alerts: TransferAlert[]; openOut: number; openIn: number }> {
  const open = await listTransfers(ctx, { openOnly: true });
  const today = ctx.platform.today();
  const startDate = await ledgerStartDate(ctx.db, today);
  const alerts: TransferAlert[] = [];
  for (const t of open) {
    const who = `${t.memberName}（介绍信第${t.letterNo}号）`;
    const overdue = t.status === '回执逾期' || t.status === '回执逾期未寄' || (t.direction === '转出' && today > addMonths(t.transferDate, NON_TRANSFER_MONTHS));
    if (overdue && t.receiptDueOn < startDate)
      alerts.push({
        transferId: t.id,
        level: 'info',
        message: `${who}${t.direction === '转出' ? `转往${t.toOrg}，回执应于 ${t.receiptDueOn} 前寄回` : `自${t.fromOrg}转入，本单位应于 ${t.receiptDueOn} 前寄回回执`}（台账启用前到期），请核实${t.direction === '转出' ? '是否已收到' : '是否已寄回'}并登记`,
      });
    else if (t.direction === '转出' && today > addMonths(t.transferDate, NON_TRANSFER_MONTHS))
      alerts.push({
        transferId: t.id,
        level: 'error',
        message: `${who}转往${t.toOrg}已超过 ${NON_TRANSFER_MONTHS} 个月仍未收到回执，请核实是否已报到；无正当理由连续 ${NON_TRANSFER_MONTHS} 个月不转接组织关系的，按党章规定由支部大会研究处理（本系统不自动处理）`,
      });
    else if (t.status === '回执逾期') alerts.push({ transferId: t.id, level: 'error', message: `${who}转往${t.toOrg}，回执应于 ${t.receiptDueOn} 前寄回，已逾期 ${t.overdueDays} 天，请与接收单位联系` });
    else if (t.status === '已过有效期') alerts.push({ transferId: t.id, level: 'warning', message: `${who}介绍信已于 ${t.expiresOn} 过有效期，尚未收到回执，请核实是否已报到（接收前仍由本单位管理）` });
    else if (t.status === '回执逾期未寄') alerts.push({ transferId: t.id, level: 'error', message: `${who}自${t.fromOrg}转入，本单位应于 ${t.receiptDueOn} 前寄回回执，已逾期 ${t.overdueDays} 天` });
    else if (t.status === '待寄回执') alerts.push({ transferId: t.id, level: 'info', message: `${who}自${t.fromOrg}转入，请于 ${t.receiptDueOn} 前寄回回执` });
  }
  const order = { error: 0, warning: 1, info: 2 };
  alerts.sort((a, b) => order[a.level] - order[b.level]);
  return { alerts, openOut: open.filter((t) => t.direction === '转出').length, openIn: open.filter((t) => t.direction === '转入').length };
}
