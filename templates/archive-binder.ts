/**
 * The paper forms of a 迎检 binder (archives.md 7.5, 7.6), in GB/T 9704 type
 * from gbt9704.ts: the 封面 (全宗名称, 类目, 年度, 保管期限, 起止件号, 盒号), the
 * 归档文件目录 as .docx (the twin of templates/archive-catalog.ts, the same nine
 * DA/T 22-2015 columns), the 备考表 (盒内文件情况说明, 整理人, 整理日期, 检查人,
 * 检查日期; people sign by hand, so those cells stay blank) and the 总目录 of all
 * binders (.docx and .xlsx). Model in, bytes out.
 */
import type { Paragraph, Table } from 'docx';
import { blankLine, centered, documentBytes, listTable, paragraph, table, title, type CellSpec } from './gbt9704.ts';
import { addSheet, newWorkbook, workbookBytes, type Column } from './xlsx-sheet.ts';
import { CATALOG_COLUMNS, type CatalogRow } from './archive-catalog.ts';

export interface BinderCoverModel {
  fondsName: string;
  fondsNo: string;
  category: string;
  year: string;
  retention: string;
  range: string;
  boxNo: string;
  period: string;
}

export async function binderCoverDocx(m: BinderCoverModel): Promise<Uint8Array> {
  const row = (label: string, value: string): CellSpec[] => [{ text: label, label: true }, { text: value, align: 'left' }];
  const children: (Paragraph | Table)[] = [
    blankLine(),
    blankLine(),
    title('归档文件', { hao: '小初', spacingAfterLines: 2 }),
    table([row('全宗名称', m.fondsName), row('全宗号', m.fondsNo), row('类　　目', m.category), row('年　　度', m.year), row('期　　间', m.period), row('保管期限', m.retention), row('起止件号', m.range), row('盒　　号', m.boxNo)], {
      widthsMm: [40, 116],
      hao: '三号',
      rowHeightMm: 14,
    }),
  ];
  return documentBytes([{ children, pageNumbers: false }], { title: `${m.category} 封面` });
}

export interface BinderCatalogDocModel {
  title: string;
  subtitle: string;
  rows: CatalogRow[];
}

// 小五 in the portrait type area (156 mm); each wrapped line is a grid line (tables.ts), so 题名 gets the room
// and 日期's 8 digits stay on one line; the narrow headers (序号, 密级, 页数) wrap once
const DOC_WIDTHS = [8, 26, 8, 18, 50, 20, 8, 8, 10];

export async function binderCatalogDocx(m: BinderCatalogDocModel): Promise<Uint8Array> {
  const headers = CATALOG_COLUMNS.map((c) => c.header);
  const rows = m.rows.length
    ? m.rows.map((r) => [String(r.no), r.archiveNo, r.docNo, r.author, r.title, r.date, r.secrecy, r.pages === null ? '' : String(r.pages), r.note])
    : [['', '', '', '', '（本类无文件）', '', '', '', '']];
  const children: (Paragraph | Table)[] = [title(m.title), centered(m.subtitle, { hao: '小四' }), blankLine(), listTable(headers, rows, { widthsMm: DOC_WIDTHS, hao: '小五' })];
  return documentBytes([{ children }], { title: m.title });
}

/** Counts with their unit (273件, 1048页): never broken across lines. */
const numbers = (ls: string[]) => [...new Set(ls.flatMap((l) => l.match(/\d+[件页项次]?/g) ?? []))];

export interface BinderNoteModel {
  category: string;
  /** 盒内文件情况说明, one paragraph each */
  notes: string[];
}

export async function binderNoteDocx(m: BinderNoteModel): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    title('备考表'),
    centered(m.category, { hao: '四号' }),
    blankLine(),
    table(
      [
        [{ text: '盒内文件情况说明', label: true, span: 4 }],
        [{ lines: m.notes, align: 'left', span: 4, keep: numbers(m.notes) }],
        [{ text: '整理人', label: true }, { text: '' }, { text: '整理日期', label: true }, { text: '' }],
        [{ text: '检查人', label: true }, { text: '' }, { text: '检查日期', label: true }, { text: '' }],
      ],
      { widthsMm: [30, 48, 30, 48], hao: '四号', rowHeightMm: 12 },
    ),
  ];
  return documentBytes([{ children, pageNumbers: false }], { title: `${m.category} 备考表` });
}

export interface BinderIndexRow {
  code: string;
  name: string;
  items: number;
  /** blank when not known */
  pages: number | null;
  range: string;
  note: string;
}

export interface BinderIndexModel {
  title: string;
  subtitle: string;
  rows: BinderIndexRow[];
  notes: string[];
}

const INDEX_COLUMNS: readonly Column<keyof BinderIndexRow>[] = [
  { key: 'code', header: '类别', width: 6, kind: 'id' },
  { key: 'name', header: '名称', width: 24, kind: 'text', align: 'left' },
  { key: 'items', header: '件数', width: 8, kind: 'count' },
  { key: 'pages', header: '页数', width: 8, kind: 'count' },
  { key: 'range', header: '起止件号', width: 14, kind: 'id' },
  { key: 'note', header: '说明', width: 50, kind: 'text', align: 'left' },
];

export async function binderIndexDocx(m: BinderIndexModel): Promise<Uint8Array> {
  const rows = m.rows.map((r) => [r.code, r.name, String(r.items), r.pages === null ? '' : String(r.pages), r.range, r.note]);
  const children: (Paragraph | Table)[] = [
    title(m.title),
    centered(m.subtitle, { hao: '小四' }),
    blankLine(),
    listTable(INDEX_COLUMNS.map((c) => c.header), rows, { widthsMm: [12, 36, 16, 18, 36, 38], hao: '小四' }),
    blankLine(),
    ...m.notes.map((n) => paragraph(n, { hao: '小四' })),
  ];
  return documentBytes([{ children }], { title: m.title });
}

export async function binderIndexXlsx(m: BinderIndexModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  addSheet(wb, { name: '总目录', title: m.title, subtitle: m.subtitle, columns: INDEX_COLUMNS, rows: m.rows.map((r) => ({ ...r })), notes: m.notes, landscape: true });
  return workbookBytes(wb);
}
