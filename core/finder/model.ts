/** What global search answers: hits grouped by kind, each with the page (and query) that opens it. */
export type HitKind = 'member' | 'activity' | 'development' | 'transfer' | 'page';

export interface SearchHit {
  kind: HitKind;
  id: string;
  title: string;
  /** one line under the title: branch, masked ID/phone tail, date, letter number… */
  subtitle: string;
  link: { path: string; query: Record<string, string> };
}

export interface SearchGroup {
  kind: HitKind;
  /** 党员, 组织生活记录, 发展档案, 组织关系转接, 页面与设置 */
  title: string;
  hits: SearchHit[];
  /** more matched than `limit`; the list page's own search shows them all */
  more: boolean;
}

export interface SearchResult {
  q: string;
  groups: SearchGroup[];
}

export const GROUP_TITLES: Record<HitKind, string> = {
  member: '党员',
  activity: '组织生活记录',
  development: '发展档案',
  transfer: '组织关系转接',
  page: '页面与设置',
};

/** A ranked candidate before the limit cuts the list. */
export interface Ranked {
  rank: number;
  hit: SearchHit;
}

/** Best rank first, then the order the finder gave (already meaningful: name, newest…); cut at `limit`. */
export function group(kind: HitKind, ranked: Ranked[], limit: number): SearchGroup {
  const sorted = ranked.map((r, i) => ({ ...r, i })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  return { kind, title: GROUP_TITLES[kind], hits: sorted.slice(0, limit).map((r) => r.hit), more: sorted.length > limit };
}
