/** Paragraph blocks of a GB/T 9704 document: titles, headings, body text, 附件说明, signatures and dates. */
import { AlignmentType, PageBreak, Paragraph, TextRun } from 'docx';
import { CONDENSE, FONTS, HAO, LINE_PITCH_TWIPS, PAGE, ZI, exactLine, run, runStyle, runs, type Hao, type Runs } from './page.ts';
import { chineseDate } from '../../common/labels.ts';
import { balancedGroups, balancedLines, titleWords, ziWidth } from '../typography.ts';

/**
 * 2号方正小标宋简体 title, centred. A title longer than a line breaks between
 * words, in lines of even length (GB/T 9704 7.3.1: 回行时词意完整，排列对称，
 * 长短适宜，间距恰当, 梯形或菱形): give the words as an array to say where it may
 * break, or a string to let titleWords() find the words (after 关于 and
 * punctuation, before 的通知/的公布/…, before 和/与/及).
 */
export function title(text: string | string[], opts: { hao?: Hao; spacingAfterLines?: number } = {}): Paragraph {
  const hao = opts.hao ?? '二号';
  const pitch = Math.max(LINE_PITCH_TWIPS, Math.round(HAO[hao] * 20 * 1.6));
  const perLine = Math.floor((PAGE.chars * (ZI + CONDENSE)) / (HAO[hao] * 20));
  const ws = Array.isArray(text) ? text : titleWords(text);
  // each line ends in an explicit break between two words
  const children: TextRun[] = [];
  balancedGroups(ws, perLine).forEach((line, i) => {
    if (i > 0) children.push(new TextRun({ ...runStyle(FONTS.title, hao), break: 1 }));
    children.push(run(line.join(''), FONTS.title, hao));
  });
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...exactLine(pitch), after: (opts.spacingAfterLines ?? 1) * LINE_PITCH_TWIPS },
    children,
  });
}

/** The lines a title is printed in (titleWords, balancedLines), `perLine` 字 wide. */
export function titleLines(text: string | string[], perLine: number): string[] {
  return balancedLines(Array.isArray(text) ? text : titleWords(text), perLine);
}

/** Subtitle / centred line in the body font (e.g. "（2026年度）"). */
export function centered(content: Runs, opts: { font?: string; hao?: Hao } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine(), children: runs(content, opts.font ?? FONTS.body, opts.hao ?? '三号') });
}

/** "一、" heading: 3号黑体, 2-字 indent. */
export function heading1(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 2 * ZI }, spacing: exactLine(), keepNext: true, children: runs(text, FONTS.heading1, '三号') });
}

/** "（一）" heading: 3号楷体, 2-字 indent, no punctuation after the number. */
export function heading2(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 2 * ZI }, spacing: exactLine(), keepNext: true, children: runs(text, FONTS.heading2, '三号') });
}

/** Body paragraph: 3号仿宋, first line indented 2 字, continuation lines flush. */
export function paragraph(content: Runs, opts: { indent?: boolean; hao?: Hao; align?: 'left' | 'center' | 'right' | 'justify'; keepNext?: boolean; pageBreakBefore?: boolean; keep?: readonly string[]; widowControl?: boolean } = {}): Paragraph {
  const hao = opts.hao ?? '三号';
  return new Paragraph({
    keepNext: opts.keepNext,
    pageBreakBefore: opts.pageBreakBefore,
    widowControl: opts.widowControl,
    alignment: opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: opts.indent === false ? undefined : { firstLine: Math.round(2 * HAO[hao] * 20) },
    spacing: exactLine(),
    children: runs(content, FONTS.body, hao, { keep: opts.keep }),
  });
}

/**
 * 附件说明 (GB/T 9704-2012 7.3.4): one blank line below the text, then "附件："
 * indented 2 字 and the names, numbered "1." "2." … when there are several, each
 * on its own line, no punctuation after a name, wrapped lines aligned with the
 * first character of the name. keepNext holds it to what follows (signatures).
 */
export function attachmentNote(names: string[], opts: { keepNext?: boolean } = {}): Paragraph[] {
  if (!names.length) return [];
  const head = '附件：';
  const numbered = names.length > 1;
  const numberZi = numbered ? Math.max(...names.map((_, i) => ziWidth(`${i + 1}.`))) : 0;
  const nameAt = 2 + ziWidth(head) + numberZi;
  const out = [new Paragraph({ keepNext: opts.keepNext, spacing: exactLine(), children: [run('')] })];
  names.forEach((name, i) => {
    const lead = `${i === 0 ? head : ''}${numbered ? `${i + 1}.` : ''}`;
    out.push(
      new Paragraph({
        keepNext: opts.keepNext,
        alignment: AlignmentType.LEFT,
        indent: { left: Math.round(nameAt * ZI), hanging: Math.round((i === 0 ? nameAt - 2 : numberZi) * ZI) },
        spacing: exactLine(),
        children: [run(lead + name)],
      }),
    );
  });
  return out;
}

/** An empty line of the grid. */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: exactLine(), children: [run('')] });
}

export function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

/** 2026-11-28 → "2026年11月28日": the one spelling of a date in every document (common/labels.ts). */
export { chineseDate };

/**
 * Printed width in 字: Chinese characters and punctuation are 1 — including
 * “ ” ‘ ’ — … (U+2010–U+206F), full-width in Chinese fonts — and digits and
 * Latin letters ½; word joiners 0 (templates/typography.ts).
 */
export { ziWidth };

/**
 * Signature and 成文日期 (GB/T 9704-2012 7.3.5).
 * Sealed: the date right with a 4-字 indent, the signature centred over the date.
 * Unsealed: the signature 2 字 from the right, the date on the next line with
 * its first character 2 字 right of the signature's first; when the date is
 * longer than the signature, the date goes 2 字 from the right and the
 * signature moves left to keep that shift. Widths count half-width digits as ½ 字.
 * keepTogether: the blank line and the signature keep with the date (keepNext,
 * keepLines), so with a keepNext on the last paragraph they never stand alone.
 */
export function signatureBlock(signer: string, isoDate: string, opts: { sealed?: boolean; keepTogether?: boolean } = {}): Paragraph[] {
  const date = chineseDate(isoDate);
  const [ws, wd] = [ziWidth(signer), ziWidth(date)];
  let signerRight: number;
  let dateRight: number;
  if (opts.sealed) {
    dateRight = 4;
    signerRight = Math.max(0, dateRight + (wd - ws) / 2);
  } else if (wd > ws) {
    dateRight = 2;
    signerRight = dateRight + wd + 2 - ws;
  } else {
    signerRight = 2;
    dateRight = signerRight + ws - 2 - wd;
  }
  const keep = opts.keepTogether ? { keepNext: true, keepLines: true } : {};
  return [
    opts.keepTogether ? new Paragraph({ ...keep, spacing: exactLine(), children: [run('')] }) : blankLine(),
    new Paragraph({ ...keep, alignment: AlignmentType.RIGHT, indent: { right: Math.round(signerRight * ZI) }, spacing: exactLine(), children: [run(signer)] }),
    new Paragraph({ keepLines: opts.keepTogether || undefined, alignment: AlignmentType.RIGHT, indent: { right: Math.round(dateRight * ZI) }, spacing: exactLine(), children: [run(date)] }),
  ];
}

/**
 * Lines to sign by hand, e.g. ["主持人签字：", "记录人签字："]; each followed by a
 * blank rule. Labels, rules and the 2-字 gaps between them fill one 28-字 line
 * (3号) without running over it, every rule as long as the others.
 */
export function signatureLines(labels: string[], opts: { hao?: Hao } = {}): Paragraph {
  const hao = opts.hao ?? '三号';
  const lineZi = Math.floor((PAGE.chars * HAO.三号) / HAO[hao]);
  const gap = 2;
  const free = lineZi - labels.reduce((w, l) => w + ziWidth(l), 0) - gap * (labels.length - 1);
  const blank = Math.max(3, Math.floor(free / Math.max(1, labels.length)));
  const children: TextRun[] = [];
  labels.forEach((label, i) => {
    if (i > 0) children.push(run('\u3000'.repeat(gap), FONTS.body, hao));
    children.push(run(label, FONTS.body, hao), run('\u3000'.repeat(blank), FONTS.body, hao, { underline: {} }));
  });
  return new Paragraph({ spacing: { ...exactLine(), before: LINE_PITCH_TWIPS }, children });
}
