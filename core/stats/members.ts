/**
 * Member structure on a day: age, 党龄, 人员类别, 学历 of everyone on the roster
 * then (joined by the day, not left by it). 党龄 counts from the 转正 date; a
 * 预备党员 (not yet 转正 on the day) has none. Empty fields are counted and
 * named (学历未填 12 人) instead of being left out silently.
 */
import type { Ctx } from '../context.ts';
import { yearsBetween } from '../../common/dates.ts';
import { EDUCATIONS, MEMBER_CATEGORIES } from '../../common/enums.ts';
import { asOfFor } from './common.ts';

export interface Band {
  label: string;
  count: number;
}

export interface Dimension {
  key: 'age' | 'partyAge' | 'category' | 'education';
  title: string;
  bands: Band[];
  /** members whose field is empty (shown as a band 未填 too) */
  missing: number;
  /** e.g. 学历未填 12 人; null when every member has it */
  missingText: string | null;
}

export interface MemberStructure {
  year: number;
  asOf: string;
  total: number;
  dimensions: Dimension[];
}

export const AGE_BANDS = [
  { label: '30岁及以下', max: 30 },
  { label: '31—40岁', max: 40 },
  { label: '41—50岁', max: 50 },
  { label: '51—60岁', max: 60 },
  { label: '61岁及以上', max: Infinity },
];

export const PARTY_AGE_BANDS = [
  { label: '不满5年', max: 4 },
  { label: '5—9年', max: 9 },
  { label: '10—19年', max: 19 },
  { label: '20—29年', max: 29 },
  { label: '30年及以上', max: Infinity },
];

const UNFILLED = '未填';

function banded(values: (number | null)[], bands: { label: string; max: number }[], extra: Band[] = []): { bands: Band[]; missing: number } {
  const out = bands.map((b) => ({ label: b.label, count: 0 }));
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else out[bands.findIndex((b) => v <= b.max)].count++;
  }
  return { bands: [...extra, ...out, ...(missing ? [{ label: UNFILLED, count: missing }] : [])], missing };
}

function counted(values: (string | null)[], order: readonly string[]): { bands: Band[]; missing: number } {
  const m = new Map<string, number>();
  let missing = 0;
  for (const v of values) {
    if (!v) missing++;
    else m.set(v, (m.get(v) ?? 0) + 1);
  }
  const known = order.filter((o) => m.has(o)).map((label) => ({ label, count: m.get(label)! }));
  const other = [...m.keys()].filter((k) => !order.includes(k)).map((label) => ({ label, count: m.get(label)! }));
  return { bands: [...known, ...other, ...(missing ? [{ label: UNFILLED, count: missing }] : [])], missing };
}

export async function memberStructure(ctx: Ctx, year: number, asOf?: string): Promise<MemberStructure> {
  const day = asOfFor(year, ctx.platform.today(), asOf);
  const rows = await ctx.db
    .selectFrom('members')
    .select(['birth_date', 'join_date', 'full_date', 'party_status', 'category', 'education'])
    .where('deleted_at', 'is', null)
    .where('join_date', '<=', day)
    .where((eb) => eb.or([eb('left_date', 'is', null), eb('left_date', '>', day)]))
    .execute();
  const age = banded(rows.map((r) => (r.birth_date ? yearsBetween(r.birth_date, day) : null)), AGE_BANDS);
  // 预备 on the day: not yet 转正 then (a later 转正 date, or none while the roster still says 预备)
  const probationary = rows.filter((r) => (r.full_date ? r.full_date > day : r.party_status === '预备'));
  const full = rows.filter((r) => !probationary.includes(r));
  const partyAge = banded(full.map((r) => (r.full_date ? yearsBetween(r.full_date, day) : null)), PARTY_AGE_BANDS, [{ label: '预备党员', count: probationary.length }]);
  const category = counted(rows.map((r) => r.category), MEMBER_CATEGORIES);
  const education = counted(rows.map((r) => r.education), EDUCATIONS);
  const dim = (key: Dimension['key'], title: string, d: { bands: Band[]; missing: number }, what: string): Dimension => ({
    key,
    title,
    bands: d.bands,
    missing: d.missing,
    missingText: d.missing ? `${what}未填 ${d.missing} 人` : null,
  });
  return {
    year,
    asOf: day,
    total: rows.length,
    dimensions: [
      dim('age', '年龄', age, '出生日期'),
      dim('partyAge', '党龄', partyAge, '转正日期'),
      dim('category', '人员类别', category, '人员类别'),
      dim('education', '学历', education, '学历'),
    ],
  };
}
