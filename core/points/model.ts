/**
 * 党员积分 (../shared/reference/evaluation.md 9.4): the groups and kinds of item, the settings with their
 * defaults (who is in scope is local practice, so settings, each with its source), and the shapes the
 * handlers return. Points are whole, signed integers.
 */
import type { PointsSchemeVersion } from './scheme.ts';

import { POINTS_GROUPS, GRADES, SOURCE_KINDS, SOURCE_TITLES } from '../../common/points.ts';
import type { PointsGroup, Grade, SourceKind } from '../../common/points.ts';
export { POINTS_GROUPS, GRADES, SOURCE_KINDS, SOURCE_TITLES, type PointsGroup, type Grade, type SourceKind } from '../../common/points.ts';

export interface HonoursSetting {
  /** 'top': the first N by points; 'threshold': everyone at or above the threshold */
  mode: 'top' | 'threshold';
  count: number;
  threshold: number;
  /** ranked within each branch or across the bureau */
  scope: 'branch' | 'bureau';
}

export const pointsSettingDefaults = {
  /** the unit's versions of the scheme (the example is built in, core/points/scheme.ts) */
  'points.schemeVersions': [] as PointsSchemeVersion[],
  /** reasons a member is left out of a year's points: 9.4 [V11] "借调、外出培训、长期病假的党员不参加" */
  'points.exclusionReasons': ['借调', '外出培训', '长期病假'],
  /** member categories not scored: 离退休 ([V12] 市直机关; [V11] scores the 派出所 and 机关 departments) */
  'points.excludedCategories': ['离退休'],
  /** 预备党员 are scored ([V11] "全体在册党员和预备党员") */
  'points.includeProbationary': true,
  /** the 评先树优 list: no source gives a rule, so an example: the first 3 of each branch */
  'points.honours': { mode: 'top', count: 3, threshold: 90, scope: 'branch' } as HonoursSetting,
};

export interface PointsLine {
  itemKey: string;
  item: string;
  group: PointsGroup;
  date: string;
  /** the item's points for this line, signed */
  points: number;
  /** what counts after the cap (0 once the cap is reached, 0 for an entry not yet approved) */
  awarded: number;
  capped: boolean;
  /** false: an entry not yet approved by the 支委会 (shown, not counted) */
  counted: boolean;
  source: { kind: SourceKind; id: string | null; text: string };
}

export interface MemberPoints {
  memberId: string;
  name: string;
  branchId: string;
  branch: string;
  partyStatus: string;
  /** why the member is not scored this year; null when scored */
  excluded: string | null;
  /** where the exclusion comes from: this member's own (with its note; points/exclude), the member's category or 预备党员 (the settings) */
  excludedBy: 'member' | 'category' | 'probationary' | null;
  exclusionNote?: string | null;
  base: number;
  plus: number;
  minus: number;
  total: number;
  byGroup: Record<PointsGroup, number>;
  /** entries waiting for the 支委会 */
  pending: number;
  rankInBranch: number | null;
  rankInBureau: number | null;
  lines?: PointsLine[];
}

export interface PointsYear {
  year: number;
  scheme: { version: string; effectiveFrom: string; source: string; verified: boolean; example: boolean; base: number };
  honours: HonoursSetting;
  members: MemberPoints[];
}

export interface EntryRow {
  id: string;
  memberId: string;
  name: string;
  branch: string;
  itemKey: string;
  item: string;
  onDate: string;
  points: number;
  reason: string;
  approvedOn: string | null;
  approvalRef: string | null;
  approvalActivityId: string | null;
  note: string | null;
  attachments: number;
}

export const pointsLabels = {
  year: '年份',
  month: '月份',
  branchId: '党支部',
  branch: '党支部',
  memberId: '党员',
  itemKey: '积分项目',
  itemName: '积分项目名称',
  onDate: '日期',
  points: '分值',
  reason: '事由',
  approvedOn: '支委会审核日期',
  approvalRef: '支委会会议',
  approvalActivityId: '支委会会议记录',
  note: '备注',
  effectiveFrom: '施行日期',
  source: '依据',
  base: '基础分',
  items: '积分项目',
  key: '项目编号',
  name: '项目名称',
  group: '类别',
  cap: '年度上限',
  types: '会议类型',
  grades: '评议等次',
  exclusionReasons: '不参加积分的情形',
  excludedCategories: '不参加积分的人员类别',
  includeProbationary: '预备党员参加积分',
  honours: '评先树优名单',
  lines: '逐条来源',
  pending: '只看未审核',
  approval: '支委会审核',
  basis: '出处',
  mode: '名单产生方式',
  count: '人数',
  threshold: '分数线',
};
