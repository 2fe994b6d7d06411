/**
 * 导入花名册 → 下载模板: the workbook a clerk fills, built from the import's own
 * schema (HEADER_VARIANTS, the required columns, the enum lists), so a filled
 * template always reads back: the first header of each column is the one
 * written, the other spellings the import accepts are listed in 说明.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { EDUCATIONS, GENDERS, MEMBER_CATEGORIES, PARTY_STATUSES } from '../../common/enums.ts';
import { rosterImportTemplate, type ImportTemplateModel } from '../../templates/roster-import-template.ts';
import { fileResult, XLSX_MIME, type FileResult } from '../validate.ts';
import { HEADER_VARIANTS } from './import.ts';
import type { Col } from './import-row.ts';
import { makeIdNumber } from './idcard.ts';

export const TEMPLATE_FILE = '党员花名册导入模板.xlsx';

type Spec = { example: string; required: string; how: string; width?: number; text?: boolean };

function specs(branch: string, group: string): Partial<Record<Col, Spec>> {
  const birth = '1988-06-15';
  return {
    name: { example: '张文华', required: '是', how: '与公民身份号码一起确定一名党员' },
    gender: { example: '男', required: '否（可由公民身份号码得出）', how: GENDERS.join('、') },
    ethnicity: { example: '汉族', required: '是', how: '如 汉族、回族' },
    birthDate: { example: birth, required: '否（可由公民身份号码得出）', how: '日期，如 1988-06-15 或 1988年6月15日' },
    idNumber: { example: makeIdNumber('420102', birth, 21, true), required: '是', how: '18 位公民身份号码；已在台账中的号码将更新该党员（只更新文件中有的列）', width: 21, text: true },
    nativePlace: { example: '湖北武汉', required: '否', how: '' },
    education: { example: '大学本科', required: '否', how: EDUCATIONS.join('、') },
    workStartDate: { example: '2010-07-01', required: '否', how: '日期' },
    joinDate: { example: '2012-06-28', required: '是', how: '日期：支部大会接收为预备党员的日期' },
    fullDate: { example: '2013-06-28', required: '正式党员填写', how: '日期：转为正式党员的日期；预备党员留空' },
    partyStatus: { example: '正式', required: '否（有转正日期为正式，否则为预备）', how: PARTY_STATUSES.join('、') },
    category: { example: '在职', required: '是', how: MEMBER_CATEGORIES.join('、') },
    workUnit: { example: '刑侦大队', required: '否', how: '' },
    policeType: { example: '刑侦', required: '否', how: '' },
    position: { example: '民警', required: '否', how: '' },
    policeRank: { example: '一级警司', required: '否', how: '' },
    phone: { example: '13800138000', required: '否', how: '手机或固定电话', width: 14, text: true },
    branchId: { example: branch, required: '新党员必填', how: '与“组织架构”中的党支部名称一致', width: 18 },
    groupId: { example: group, required: '否', how: '所在支部中的党小组名称' },
    note: { example: '示例行：导入前请删除', required: '否', how: '' },
  };
}

export async function importTemplate(db: Kysely<DB>): Promise<FileResult> {
  const branch = await db.selectFrom('org_units').select(['id', 'name']).where('kind', '=', '党支部').where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').executeTakeFirst();
  const group = branch
    ? await db.selectFrom('org_units').select('name').where('parent_id', '=', branch.id).where('kind', '=', '党小组').where('deleted_at', 'is', null).orderBy('sort_order').executeTakeFirst()
    : undefined;
  const s = specs(branch?.name ?? '刑侦大队党支部', group?.name ?? '');
  const columns = (Object.keys(HEADER_VARIANTS) as Col[])
    .filter((k) => s[k])
    .map((k) => {
      const [header, ...alsoAs] = HEADER_VARIANTS[k];
      const c = s[k]!;
      return { header, width: c.width ?? Math.max(8, header.length * 2 + 2), text: !!c.text, example: c.example, required: c.required, how: c.how, alsoAs: alsoAs.join('、') };
    });
  const model: ImportTemplateModel = {
    sheetName: '党员花名册',
    columns,
    lines: [
      '党员花名册导入模板',
      '第 1 行为表头，从第 2 行起每行一名党员；第 2 行是示例，导入前请删除或改为真实党员。',
      `列的顺序不限，不需要的列可以删除；也可写作“${HEADER_VARIANTS.workUnitAndPosition[0]}”一列代替工作单位、警种、职务、警衔。`,
      '导入时先逐行检查，有误的行会列出行号和列名，改正后再导入；全部正确才写入（或选择只导入正确的行）。',
    ],
  };
  return fileResult(TEMPLATE_FILE, await rosterImportTemplate(model), XLSX_MIME);
}
