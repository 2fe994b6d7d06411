/**
 * The points scheme as versioned data (evaluation.md 9.4). No national scheme exists and the 公安分局's own
 * values were not obtained [V11], so the built-in version is an example of local practice, marked so in the
 * UI: base 60 and the 学习 / 组织生活 values of a generic online guide [G, unverified: "base 60. 学习 20
 * (集中学习 2 each, cap 12); 组织生活 20 (三会一课 3 each, cap 12; 主题党日 2 each, cap 8)"]; the other items
 * are this app's examples with no source, each saying so. The 党委's own scheme is a further version in the
 * setting `points.schemeVersions`, with its own source; a year is scored by the version in force on its last day.
 */
import { z } from 'zod';
import type { Versioned } from '../../common/rules.ts';
import { inForceOn } from '../../common/rules.ts';
import { isoDate, text } from '../validate.ts';
import { GRADES, POINTS_GROUPS, type Grade, type PointsGroup } from './model.ts';

export type ItemSource =
  | { kind: 'meeting'; types: string[] }
  | { kind: 'dues' }
  | { kind: 'hours' }
  | { kind: 'test' }
  | { kind: 'rating'; grades: Grade[] }
  | { kind: 'entry' };

export interface PointsItem {
  key: string;
  group: PointsGroup;
  name: string;
  /** points per occurrence, signed: + 加分, − 减分 (an entry may give less, never more) */
  points: number;
  /** the most the item gives (or takes) in a year, as a positive number; null: no cap */
  cap: number | null;
  source: ItemSource;
  /** where the value comes from */
  basis: string;
}

export interface PointsSchemeValues {
  base: number;
  items: PointsItem[];
}

export type PointsSchemeVersion = Versioned<PointsSchemeValues>;

const GUIDE = '网络通用积分指南（内容农场页面，未记录网址，未核实）';
const NONE = '示例（本地做法），无出处，由党委确定';

export const EXAMPLE_SCHEME: PointsSchemeVersion = {
  version: '示例',
  effectiveFrom: '2000-01-01',
  source: `示例（本地做法）：基础分及学习、组织生活两类分值取自${GUIDE}；其余项目为本软件示例，无出处。某公安分局党员积分管理办法（2023）的分值未获取。`,
  verified: false,
  values: {
    base: 60,
    items: [
      { key: 'study', group: '学习', name: '参加集中学习', points: 2, cap: 12, source: { kind: 'meeting', types: ['集中学习', '政治学习日', '理论学习中心组学习'] }, basis: `${GUIDE}：集中学习每次2分，上限12分` },
      { key: 'hours', group: '学习', name: '全年学时达标', points: 4, cap: 4, source: { kind: 'hours' }, basis: NONE },
      { key: 'test', group: '学习', name: '政治理论测试合格', points: 2, cap: 4, source: { kind: 'test' }, basis: NONE },
      { key: 'sanhui', group: '组织生活', name: '参加三会一课', points: 3, cap: 12, source: { kind: 'meeting', types: ['支部党员大会', '党小组会', '党课'] }, basis: `${GUIDE}：三会一课每次3分，上限12分` },
      { key: 'theme', group: '组织生活', name: '参加主题党日', points: 2, cap: 8, source: { kind: 'meeting', types: ['主题党日'] }, basis: `${GUIDE}：主题党日每次2分，上限8分` },
      { key: 'dues', group: '党费', name: '按时足额缴纳党费', points: 1, cap: 12, source: { kind: 'dues' }, basis: NONE },
      { key: 'excellent', group: '作用发挥', name: '民主评议为优秀', points: 5, cap: 5, source: { kind: 'rating', grades: ['优秀'] }, basis: NONE },
      { key: 'honour', group: '作用发挥', name: '受到表彰奖励', points: 5, cap: 10, source: { kind: 'entry' }, basis: NONE },
      { key: 'service', group: '作用发挥', name: '志愿服务、急难险重任务', points: 2, cap: 6, source: { kind: 'entry' }, basis: NONE },
      { key: 'rating-low', group: '纪律', name: '民主评议为基本合格或不合格', points: -10, cap: 10, source: { kind: 'rating', grades: ['基本合格', '不合格'] }, basis: NONE },
      { key: 'discipline', group: '纪律', name: '违反纪律受到批评教育', points: -5, cap: null, source: { kind: 'entry' }, basis: NONE },
    ],
  },
};

/** The version that scores a year: the one in force on its last day. */
export function schemeFor(year: number, unitVersions: readonly PointsSchemeVersion[]): PointsSchemeVersion {
  return inForceOn([EXAMPLE_SCHEME, ...unitVersions], `${year}-12-31`);
}

const whole = (min: number, max: number) => z.coerce.number({ error: '应为整数分值' }).int('应为整数').min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`);

const sourceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('meeting'), types: z.array(text(30)).min(1, '请选择至少一种会议类型').max(20, '最多 20 种') }),
  z.object({ kind: z.literal('dues') }),
  z.object({ kind: z.literal('hours') }),
  z.object({ kind: z.literal('test') }),
  z.object({ kind: z.literal('rating'), grades: z.array(z.enum(GRADES, { error: '应为 优秀、合格、基本合格 或 不合格' })).min(1, '请选择等次') }),
  z.object({ kind: z.literal('entry') }),
], { error: '来源应为 会议、党费、学时、测试、评议 或 登记' });

export const itemInput = z.object({
  key: z.string().trim().regex(/^[a-z0-9-]{1,30}$/, '应为 1–30 个小写字母、数字或 -'),
  group: z.enum(POINTS_GROUPS, { error: '应为 学习、组织生活、党费、作用发挥 或 纪律' }),
  name: text(40),
  points: whole(-100, 100).refine((v) => v !== 0, '不能为 0'),
  cap: whole(1, 1000).nullable(),
  source: sourceInput,
  basis: text(200),
});

export const schemeInput = z.object({
  effectiveFrom: isoDate,
  source: text(200),
  base: whole(0, 1000),
  items: z
    .array(itemInput)
    .min(1, '至少一个积分项目')
    .max(60, '最多 60 个项目')
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, '项目编号重复'),
});
