/** 组织关系转接 (migration …_transfers). Row types as stored; see db/schema.ts. */

export interface TransfersTable {
  id: string;
  /** 转出 | 转入 */
  direction: string;
  /** 介绍信编号: issued by us when going out, copied from the incoming letter when coming in */
  letter_no: string;
  letter_year: number | null;
  letter_seq: number | null;
  member_id: string;
  member_name: string;
  /** 正式 | 预备, as on the letter */
  party_status: string;
  /** our branch: the one left (转出) or joined (转入) */
  branch_id: string;
  from_org: string;
  to_org: string;
  letter_date: string;
  /** 转出: the date the member leaves the roster; 转入: the date the member reported */
  transfer_date: string;
  validity_days: number | null;
  expires_on: string | null;
  /** YYYY-MM, 党费已交到 */
  dues_paid_to: string | null;
  /** 'ledger' | 'clerk' */
  dues_source: string | null;
  /** 转入: YYYY-MM from which the member pays dues here */
  dues_start_month: string | null;
  /** 转出: receipt expected by; 转入: our receipt due to be sent by */
  receipt_due_on: string;
  /** 转出: receipt received on; 转入: receipt sent on */
  receipt_on: string | null;
  receipt_note: string | null;
  /** 转入: 'new' | 'rejoin' */
  in_mode: string | null;
  member_phone: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TransfersTables {
  transfers: TransfersTable;
}
