/**
 * A year's 评星定级: every branch's score sheet — each indicator's points with where they came from (the
 * ledger's fact in words, or the hand entry and its evidence), the deductions, the vetoes — then the
 * stars (rating.ts) and the change from the stars named the year before. Reads only; `tx` lets the demo
 * score inside its own transaction.
 */
import type { Tx } from '../audit/service.ts';
import type { Ctx } from '../context.ts';
import { countAttachments } from '../attachments/service.ts';
import { SOURCE_LABEL, TIE_TEXT, bandText, pointsText, starText, type SchemeVersion, type SourceKind, type StarScheme } from './model.ts';
import { EXAMPLE_SCHEME, schemeForYear } from './scheme.ts';
import { ledgerFacts } from './sources.ts';
import { rate } from './rating.ts';
import { loadReviews, type Review } from './reviews.ts';

export interface ScoreLine {
  group: string;
  key: string;
  name: string;
  max: number;
  source: SourceKind;
  sourceLabel: string;
  /** points, one decimal */
  points: number;
  /** where the points came from, in words */
  fact: string;
  /** by hand: the entry, its evidence and how many files */
  entryId: string | null;
  evidence: string | null;
  attachments: number;
  /** a hand-scored indicator with no entry yet */
  pending: boolean;
}

export interface BranchSheet {
  branchId: string;
  branch: string;
  score: number;
  stars: number;
  starsText: string;
  bandStars: number;
  vetoed: boolean;
  lines: ScoreLine[];
  deductions: { entryId: string; key: string; name: string; times: number; points: number; evidence: string; attachments: number }[];
  vetoes: { entryId: string; key: string; name: string; maxStars: number; evidence: string; attachments: number }[];
  reasons: string[];
  previous: { year: number; stars: number } | null;
  /** 升星 | 降星 | 持平 | '' (no stars named the year before) */
  change: string;
  review: Review | null;
}

export interface YearScore {
  year: number;
  scheme: { version: string; name: string; note: string; source: string; verified: boolean; example: boolean; fromFile: boolean };
  bands: { stars: number; text: string; requires: string[] }[];
  quotas: { stars: number; maxPercent: number; tie: string }[];
  publicityDays: number;
  branches: BranchSheet[];
  counts: Record<string, number>;
}

const t = (points: number) => Math.round(points * 10);

export async function scoreYear(ctx: Ctx, year: number, opts: { scheme?: SchemeVersion; tx?: Tx } = {}): Promise<YearScore> {
  const db = opts.tx ?? ctx.db;
  const version = opts.scheme ?? (await schemeForYear(db, year));
  const s: StarScheme = version.values;
  const branches = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('kind', '=', '党支部')
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('established_on', 'is', null), eb('established_on', '<=', `${year}-12-31`)]))
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
  const ids = branches.map((b) => b.id);
  const indicators = s.groups.flatMap((g) => g.indicators.map((i) => ({ ...i, group: g.name })));
  const facts = await ledgerFacts(ctx, db, year, ids, new Set(indicators.map((i) => i.source)));
  const entries = await db.selectFrom('star_entries').selectAll().where('year', '=', year).where('deleted_at', 'is', null).orderBy('created_at').execute();
  const files = await countAttachments(db, 'star_entries', entries.map((e) => e.id));
  const [reviews, before] = await Promise.all([loadReviews(db, year), loadReviews(db, year - 1)]);

  const sheets = branches.map((b) => {
    const mine = entries.filter((e) => e.branch_id === b.id);
    const f = facts.get(b.id) ?? {};
    const lines: ScoreLine[] = indicators.map((i) => {
      const base = { group: i.group, key: i.key, name: i.name, max: i.max, source: i.source, sourceLabel: SOURCE_LABEL[i.source], entryId: null, evidence: null, attachments: 0, pending: false };
      const fact = i.source === 'hand' ? null : f[i.source];
      if (fact && fact.ratio !== null) return { ...base, points: Math.round(t(i.max) * Math.min(1, Math.max(0, fact.ratio))) / 10, fact: fact.text };
      const e = mine.find((x) => x.kind === 'indicator' && x.item_key === i.key);
      const prefix = fact ? `${fact.text}。` : '';
      if (!e) return { ...base, points: 0, fact: `${prefix}尚未评分`, pending: true };
      const points = Math.min(e.points, t(i.max)) / 10;
      return { ...base, points, fact: `${prefix}手工评分 ${pointsText(t(points))} 分`, entryId: e.id, evidence: e.evidence, attachments: files.get(e.id) ?? 0 };
    });
    const deductions = mine
      .filter((e) => e.kind === 'deduction')
      .flatMap((e) => {
        const d = s.deductions.find((x) => x.key === e.item_key);
        return d ? [{ entryId: e.id, key: d.key, name: d.name, times: e.times, points: (t(d.points) * e.times) / 10, evidence: e.evidence, attachments: files.get(e.id) ?? 0 }] : [];
      });
    const vetoes = mine
      .filter((e) => e.kind === 'veto')
      .flatMap((e) => {
        const v = s.vetoes.find((x) => x.key === e.item_key);
        return v ? [{ entryId: e.id, key: v.key, name: v.name, maxStars: v.maxStars, evidence: e.evidence, attachments: files.get(e.id) ?? 0 }] : [];
      });
    const total = Math.max(0, lines.reduce((a, l) => a + t(l.points), 0) - deductions.reduce((a, d) => a + t(d.points), 0));
    return { b, lines, deductions, vetoes, total };
  });

  const ratings = rate(s, sheets.map((x) => ({ branchId: x.b.id, score: x.total, scored: new Set(x.lines.filter((l) => l.points > 0).map((l) => l.key)), vetoCaps: x.vetoes })));
  const out: BranchSheet[] = sheets.map((x, i) => {
    const r = ratings[i];
    const prev = before.get(x.b.id);
    const previous = prev?.namedStars != null ? { year: year - 1, stars: prev.namedStars } : null;
    const change = !previous ? '' : r.stars > previous.stars ? '升星' : r.stars < previous.stars ? '降星' : '持平';
    return {
      branchId: x.b.id, branch: x.b.name, score: x.total / 10, stars: r.stars, starsText: starText(r.stars), bandStars: r.bandStars, vetoed: x.vetoes.length > 0,
      lines: x.lines, deductions: x.deductions, vetoes: x.vetoes, reasons: r.reasons, previous, change, review: reviews.get(x.b.id) ?? null,
    };
  });
  const counts: Record<string, number> = {};
  for (const b of out) counts[b.starsText] = (counts[b.starsText] ?? 0) + 1;
  return {
    year,
    scheme: { version: version.version, name: s.name, note: s.note, source: version.source, verified: version.verified, example: version.version === EXAMPLE_SCHEME.version, fromFile: !!opts.scheme },
    bands: s.bands.map((b) => ({ stars: b.stars, text: bandText(b), requires: b.requires })),
    quotas: s.quotas.map((q) => ({ stars: q.stars, maxPercent: q.maxPercent, tie: TIE_TEXT[q.tie] })),
    publicityDays: s.publicityDays,
    branches: out,
    counts,
  };
}
