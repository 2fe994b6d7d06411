/** An archive item as the screens and the command line see it (archive_items + its 档号, category and org). */
import type { Tx } from '../audit/service.ts';
import type { ArchiveItemsTable } from '../../db/schema.ts';
import { itemNoText } from '../../common/archive.ts';
import { archiveNoOf, type ArchiveSettings } from './settings.ts';

export interface ArchiveItem {
  id: string;
  year: number;
  categoryCode: string;
  categoryName: string;
  orgId: string;
  orgName: string;
  title: string;
  author: string | null;
  docNo: string | null;
  docDate: string | null;
  pages: number | null;
  secrecy: string;
  retention: string;
  itemNo: number;
  /** 件号 as printed: 0001 */
  itemNoText: string;
  /** null when it cannot be composed (see archiveNoWarning) */
  archiveNo: string | null;
  archiveNoWarning: string | null;
  sourceKind: string;
  sourceRef: string | null;
  recordEntity: string | null;
  recordId: string | null;
  version: number;
  note: string | null;
  textStatus: string;
  voidedAt: string | null;
  voidReason: string | null;
  files: number;
  createdAt: string;
}

export async function orgNames(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('org_units').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function categoryNames(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('archive_categories').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export function toItem(r: ArchiveItemsTable, s: ArchiveSettings, names: { org: Map<string, string>; category: Map<string, string> }, files: number): ArchiveItem {
  const no = archiveNoOf(s, r);
  return {
    id: r.id,
    year: r.year,
    categoryCode: r.category_code,
    categoryName: names.category.get(r.category_code) ?? r.category_code,
    orgId: r.org_id,
    orgName: names.org.get(r.org_id) ?? '',
    title: r.title,
    author: r.author,
    docNo: r.doc_no,
    docDate: r.doc_date,
    pages: r.pages,
    secrecy: r.secrecy,
    retention: r.retention,
    itemNo: r.item_no,
    itemNoText: itemNoText(r.item_no) ?? String(r.item_no),
    archiveNo: no.archiveNo,
    archiveNoWarning: no.warning,
    sourceKind: r.source_kind,
    sourceRef: r.source_ref,
    recordEntity: r.record_entity,
    recordId: r.record_id,
    version: r.version,
    note: r.note,
    textStatus: r.text_status,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    files,
    createdAt: r.created_at,
  };
}
