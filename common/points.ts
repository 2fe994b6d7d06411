/** 党员积分's fixed lists, shared by core and the renderer (core/points/model.ts re-exports them). */
export const POINTS_GROUPS = ['学习', '组织生活', '党费', '作用发挥', '纪律'] as const;
export type PointsGroup = (typeof POINTS_GROUPS)[number];

export const GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
export type Grade = (typeof GRADES)[number];

/** Where an item's points come from: the ledger (meeting, dues, hours, test, rating) or the branch (entry). */
export const SOURCE_KINDS = ['meeting', 'dues', 'hours', 'test', 'rating', 'entry'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_TITLES: Record<SourceKind, string> = {
  meeting: '每出席一次会议',
  dues: '每按时足额缴纳一个月党费',
  hours: '全年学时达标',
  test: '每次政治理论测试合格',
  rating: '民主评议等次',
  entry: '党支部登记、支委会审核',
};
