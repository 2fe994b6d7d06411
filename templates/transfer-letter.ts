/**
 * 中国共产党党员组织关系介绍信 (.docx): the three parts of the 组通字〔2006〕45号
 * form — 第一联 存根, 第二联 介绍信, 第三联 回执 — one part per page. Each join
 * carries the cut line of the paper form: a dashed line with the letter's number
 * and "（骑缝）" in the middle, across which the seam seal (骑缝章) is set, ending
 * the 存根 and the 介绍信. Filled values are underlined as on
 * a hand-filled form; of 男/女 and 正式/预备 only the one that applies is printed
 * (the printed equivalent of striking out the other). The signature carries
 * only the seal, no written name.
 * Typography from gbt9704.ts; this file only lays out the model.
 */
import { AlignmentType, Paragraph, type TextRun } from 'docx';
import { FONTS, HAO, LINE_PITCH_TWIPS, PAGE, ZI, blankLine, documentBytes, exactLine, keptRun, paragraph, run, runs, table, ziWidth } from './gbt9704.ts';

export interface TransferLetterModel {
  letterNo: string;
  name: string;
  gender: string;
  age: string;
  ethnicity: string;
  /** 正式 | 预备 */
  partyStatus: string;
  idNumber: string;
  fromOrg: string;
  toOrg: string;
  /** in capital numerals: 贰零贰陆年壹拾壹月 (or 二〇二六年十一月 by unit setting) */
  duesPaidTo: string;
  /** in capital numerals: 叁拾 (or 三十 by unit setting) */
  validityDays: string;
  /** in Chinese numerals: 二〇二六年十一月二十八日 */
  date: string;
  memberPhone: string;
  /** the sending 基层党委 (addressee of the receipt) */
  committeeName: string;
  committeeAddress: string;
  committeePhone: string;
  committeeFax: string;
  committeePostcode: string;
}

export const LETTER_TITLE = '中国共产党党员组织关系介绍信';
export const PART_NAMES = ['存　根', '介绍信', '回　执'] as const;
/** Printed under the 回执 on the form: the receiver's time limit (transfer.md §4.2, T1). */
export const RECEIPT_NOTE = '注：回执联由接收党员组织关系的基层党委在接收党员后一个月内邮寄或传真至党员原所在基层党委。';

/** The 骑缝 text in the middle of a cut line: the serial number, written across the seam as on the paper form. */
export const seamText = (letterNo: string): string => `第${letterNo}号（骑缝）`;
/** One dash of the cut line (a full-width light dashed rule, in GB 2312). */
export const CUT_DASH = '┄';

/**
 * The cut line between two parts: dashes either side of the 骑缝 text, filling the line
 * (28 字 less a little air, so it never wraps), kept with the part above it.
 */
export function cutLine(letterNo: string): Paragraph {
  const middle = ` ${seamText(letterNo)} `;
  const side = Math.max(2, Math.floor((PAGE.chars - 1 - ziWidth(middle)) / 2));
  const dashes = CUT_DASH.repeat(side);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: LINE_PITCH_TWIPS, lineRule: 'exact', before: 0, after: 0 },
    children: [run(`${dashes}${middle}${dashes}`, FONTS.body, '三号')],
  });
}

/** A filled-in blank: underlined, with a little air either side. */
// a short filled-in blank (a name, 正式/预备) never breaks across lines (templates/typography.ts); a long
// one (an organization) may, or the justified line before it would be stretched over the gap it leaves
const filled = (text: string): TextRun => (ziWidth(text) <= 8 ? keptRun : run)(` ${text || '　　　　'} `, FONTS.body, '三号', { underline: {} });
const plain = (text: string): TextRun => run(text);

function right(children: TextRun[], indentZi = 2): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: indentZi * ZI }, spacing: { line: LINE_PITCH_TWIPS, lineRule: 'exact', before: 0, after: 0 }, children });
}

function left(children: TextRun[]): Paragraph {
  return paragraph(children, { indent: false, align: 'left' });
}

/**
 * The form's title, as gbt9704 title() sets it (2号, 1.6 × pitch, no space after); the 介绍信 and the
 * 回执 start a page with it (pageBreakBefore, so a cut line that fills the last line of a page never
 * leaves an empty page behind it, as a page-break paragraph would).
 */
function formTitle(newPage: boolean): Paragraph {
  const pitch = Math.max(LINE_PITCH_TWIPS, Math.round(HAO.二号 * 20 * 1.6));
  return new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: newPage, spacing: { ...exactLine(pitch), after: 0 }, children: runs(LETTER_TITLE, FONTS.title, '二号') });
}

function header(part: number, m: TransferLetterModel): Paragraph[] {
  return [
    formTitle(part > 0),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE_PITCH_TWIPS, lineRule: 'exact', before: 0, after: 0 }, children: [run(`（${PART_NAMES[part]}）`, FONTS.heading2)] }),
    right([plain('第'), filled(m.letterNo), plain('号')], 0),
    blankLine(),
  ];
}

function stub(m: TransferLetterModel) {
  return [
    ...header(0, m),
    paragraph([filled(m.name), plain('同志系中共'), filled(m.partyStatus), plain('党员，组织关系由'), filled(m.fromOrg), plain('转到'), filled(m.toOrg), plain('。')]),
    blankLine(),
    right([plain(m.date)]),
    blankLine(),
    table([[{ text: '（贴回执联处）', align: 'center' }]], { widthsMm: [156], hao: '四号', rowHeightMm: 70 }),
  ];
}

function letter(m: TransferLetterModel) {
  return [
    ...header(1, m),
    left([filled(m.toOrg), plain('：')]),
    paragraph([
      filled(m.name),
      plain('同志（'),
      filled(m.gender),
      plain('），'),
      filled(m.age),
      plain('岁，'),
      filled(m.ethnicity),
      plain('族，系中共'),
      filled(m.partyStatus),
      plain('党员，身份证号码'),
      filled(m.idNumber),
      plain('，由'),
      filled(m.fromOrg),
      plain('去'),
      filled(m.toOrg),
      plain('，请转接组织关系。'),
    ]),
    paragraph([plain('该同志党费已交到'), filled(m.duesPaidTo), plain('。')]),
    right([plain('（有效期'), filled(m.validityDays), plain('天）')], 0),
    blankLine(),
    right([plain('（盖章）')], 4),
    right([plain(m.date)]),
    left([plain('党员联系电话或其他联系方式：'), filled(m.memberPhone)]),
    left([plain('党员原所在基层党委通讯地址：'), filled(m.committeeAddress)]),
    // one line holds 联系电话 and 传真; the 邮编 goes on its own line rather than wrapping after its label
    left([plain('联系电话：'), filled(m.committeePhone), plain('　传真：'), filled(m.committeeFax)]),
    left([plain('邮编：'), filled(m.committeePostcode)]),
  ];
}

function receipt(m: TransferLetterModel) {
  return [
    ...header(2, m),
    left([filled(m.committeeName), plain('：')]),
    paragraph([filled(m.name), plain('同志的党员组织关系已转达我处，特此回复。')]),
    blankLine(),
    blankLine(),
    right([plain('（盖章）')], 4),
    right([plain('　　　　年　　月　　日')]),
    blankLine(),
    left([plain('经办人：　　　　　　　　联系电话：')]),
    blankLine(),
    left([run(RECEIPT_NOTE, FONTS.body, '四号')]),
  ];
}

export async function transferLetterDocx(m: TransferLetterModel): Promise<Uint8Array> {
  return documentBytes([{ children: [...stub(m), cutLine(m.letterNo), ...letter(m), cutLine(m.letterNo), ...receipt(m)], pageNumbers: false }], {
    title: `${LETTER_TITLE}第${m.letterNo}号`,
  });
}
