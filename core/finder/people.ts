/**
 * People by name: 党员 (name, 拼音首字母, full pinyin, the last digits of 身份证号 or
 * phone) and 发展档案 (name and pinyin). Chinese text and digits go to SQLite as LIKE;
 * Latin letters are matched against the cached readings of every name (core/finder/
 * names.ts keeps the roster's names until the ledger changes). What leaves is
 * masked: the ID number as everywhere (core/members/privacy.ts), the phone as 138****5678.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { maskIdNumber } from '../members/privacy.ts';
import { contains, escapeLike } from '../search.ts';
import { pinyinRank, readingOf } from './pinyin.ts';
import { memberNames } from './names.ts';
import { maskPhone, textRank, type SearchQuery } from './query.ts';
import { group, type Ranked, type SearchGroup } from './model.ts';

interface Candidate {
  id: string;
  name: string;
  rank: number;
  /** what matched, for the line under the name */
  via: 'name' | 'id' | 'phone';
}

/** Keeps the best rank per id. */
function merge(into: Map<string, Candidate>, c: Candidate) {
  const had = into.get(c.id);
  if (!had || c.rank < had.rank) into.set(c.id, c);
}

const endsWith = (column: string, digits: string) => sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(digits)}`} escape '\\'`;

export async function findMembers(ctx: Ctx, q: SearchQuery, limit: number): Promise<SearchGroup> {
  const found = new Map<string, Candidate>();
  const db = ctx.db;
  // people who left the roster (转出, 去世…) come after those on it
  const leftPenalty = (left: string | null) => (left ? 10 : 0);
  if (q.digits) {
    const rows = await db.selectFrom('members').select(['id', 'name', 'id_number', 'phone', 'left_type']).where('deleted_at', 'is', null)
      .where((eb) => eb.or([endsWith('id_number', q.digits), endsWith('phone', q.digits)])).execute();
    for (const r of rows) {
      const byId = r.id_number.toUpperCase().endsWith(q.digits);
      merge(found, { id: r.id, name: r.name, rank: (byId ? 0 : 1) + leftPenalty(r.left_type), via: byId ? 'id' : 'phone' });
    }
  } else {
    const rows = await db.selectFrom('members').select(['id', 'name', 'left_type']).where('deleted_at', 'is', null).where(contains('name', q.text)).execute();
    for (const r of rows) merge(found, { id: r.id, name: r.name, rank: (textRank(r.name, q.text) ?? 2) + leftPenalty(r.left_type), via: 'name' });
  }
  if (q.letters) {
    for (const r of await memberNames(db)) {
      const rank = pinyinRank(r.name, q.letters);
      if (rank !== null) merge(found, { id: r.id, name: r.name, rank: rank + 3 + (r.left ? 10 : 0), via: 'name' });
    }
  }
  if (!found.size) return group('member', [], limit);
  // equal matches in pinyin order (张文华 before 赵卫红)
  const ranked = [...found.values()].sort((a, b) => a.rank - b.rank || readingOf(a.name).full.localeCompare(readingOf(b.name).full) || a.name.localeCompare(b.name));
  const top = ranked.slice(0, limit);
  const rows = await db.selectFrom('members as m').innerJoin('org_units as b', 'b.id', 'm.branch_id')
    .select(['m.id', 'm.name', 'm.id_number', 'm.phone', 'm.position', 'm.party_status', 'm.left_type', 'b.name as branch'])
    .where('m.id', 'in', top.map((c) => c.id)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: Ranked[] = [];
  for (const c of top) {
    const r = byId.get(c.id);
    if (!r) continue;
    const detail = c.via === 'id' ? `身份证号 ${maskIdNumber(r.id_number)}` : c.via === 'phone' ? `电话 ${maskPhone(r.phone)}` : (r.position ?? r.party_status);
    const subtitle = [r.branch, r.left_type ? `已${r.left_type.replace(/^已/, '')}` : '', detail].filter(Boolean).join(' · ');
    hits.push({ rank: c.rank, hit: { kind: 'member', id: r.id, title: r.name, subtitle, link: { path: '/members', query: { open: r.id } } } });
  }
  return { ...group('member', hits, limit), more: ranked.length > limit };
}

export async function findDossiers(ctx: Ctx, q: SearchQuery, limit: number): Promise<SearchGroup> {
  if (q.digits) return group('development', [], limit);
  const rows = await ctx.db.selectFrom('development_files as f').innerJoin('org_units as b', 'b.id', 'f.branch_id')
    .select(['f.id', 'f.name', 'f.member_id', 'f.left_type', 'b.name as branch']).where('f.deleted_at', 'is', null).orderBy('f.name').execute();
  const ranked: Ranked[] = [];
  for (const r of rows) {
    const byText = textRank(r.name, q.text);
    const byLetters = q.letters ? pinyinRank(r.name, q.letters) : null;
    const rank = byText ?? (byLetters === null ? null : byLetters + 3);
    if (rank === null) continue;
    const state = r.member_id ? '已发展为党员' : r.left_type ? `已${r.left_type.replace(/^已/, '')}` : '培养中';
    ranked.push({ rank, hit: { kind: 'development', id: r.id, title: r.name, subtitle: `${r.branch} · ${state}`, link: { path: '/development/file', query: { id: r.id } } } });
  }
  return group('development', ranked, limit);
}
