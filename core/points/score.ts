/**
 * The arithmetic of 党员积分, pure: a member's facts from the ledger (meetings attended, months of dues paid on
 * time, 学时 reached, tests passed, the 民主评议 grade) and the branch's entries, matched to the scheme's items;
 * each item's lines in date order, the yearly cap applied as they come (the line that reaches the cap gives
 * what is left, later lines 0, marked 已达上限); an entry not yet approved by the 支委会 is shown and counts 0.
 * Total = base + every awarded line. Ranks: highest total first, equal totals share a rank (1, 1, 3).
 */
import { type Grade, type PointsGroup, type PointsLine, type SourceKind } from './model.ts';
import type { PointsItem } from './scheme.ts';

export interface Fact {
  kind: SourceKind;
  date: string;
  id: string | null;
  text: string;
  /** meeting: its type */
  type?: string;
  grade?: Grade;
  /** entry: its item, signed points and whether approved */
  itemKey?: string;
  points?: number;
  approved?: boolean;
  /** occurrences behind one fact (counted by SQLite when no lines are asked for); 1 by default */
  count?: number;
}

export interface Scored {
  plus: number;
  minus: number;
  total: number;
  byGroup: Record<PointsGroup, number>;
  pending: number;
  lines: PointsLine[];
}

function matches(item: PointsItem, f: Fact): boolean {
  const s = item.source;
  if (s.kind !== f.kind) return false;
  if (s.kind === 'meeting') return s.types.includes(f.type ?? '');
  if (s.kind === 'rating') return f.grade !== undefined && s.grades.includes(f.grade);
  if (s.kind === 'entry') return f.itemKey === item.key;
  return true;
}

const byDate = (a: Fact, b: Fact) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.id ?? '') < (b.id ?? '') ? -1 : (a.id ?? '') > (b.id ?? '') ? 1 : 0);

export const emptyGroups = (): Record<PointsGroup, number> => ({ 学习: 0, 组织生活: 0, 党费: 0, 作用发挥: 0, 纪律: 0 });

export function scoreMember(base: number, items: readonly PointsItem[], facts: readonly Fact[], withLines = true): Scored {
  const sorted = facts.length > 1 ? [...facts].sort(byDate) : facts;
  const out: Scored = { plus: 0, minus: 0, total: base, byGroup: emptyGroups(), pending: 0, lines: [] };
  for (const item of items) {
    let used = 0;
    const kind = item.source.kind;
    for (const f of sorted) {
      if (f.kind !== kind || !matches(item, f)) continue;
      const points = f.kind === 'entry' ? (f.points ?? item.points) : item.points;
      const n = f.count ?? 1;
      const counted = f.kind !== 'entry' || f.approved === true;
      let awarded = 0;
      let capped = false;
      if (counted) {
        const left = item.cap === null ? Infinity : Math.max(0, item.cap - used);
        const size = Math.min(Math.abs(points) * n, left);
        capped = size < Math.abs(points) * n;
        awarded = points < 0 ? -size : size;
        used += size;
      } else out.pending++;
      if (awarded > 0) out.plus += awarded;
      else out.minus -= awarded;
      out.byGroup[item.group] += awarded;
      if (withLines) out.lines.push({ itemKey: item.key, item: item.name, group: item.group, date: f.date, points, awarded, capped, counted, source: { kind: f.kind, id: f.id, text: f.text } });
    }
  }
  out.total = base + out.plus - out.minus;
  if (withLines) out.lines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}

/** Competition ranks (1, 1, 3) of the totals, highest first; null for those not ranked. */
export function ranks<T>(rows: readonly T[], total: (r: T) => number | null): Map<T, number> {
  const scored = rows.filter((r) => total(r) !== null).sort((a, b) => total(b)! - total(a)!);
  const out = new Map<T, number>();
  scored.forEach((r, i) => out.set(r, i > 0 && total(scored[i - 1]) === total(r) ? out.get(scored[i - 1])! : i + 1));
  return out;
}
