/** 学时 (migration …_study_hours). Row types as stored; see db/schema.ts. Hours in tenths of a 学时. */

export interface StudyTrainingsTable {
  id: string;
  member_id: string;
  /** 集中培训 | 网络培训 */
  kind: string;
  start_on: string;
  end_on: string | null;
  hours: number;
  title: string;
  organizer: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface StudyOnlineImportsTable {
  id: string;
  year: number;
  source_file: string;
  imported_on: string;
  row_count: number;
  note: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface StudyOnlineHoursTable {
  id: string;
  import_id: string;
  row_no: number;
  member_id: string;
  name: string;
  hours: number;
  created_at: string;
}

export interface HoursTables {
  study_trainings: StudyTrainingsTable;
  study_online_imports: StudyOnlineImportsTable;
  study_online_hours: StudyOnlineHoursTable;
}
