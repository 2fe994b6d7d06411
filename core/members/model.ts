/**
 * The member as the API sees it, the Chinese label of each field, and the
 * cross-field rules shared by the member form and the roster import.
 */
import { z } from 'zod';
import type { MembersTable } from '../../db/schema.ts';
import { yearsBetween } from '../../common/dates.ts';
import { idNumberProblem, birthDateFromId, normalizeIdNumber } from './idcard.ts';
import { isValidIsoDate } from '../validate.ts';
import { GENDERS, PARTY_STATUSES, MEMBER_CATEGORIES as CATEGORIES } from '../../common/enums.ts';
// The lists are shared with the renderer (common/enums.ts).
export { GENDERS, PARTY_STATUSES, MEMBER_CATEGORIES as CATEGORIES, EDUCATIONS, LEAVE_TYPES } from '../../common/enums.ts';

export const memberLabels: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  idNumber: '公民身份号码',
  nativePlace: '籍贯',
  education: '学历',
  workStartDate: '参加工作时间',
  joinDate: '入党日期',
  fullDate: '转正日期',
  partyStatus: '党员状态',
  category: '人员类别',
  workUnit: '工作单位',
  policeType: '警种',
  position: '职务',
  policeRank: '警衔',
  phone: '联系电话',
  branchId: '所在支部',
  groupId: '党小组',
  note: '备注',
  leftType: '离开方式',
  leftDate: '离开日期',
  leftReason: '离开原因',
};

export interface MemberInput {
  name: string;
  gender: string;
  ethnicity: string;
  birthDate: string;
  idNumber: string;
  nativePlace: string | null;
  education: string | null;
  workStartDate: string | null;
  joinDate: string;
  fullDate: string | null;
  partyStatus: string;
  category: string;
  workUnit: string | null;
  policeType: string | null;
  position: string | null;
  policeRank: string | null;
  phone: string | null;
  branchId: string;
  groupId: string | null;
  note: string | null;
}

export interface Member extends MemberInput {
  id: string;
  branchName: string;
  groupName: string | null;
  leftType: string | null;
  leftDate: string | null;
  leftReason: string | null;
  createdAt: string;
  updatedAt: string;
}

const s = z.string().trim();
/** An optional text field: empty is null; at most `max` characters. */
const opt = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 字`)
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * Shape and length of every field; the rules that relate fields are in `memberProblems`.
 * The member form (members/create, members/update) and every imported row go through it.
 */
export const memberInputSchema = z.object({
  name: s.min(1, '不能为空').max(30, '不能超过 30 字'),
  gender: s.min(1, '不能为空').max(2, '应为“男”或“女”'),
  ethnicity: s.min(1, '不能为空').max(20, '不能超过 20 字'),
  birthDate: s.max(10, '不是有效日期（应如 1990-01-01）'),
  idNumber: s.min(1, '不能为空').max(40, '应为 18 位'),
  nativePlace: opt(50),
  education: opt(20),
  workStartDate: opt(10),
  joinDate: s.min(1, '不能为空').max(10, '不是有效日期（应如 2001-07-01）'),
  fullDate: opt(10),
  partyStatus: s.min(1, '不能为空').max(10, '应为“正式”或“预备”'),
  category: s.min(1, '不能为空').max(10, `应为 ${CATEGORIES.join('、')} 之一`),
  workUnit: opt(100),
  policeType: opt(20),
  position: opt(50),
  policeRank: opt(20),
  phone: opt(20),
  branchId: s.min(1, '不能为空').max(64),
  groupId: opt(64),
  note: z
    .string()
    .max(500, '不能超过 500 字')
    .nullish()
    .transform((v) => (v ? v : null)),
});

export interface Problem {
  field: keyof MemberInput;
  message: string;
}

/** Every rule a member record must satisfy, field by field. */
export function memberProblems(m: MemberInput, today: string): Problem[] {
  const out: Problem[] = [];
  const add = (field: keyof MemberInput, message: string) => out.push({ field, message });
  const date = (field: keyof MemberInput, v: string | null, required: boolean) => {
    if (!v) {
      if (required) add(field, '不能为空');
      return false;
    }
    if (!isValidIsoDate(v)) {
      add(field, `“${v}”不是有效日期（应如 2024-07-01）`);
      return false;
    }
    if (v > today) {
      add(field, `${v} 晚于今天`);
      return false;
    }
    return true;
  };
  if (!GENDERS.includes(m.gender as never)) add('gender', '应为“男”或“女”');
  if (!PARTY_STATUSES.includes(m.partyStatus as never)) add('partyStatus', '应为“正式”或“预备”');
  if (!CATEGORIES.includes(m.category as never)) add('category', `应为 ${CATEGORIES.join('、')} 之一`);
  if (m.phone && !/^[\d\-+ ()]{5,20}$/.test(m.phone)) add('phone', '只能包含数字和“-”');
  const idProblem = idNumberProblem(m.idNumber);
  if (idProblem) add('idNumber', idProblem);
  const birthOk = date('birthDate', m.birthDate, true);
  if (birthOk && !idProblem && birthDateFromId(normalizeIdNumber(m.idNumber)) !== m.birthDate)
    add('birthDate', `与公民身份号码中的出生日期 ${birthDateFromId(normalizeIdNumber(m.idNumber))} 不一致`);
  date('workStartDate', m.workStartDate, false);
  const joinOk = date('joinDate', m.joinDate, true);
  if (joinOk && birthOk && yearsBetween(m.birthDate, m.joinDate) < 18) add('joinDate', '入党时未满 18 周岁');
  const fullOk = date('fullDate', m.fullDate, false);
  if (fullOk && joinOk && m.fullDate! <= m.joinDate) add('fullDate', '转正日期应晚于入党日期');
  if (m.partyStatus === '预备' && m.fullDate) add('fullDate', '预备党员不应有转正日期');
  return out;
}

/** The editable fields of a stored member, as the form and the import see them. */
export function memberInputFromRow(r: MembersTable): MemberInput {
  return {
    name: r.name,
    gender: r.gender,
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    idNumber: r.id_number,
    nativePlace: r.native_place,
    education: r.education,
    workStartDate: r.work_start_date,
    joinDate: r.join_date,
    fullDate: r.full_date,
    partyStatus: r.party_status,
    category: r.category,
    workUnit: r.work_unit,
    policeType: r.police_type,
    position: r.position,
    policeRank: r.police_rank,
    phone: r.phone,
    branchId: r.branch_id,
    groupId: r.group_id,
    note: r.note,
  };
}

export function rowToMember(r: MembersTable & { branch_name: string; group_name: string | null }): Member {
  return {
    id: r.id,
    ...memberInputFromRow(r),
    branchName: r.branch_name,
    groupName: r.group_name,
    leftType: r.left_type,
    leftDate: r.left_date,
    leftReason: r.left_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function memberToColumns(m: MemberInput) {
  return {
    name: m.name,
    gender: m.gender,
    ethnicity: m.ethnicity,
    birth_date: m.birthDate,
    id_number: normalizeIdNumber(m.idNumber),
    native_place: m.nativePlace,
    education: m.education,
    work_start_date: m.workStartDate,
    join_date: m.joinDate,
    full_date: m.fullDate,
    party_status: m.partyStatus,
    category: m.category,
    work_unit: m.workUnit,
    police_type: m.policeType,
    position: m.position,
    police_rank: m.policeRank,
    phone: m.phone,
    branch_id: m.branchId,
    group_id: m.groupId,
    note: m.note,
  };
}
