/** Bordered tables in the GB/T 9704 body fonts (黑体 header, 仿宋 cells), full type-area width by default. */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { FONTS, HAO, mmToTwip, run, runStyle, type Hao } from './page.ts';
import { balancedLines, nestQuotes, titleWords, wrapLines, ziWidth } from '../typography.ts';

// the string BorderStyle.SINGLE stands for: a constant at module level must not load docx (it loads on first use)
const thin = { style: 'single' as typeof BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

export interface CellSpec {
  text?: string;
  /** Several paragraphs (e.g. minutes); each is a line in the cell. */
  lines?: string[];
  span?: number;
  rowSpan?: number;
  /** A label cell: 黑体, centred. */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
  font?: string;
  /** Strings kept whole in this cell (the names it lists), beyond those templates/typography.ts finds. */
  keep?: readonly string[];
}

export interface TableOptions {
  /** Column widths in mm; their sum should be the type-area width (156 mm). */
  widthsMm: number[];
  /** Table text size; 4号 by default for ledgers (3号 is often too large in a grid). */
  hao?: Hao;
  /** Minimum height of each row in mm. */
  rowHeightMm?: number;
  /** Repeat the first row on every page. */
  headerRow?: boolean;
  /** Let a row break across pages (default false: a form row stays whole). */
  splitRows?: boolean;
  /** Cell margin above and below the text, in twips (default 40). A form on the line grid sets 0: each row is then a whole number of grid lines. */
  cellPaddingTwips?: number;
}

/** Cell margins left and right, in twips. */
const CELL_MARGIN = 80;

/**
 * A label too wide for its cell breaks between its words, in even lines
 * ("缺席人员/及原因", never "缺席人员及/原因"); one that fits stays on one line.
 */
export function labelLines(text: string, widthZi: number): string[] {
  if (ziWidth(text) <= widthZi) return [text];
  return balancedLines(titleWords(text), Math.max(1, Math.floor(widthZi)));
}

/**
 * The lines of a cell's text, wrapped here rather than by the renderer: names
 * (`keep`, and 2–4 字 runs between separators), dates' parts and labels' words
 * are never split, no line starts with closing or ends with opening
 * punctuation (templates/typography.ts wrapLines). One 字 is left spare in a
 * line with digits for the ¼-字 gaps renderers put between Han and digits.
 */
export function cellLines(c: Pick<CellSpec, 'text' | 'lines' | 'label' | 'keep'>, widthZi: number): string[] {
  const given = c.lines ?? [c.text ?? ''];
  if (c.label && !c.lines) return labelLines(c.text ?? '', widthZi);
  return (given.length ? given : ['']).flatMap((l) => wrapLines(l, Math.max(1, widthZi - (/\d/.test(l) ? 1 : 0.25)), { keep: c.keep }));
}

/** Width of a cell's text in 字 of its size. */
export const cellWidthZi = (widthTwips: number, hao: Hao): number => (widthTwips - 2 * CELL_MARGIN) / (HAO[hao] * 20);

function cellParagraphs(c: CellSpec, hao: Hao, widthTwips: number): Paragraph[] {
  const font = c.font ?? (c.label ? FONTS.heading1 : FONTS.body);
  const align = c.align === 'left' ? AlignmentType.LEFT : c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' || c.label ? AlignmentType.CENTER : AlignmentType.LEFT;
  const pitch = Math.round(HAO[hao] * 20 * 1.5);
  const widthZi = cellWidthZi(widthTwips, hao);
  // one paragraph per given line; the lines it wraps into are explicit breaks inside it
  const given = c.lines ?? [c.text ?? ''];
  return (given.length ? given : ['']).map((text) => {
    const lines = cellLines({ ...c, lines: undefined, text }, widthZi);
    return new Paragraph({
      alignment: align,
      spacing: { line: pitch, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
      children: lines.map((line, i) => (i === 0 ? run(line, font, hao) : new TextRun({ ...runStyle(font, hao), break: 1, text: nestQuotes(line) }))),
    });
  });
}

/** A bordered table in the body fonts; each row is a list of cells (strings or specs with spans). */
export function table(rows: (string | CellSpec)[][], opts: TableOptions): Table {
  const hao = opts.hao ?? '四号';
  const widths = opts.widthsMm.map(mmToTwip);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders,
    rows: rows.map((row, ri) => {
      let col = 0;
      return new TableRow({
        tableHeader: opts.headerRow && ri === 0,
        cantSplit: !opts.splitRows,
        height: opts.rowHeightMm ? { value: mmToTwip(opts.rowHeightMm), rule: 'atLeast' } : undefined,
        children: row.map((raw) => {
          const c: CellSpec = typeof raw === 'string' ? { text: raw, align: opts.headerRow && ri === 0 ? 'center' : undefined, label: opts.headerRow && ri === 0 } : raw;
          const span = c.span ?? 1;
          const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            width: { size: w, type: WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined,
            verticalAlign: VerticalAlign.CENTER,
            margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: opts.cellPaddingTwips ?? 40, bottom: opts.cellPaddingTwips ?? 40 },
            children: cellParagraphs(c, hao, w),
          });
        }),
      });
    }),
  });
}

/** A simple list table: a header row (黑体) then data rows (仿宋). */
export function listTable(headers: string[], rows: string[][], opts: Omit<TableOptions, 'headerRow'>): Table {
  return table([headers.map((h) => ({ text: h, label: true })), ...rows], { ...opts, headerRow: true });
}
