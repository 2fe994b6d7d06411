/** A GB/T 9704 document: A4 sections on the line grid, the Normal style in 3号仿宋, page numbers; packed to .docx bytes. */
import { Document, DocumentGridType, Packer, type Paragraph, type Table } from 'docx';
import { FONTS, LINE_PITCH_TWIPS, PAGE, exactLine, fontSlots, halfPoints, mmToTwip, xmlElement } from './page.ts';
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

/** The Normal paragraph style: 3号仿宋 on the line grid, Chinese line-breaking rules on. */
export function normalStyleXml(): string {
  const font = FONTS.body;
  const sz = halfPoints('三号');
  const sp = exactLine();
  return (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
    `<w:pPr><w:kinsoku w:val="1"/><w:overflowPunct w:val="1"/><w:topLinePunct w:val="1"/><w:autoSpaceDE w:val="1"/><w:autoSpaceDN w:val="1"/>` +
    `<w:spacing w:before="${sp.before}" w:after="${sp.after}" w:line="${sp.line}" w:lineRule="exact"/></w:pPr>` +
    `<w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/><w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:style>`
  );
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
      // take two grid cells. It also turns on the Chinese line-breaking rules for
      // every paragraph (templates/typography.ts): kinsoku (no line starts with
      // closing or ends with opening punctuation), overflowPunct (a closing mark
      // may hang in the margin rather than pull a character down), topLinePunct
      // (compress punctuation at a line start) and the zh-CN language the
      // forbidden-character lists are chosen by. The docx library has no option
      // for kinsoku and topLinePunct, so the style is written as XML.
      importedStyles: [xmlElement(normalStyleXml())],
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
