/**
 * Drafts of the 党建工作总结 and their versions: the only writer of summary_drafts and summary_versions.
 * A draft keeps the four sections as the clerk wrote them with the figures as {{key}} placeholders and
 * the figures' values as last generated; every save and every 刷新数据 adds a version. Refreshing
 * recomputes the figures, so every placeholder the clerk kept shows the new value while the clerk's own
 * wording stays as typed, and reports each changed figure (old → new).
 */
import type { Transaction } from 'kysely';
import type { DB, SummaryDraftsTable } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { audit, softDelete, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { getSetting } from '../settings/service.ts';
import { loadDuesSettings } from '../dues/settings.ts';
import { summaryFigures, type Figure, type SummaryFigures } from './figures.ts';
import { nextLines, problemLines } from './problems.ts';
import { SECTION_TITLES, draftSections, gapsOf, keysOf, render, summaryTitle } from './draft.ts';

export type StoredFigures = Record<string, Pick<Figure, 'value' | 'text' | 'label' | 'area' | 'source'>>;

export interface Period {
  from: string;
  to: string;
  branchId?: string;
}

export const unitName = async (tx: Tx) => (await getSetting<string>(tx, 'org.committeeName')) || (await getSetting<string>(tx, 'org.unitName')) || '党委';

const store = (f: SummaryFigures): StoredFigures =>
  Object.fromEntries(Object.values(f.figures).map((x) => [x.key, { value: x.value, text: x.text, label: x.label, area: x.area, source: x.source }]));

/** Figures, title and the generated text of a period, nothing stored. */
export async function generate(ctx: Ctx, q: Period) {
  const figures = await summaryFigures(ctx, q);
  const p = { from: q.from, to: q.to, branchId: figures.branchId ?? undefined };
  const [problems, next, committee, dues] = await Promise.all([problemLines(ctx, p), nextLines(ctx, p), unitName(ctx.db), loadDuesSettings(ctx.db)]);
  const unit = p.branchId ? figures.scope : committee;
  const sections = draftSections({ figures, unit, upperBody: dues.upperBodyName, problems, next });
  return { figures, title: summaryTitle(unit, q.from, q.to), signer: unit, sections };
}

async function addVersion(ctx: Ctx, tx: Transaction<DB>, row: SummaryDraftsTable, reason: string): Promise<number> {
  const last = await tx.selectFrom('summary_versions').select((eb) => eb.fn.max<number>('n').as('n')).where('draft_id', '=', row.id).executeTakeFirst();
  const n = Number(last?.n ?? 0) + 1;
  await tx.insertInto('summary_versions').values({ id: ctx.platform.newId(), draft_id: row.id, n, sections: row.sections, figures: row.figures, reason, created_at: ctx.platform.now() }).execute();
  return n;
}

export async function createDraft(ctx: Ctx, q: Period): Promise<DraftView> {
  const g = await generate(ctx, q);
  const id = await ctx.db.transaction().execute((tx) => storeDraft(ctx, tx, q, g));
  return getDraft(ctx, id);
}

/** Stores a generated draft and its first version in the caller's transaction (the demo's too). */
export async function storeDraft(ctx: Ctx, tx: Transaction<DB>, q: Period, g: Awaited<ReturnType<typeof generate>>): Promise<string> {
  const now = ctx.platform.now();
  const row: SummaryDraftsTable = {
    id: ctx.platform.newId(), org_id: g.figures.branchId, period_from: q.from, period_to: q.to, title: g.title, sections: JSON.stringify(g.sections),
    figures: JSON.stringify(store(g.figures)), figures_at: now, created_at: now, updated_at: now, deleted_at: null,
  };
  await tx.insertInto('summary_drafts').values(row).execute();
  await addVersion(ctx, tx, row, '生成草稿');
  await audit(tx, ctx, { entity: 'summary_drafts', entityId: row.id, action: '新增', summary: `生成“${g.title}”草稿（${q.from} 至 ${q.to}）`, after: { id: row.id, title: row.title, period_from: q.from, period_to: q.to, org_id: row.org_id } });
  return row.id;
}

async function draftRow(tx: Tx, id: string): Promise<SummaryDraftsTable> {
  const r = await tx.selectFrom('summary_drafts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r) throw new LedgerError('找不到这份总结草稿，可能已被删除', 'id');
  return r;
}

export interface DraftView {
  id: string;
  title: string;
  from: string;
  to: string;
  branchId: string | null;
  figuresAt: string;
  updatedAt: string;
  sections: { title: string; text: string; rendered: string }[];
  figures: StoredFigures;
  gaps: { section: string; text: string }[];
  versions: { n: number; reason: string; createdAt: string }[];
}

export async function getDraft(ctx: Ctx, id: string): Promise<DraftView> {
  const r = await draftRow(ctx.db, id);
  const texts = JSON.parse(r.sections) as string[];
  const figures = JSON.parse(r.figures) as StoredFigures;
  const rendered = texts.map((t) => render(t, figures));
  const versions = await ctx.db.selectFrom('summary_versions').select(['n', 'reason', 'created_at as createdAt']).where('draft_id', '=', id).orderBy('n', 'desc').execute();
  return {
    id: r.id, title: r.title, from: r.period_from, to: r.period_to, branchId: r.org_id, figuresAt: r.figures_at, updatedAt: r.updated_at,
    sections: SECTION_TITLES.map((title, i) => ({ title, text: texts[i] ?? '', rendered: rendered[i] ?? '' })), figures, gaps: gapsOf(rendered), versions,
  };
}

export async function listDrafts(ctx: Ctx) {
  const rows = await ctx.db.selectFrom('summary_drafts as d').leftJoin('org_units as o', 'o.id', 'd.org_id').select(['d.id', 'd.title', 'd.period_from as from', 'd.period_to as to', 'd.org_id as branchId', 'o.name as branch', 'd.updated_at as updatedAt']).where('d.deleted_at', 'is', null).orderBy('d.updated_at', 'desc').execute();
  return rows.map((r) => ({ ...r, branch: r.branch ?? '党委' }));
}

/** The clerk's text of the four sections (and title); a new version when anything changed. */
export async function saveDraft(ctx: Ctx, p: { id: string; title?: string; sections: string[] }): Promise<DraftView> {
  if (p.sections.length !== SECTION_TITLES.length) throw new LedgerError(`总结应有${SECTION_TITLES.length}个部分`, 'sections');
  await ctx.db.transaction().execute(async (tx) => {
    const before = await draftRow(tx, p.id);
    const figures = JSON.parse(before.figures) as StoredFigures;
    p.sections.forEach((s, i) => {
      const unknown = keysOf(s).filter((k) => !figures[k]);
      if (unknown.length) throw new LedgerError(`${SECTION_TITLES[i]}中的数据项 {{${unknown[0]}}} 不存在，请删除或改为文字`, `sections.${i}`);
    });
    const after = { ...before, title: p.title?.trim() || before.title, sections: JSON.stringify(p.sections), updated_at: ctx.platform.now() };
    if (after.sections === before.sections && after.title === before.title) return;
    await tx.updateTable('summary_drafts').set(after).where('id', '=', p.id).execute();
    const n = await addVersion(ctx, tx, after, '保存');
    await audit(tx, ctx, { entity: 'summary_drafts', entityId: p.id, action: '修改', summary: `保存“${after.title}”（第${n}版）`, before: { title: before.title }, after: { title: after.title } });
  });
  return getDraft(ctx, p.id);
}

export interface FigureChange {
  key: string;
  label: string;
  old: string;
  new: string;
}

/** 刷新数据: recompute the figures; the clerk's wording stays, every placeholder shows the new value. */
export async function refreshDraft(ctx: Ctx, id: string): Promise<{ changes: FigureChange[]; draft: DraftView }> {
  const r = await draftRow(ctx.db, id);
  const g = await summaryFigures(ctx, { from: r.period_from, to: r.period_to, branchId: r.org_id ?? undefined });
  const old = JSON.parse(r.figures) as StoredFigures;
  const fresh = store(g);
  const used = new Set((JSON.parse(r.sections) as string[]).flatMap(keysOf));
  const shown = (x: StoredFigures[string] | undefined) => (x && x.value !== null ? x.text : '待补充');
  const changes = [...used].filter((k) => shown(old[k]) !== shown(fresh[k])).map((k) => ({ key: k, label: fresh[k]?.label ?? old[k]?.label ?? k, old: shown(old[k]), new: shown(fresh[k]) }));
  // a figure the ledger no longer gives keeps its key, valued null (the text then says 【待补充】)
  for (const k of used) if (!fresh[k] && old[k]) fresh[k] = { ...old[k]!, value: null, text: '' };
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.platform.now();
    const after = { ...r, figures: JSON.stringify(fresh), figures_at: now, updated_at: now };
    await tx.updateTable('summary_drafts').set(after).where('id', '=', id).execute();
    const n = await addVersion(ctx, tx, after, '刷新数据');
    await audit(tx, ctx, { entity: 'summary_drafts', entityId: id, action: '刷新数据', summary: `刷新“${r.title}”的数据（第${n}版，${changes.length}项有变化）`, after: { changes: changes.map((c) => `${c.label}：${c.old} → ${c.new}`).join('；') || '无' } });
  });
  return { changes, draft: await getDraft(ctx, id) };
}

/** One version's text as it was saved, rendered with that version's figures. */
export async function versionOf(ctx: Ctx, id: string, n: number) {
  await draftRow(ctx.db, id);
  const v = await ctx.db.selectFrom('summary_versions').selectAll().where('draft_id', '=', id).where('n', '=', n).executeTakeFirst();
  if (!v) throw new LedgerError(`没有第${n}版`, 'n');
  const figures = JSON.parse(v.figures) as StoredFigures;
  const texts = JSON.parse(v.sections) as string[];
  return { n: v.n, reason: v.reason, createdAt: v.created_at, sections: SECTION_TITLES.map((title, i) => ({ title, text: texts[i] ?? '', rendered: render(texts[i] ?? '', figures) })) };
}

export async function deleteDraft(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await draftRow(tx, id);
    await softDelete(tx, ctx, 'summary_drafts', id);
  });
}
