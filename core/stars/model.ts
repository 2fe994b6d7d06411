/**
 * 评星定级: the scheme's shape (star-rating.md: no national standard, every scheme is local [L]), the one
 * zod schema that the editor, the JSON import and `--scheme FILE.json` all validate with, points as
 * integer tenths, and the labels of the area's fields.
 */
import { z } from 'zod';
import type { Versioned } from '../../common/rules.ts';

import { SOURCES, SOURCE_LABEL } from '../../common/stars.ts';
import type { SourceKind } from '../../common/stars.ts';
export { SOURCES, SOURCE_LABEL, type SourceKind } from '../../common/stars.ts';

/** 85.5 → 855; null when more than one decimal. */
export function toTenths(points: number): number | null {
  const t = Math.round(points * 10);
  return Math.abs(points * 10 - t) < 1e-6 ? t : null;
}
/** 855 → "85.5", 850 → "85". */
export const pointsText = (tenths: number): string => (tenths % 10 ? (tenths / 10).toFixed(1) : String(tenths / 10));
export const STAR_TEXT = ['未定级', '一星', '二星', '三星', '四星', '五星'] as const;
export const starText = (n: number): string => STAR_TEXT[n] ?? `${n}星`;

const points = (label: string, max = 200) =>
  z.number({ error: `${label}应为分数` }).min(0, `${label}不能小于 0`).max(max, `${label}不能大于 ${max}`).refine((v) => toTenths(v) !== null, `${label}最多保留一位小数`);
const key = z.string({ error: '不能为空' }).trim().regex(/^[a-z][a-z0-9-]{0,39}$/, '编号应为小写字母开头的字母、数字或连字符（如 leader-team）');
const name = (max = 60) => z.string({ error: '不能为空' }).trim().min(1, '不能为空').max(max, `不能超过 ${max} 字`);
const stars = z.number({ error: '应为星级' }).int('应为整数').min(0, '星级不能小于 0').max(5, '星级不能大于 5');

export const indicatorSchema = z.object({ key, name: name(), max: points('满分'), source: z.enum(SOURCES, { error: '来源不正确' }), rule: z.string().trim().max(300, '不能超过 300 字') });
export const deductionSchema = z.object({ key, name: name(100), points: points('每次扣分', 100) });
export const vetoSchema = z.object({ key, name: name(100), maxStars: stars });
export const bandSchema = z.object({
  stars: stars.min(1, '星级不能小于 1'),
  min: points('下限', 1000).nullable(),
  minInclusive: z.boolean(),
  max: points('上限', 1000).nullable(),
  maxInclusive: z.boolean(),
  /** indicator keys that must have points for this band (e.g. 五星 needs a 党建创新项目) */
  requires: z.array(key).max(10),
});
export const quotaSchema = z.object({
  stars: stars.min(1),
  maxPercent: z.number({ error: '应为百分比' }).gt(0, '应大于 0').max(100, '不能大于 100'),
  /** at the cut: 'demote-all' every branch tied with the first one beyond the quota goes down; 'keep-all' those tied with the last one within stay */
  tie: z.enum(['demote-all', 'keep-all'], { error: '并列规则应为 demote-all 或 keep-all' }),
});

export const schemeValuesSchema = z
  .object({
    name: name(80),
    note: z.string().trim().max(500, '不能超过 500 字'),
    groups: z.array(z.object({ name: name(), indicators: z.array(indicatorSchema).min(1, '每组至少一项指标').max(30) })).min(1, '至少一组指标').max(20),
    deductions: z.array(deductionSchema).max(40),
    vetoes: z.array(vetoSchema).max(20),
    bands: z.array(bandSchema).min(1, '至少一个星级').max(6),
    quotas: z.array(quotaSchema).max(5),
    publicityDays: z.number({ error: '应为天数' }).int('应为整数').min(1, '至少 1 天').max(30, '不超过 30 天'),
  })
  .superRefine((s, c) => {
    const keys = [...s.groups.flatMap((g) => g.indicators.map((i) => i.key)), ...s.deductions.map((d) => d.key), ...s.vetoes.map((v) => v.key)];
    const dup = keys.find((k, i) => keys.indexOf(k) !== i);
    if (dup) c.addIssue({ code: 'custom', message: `编号“${dup}”重复`, path: ['groups'] });
    const inds = new Set(s.groups.flatMap((g) => g.indicators.map((i) => i.key)));
    for (const [i, b] of s.bands.entries()) {
      for (const r of b.requires) if (!inds.has(r)) c.addIssue({ code: 'custom', message: `${b.stars}星要求的指标“${r}”不在方案中`, path: ['bands', i, 'requires'] });
      if (b.min !== null && b.max !== null && (b.min > b.max || (b.min === b.max && !(b.minInclusive && b.maxInclusive))))
        c.addIssue({ code: 'custom', message: `${b.stars}星的分数段为空（下限不能高于上限）`, path: ['bands', i] });
      for (const [j, o] of s.bands.entries()) if (j > i && bandsOverlap(b, o)) c.addIssue({ code: 'custom', message: `${b.stars}星与${o.stars}星的分数段重叠，请写明边界是否包含`, path: ['bands', j] });
      if (s.bands.findIndex((x) => x.stars === b.stars) !== i) c.addIssue({ code: 'custom', message: `${b.stars}星出现了两次`, path: ['bands', i] });
    }
  });

export type StarScheme = z.output<typeof schemeValuesSchema>;
export type StarBand = StarScheme['bands'][number];
export type StarIndicator = StarScheme['groups'][number]['indicators'][number];

export const schemeVersionSchema = z.object({
  version: name(40),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期（如 2026-01-01）'),
  source: name(300),
  verified: z.boolean(),
  values: schemeValuesSchema,
});
export type SchemeVersion = Versioned<StarScheme>;

/** Whether a score is within a band, by its explicit bounds. */
export function inBand(b: Pick<StarBand, 'min' | 'minInclusive' | 'max' | 'maxInclusive'>, tenths: number): boolean {
  const lo = b.min === null ? null : Math.round(b.min * 10);
  const hi = b.max === null ? null : Math.round(b.max * 10);
  if (lo !== null && (b.minInclusive ? tenths < lo : tenths <= lo)) return false;
  if (hi !== null && (b.maxInclusive ? tenths > hi : tenths >= hi)) return false;
  return true;
}

function bandsOverlap(a: StarBand, b: StarBand): boolean {
  // bounds are in tenths, so probing every bound and the tenth either side of it finds any overlap
  const probes = [a.min, a.max, b.min, b.max].flatMap((v) => (v === null ? [] : [Math.round(v * 10) - 1, Math.round(v * 10), Math.round(v * 10) + 1]));
  if (a.min === null && b.min === null) return true;
  if (a.max === null && b.max === null) return true;
  return probes.some((t) => inBand(a, t) && inBand(b, t));
}

/** A band in words: "90 分及以上", "80 分（含）至 90 分（不含）". */
export function bandText(b: StarBand): string {
  if (b.min !== null && b.max === null) return `${b.min} 分${b.minInclusive ? '及以上' : '以上（不含）'}`;
  if (b.min === null && b.max !== null) return `${b.max} 分${b.maxInclusive ? '及以下' : '以下（不含）'}`;
  if (b.min === null) return '任何分数';
  return `${b.min} 分（${b.minInclusive ? '含' : '不含'}）至 ${b.max} 分（${b.maxInclusive ? '含' : '不含'}）`;
}

export const TIE_TEXT = { 'demote-all': '与名额外第一名同分的支部一并降星（名额不得超出）', 'keep-all': '与名额内最后一名同分的支部一并保留（名额可因并列超出）' } as const;

export const ENTRY_KINDS = ['indicator', 'deduction', 'veto'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABEL: Record<EntryKind, string> = { indicator: '手工评分', deduction: '扣分', veto: '一票否决' };

export const starsSettingDefaults = {
  /** the unit's own versions of the scheme (the example scheme is built in, core/stars/scheme.ts) */
  'stars.schemeVersions': [] as SchemeVersion[],
};

export const starsLabels = {
  year: '年份',
  branchId: '党支部',
  branch: '党支部',
  kind: '类别',
  itemKey: '评分项目',
  points: '分值',
  times: '次数',
  groups: '指标组',
  indicators: '指标',
  deductions: '扣分项',
  vetoes: '一票否决项',
  bands: '星级分数线',
  quotas: '名额',
  key: '编号',
  name: '名称',
  max: '最高分值',
  min: '最低分值',
  minInclusive: '是否含最低分值',
  maxInclusive: '是否含最高分值',
  rule: '评分标准',
  stars: '星级',
  requires: '须有得分的指标',
  maxPercent: '名额比例',
  tie: '同分并列规则',
  maxStars: '最高星级',
  branchIds: '党支部',
  evidence: '依据及证明材料',
  note: '备注',
  scheme: '评星方案',
  version: '版本',
  effectiveFrom: '施行日期',
  source: '来源',
  verified: '已核实',
  values: '方案内容',
  selfOn: '自评日期',
  selfScore: '自评得分',
  committeeOn: '党委考评日期',
  auditOn: '审核日期',
  publicityFrom: '公示开始日期',
  publicityDays: '公示天数',
  namedOn: '命名日期',
  namedStars: '命名星级',
  namedScore: '命名得分',
  contentBase64: '文件内容',
  fileName: '文件名',
};
