/** Chinese labels for dates and months, as the clerk reads them on screen and paper. */

/** 2026-07 → "2026年7月" */
export function monthLabel(m: string): string {
  return `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
}

/** 2026-07 → "7月" */
export function monthName(m: string): string {
  return `${Number(m.slice(5, 7))}月`;
}

/** 2026-11-28 → "2026年11月28日" (full year, no leading zeros); text that is not a date is returned as it is. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * A Party organization's name with the 中共 prefix, as a 介绍信 prints both the sending and the
 * receiving organization: added where the name lacks it, never doubled ("中共…" and "中国共产党…"
 * stay as written). Empty stays empty.
 */
export function partyOrgName(name: string): string {
  const n = name.trim();
  if (!n || n.startsWith('中共') || n.startsWith('中国共产党')) return n;
  return `中共${n}`;
}
