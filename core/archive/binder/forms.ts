/**
 * The forms of each binder folder (归档文件目录 .xlsx and .docx, 封面, 备考表)
 * and the 总目录 at the top, as view models for templates/archive-binder.ts and
 * templates/archive-catalog.ts. 页数 come from the binder's PDF when there is
 * one; otherwise they stay blank for filling by hand.
 */
import { catalogDate } from '../../../common/archive.ts';
import { chineseDate } from '../../../common/labels.ts';
import { archiveCatalogXlsx, type CatalogRow } from '../../../templates/archive-catalog.ts';
import { binderCatalogDocx, binderCoverDocx, binderIndexDocx, binderIndexXlsx, binderNoteDocx, type BinderIndexRow } from '../../../templates/archive-binder.ts';
import type { InspectRow } from '../../inspect/check.ts';
import type { Binder } from './contents.ts';

export interface FormsContext {
  year: number;
  from: string;
  to: string;
  fondsName: string;
  fondsNo: string;
  scopeName: string;
}

export const seqNo = (n: number) => String(n).padStart(4, '0');
export const periodText = (c: Pick<FormsContext, 'from' | 'to'>) => `${chineseDate(c.from)}至${chineseDate(c.to)}`;
const range = (b: Binder) => (b.items.length ? `${seqNo(1)}—${seqNo(b.items.length)}` : '—');

export function catalogRows(b: Binder, pages: (number | null)[] | null): CatalogRow[] {
  return b.items.map((it, i) => ({
    no: i + 1,
    archiveNo: it.archiveNo,
    docNo: it.docNo,
    author: it.author,
    title: it.title,
    date: catalogDate(it.docDate),
    secrecy: it.secrecy,
    pages: pages && pages[i] ? pages[i] : null,
    note: it.note,
  }));
}

/** The four forms of a folder, by file name. */
export async function binderForms(c: FormsContext, b: Binder, rows: CatalogRow[], gaps: InspectRow[], problems: string[], pdfNote: string | null): Promise<[string, Uint8Array][]> {
  const subtitle = `全宗号：${c.fondsNo || '（未设置）'}　全宗名称：${c.fondsName}　年度：${c.year}　类别：${b.folder}　期间：${periodText(c)}`;
  const retentions = [...new Set(b.items.map((i) => i.retention))];
  const pages = rows.reduce((n, r) => n + (r.pages ?? 0), 0);
  const kinds = { filed: b.items.filter((i) => i.archiveNo || i.filedNo).length, pending: b.items.filter((i) => i.note.includes('尚未归档')).length, made: b.items.filter((i) => i.source.startsWith('document:')).length };
  const notes = [
    b.items.length
      ? `本类共${b.items.length}件（已归档${kinds.filed}件，会议附件未归档${kinds.pending}件，台账生成文档${kinds.made}件），${pages ? `共${pages}页` : '页数待打印后填写'}。`
      : '本类在此期间没有文件。',
    retentions.length > 1 ? `本类含不同保管期限（${retentions.join('、')}）的文件，移交档案室时应按保管期限分盒。` : '',
    ...gaps.map((g) => `迎检清单：${g.org}“${g.item}”${g.status}（${g.reason}）。`),
    ...problems.map((p) => `未能收入：${p}。`),
    pdfNote ?? '',
  ].filter(Boolean);
  const sheet = { name: b.folder.slice(0, 31), title: '归档文件目录', subtitle, rows };
  return [
    ['封面.docx', await binderCoverDocx({ fondsName: c.fondsName, fondsNo: c.fondsNo, category: b.folder, year: String(c.year), retention: retentions.join('、') || '—', range: range(b), boxNo: '', period: periodText(c) })],
    ['归档文件目录.xlsx', await archiveCatalogXlsx([sheet])],
    ['归档文件目录.docx', await binderCatalogDocx(sheet)],
    ['备考表.docx', await binderNoteDocx({ category: b.folder, notes })],
  ];
}

export async function indexForms(c: FormsContext, binders: Binder[], pages: Map<string, number[] | null>, gaps: InspectRow[], notes: string[]): Promise<[string, Uint8Array][]> {
  const rows: BinderIndexRow[] = binders.map((b) => {
    const p = pages.get(b.code);
    const open = gaps.filter((g) => g.binderCode === b.code).length;
    return { code: b.code, name: b.name, items: b.items.length, pages: p ? p.reduce((a, x) => a + x, 0) : null, range: range(b), note: open ? `迎检清单有${open}项未齐全` : '' };
  });
  const model = { title: `${c.year}年度迎检材料总目录`, subtitle: `${c.scopeName}　期间：${periodText(c)}`, rows, notes };
  return [
    ['总目录.docx', await binderIndexDocx(model)],
    ['总目录.xlsx', await binderIndexXlsx(model)],
  ];
}
