/**
 * 学时 rules as versioned data (../shared/reference/study.md 8.1). The built-in version cites the
 * 32 学时 to the 《中国共产党党员教育管理工作条例》第二十条 (still in force) and keeps the 56 学时 plus
 * at least one 集中培训 for 书记 and 班子成员 labelled as the 《2019—2023年全国党员教育培训工作规划》,
 * whose period has ended: flagged for re-checking, never relabelled as the 2024–2028 plan (its figures
 * were not found). Both texts say "一般", so a shortfall is a warning, never an error. A unit's own rule
 * is a further version in the setting `hours.ruleVersions`, with its own source.
 */
import type { Versioned } from '../../common/rules.ts';
import { inForceOn } from '../../common/rules.ts';

export interface HoursRuleValues {
  /** tenths of a 学时 a member needs in a calendar year */
  memberTenths: number;
  memberBasis: string;
  /** tenths a 书记 or 班子成员 needs */
  leaderTenths: number;
  /** 集中培训 records a 书记 or 班子成员 needs among them */
  leaderCentralTrainings: number;
  leaderBasis: string;
  /** why the leader figure is to be re-checked; null once checked */
  leaderPending: string | null;
}

export type HoursRuleVersion = Versioned<HoursRuleValues>;

export const LEADER_PENDING = '规划期已结束，待核对';

export const NATIONAL_HOURS: HoursRuleVersion = {
  version: '2019',
  effectiveFrom: '2019-05-06',
  source: '《中国共产党党员教育管理工作条例》第二十条；《2019—2023年全国党员教育培训工作规划》',
  verified: false,
  values: {
    memberTenths: 320,
    memberBasis: '《中国共产党党员教育管理工作条例》第二十条：党员每年集中学习培训时间一般不少于32学时',
    leaderTenths: 560,
    leaderCentralTrainings: 1,
    leaderBasis: '《2019—2023年全国党员教育培训工作规划》：基层党组织书记和班子成员每年不少于56学时，其中至少参加1次集中培训',
    leaderPending: LEADER_PENDING,
  },
};

/** The version that judges a year: the one in force on its last day. */
export function hoursRuleFor(year: number, unitVersions: readonly HoursRuleVersion[]): HoursRuleVersion {
  return inForceOn([NATIONAL_HOURS, ...unitVersions], `${year}-12-31`);
}
