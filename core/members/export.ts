/** The view model of the 党员花名册 (templates/roster.ts): a record of formatted strings per member, in roster order. */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { chineseDate } from '../../common/labels.ts';
import { rosterWorkbook, type RosterModel } from '../../templates/roster.ts';
import { composeWorkUnit } from './import.ts';
import { listMembers } from './service.ts';
import { ID_MASK_KEYS, maskIdNumber } from './privacy.ts';

export async function rosterModel(ctx: Ctx, opts: { branchId?: string }): Promise<RosterModel> {
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const { rows } = await listMembers(ctx, { branchId: opts.branchId, pageSize: 1_000_000, sortBy: 'branch' });
  const branchName = opts.branchId
    ? ((await ctx.db.selectFrom('org_units').select('name').where('id', '=', opts.branchId).executeTakeFirst())?.name ?? '')
    : '';
  const today = ctx.platform.today();
  const masked = (await getSetting<boolean>(ctx.db, ID_MASK_KEYS.roster)) === true;
  return {
    title: `${unit}${branchName ? branchName : ''}党员花名册`,
    subtitle: `填报单位：${unit}${branchName ? `　${branchName}` : ''}　　截至${chineseDate(today)}　共 ${rows.length} 名（正式党员 ${rows.filter((r) => r.partyStatus === '正式').length} 名，预备党员 ${rows.filter((r) => r.partyStatus === '预备').length} 名）`,
    rows: rows.map((m) => ({
      name: m.name,
      gender: m.gender,
      ethnicity: m.ethnicity,
      birthDate: m.birthDate,
      idNumber: masked ? maskIdNumber(m.idNumber) : m.idNumber,
      nativePlace: m.nativePlace ?? '',
      education: m.education ?? '',
      workStartDate: m.workStartDate ?? '',
      joinDate: m.joinDate,
      fullDate: m.fullDate ?? '',
      partyStatus: m.partyStatus,
      category: m.category,
      workUnit: composeWorkUnit(m),
      phone: m.phone ?? '',
      branchName: m.branchName,
      groupName: m.groupName ?? '',
      note: m.note ?? '',
    })),
    footer: `填表人：　　　　　　审核人：　　　　　　填表日期：${chineseDate(today)}`,
  };
}

export async function exportRoster(ctx: Ctx, opts: { branchId?: string }): Promise<{ bytes: Uint8Array; fileName: string; count: number }> {
  const model = await rosterModel(ctx, opts);
  const bytes = await rosterWorkbook(model);
  return { bytes, fileName: `${model.title}（${ctx.platform.today()}）.xlsx`, count: model.rows.length };
}
