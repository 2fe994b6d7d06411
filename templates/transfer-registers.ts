/** 年度转入党员登记表 and 年度转出党员登记表 (.xlsx): one sheet each, A4 landscape, repeated header, signed by 填表人 and 审核人. */
import { addSheet, newWorkbook, textWidth, workbookBytes, type Column } from './xlsx-sheet.ts';

/** What both registers show of the person. */
export interface TransferPerson {
  name: string;
  gender: string;
  /** 出生年月 as printed: 1991年9月 */
  birthMonth: string;
  ethnicity: string;
  partyStatus: string;
}

export interface TransferInRow extends TransferPerson {
  fromOrg: string;
  letterNo: string;
  letterDate: string;
  transferDate: string;
  branchName: string;
  duesPaidTo: string;
  duesStartMonth: string;
  /** 回执寄回日期, or '未寄' / '逾期未寄' */
  receipt: string;
  note: string;
}

export interface TransferOutRow extends TransferPerson {
  branchName: string;
  toOrg: string;
  transferDate: string;
  letterNo: string;
  validityDays: string;
  duesPaidTo: string;
  /** 回执收到日期, or '未收' / '逾期未收' */
  receipt: string;
  note: string;
}

export interface TransferRegisterSheet<R> {
  title: string;
  subtitle: string;
  rows: R[];
  footer: string;
}

export interface TransferRegistersModel {
  transferIn: TransferRegisterSheet<TransferInRow>;
  transferOut: TransferRegisterSheet<TransferOutRow>;
}

/*
 * Sized to be signed as printed (A4 landscape, 10.5 pt): the columns add up to about
 * the printable width, so fitting to the width shrinks little (effective size ≥ 9 pt
 * also as LibreOffice prints it, tests/core/transfer-registers.test.ts), and every header
 * fits its column on one line or on two broken between words by an explicit line break
 * ("介绍信\n编号"). No width is exactly 9: exceljs leaves such a column out as "default".
 */
const PERSON: readonly Column<'no' | keyof TransferPerson>[] = [
  { key: 'no', header: '序号', width: 4, kind: 'text' },
  { key: 'name', header: '姓名', width: 7, kind: 'text' },
  { key: 'gender', header: '性别', width: 4, kind: 'text' },
  { key: 'birthMonth', header: '出生年月', width: 8.5, kind: 'text' },
  { key: 'ethnicity', header: '民族', width: 5, kind: 'text' },
  { key: 'partyStatus', header: '党员\n状态', width: 5, kind: 'text' },
];

/** Width of the organization columns, in characters of the sheet. */
const ORG_WIDTH = 17;
const NOTE_WIDTH = 7;
const BRANCH_WIDTH = 10;

export const OUT_COLUMNS: readonly Column<'no' | keyof TransferOutRow>[] = [
  ...PERSON,
  { key: 'branchName', header: '原所在支部', width: BRANCH_WIDTH, kind: 'text', align: 'left' },
  { key: 'toOrg', header: '转往党组织', width: ORG_WIDTH, kind: 'text', align: 'left' },
  { key: 'transferDate', header: '转出日期', width: 12, kind: 'date' },
  { key: 'letterNo', header: '介绍信\n编号', width: 6.5, kind: 'id' },
  { key: 'validityDays', header: '有效期', width: 5.5, kind: 'text' },
  { key: 'duesPaidTo', header: '党费交至', width: 8.5, kind: 'text' },
  { key: 'receipt', header: '回执收到日期', width: 12, kind: 'date' },
  { key: 'note', header: '备注', width: NOTE_WIDTH, kind: 'text', align: 'left' },
];

export const IN_COLUMNS: readonly Column<'no' | keyof TransferInRow>[] = [
  ...PERSON,
  { key: 'fromOrg', header: '原所在党组织', width: ORG_WIDTH, kind: 'text', align: 'left' },
  { key: 'letterNo', header: '介绍信\n编号', width: 6.5, kind: 'id' },
  { key: 'letterDate', header: '介绍信日期', width: 12, kind: 'date' },
  { key: 'transferDate', header: '报到日期', width: 12, kind: 'date' },
  { key: 'branchName', header: '编入支部', width: BRANCH_WIDTH, kind: 'text', align: 'left' },
  { key: 'duesPaidTo', header: '党费交至', width: 8.5, kind: 'text' },
  { key: 'duesStartMonth', header: '党费\n起交月份', width: 8.5, kind: 'text' },
  { key: 'receipt', header: '回执寄回日期', width: 12, kind: 'date' },
  { key: 'note', header: '备注', width: NOTE_WIDTH, kind: 'text', align: 'left' },
];

/** Least height of a register row as written: 28 pt (9.9 mm, above 8 mm after fitting to the width), room for a hand-written correction. */
export const REGISTER_ROW_PT = 28;

/** Where a name may break: after the unit words of an organization's name, after a clause's punctuation. */
const BREAK_AFTER = /(?<=省|自治区|市|州|县|区|旗|局|厅|处|科|大队|支队|中队|派出所|委员会|党委|工委|街道|镇|乡|公司|中心|学院|学校|医院|；|，|、)/u;

/**
 * Text laid out in lines of at most `width` sheet characters, broken only after a unit word or
 * punctuation (a name is never cut inside a word: "中共江城市公安局江南分局" / "巡特警大队党支部").
 * A piece longer than a line stays whole (the cell then wraps it where it must).
 */
export function breakBetweenWords(text: string, width: number): string {
  const usable = width - 0.5;
  const lines: string[] = [];
  let line = '';
  for (const piece of text.split(BREAK_AFTER).filter(Boolean)) {
    if (line && textWidth(line + piece) > usable) {
      lines.push(line);
      line = piece;
    } else line += piece;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const numbered = <R extends object>(rows: R[]) => rows.map((r, i) => ({ no: String(i + 1), ...r }));

const laidOut = <R extends { note: string; branchName: string }>(rows: R[], org: keyof R & string): R[] =>
  rows.map((r) => ({
    ...r,
    [org]: breakBetweenWords(String(r[org]), ORG_WIDTH),
    branchName: breakBetweenWords(r.branchName, BRANCH_WIDTH),
    note: breakBetweenWords(r.note, NOTE_WIDTH),
  }));

export async function transferRegistersWorkbook(m: TransferRegistersModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  const { transferIn: i, transferOut: o } = m;
  addSheet(wb, { name: '转入党员登记表', title: i.title, subtitle: i.subtitle, columns: IN_COLUMNS, rows: numbered(laidOut(i.rows, 'fromOrg')), notes: [i.footer], minRowHeight: REGISTER_ROW_PT });
  addSheet(wb, { name: '转出党员登记表', title: o.title, subtitle: o.subtitle, columns: OUT_COLUMNS, rows: numbered(laidOut(o.rows, 'toOrg')), notes: [o.footer], minRowHeight: REGISTER_ROW_PT });
  return workbookBytes(wb);
}
