/** 整改台账 and 制度文件's fixed lists, shared by core and the renderer (core/rectification/model.ts re-exports them). */
export const RECT_SOURCES = ['党建工作检查', '巡察', '审计', '民主生活会', '组织生活会', '述职评议', '专项整治', '其他'] as const;
export const RECT_STATUSES = ['未启动', '整改中', '待验收', '已销号', '长期坚持'] as const;
export type RectStatus = (typeof RECT_STATUSES)[number];
/** statuses the clerk sets by hand; 已销号 only through 销号 (evidence, date and 验收人) */
export const OPEN_STATUSES = ['未启动', '整改中', '待验收', '长期坚持'] as const;
export const PLAN_KINDS = ['整改', '工作要点'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const LINK_KINDS = ['compliance', 'inspect', 'arrears'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const RULE_CATEGORIES = ['制度', '工作要点', '学习安排', '方案', '通知'] as const;
export const RULE_STATUSES = ['现行', '已废止'] as const;
