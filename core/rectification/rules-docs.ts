/**
 * The 制度 registry (issue 15 item 2): the only writer of rules_docs. A document is filed as an archive
 * item of binder H (制度建设) through the archive's own service (createItem, one writer), its text a file of
 * that item; a 工作要点 gets a plan (kind 工作要点) whose items are tracked like 整改 items. 已废止 names the
 * replacing document. `rulesIssued` gives the period count the work summary quotes ("制定印发…制度4个").
 */
import type { Transaction } from 'kysely';
import type { DB, RulesDocsTable } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { audit, type Tx } from '../audit/service.ts';
import { LedgerError } from '../errors.ts';
import { createItem as createArchiveItem } from '../archive/service.ts';
import { addAttachment } from '../attachments/service.ts';
import { RULE_CATEGORIES, type RuleDocInput } from './model.ts';
import { createPlanTx } from './service.ts';

export const RULES_BINDER = 'H';

export async function addRuleDocTx(ctx: Ctx, tx: Transaction<DB>, d: RuleDocInput, file?: { fileName: string; bytes: Uint8Array }): Promise<{ id: string; archiveItemId: string; planId: string | null }> {
  if (d.issuedOn > ctx.platform.today()) throw new LedgerError(`印发日期 ${d.issuedOn} 晚于今天`, 'issuedOn');
  if (d.docNo) {
    const dup = await tx.selectFrom('rules_docs').select('name').where('doc_no', '=', d.docNo).where('deleted_at', 'is', null).executeTakeFirst();
    if (dup) throw new LedgerError(`文号 ${d.docNo} 已用于“${dup.name}”`, 'docNo');
  }
  const year = Number(d.issuedOn.slice(0, 4));
  const archived = await createArchiveItem(ctx, tx, { year, category: RULES_BINDER, title: d.name, author: d.issuer, docNo: d.docNo, docDate: d.issuedOn }, { kind: 'upload', recordEntity: 'rules_docs' });
  if (file) await addAttachment(ctx, { entity: 'archive_items', entityId: archived.id, fileName: file.fileName, bytes: file.bytes, kind: '归档文件' }, tx);
  const planId = d.category === '工作要点' ? (await createPlanTx(ctx, tx, { kind: '工作要点', name: d.name, docNo: d.docNo, year, aspects: [], note: null })).id : null;
  const now = ctx.platform.now();
  const row: RulesDocsTable = {
    id: ctx.platform.newId(), name: d.name, doc_no: d.docNo, issuer: d.issuer, issued_on: d.issuedOn, category: d.category, status: '现行', replaced_by: null,
    repealed_on: null, archive_item_id: archived.id, plan_id: planId, note: d.note, created_at: now, updated_at: now, deleted_at: null,
  };
  await tx.insertInto('rules_docs').values(row).execute();
  await audit(tx, ctx, { entity: 'rules_docs', entityId: row.id, action: '新增', summary: `登记${d.category}“${d.name}”${d.docNo ? `（${d.docNo}）` : ''}并归入 H 类档案`, after: row });
  return { id: row.id, archiveItemId: archived.id, planId };
}

export function addRuleDoc(ctx: Ctx, d: RuleDocInput) {
  const file = d.fileName && d.contentBase64 ? { fileName: d.fileName, bytes: new Uint8Array(Buffer.from(d.contentBase64, 'base64')) } : undefined;
  return ctx.db.transaction().execute((tx) => addRuleDocTx(ctx, tx, d, file));
}

async function docRow(tx: Tx, id: string, field = 'id') {
  const r = await tx.selectFrom('rules_docs').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!r) throw new LedgerError('找不到该文件，可能已被删除', field);
  return r;
}

/** 已废止 on a date, replaced by another registered document (or none). */
export async function repealRuleDoc(ctx: Ctx, id: string, on: string, replacedBy: string | null): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const before = await docRow(tx, id);
    if (before.status === '已废止') throw new LedgerError(`“${before.name}”已于 ${before.repealed_on} 废止`, 'id');
    if (on > ctx.platform.today()) throw new LedgerError(`废止日期 ${on} 晚于今天`, 'repealedOn');
    if (on < before.issued_on) throw new LedgerError(`废止日期 ${on} 早于印发日期 ${before.issued_on}`, 'repealedOn');
    let by = '';
    if (replacedBy) {
      if (replacedBy === id) throw new LedgerError('不能由自身替代', 'replacedBy');
      const r = await docRow(tx, replacedBy, 'replacedBy');
      if (r.status !== '现行') throw new LedgerError(`“${r.name}”已废止，不能作为替代文件`, 'replacedBy');
      by = `，由“${r.name}”替代`;
    }
    const after = { ...before, status: '已废止', repealed_on: on, replaced_by: replacedBy, updated_at: ctx.platform.now() };
    await tx.updateTable('rules_docs').set(after).where('id', '=', id).execute();
    await audit(tx, ctx, { entity: 'rules_docs', entityId: id, action: '废止', summary: `废止“${before.name}”（${on}${by}）`, before, after });
  });
}

export interface RuleDoc {
  id: string;
  name: string;
  docNo: string | null;
  issuer: string;
  issuedOn: string;
  category: string;
  status: string;
  repealedOn: string | null;
  replacedBy: string | null;
  replacedByName: string | null;
  archiveItemId: string | null;
  planId: string | null;
  note: string | null;
}

export async function listRuleDocs(ctx: Ctx, q: { year?: number; category?: string; status?: string } = {}): Promise<RuleDoc[]> {
  let query = ctx.db.selectFrom('rules_docs as d').leftJoin('rules_docs as r', 'r.id', 'd.replaced_by').selectAll('d').select('r.name as replaced_name').where('d.deleted_at', 'is', null);
  if (q.year) query = query.where('d.issued_on', '>=', `${q.year}-01-01`).where('d.issued_on', '<=', `${q.year}-12-31`);
  if (q.category) query = query.where('d.category', '=', q.category);
  if (q.status) query = query.where('d.status', '=', q.status);
  const rows = await query.orderBy('d.issued_on', 'desc').orderBy('d.created_at').execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, docNo: r.doc_no, issuer: r.issuer, issuedOn: r.issued_on, category: r.category, status: r.status, repealedOn: r.repealed_on,
    replacedBy: r.replaced_by, replacedByName: r.replaced_name ?? null, archiveItemId: r.archive_item_id, planId: r.plan_id, note: r.note,
  }));
}

/** Documents issued in [from, to] (by 印发日期), in all and by 类别: "制定印发…制度4个". */
export async function rulesIssued(ctx: Ctx, q: { from: string; to: string }) {
  const rows = await ctx.db.selectFrom('rules_docs').select('category').where('deleted_at', 'is', null).where('issued_on', '>=', q.from).where('issued_on', '<=', q.to).execute();
  const byCategory = Object.fromEntries(RULE_CATEGORIES.map((c) => [c, rows.filter((r) => r.category === c).length])) as Record<(typeof RULE_CATEGORIES)[number], number>;
  return { total: rows.length, byCategory };
}
