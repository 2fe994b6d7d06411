/**
 * 归档 of generated documents: each document of a year (记录本 per organization,
 * 花名册, 党费台账 and 核定表, 发展党员工作台账, 转入转出登记表, 组织生活统计) is
 * built by its own area's exporter, frozen (package dates fixed, text/frozen.ts)
 * and filed as an archive item under a key with its parameters (source_ref, e.g.
 * record-book:<orgId>:2026). Filing again files nothing when the content is
 * unchanged, and a new version (a new item, version + 1) when it changed; the
 * old version stays as it was.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { LedgerError } from '../errors.ts';
import { exportRoster } from '../members/export.ts';
import { exportLifeStats, exportRecordBook } from '../activities/exports.ts';
import { exportAssessment, exportBureauLedger, exportLedger as exportDuesLedger } from '../dues/documents.ts';
import { exportLedger as exportDevelopmentLedger } from '../development/documents.ts';
import { exportTransferRegisters } from '../transfers/registers.ts';
import { committeeId, createItem } from './service.ts';
import { addAttachment } from '../attachments/service.ts';
import { extractText, frozenDocument } from './text.ts';

/** One generated document of a year, as the archive files it. */
export interface DocumentSpec {
  key: string;
  category: string;
  orgId: string;
  /** what the document is, for messages */
  label: string;
  build: () => Promise<{ bytes: Uint8Array; fileName: string }>;
}

/** The generated documents of a year: the 党委's and each branch's, or one organization's. */
export async function documentsOfYear(ctx: Ctx, year: number, orgId?: string | null): Promise<DocumentSpec[]> {
  const committee = await committeeId(ctx.db);
  const branches = await ctx.db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', '党支部').where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').execute();
  const specs: DocumentSpec[] = [];
  const bureau = !orgId || orgId === committee;
  if (bureau) {
    specs.push(
      { key: `roster:${year}`, category: 'A', orgId: committee, label: '党员花名册', build: () => exportRoster(ctx, {}) },
      { key: `transfer-registers:${year}`, category: 'A', orgId: committee, label: '转入、转出党员登记表', build: () => exportTransferRegisters(ctx, year) },
      { key: `record-book:${committee}:${year}`, category: 'B', orgId: committee, label: '党委组织生活记录本', build: () => exportRecordBook(ctx, { orgId: committee, year }) },
      { key: `life-stats:${year}`, category: 'B', orgId: committee, label: '组织生活统计表', build: () => exportLifeStats(ctx, year) },
      { key: `dues-ledger:${year}`, category: 'E', orgId: committee, label: '党费收缴台账', build: () => exportBureauLedger(ctx, year) },
      { key: `dues-assessment:${year}`, category: 'E', orgId: committee, label: '党费核定表', build: () => exportAssessment(ctx, year) },
      { key: `development-ledger:${year}`, category: 'F', orgId: committee, label: '发展党员工作台账', build: () => exportDevelopmentLedger(ctx, year) },
    );
  }
  for (const b of branches) {
    if (!bureau && b.id !== orgId) continue;
    specs.push({ key: `record-book:${b.id}:${year}`, category: 'B', orgId: b.id, label: `${b.name}组织生活记录本`, build: () => exportRecordBook(ctx, { orgId: b.id, year }) });
    if (!bureau) {
      specs.push(
        { key: `roster:${b.id}:${year}`, category: 'A', orgId: b.id, label: `${b.name}党员花名册`, build: () => exportRoster(ctx, { branchId: b.id }) },
        { key: `dues-ledger:${b.id}:${year}`, category: 'E', orgId: b.id, label: `${b.name}党费收缴台账`, build: () => exportDuesLedger(ctx, b.id, year) },
      );
    }
  }
  if (!bureau && !branches.some((b) => b.id === orgId)) throw new LedgerError('所属组织应为党委或党支部', 'orgId');
  return specs;
}

export type FilingOutcome = '新归档' | '新版本' | '未变化';

export interface FiledDocument {
  key: string;
  label: string;
  outcome: FilingOutcome;
  itemId: string;
  version: number;
  sha256: string;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Files one generated document: a new item, a new version, or nothing when unchanged. */
export async function fileDocument(ctx: Ctx, year: number, spec: DocumentSpec): Promise<FiledDocument> {
  const made = await spec.build();
  const bytes = frozenDocument(made.bytes);
  const hash = sha(bytes);
  const last = await ctx.db
    .selectFrom('archive_items')
    .select(['id', 'version'])
    .where('source_kind', '=', 'document')
    .where('source_ref', '=', spec.key)
    .where('voided_at', 'is', null)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (last) {
    const file = await ctx.db.selectFrom('attachments').select('sha256').where('entity', '=', 'archive_items').where('entity_id', '=', last.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (file?.sha256 === hash) return { key: spec.key, label: spec.label, outcome: '未变化', itemId: last.id, version: last.version, sha256: hash };
  }
  const version = (last?.version ?? 0) + 1;
  const title = made.fileName.replace(/\.(docx|xlsx)$/i, '');
  const text = extractText(made.fileName, bytes);
  const orgName = (await ctx.db.selectFrom('org_units').select('name').where('id', '=', spec.orgId).executeTakeFirst())?.name ?? null;
  const item = await ctx.db.transaction().execute(async (tx) => {
    const row = await createItem(
      ctx,
      tx,
      { year, category: spec.category, orgId: spec.orgId, title, author: orgName, docDate: [ctx.platform.today(), `${year}-12-31`].sort()[0], note: version > 1 ? `第${version}版（内容有变化，重新归档）` : null },
      { kind: 'document', ref: spec.key, version, contentText: text },
    );
    await addAttachment(ctx, { entity: 'archive_items', entityId: row.id, fileName: made.fileName, bytes, kind: '归档文件', note: `第${version}版` }, tx);
    return row;
  });
  return { key: spec.key, label: spec.label, outcome: version > 1 ? '新版本' : '新归档', itemId: item.id, version, sha256: hash };
}

/** `archive file`: every generated document of the year (of one organization), new versions where they changed. */
export async function fileYear(ctx: Ctx, year: number, orgId?: string | null): Promise<{ filed: FiledDocument[]; counts: Record<FilingOutcome, number> }> {
  const filed: FiledDocument[] = [];
  for (const spec of await documentsOfYear(ctx, year, orgId)) filed.push(await fileDocument(ctx, year, spec));
  const counts = { 新归档: 0, 新版本: 0, 未变化: 0 } as Record<FilingOutcome, number>;
  for (const f of filed) counts[f.outcome] += 1;
  return { filed, counts };
}
