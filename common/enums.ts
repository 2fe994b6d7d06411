/**
 * The fixed lists the ledger validates against and the screens offer, kept once
 * for core (zod schemas, checks) and renderer (selects, radio buttons).
 */

// 党员 (core/members)
export const GENDERS = ['男', '女'] as const;
export const PARTY_STATUSES = ['正式', '预备'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];
/** 人员类别 on the roster */
export const MEMBER_CATEGORIES = ['在职', '离退休', '学生', '下岗失业', '低保', '农民', '其他'] as const;
export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'] as const;
/** ways of leaving the roster */
export const LEAVE_TYPES = ['转出', '去世', '出党', '停止党籍'] as const;

// 组织 (core/org)
export const ORG_KINDS = ['党委', '党总支', '党支部', '党小组'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ROLES = ['书记', '副书记', '组织委员', '宣传委员', '纪检委员', '青年委员', '委员', '组长', '副组长'] as const;
export type Role = (typeof ROLES)[number];
/** 党小组设组长，必要时可以设副组长 (《中国共产党支部工作条例（试行）》第十一条). */
export const GROUP_ROLES: readonly Role[] = ['组长', '副组长'];
/** The posts an organization of this kind has: a 党小组 its 组长/副组长, a 党委, 党总支 or 党支部 its committee's. */
export function rolesFor(kind: string): readonly Role[] {
  return kind === '党小组' ? GROUP_ROLES : ROLES.filter((r) => !GROUP_ROLES.includes(r));
}

// 党费 (core/dues)
export const DUES_CATEGORIES = ['在职', '离退休', '学生', '下岗失业', '低保', '农民', '困难减免'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
/** 缴纳方式: how the money came (缴纳类型, when it came against its month, is in common/dues-pay.ts). */
export const PAY_METHODS = ['现金', '转账', '代缴'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];

// 组织生活 (core/activities)
/** Built-in activity types; a unit may add its own (setting activities.customTypes). */
export const ACTIVITY_TYPES = [
  '支部党员大会',
  '支部委员会',
  '党小组会',
  '党课',
  '主题党日',
  '政治学习日',
  '组织生活会',
  '民主评议党员',
  '民主生活会',
  '理论学习中心组学习',
  '谈心谈话',
  '党委会',
] as const;
/** 中心组学习的形式 (study.md 8.2) */
export const STUDY_FORMS = ['集中学习', '专题研讨'] as const;
export type StudyForm = (typeof STUDY_FORMS)[number];
/** 学习安排中重点专题的学习形式 */
export const PLAN_FORMS = ['集中学习', '专题研讨', '专题党课', '个人自学'] as const;
export type PlanForm = (typeof PLAN_FORMS)[number];
export const ATTENDANCE_STATUSES = ['出席', '请假', '公出', '病假', '缺席'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const DECISION_KINDS = ['一般', '发展党员', '选举'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const VOTE_METHODS = ['举手表决', '无记名投票', '鼓掌通过'] as const;

// 发展党员 (core/development)
/** who a dossier's person is at each of the five stages */
export const STAGE_TITLES = ['申请人', '入党积极分子', '发展对象', '预备党员', '正式党员'] as const;
export type StageTitle = (typeof STAGE_TITLES)[number];
/** 人员类别 of an applicant */
export const DEV_CATEGORIES = ['在职', '离退休', '学生', '其他'] as const;
