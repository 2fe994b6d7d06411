/** 发展党员 files and their steps (migration …_development). Row types as stored; see db/schema.ts. */

/** 发展档案: one person on the way to membership (申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员). */
export interface DevelopmentFilesTable {
  id: string;
  name: string;
  gender: string;
  ethnicity: string;
  birth_date: string;
  id_number: string;
  native_place: string | null;
  education: string | null;
  category: string;
  work_unit: string | null;
  position: string | null;
  phone: string | null;
  branch_id: string;
  member_id: string | null;
  extension_months: number | null;
  extension_decided_on: string | null;
  /** 撤回申请 | 不再培养 | 未被接收 | 未被批准 | 取消预备党员资格 | 其他; null while in the file */
  left_type: string | null;
  left_date: string | null;
  left_reason: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One of the 25 steps, once it has happened. */
export interface DevelopmentStepsTable {
  id: string;
  file_id: string;
  step: number;
  date: string;
  actor: string | null;
  outcome: string | null;
  documents_json: string;
  details_json: string;
  note: string | null;
  entered_on: string;
  created_at: string;
  updated_at: string;
}

export interface DevelopmentTables {
  development_files: DevelopmentFilesTable;
  development_steps: DevelopmentStepsTable;
}
