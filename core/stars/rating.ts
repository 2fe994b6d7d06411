/**
 * The star of each branch from its score, pure: the band that holds the score by its explicit bounds
 * (a band whose required indicator has no points gives the next band down), a one-vote veto caps the
 * stars, then each quota (e.g. 五星 at most 30% of the branches rated, floor) demotes the lowest-scoring
 * branches beyond it by one star. The tie rule is the quota's own: 'demote-all' (the example's) sends
 * every branch tied with the first one beyond the quota down, so the quota is never exceeded;
 * 'keep-all' keeps every branch tied with the last one within it.
 */
import { inBand, starText, type StarScheme } from './model.ts';

export interface RatingInput {
  branchId: string;
  score: number;
  /** indicator keys with points > 0 */
  scored: Set<string>;
  /** the vetoes' caps */
  vetoCaps: { name: string; maxStars: number }[];
}

export interface Rating {
  branchId: string;
  /** stars by the band alone */
  bandStars: number;
  stars: number;
  /** why the stars differ from the band's, in words, in order */
  reasons: string[];
}

export function bandStars(scheme: StarScheme, score: number, scored: Set<string>): { stars: number; reasons: string[] } {
  const reasons: string[] = [];
  let band = scheme.bands.find((b) => inBand(b, score));
  while (band) {
    const missing = band.requires.filter((k) => !scored.has(k));
    if (!missing.length) return { stars: band.stars, reasons };
    const names = missing.map((k) => scheme.groups.flatMap((g) => g.indicators).find((i) => i.key === k)?.name ?? k);
    reasons.push(`分数达到${starText(band.stars)}，但${names.join('、')}无得分，降一档`);
    const lower = band.stars - 1;
    band = scheme.bands.find((b) => b.stars === lower);
  }
  return { stars: 0, reasons };
}

export function rate(scheme: StarScheme, inputs: RatingInput[]): Rating[] {
  const out = new Map<string, Rating>();
  for (const i of inputs) {
    const b = bandStars(scheme, i.score, i.scored);
    let stars = b.stars;
    const reasons = [...b.reasons];
    for (const v of i.vetoCaps) {
      if (stars > v.maxStars) {
        reasons.push(`一票否决：${v.name}，最高${starText(v.maxStars)}`);
        stars = v.maxStars;
      }
    }
    out.set(i.branchId, { branchId: i.branchId, bandStars: b.stars, stars, reasons });
  }
  const scoreOf = new Map(inputs.map((i) => [i.branchId, i.score]));
  for (const q of [...scheme.quotas].sort((a, b) => b.stars - a.stars)) {
    const limit = Math.floor((inputs.length * q.maxPercent) / 100 + 1e-9);
    const at = [...out.values()].filter((r) => r.stars === q.stars).sort((a, b) => scoreOf.get(b.branchId)! - scoreOf.get(a.branchId)!);
    if (at.length <= limit) continue;
    const cut = limit > 0 ? scoreOf.get(at[limit - 1].branchId)! : Infinity;
    const first = scoreOf.get(at[limit].branchId)!;
    const demoted = at.filter((r, idx) => (q.tie === 'demote-all' ? scoreOf.get(r.branchId)! <= first : idx >= limit && scoreOf.get(r.branchId)! < cut));
    for (const r of demoted) {
      r.stars = q.stars - 1;
      r.reasons.push(`${starText(q.stars)}名额不超过${q.maxPercent}%（${inputs.length}个支部至多${limit}个），按得分排在名额之外${q.tie === 'demote-all' && scoreOf.get(r.branchId) === first && idx(at, r) < limit ? '（与名额外第一名同分，一并降星）' : ''}，降为${starText(q.stars - 1)}`);
    }
  }
  return inputs.map((i) => out.get(i.branchId)!);
}

const idx = (list: Rating[], r: Rating) => list.indexOf(r);
