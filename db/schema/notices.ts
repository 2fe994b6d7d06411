/** 党建工作提醒 and the 主题党日工作安排 (migration …_notices). Row types as stored; see db/schema.ts. */

export interface ThemeDayPlansTable {
  id: string;
  year: number;
  /** 1–12 */
  month: number;
  theme: string;
  content: string | null;
  doc_no: string | null;
  issued_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface MonthlyNoticesTable {
  id: string;
  /** YYYY-MM */
  month: string;
  year: number;
  seq: number;
  doc_no: string;
  issued_on: string;
  file_name: string;
  sha256: string;
  created_at: string;
}

export interface NoticeNumbersTable {
  year: number;
  next_no: number;
}

export interface NoticesTables {
  theme_day_plans: ThemeDayPlansTable;
  monthly_notices: MonthlyNoticesTable;
  notice_numbers: NoticeNumbersTable;
}
