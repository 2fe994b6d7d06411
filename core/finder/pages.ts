/** Pages and 单位设置 sections by name, keyword or the pinyin initials of the name (dwsz → 单位设置). */
import { SEARCH_PAGES } from '../../common/search-pages.ts';
import { pinyinRank } from './pinyin.ts';
import { textRank, type SearchQuery } from './query.ts';
import { group, type Ranked, type SearchGroup } from './model.ts';

export function findPages(q: SearchQuery, limit: number): SearchGroup {
  if (q.digits) return group('page', [], limit);
  const ranked: Ranked[] = [];
  for (const p of SEARCH_PAGES) {
    const byTitle = textRank(p.title, q.text);
    const byWord = p.keywords.reduce<number | null>((best, k) => {
      const r = textRank(k, q.text);
      return r === null ? best : Math.min(best ?? r, r);
    }, null);
    const byLetters = q.letters ? pinyinRank(p.title, q.letters) : null;
    const rank = byTitle ?? (byWord !== null ? byWord + 3 : byLetters !== null ? byLetters + 6 : null);
    if (rank === null) continue;
    ranked.push({ rank, hit: { kind: 'page', id: p.key, title: p.title, subtitle: p.group, link: { path: p.path, query: p.query ?? {} } } });
  }
  return group('page', ranked, limit);
}
