/** The page-number footers of a GB/T 9704 document: "— 1 —" in 4号宋体, odd pages right, even pages left. */
import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { FONTS, HAO, exactLine, runStyle } from './page.ts';

/**
 * The page-number line: its own exact 18 pt height (the footer would otherwise
 * take Normal's 28.99 pt grid line and sit lower), so where the "—" falls does
 * not depend on the grid.
 */
export const PAGE_NUMBER_LINE_TWIPS = 360;
/**
 * Footer distance from the bottom edge: 25 mm puts that line's bottom 272 mm
 * from the top, and the dash lines 7 mm below the type area (262 mm): 7.2 mm
 * measured in LibreOffice with the fonts of build/fonts.conf (the test allows
 * ± 1 mm). It was 23 mm with the grid line, which printed them 8.4 mm below.
 */
export const FOOTER_MM = 25;

/** "— 1 —" in 4号宋体 from a PAGE field; odd pages right, even pages left, 1-字 indent. */
export function pageNumberFooter(side: 'right' | 'left'): Footer {
  const st = runStyle(FONTS.pageNumber, '四号');
  const indent = HAO.四号 * 20;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: indent } : { left: indent },
        spacing: exactLine(PAGE_NUMBER_LINE_TWIPS),
        children: [new TextRun({ ...st, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** A footer with nothing in it (a cover section). */
export const emptyFooter = (): Footer => new Footer({ children: [new Paragraph({ children: [] })] });
