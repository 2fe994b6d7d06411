/**
 * Records by their words: 组织生活记录 by type (支部委员会), theme (topic) or content,
 * newest first; 组织关系转接 by 介绍信编号. Plain LIKE in SQLite, bounded by the limit.
 */
import type { Ctx } from '../context.ts';
import { contains } from '../search.ts';
import { snippet, textRank, type SearchQuery } from './query.ts';
import { group, type Ranked, type SearchGroup } from './model.ts';

export async function findActivities(ctx: Ctx, q: SearchQuery, limit: number): Promise<SearchGroup> {
  if (q.digits || q.text.length < 2) return group('activity', [], limit);
  const rows = await ctx.db.selectFrom('activities as a').innerJoin('org_units as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.type', 'a.topic', 'a.content', 'a.held_on', 'o.name as org'])
    .where('a.deleted_at', 'is', null)
    .where((eb) => eb.or([contains('a.topic', q.text), contains('a.type', q.text), contains('a.content', q.text)]))
    .orderBy('a.held_on', 'desc').orderBy('a.id')
    // enough to rank a theme match above a content match among the newest; the rest is "more"
    .limit(limit * 4 + 1).execute();
  const ranked: Ranked[] = rows.map((r) => {
    const byTopic = textRank(r.topic, q.text);
    const byType = textRank(r.type, q.text);
    const rank = byTopic !== null ? byTopic : byType !== null ? 3 : 4;
    const words = byTopic === null && byType === null ? snippet(r.content, q.text) : '';
    const title = r.topic ? `${r.type}：${r.topic}` : r.type;
    return { rank, hit: { kind: 'activity', id: r.id, title, subtitle: [r.held_on, r.org, words].filter(Boolean).join(' · '), link: { path: '/activities', query: { open: r.id } } } };
  });
  return group('activity', ranked, limit);
}

export async function findTransfers(ctx: Ctx, q: SearchQuery, limit: number): Promise<SearchGroup> {
  if (q.letters) return group('transfer', [], limit);
  const rows = await ctx.db.selectFrom('transfers').select(['id', 'letter_no', 'direction', 'member_name', 'transfer_date'])
    .where('deleted_at', 'is', null).where(contains('letter_no', q.text))
    .orderBy('transfer_date', 'desc').limit(limit * 4 + 1).execute();
  const ranked: Ranked[] = rows.map((r) => ({
    rank: textRank(r.letter_no, q.text) ?? 2,
    hit: {
      kind: 'transfer', id: r.id, title: `介绍信第${r.letter_no}号`, subtitle: `${r.direction} · ${r.member_name} · ${r.transfer_date}`,
      link: { path: '/transfers', query: { open: r.id } },
    },
  }));
  return group('transfer', ranked, limit);
}
