/**
 * 发展党员工作台账 (.xlsx): the five registers, one sheet each, laid out by
 * templates/xlsx-sheet.ts (title, header repeated on every page, A4 landscape).
 * Each register's rows are records of formatted strings; the columns live here.
 */
import type ExcelJS from 'exceljs';
import { addSheet, newWorkbook, workbookBytes, type Column, type ColumnKind, type SheetRow } from './xlsx-sheet.ts';

/** What every register shows of the person. */
export interface DevPerson {
  name: string;
  gender: string;
  ethnicity: string;
  /** 出生年月 as 1998年5月 */
  birthMonth: string;
  education: string;
  workAndPost: string;
  branchName: string;
}

export interface ApplicantRow extends DevPerson { appliedOn: string; talkedOn: string; talkedBy: string; note: string }
export interface ActivistRow extends DevPerson { appliedOn: string; activistOn: string; contacts: string; filedOn: string; candidateFrom: string; note: string }
export interface CandidateRow extends DevPerson { appliedOn: string; activistOn: string; candidateOn: string; introducers: string; politicalReview: string; training: string; note: string }
export interface AdmittedRow extends DevPerson { appliedOn: string; activistOn: string; candidateOn: string; admittedOn: string; approvedOn: string; introducers: string; swornOn: string; note: string }
export interface ConvertedRow extends DevPerson { admittedOn: string; probationEnd: string; extension: string; meetingOn: string; approvedOn: string; fullDate: string; note: string }

export interface LedgerRegister<R> {
  title: string;
  subtitle: string;
  rows: R[];
  footer: string;
}

export interface DevelopmentLedgerModel {
  applicants: LedgerRegister<ApplicantRow>;
  activists: LedgerRegister<ActivistRow>;
  candidates: LedgerRegister<CandidateRow>;
  admitted: LedgerRegister<AdmittedRow>;
  converted: LedgerRegister<ConvertedRow>;
}

/** The sheet name of each register, in the workbook's order. */
export const LEDGER_SHEET_NAMES: Record<keyof DevelopmentLedgerModel, string> = {
  applicants: '入党申请人',
  activists: '入党积极分子',
  candidates: '发展对象',
  admitted: '新发展党员',
  converted: '预备党员转正',
};

const col = <K extends string>(key: K, header: string, width: number, kind: ColumnKind = 'text', align?: 'left'): Column<K> => ({ key, header, width, kind, align });
const note = (width: number) => col('note', '备注', width, 'text', 'left');

const PERSON: readonly Column<'no' | keyof DevPerson>[] = [
  col('no', '序号', 5), col('name', '姓名', 9), col('gender', '性别', 5), col('ethnicity', '民族', 6), col('birthMonth', '出生年月', 9),
  col('education', '学历', 9), col('workAndPost', '工作单位及职务', 22, 'text', 'left'), col('branchName', '所在党支部', 18, 'text', 'left'),
];

export const APPLICANT_COLUMNS: readonly Column<'no' | keyof ApplicantRow>[] = [
  ...PERSON, col('appliedOn', '递交入党申请书日期', 12, 'date'), col('talkedOn', '谈话日期', 12, 'date'), col('talkedBy', '谈话人', 10), note(14),
];

export const ACTIVIST_COLUMNS: readonly Column<'no' | keyof ActivistRow>[] = [
  ...PERSON, col('appliedOn', '递交入党申请书日期', 12, 'date'), col('activistOn', '确定为入党积极分子日期', 12, 'date'), col('contacts', '培养联系人', 12),
  col('filedOn', '上级党委备案日期', 12, 'date'), col('candidateFrom', '可确定为发展对象日期', 12, 'date'), note(12),
];

export const CANDIDATE_COLUMNS: readonly Column<'no' | keyof CandidateRow>[] = [
  ...PERSON, col('appliedOn', '递交入党申请书日期', 12, 'date'), col('activistOn', '确定为入党积极分子日期', 12, 'date'), col('candidateOn', '确定为发展对象日期', 12, 'date'),
  col('introducers', '入党介绍人', 14), col('politicalReview', '政治审查', 14), col('training', '集中培训', 12), note(12),
];

export const ADMITTED_COLUMNS: readonly Column<'no' | keyof AdmittedRow>[] = [
  ...PERSON, col('appliedOn', '递交入党申请书日期', 12, 'date'), col('activistOn', '确定为入党积极分子日期', 12, 'date'), col('candidateOn', '确定为发展对象日期', 12, 'date'),
  col('admittedOn', '支部大会通过日期', 12, 'date'), col('approvedOn', '上级党委审批日期', 12, 'date'), col('introducers', '入党介绍人', 14), col('swornOn', '入党宣誓日期', 12, 'date'), note(12),
];

export const CONVERTED_COLUMNS: readonly Column<'no' | keyof ConvertedRow>[] = [
  ...PERSON, col('admittedOn', '支部大会接收日期（入党日期）', 13, 'date'), col('probationEnd', '预备期满日期', 12, 'date'), col('extension', '延长预备期', 10),
  col('meetingOn', '支部大会讨论转正日期', 12, 'date'), col('approvedOn', '上级党委审批日期', 12, 'date'), col('fullDate', '转正日期（党龄起算）', 13, 'date'), note(12),
];

function register<R extends DevPerson & Record<keyof R, string>>(wb: ExcelJS.Workbook, name: string, columns: readonly Column<'no' | (keyof R & string)>[], r: LedgerRegister<R>): void {
  const rows = r.rows.map((row, i): SheetRow<'no' | (keyof R & string)> => ({ no: String(i + 1), ...row }));
  addSheet(wb, { name, title: r.title, subtitle: r.subtitle, columns, rows, notes: [r.footer] });
}

export async function developmentLedgerWorkbook(m: DevelopmentLedgerModel): Promise<Uint8Array> {
  const wb = newWorkbook();
  const n = LEDGER_SHEET_NAMES;
  register(wb, n.applicants, APPLICANT_COLUMNS, m.applicants);
  register(wb, n.activists, ACTIVIST_COLUMNS, m.activists);
  register(wb, n.candidates, CANDIDATE_COLUMNS, m.candidates);
  register(wb, n.admitted, ADMITTED_COLUMNS, m.admitted);
  register(wb, n.converted, CONVERTED_COLUMNS, m.converted);
  return workbookBytes(wb);
}
