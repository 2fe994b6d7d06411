/**
 * 缺第一议题: meetings of the covered types (setting study.firstTopicTypes,
 * default 党委会 + 中心组学习; study.md 8.3, local practice) held in the year up
 * to the as-of day whose record has no 第一议题. Part of the compliance check.
 */
import type { Ctx } from '../context.ts';
import { chineseDate } from '../../common/labels.ts';
import { getSetting } from '../settings/service.ts';
import { FIRST_TOPIC_TYPES_SETTING } from './study-fields.ts';
import type { Finding } from './compliance.ts';

export interface FirstTopicFinding {
  orgId: string;
  orgName: string;
  type: string;
  heldOn: string;
  activityId: string;
  message: string;
}

export const FIRST_TOPIC_BASIS = '地方做法：党委会、中心组学习把学习习近平新时代中国特色社会主义思想和总书记最新重要讲话、指示精神作为第一议题（未找到全国统一规定）';

export async function firstTopicFindings(ctx: Ctx, from: string, to: string): Promise<FirstTopicFinding[]> {
  const types = (await getSetting<string[]>(ctx.db, FIRST_TOPIC_TYPES_SETTING)) ?? [];
  if (!types.length) return [];
  const rows = await ctx.db
    .selectFrom('activities as a')
    .innerJoin('org_units as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id', 'o.name', 'a.type', 'a.held_on'])
    .where('a.deleted_at', 'is', null)
    .where('a.type', 'in', types)
    .where('a.held_on', '>=', from)
    .where('a.held_on', '<=', to)
    .where((eb) => eb.or([eb('a.first_topic_title', 'is', null), eb('a.first_topic_title', '=', '')]))
    .orderBy('a.held_on')
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, orgName: r.name, type: r.type, heldOn: r.held_on, activityId: r.id, message: `${r.name}${chineseDate(r.held_on)}的${r.type}未记录第一议题` }));
}

/** The findings as the compliance check lists them. */
export async function firstTopicCheck(ctx: Ctx, from: string, to: string): Promise<Finding[]> {
  return (await firstTopicFindings(ctx, from, to)).map((f) => ({
    branch: f.orgName, orgId: f.orgId, rule: { type: f.type, frequency: 'record', label: '第一议题', basis: FIRST_TOPIC_BASIS },
    period: f.heldOn, periodLabel: chineseDate(f.heldOn), status: 'first-topic', severity: 'medium', message: f.message, activityIds: [f.activityId],
  }));
}
