/**
 * Figures for a period, as a work summary quotes them: counts and 参加人次
 * (sum of those present) per type, per organization, and one sentence per type
 * ("主题党日活动55次，累计参加502人次").
 */
import type { Ctx } from '../context.ts';
import { queryActivities, attendanceOf } from './service.ts';

export interface TypeFigure {
  type: string;
  count: number;
  personTimes: number;
}

export interface ActivityStats {
  from: string;
  to: string;
  total: { count: number; personTimes: number };
  byType: TypeFigure[];
  byOrg: { orgId: string; name: string; byType: TypeFigure[]; count: number; personTimes: number }[];
  sentences: string[];
}

const PHRASE: Record<string, (n: number, p: number) => string> = {
  主题党日: (n, p) => `主题党日活动${n}次，累计参加${p}人次`,
  政治学习日: (n, p) => `开展政治学习日${n}次，累计参学${p}人次`,
  理论学习中心组学习: (n, p) => `中心组集中学习${n}次，累计参学${p}人次`,
  党课: (n, p) => `讲授党课${n}次，累计听课${p}人次`,
  支部委员会: (n, p) => `召开支部委员会会议${n}次，累计参加${p}人次`,
  支部党员大会: (n, p) => `召开支部党员大会${n}次，累计参加${p}人次`,
  党小组会: (n, p) => `召开党小组会${n}次，累计参加${p}人次`,
  组织生活会: (n, p) => `召开组织生活会${n}次，累计参加${p}人次`,
  民主生活会: (n, p) => `召开民主生活会${n}次，累计参加${p}人次`,
  谈心谈话: (n) => `开展谈心谈话${n}次`,
};

export function sentenceOf(f: TypeFigure): string {
  return (PHRASE[f.type] ?? ((n: number, p: number) => `开展${f.type}${n}次，累计参加${p}人次`))(f.count, f.personTimes);
}

export async function activityStats(ctx: Ctx, q: { from: string; to: string; orgId?: string }): Promise<ActivityStats> {
  const rows = await queryActivities(ctx.db, { from: q.from, to: q.to, orgId: q.orgId });
  const att = await attendanceOf(ctx.db, rows.map((r) => r.id));
  const types = new Map<string, TypeFigure>();
  const orgs = new Map<string, { orgId: string; name: string; types: Map<string, TypeFigure> }>();
  for (const r of rows) {
    const present = (att.get(r.id) ?? []).filter((a) => a.status === '出席').length;
    const t = types.get(r.type) ?? { type: r.type, count: 0, personTimes: 0 };
    t.count++;
    t.personTimes += present;
    types.set(r.type, t);
    const o = orgs.get(r.org_id) ?? { orgId: r.org_id, name: r.org_name, types: new Map() };
    const ot = o.types.get(r.type) ?? { type: r.type, count: 0, personTimes: 0 };
    ot.count++;
    ot.personTimes += present;
    o.types.set(r.type, ot);
    orgs.set(r.org_id, o);
  }
  const byType = [...types.values()].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type, 'zh'));
  const sum = (l: TypeFigure[]) => l.reduce((s, f) => ({ count: s.count + f.count, personTimes: s.personTimes + f.personTimes }), { count: 0, personTimes: 0 });
  return {
    from: q.from,
    to: q.to,
    total: sum(byType),
    byType,
    byOrg: [...orgs.values()].map((o) => {
      const l = [...o.types.values()];
      return { orgId: o.orgId, name: o.name, byType: l, ...sum(l) };
    }),
    sentences: byType.map(sentenceOf),
  };
}
