/**
 * Member structure on a day: age, 党龄, 人员类别, 学历 of everyone on the roster
 * then (joined by the day, not left by it). 党龄 counts from the 转正 date; a
 * 预备党员 (not yet 转正 on the day) has none. Empty fields are counted and
 * named (学历未填 12 人) instead of being left out silently. Counted in SQL:
 * one row per value of each field, banded here.
 */
import type { Ctx } from '../context.ts';
import { sql } from 'kysely';
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

type Counted<T> = { v: T; n: number }[];

function banded(values: Counted<number | null>, bands: { label: string; max: number }[], extra: Band[] = []): { bands: Band[]; missing: number } {
  const out = bands.map((b) => ({ label: b.label, count: 0 }));
  let missing = 0;
  for (const { v, n } of values) {
    if (v === null) missing += n;
    else out[bands.findIndex((b) => v <= b.max)].count += n;
  }
  return { bands: [...extra, ...out, ...(missing ? [{ label: UNFILLED, count: missing }] : [])], missing };
}

/** `values` in the order each value first appears on the roster. */
function counted(values: Counted<string | null>, order: readonly string[]): { bands: Band[]; missing: number } {
  const m = new Map<string, number>();
  let missing = 0;
  for (const { v, n } of values) {
    if (!v) missing += n;
    else m.set(v, (m.get(v) ?? 0) + n);
  }
  const known = order.filter((o) => m.has(o)).map((label) => ({ label, count: m.get(label)! }));
  const other = [...m.keys()].filter((k) => !order.includes(k)).map((label) => ({ label, count: m.get(label)! }));
  return { bands: [...known, ...other, ...(missing ? [{ label: UNFILLED, count: missing }] : [])], missing };
}

/** Whole years from a date column to the day, as common/dates.ts `yearsBetween` counts them (null when the column is empty). */
const yearsTo = (column: string, day: string) =>
  sql<number | null>`case when coalesce(${sql.ref(column)}, '') = '' then null else
    cast(substr(${day}, 1, 4) as integer) - cast(substr(${sql.ref(column)}, 1, 4) as integer) - (substr(${day}, 6, 5) < substr(${sql.ref(column)}, 6, 5)) end`;

export async function memberStructure(ctx: Ctx, year: number, asOf?: string): Promise<MemberStructure> {
  const day = asOfFor(year, ctx.platform.today(), asOf);
  // on the roster on the day: joined by it, not left by it
  const roster = () =>
    ctx.db
      .selectFrom('members')
      .where('deleted_at', 'is', null)
      .where('join_date', '<=', day)
      .where((eb) => eb.or([eb('left_date', 'is', null), eb('left_date', '>', day)]));
  // 预备 on the day: not yet 转正 then (a later 转正 date, or none while the roster still says 预备)
  const probationary = sql<number>`case when coalesce(full_date, '') <> '' then full_date > ${day} else party_status = '预备' end`;
  const [ages, partyYears, categories, educations] = await Promise.all([
    roster().select([yearsTo('birth_date', day).as('v'), sql<number>`count(*)`.as('n')]).groupBy('v').execute(),
    roster().select([probationary.as('p'), yearsTo('full_date', day).as('v'), sql<number>`count(*)`.as('n')]).groupBy(['p', 'v']).execute(),
    roster().select(['category as v', sql<number>`count(*)`.as('n'), sql<number>`min(rowid)`.as('first')]).groupBy('category').orderBy('first').execute(),
    roster().select(['education as v', sql<number>`count(*)`.as('n'), sql<number>`min(rowid)`.as('first')]).groupBy('education').orderBy('first').execute(),
  ]);
  const total = ages.reduce((a, r) => a + r.n, 0);
  const age = banded(ages, AGE_BANDS);
  const probationaryCount = partyYears.filter((r) => r.p).reduce((a, r) => a + r.n, 0);
  const partyAge = banded(partyYears.filter((r) => !r.p), PARTY_AGE_BANDS, [{ label: '预备党员', count: probationaryCount }]);
  const category = counted(categories, MEMBER_CATEGORIES);
  const education = counted(educations, EDUCATIONS);
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
    total,
    dimensions: [
      dim('age', '年龄', age, '出生日期'),
      dim('partyAge', '党龄', partyAge, '转正日期'),
      dim('category', '人员类别', category, '人员类别'),
      dim('education', '学历', education, '学历'),
    ],
  };
}
