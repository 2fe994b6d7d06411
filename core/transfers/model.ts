/**
 * A transfer as the API sees it, with its receipt status worked out for a
 * given day. 转出: we issued the letter and wait for the receipt (回执) from the
 * receiving 基层党委. 转入: we received a letter and owe the sender our receipt
 * within one month.
 */
import type { TransfersTable } from '../../db/schema.ts';

export const DIRECTIONS = ['转出', '转入'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * 转出: 待回执 → (letter expired) 已过有效期 → (past the receipt date) 回执逾期 ; 已收回执.
 * 转入: 待寄回执 → 回执逾期未寄 ; 已寄回执.
 */
export type ReceiptStatus = '待回执' | '已过有效期' | '回执逾期' | '已收回执' | '待寄回执' | '回执逾期未寄' | '已寄回执';

export interface Transfer {
  id: string;
  direction: Direction;
  letterNo: string;
  memberId: string;
  memberName: string;
  partyStatus: string;
  branchId: string;
  branchName: string;
  fromOrg: string;
  toOrg: string;
  letterDate: string;
  transferDate: string;
  validityDays: number | null;
  expiresOn: string | null;
  duesPaidTo: string | null;
  duesSource: 'ledger' | 'clerk' | null;
  duesStartMonth: string | null;
  receiptDueOn: string;
  receiptOn: string | null;
  receiptNote: string | null;
  inMode: 'new' | 'rejoin' | null;
  memberPhone: string | null;
  note: string | null;
  status: ReceiptStatus;
  /** Days past the receipt date (0 when not overdue). */
  overdueDays: number;
  createdAt: string;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function receiptStatus(r: Pick<TransfersTable, 'direction' | 'receipt_on' | 'receipt_due_on' | 'expires_on'>, today: string): ReceiptStatus {
  if (r.direction === '转入') {
    if (r.receipt_on) return '已寄回执';
    return today > r.receipt_due_on ? '回执逾期未寄' : '待寄回执';
  }
  if (r.receipt_on) return '已收回执';
  if (today > r.receipt_due_on) return '回执逾期';
  if (r.expires_on && today > r.expires_on) return '已过有效期';
  return '待回执';
}

export function rowToTransfer(r: TransfersTable & { branch_name: string }, today: string): Transfer {
  const status = receiptStatus(r, today);
  return {
    id: r.id,
    direction: r.direction as Direction,
    letterNo: r.letter_no,
    memberId: r.member_id,
    memberName: r.member_name,
    partyStatus: r.party_status,
    branchId: r.branch_id,
    branchName: r.branch_name,
    fromOrg: r.from_org,
    toOrg: r.to_org,
    letterDate: r.letter_date,
    transferDate: r.transfer_date,
    validityDays: r.validity_days,
    expiresOn: r.expires_on,
    duesPaidTo: r.dues_paid_to,
    duesSource: (r.dues_source as Transfer['duesSource']) ?? null,
    duesStartMonth: r.dues_start_month,
    receiptDueOn: r.receipt_due_on,
    receiptOn: r.receipt_on,
    receiptNote: r.receipt_note,
    inMode: (r.in_mode as Transfer['inMode']) ?? null,
    memberPhone: r.member_phone,
    note: r.note,
    status,
    overdueDays: status === '回执逾期' || status === '回执逾期未寄' ? daysBetween(r.receipt_due_on, today) : 0,
    createdAt: r.created_at,
  };
}

export const transferLabels: Record<string, string> = {
  memberId: '党员',
  toOrg: '接收党组织',
  fromOrg: '原所在党组织',
  transferDate: '转接日期',
  letterDate: '介绍信日期',
  letterNo: '介绍信编号',
  validityDays: '有效期（天）',
  duesPaidTo: '党费已交到',
  duesStartMonth: '党费起交月份',
  receiptOn: '回执日期',
  branchId: '编入支部',
  member: '党员信息',
  direction: '转接方向',
  openOnly: '只看未办结',
  memberPhone: '党员联系电话',
  mode: '转入方式',
  validityDaysDefault: '默认有效期（天）',
  validityDaysMax: '最长有效期（天）',
  contact: '本党委通讯地址',
  address: '通讯地址',
  phone: '联系电话',
  fax: '传真',
  postcode: '邮政编码',
  numeralStyle: '数字写法',
  letterNoPattern: '介绍信编号格式',
};
