/**
 * The 党建工作总结 as a .docx (templates/work-summary.ts): a stored draft's text rendered with its figures,
 * or, without a draft, the text generated from the ledger for the period. Returns every 【待补充：…】 left
 * in the text, so the clerk sees which places still need filling in.
 */
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { workSummary } from '../../templates/work-summary.ts';
import { listBranches } from '../org/service.ts';
import { loadDuesSettings } from '../dues/settings.ts';
import { SECTION_TITLES, gapsOf, render } from './draft.ts';
import { generate, getDraft, unitName, type Period, type StoredFigures } from './service.ts';

export interface WorkSummaryFile {
  fileName: string;
  bytes: Uint8Array;
  gaps: { section: string; text: string }[];
}

export async function exportWorkSummary(ctx: Ctx, q: Partial<Period> & { draftId?: string; addressee?: string | null; issuedOn?: string }): Promise<WorkSummaryFile> {
  let title: string;
  let texts: string[];
  let signer: string;
  if (q.draftId) {
    const d = await getDraft(ctx, q.draftId);
    if (q.from && (q.from !== d.from || q.to !== d.to)) throw new LedgerError(`草稿的期间是 ${d.from} 至 ${d.to}，与所选期间不一致`, 'draftId');
    title = d.title;
    texts = d.sections.map((s) => s.rendered);
    signer = d.branchId ? d.title.replace(/\d{4}年.*$/, '') : await unitName(ctx.db);
  } else {
    if (!q.from || !q.to) throw new LedgerError('请选择总结的期间', 'from');
    const g = await generate(ctx, { from: q.from, to: q.to, branchId: q.branchId });
    const figures: StoredFigures = Object.fromEntries(Object.values(g.figures.figures).map((x) => [x.key, x]));
    title = g.title;
    texts = g.sections.map((s) => render(s, figures));
    signer = g.signer;
  }
  const bytes = await workSummary({
    title,
    addressee: q.addressee || null,
    parts: SECTION_TITLES.map((heading, i) => ({ heading, paragraphs: (texts[i] ?? '').split('\n').map((p) => p.trim()).filter(Boolean) })),
    signer,
    issuedOn: q.issuedOn ?? ctx.platform.today(),
    keep: [...(await listBranches(ctx)).map((b) => b.name), (await loadDuesSettings(ctx.db)).upperBodyName],
  });
  return { fileName: `${title}.docx`, bytes, gaps: gapsOf(texts) };
}
