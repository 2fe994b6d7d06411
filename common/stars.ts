/** 评星定级's indicator sources, shared by core and the renderer (core/stars/model.ts re-exports them). */
/** Where an indicator's points come from: the clerk's hand entry, or a fact of the ledger. */
export const SOURCES = ['hand', 'meetings', 'dues', 'development', 'term', 'evaluation', 'hours', 'rectification', 'archive'] as const;
export type SourceKind = (typeof SOURCES)[number];

export const SOURCE_LABEL: Record<SourceKind, string> = {
  hand: '手工评分（附证明材料）',
  meetings: '三会一课落实情况（组织生活检查）',
  dues: '党费按月缴纳率（党费台账）',
  development: '发展党员规范情况（发展党员规则检查）',
  term: '按期换届（组织设置）',
  evaluation: '民主评议党员开展情况',
  hours: '党员学时达标率（学时台账）',
  rectification: '整改事项按时销号率（整改台账）',
  archive: '档案材料完整率（迎检清单）',
};
