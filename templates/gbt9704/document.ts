/** A GB/T 9704 document: A4 sections on the line grid, the Normal style in 3号仿宋, page numbers; packed to .docx bytes. */
import { Document, DocumentGridType, Packer, type Paragraph, type Table } from 'docx';
import { FONTS, LINE_PITCH_TWIPS, PAGE, exactLine, fontSlots, halfPoints, mmToTwip } from './page.ts';
import { FOOTER_MM, emptyFooter, pageNumberFooter } from './footers.ts';

export interface GbSection {
  children: (Paragraph | Table)[];
  /** Print page numbers (default true). A cover section sets false. */
  pageNumbers?: boolean;
  /** Restart numbering at this page. */
  startPage?: number;
}

/** Section properties shared by every GB/T 9704 page. */
export function sectionProperties(s: Pick<GbSection, 'startPage'> = {}) {
  return {
    page: {
      size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm) },
      margin: {
        top: mmToTwip(PAGE.marginMm.top),
        bottom: mmToTwip(PAGE.marginMm.bottom),
        left: mmToTwip(PAGE.marginMm.left),
        right: mmToTwip(PAGE.marginMm.right),
        header: mmToTwip(15),
        // The page-number dash lines sit 7 mm below the type area (see FOOTER_MM).
        footer: mmToTwip(FOOTER_MM),
        gutter: 0,
      },
      pageNumbers: s.startPage ? { start: s.startPage } : undefined,
    },
    grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS },
  };
}

export interface DocMeta {
  title?: string;
  /** Ask Word to refresh fields (PAGEREF in a contents list) on opening. */
  updateFields?: boolean;
}

export function gbDocument(sections: GbSection[], meta: DocMeta = {}): Document {
  return new Document({
    creator: '党务台账',
    title: meta.title ?? '',
    features: meta.updateFields ? { updateFields: true } : undefined,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontSlots(FONTS.body), size: halfPoints('三号'), sizeComplexScript: halfPoints('三号') },
          paragraph: { spacing: exactLine() },
        },
      },
      // An explicit Normal style: LibreOffice measures the character grid from
      // Normal's East-Asian size (12 pt if absent), and a 16 pt glyph would then
      // take two grid cells.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: { font: fontSlots(FONTS.body), size: halfPoints('三号'), sizeComplexScript: halfPoints('三号') },
          paragraph: { spacing: exactLine() },
        },
      ],
    },
    sections: sections.map((s) => ({
      properties: sectionProperties(s),
      footers: s.pageNumbers === false ? { default: emptyFooter(), even: emptyFooter() } : { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
      children: s.children,
    })),
  });
}

/** Packs the sections into .docx bytes. */
export async function documentBytes(sections: GbSection[], meta: DocMeta = {}): Promise<Uint8Array> {
  const buf = await Packer.toBuffer(gbDocument(sections, meta));
  return new Uint8Array(buf);
}
