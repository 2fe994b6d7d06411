/** 理论学习中心组 (migration …_study). Row types as stored; see db/schema.ts. The 第一议题 columns are on activities. */

export interface StudyPlanTopicsTable {
  id: string;
  year: number;
  seq: number;
  title: string;
  /** planned month 1–12 */
  month: number;
  /** 集中学习 | 专题研讨 | 专题党课 | 个人自学 */
  form: string;
  lead: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A 中心组 member beyond the 党委 members of the day. */
export interface StudyGroupMembersTable {
  id: string;
  year: number;
  member_id: string | null;
  name: string;
  post: string | null;
  sort_order: number;
  created_at: string;
  deleted_at: string | null;
}

export interface StudyTables {
  study_plan_topics: StudyPlanTopicsTable;
  study_group_members: StudyGroupMembersTable;
}
