/**
 * Names as the clerk types them on a Latin keyboard: 拼音首字母 (张文华 → zwh) and
 * full pinyin without tones or spaces (zhangwenhua; ü as v, the surname read as a
 * surname: 单 → shan). Computed once per distinct name and kept in memory: a renamed
 * member is a new name, so the cache never holds a stale reading; it is bounded so a
 * long session with many imports cannot grow it without limit.
 */
import { pinyin } from 'pinyin-pro';

export interface Reading {
  /** first letters, e.g. zwh */
  initials: string;
  /** full pinyin, e.g. zhangwenhua */
  full: string;
}

const MAX_NAMES = 50_000;
const cache = new Map<string, Reading>();

export function readingOf(name: string): Reading {
  let r = cache.get(name);
  if (r) return r;
  const opts = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
  const syllables = pinyin(name, opts).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
  r = { initials: syllables.map((s) => s.charAt(0)).join(''), full: syllables.join('') };
  if (cache.size >= MAX_NAMES) cache.clear();
  cache.set(name, r);
  return r;
}

/** How the clerk's Latin letters match a name: 0 initials exactly, 1 initials or full pinyin start with them, null no match. */
export function pinyinRank(name: string, letters: string): number | null {
  const r = readingOf(name);
  if (r.initials === letters || r.full === letters) return 0;
  if (r.initials.startsWith(letters) || r.full.startsWith(letters)) return 1;
  return null;
}

/** For tests and the benchmark: how many names are cached. */
export const cachedNames = (): number => cache.size;
