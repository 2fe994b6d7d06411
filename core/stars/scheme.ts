/**
 * The scheme of 评星定级 as versioned data: the built-in example (the shape of the city "五星创评" a 分局党支部
 * used, star-rating.md [S S3], with the reference point values [S S4]; quota and veto effect from 济南
 * [S S2]; 公示 5 days [S S10]) — an example of local practice to be adjusted to the unit's 考核办法,
 * never a national rule — and the unit's own versions in the setting 'stars.schemeVersions'. A year is
 * rated by the version in force on its 31 December. Import and export are one JSON file of a version.
 */
import type { Tx } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { inForceOn } from '../../common/rules.ts';
import { getSetting, setSetting } from '../settings/service.ts';
import { LedgerError } from '../errors.ts';
import { describeZodError } from '../handler.ts';
import { starsLabels } from './model.ts';
import { schemeVersionSchema, type SchemeVersion, type StarScheme } from './model.ts';

export const EXAMPLE_MARK = '示例（本地做法，需按本单位考核办法调整）';

const ind = (key: string, name: string, max: number, source: StarScheme['groups'][number]['indicators'][number]['source'], rule: string) => ({ key, name, max, source, rule });

export const EXAMPLE_SCHEME: SchemeVersion = {
  version: '示例',
  effectiveFrom: '2000-01-01',
  source: '示例：参照某市“五星创评”（分局党支部，2023）的八项指标、总分110分及星级分数线 [S3]，领导班子、骨干队伍、活动阵地、工作制度分值 [S4]，五星不超过30%及一票否决“定为三星以下” [S2]，公示5天 [S10]；无全国统一标准',
  verified: false,
  values: {
    name: '党支部“五星创评”评分方案（示例）',
    note: EXAMPLE_MARK,
    groups: [
      { name: '领导班子', indicators: [ind('term', '按期换届', 5, 'term', '届满按期换届得5分，未按期换届不得分'), ind('team', '班子配备健全', 5, 'hand', '班子不健全扣5分'), ind('active', '经常开展活动', 5, 'hand', '半年以上未开展活动扣5分')] },
      { name: '骨干队伍', indicators: [ind('development', '发展党员规范', 5, 'development', '有发展党员不规范问题不得分'), ind('commit', '承诺践诺、志愿服务', 3, 'hand', '未开展扣3分'), ind('pioneer', '先锋创绩', 2, 'hand', '未开展扣2分')] },
      { name: '活动阵地', indicators: [ind('room', '党员活动室', 5, 'hand', '无活动场所不得分'), ind('equipment', '党员教育设备', 5, 'hand', '无电教设备不得分')] },
      {
        name: '工作制度',
        indicators: [
          ind('meetings', '三会一课', 4, 'meetings', '按到期应开展的三会一课按期开展的比例计分'),
          ind('evaluation', '民主评议党员', 2, 'evaluation', '本年度开展民主评议党员得2分'),
          ind('hours', '党员学习学时', 2, 'hours', '按学时达标党员的比例计分'),
          ind('archive', '基础台账档案', 2, 'archive', '按迎检清单档案材料完整率计分'),
        ],
      },
      { name: '保障机制', indicators: [ind('dues', '党费收缴', 5, 'dues', '按应缴月份按月缴纳（未补交）的比例计分'), ind('rectification', '整改落实', 5, 'rectification', '按责任单位为本支部的整改事项中到期或已销号的按时销号比例计分')] },
      { name: '工作业绩', indicators: [ind('work', '中心工作和业务工作实绩', 20, 'hand', '按年度绩效考核结果计分'), ind('honor', '表彰奖励', 10, 'hand', '按所获表彰奖励计分')] },
      { name: '群众评价', indicators: [ind('satisfaction', '群众满意度', 15, 'hand', '按满意度测评结果计分')] },
      { name: '加分项目', indicators: [ind('innovation', '党建创新项目', 10, 'hand', '有党建创新项目并取得成效的加分；评五星须有此项')] },
    ],
    deductions: [
      { key: 'criticized', name: '被上级通报批评', points: 5 },
      { key: 'late-report', name: '未按时报送党建材料', points: 1 },
    ],
    vetoes: [
      { key: 'discipline', name: '党员发生违纪违法案件被立案审查', maxStars: 2 },
      { key: 'weak', name: '被确定为软弱涣散基层党组织', maxStars: 2 },
      { key: 'files', name: '基础台账严重缺失', maxStars: 2 },
    ],
    bands: [
      { stars: 5, min: 90, minInclusive: true, max: null, maxInclusive: false, requires: ['innovation'] },
      { stars: 4, min: 80, minInclusive: true, max: 90, maxInclusive: false, requires: [] },
      { stars: 3, min: 70, minInclusive: true, max: 80, maxInclusive: false, requires: [] },
      { stars: 2, min: 60, minInclusive: true, max: 70, maxInclusive: false, requires: [] },
      { stars: 1, min: null, minInclusive: true, max: 60, maxInclusive: false, requires: [] },
    ],
    quotas: [{ stars: 5, maxPercent: 30, tie: 'demote-all' }],
    publicityDays: 5,
  },
};

export async function schemeVersions(tx: Tx): Promise<SchemeVersion[]> {
  return [EXAMPLE_SCHEME, ...(await getSetting<SchemeVersion[]>(tx, 'stars.schemeVersions'))];
}

/** The version a year is rated by: in force on its 31 December. */
export async function schemeForYear(tx: Tx, year: number): Promise<SchemeVersion> {
  return inForceOn(await schemeVersions(tx), `${year}-12-31`);
}

/** A scheme from JSON text (a file), checked by the same schema as the editor; the message names the field. */
export function parseScheme(json: string): SchemeVersion {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new LedgerError('方案文件不是有效的 JSON', 'scheme');
  }
  const r = schemeVersionSchema.safeParse(data);
  if (!r.success) {
    const e = describeZodError(r.error, starsLabels);
    throw new LedgerError(`方案文件有误：${e.message}（位置：${e.field ?? ''}）`, 'scheme');
  }
  return r.data;
}

/** Saves the unit's version (a new one, or replacing its own version of the same name); the example is never overwritten. */
export async function saveScheme(ctx: Ctx, v: SchemeVersion): Promise<SchemeVersion[]> {
  if (v.version === EXAMPLE_SCHEME.version) throw new LedgerError('“示例”是内置方案，不能覆盖；请给本单位方案另起版本名', 'version');
  return ctx.db.transaction().execute(async (tx) => {
    const own = (await getSetting<SchemeVersion[]>(tx, 'stars.schemeVersions')).filter((x) => x.version !== v.version);
    await setSetting(tx, ctx, 'stars.schemeVersions', [...own, v]);
    return schemeVersions(tx);
  });
}

export async function removeScheme(ctx: Ctx, version: string): Promise<SchemeVersion[]> {
  return ctx.db.transaction().execute(async (tx) => {
    const own = await getSetting<SchemeVersion[]>(tx, 'stars.schemeVersions');
    if (!own.some((x) => x.version === version)) throw new LedgerError(`没有本单位版本“${version}”`, 'version');
    await setSetting(tx, ctx, 'stars.schemeVersions', own.filter((x) => x.version !== version));
    return schemeVersions(tx);
  });
}
