/**
 * One shape for every rule that changes over time (dues brackets, meeting
 * frequencies, 发展党员 time limits, transfer letters): a version with the date
 * it took effect, the text it comes from, whether that text was checked, and
 * its numbers. A unit's own rule is a further version with its own source
 * ("本单位规定：…"), never an edit of the national one. Side-agnostic: no Node
 * or browser APIs.
 */

export interface Versioned<T, V extends string | number = string> {
  /** The version's name, e.g. '2014', '2026.05', or a unit's running number. */
  version: V;
  /** First day (YYYY-MM-DD) the version applies to. */
  effectiveFrom: string;
  /** The document the numbers come from; a unit's own version says so ("本单位规定：…"). */
  source: string;
  /** False while the source has not been checked against the published text. */
  verified: boolean;
  values: T;
}

/**
 * The version in force on a day (YYYY-MM-DD, or YYYY-MM for a month: its first day
 * decides): the latest whose effective date is not after it; on equal dates the one
 * listed later. Before the first version, the earliest applies (nothing older is known).
 */
export function inForceOn<T extends { effectiveFrom: string }>(versions: readonly T[], day: string): T {
  if (!versions.length) throw new Error('inForceOn: no versions');
  const d = day.length === 7 ? `${day}-01` : day;
  let best: T | null = null;
  let earliest = versions[0];
  for (const v of versions) {
    if (v.effectiveFrom < earliest.effectiveFrom) earliest = v;
    if (v.effectiveFrom <= d && (!best || v.effectiveFrom >= best.effectiveFrom)) best = v;
  }
  return best ?? earliest;
}

/** Versions in date order (stable: equal dates keep their order). */
export function byEffectiveDate<T extends { effectiveFrom: string }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}
