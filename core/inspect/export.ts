/** 迎检缺项清单 (.xlsx) of a year, for the whole 党委 or one branch: the view model, then templates/inspection-gaps.ts. */
import type { Ctx } from '../context.ts';
import { getSetting } from '../settings/service.ts';
import { chineseDate } from '../../common/labels.ts';
import { inspectionGapsWorkbook, type InspectionGapsModel } from '../../templates/inspection-gaps.ts';
import { inspectCheck, type InspectRow } from './check.ts';

/** Where a link leads, in words, for a sheet handed out on paper. */
const HOW: Record<string, string> = {
  '/activities': '在“组织生活记录”中补记',
  '/archive': '在“档案”中上传归档',
  '/members': '在“党员花名册”中录入党员',
  '/dues/assessment': '在“年度核定”中核定并登记审批',
  '/development/file': '在“发展档案”中补齐材料',
};
const how = (r: InspectRow) => (!r.link ? '' : r.link.query.edit ? '在“组织生活记录”中打开该次会议，补传签到表' : (HOW[r.link.path] ?? ''));

export async function exportGaps(ctx: Ctx, q: { year: number; branchId?: string }): Promise<{ fileName: string; bytes: Uint8Array; gaps: number }> {
  const r = await inspectCheck(ctx, q);
  const unit = (await getSetting<string>(ctx.db, 'org.committeeName')) || (await getSetting<string>(ctx.db, 'org.unitName')) || '';
  const branch = q.branchId ? (r.orgs.find((o) => o.orgId === q.branchId)?.org ?? '') : '';
  const gaps = r.items.filter((i) => i.status !== '齐全');
  const model: InspectionGapsModel = {
    title: `${r.year}年度迎检缺项清单`,
    subtitle: `${branch || unit}　　检查截至${chineseDate(r.asOf)}　　共 ${gaps.length} 项未齐全${r.overall === null ? '' : `，总体完整度 ${r.overall}%`}`,
    gaps: gaps.map((g) => ({ org: g.org, binder: g.binder, item: g.item, status: g.status, reason: g.reason, how: how(g) })),
    completeness: [
      ...Object.entries(r.completeness).map(([name, percent]) => ({ kind: '类别', name, percent })),
      ...r.orgs.map((o) => ({ kind: '党组织', name: o.org, percent: o.percent })),
    ],
    footer: `台账启用日期 ${chineseDate(r.startDate)} 之前的期间不作检查。填表人：　　　　　　审核人：　　　　　　填表日期：${chineseDate(ctx.platform.today())}`,
  };
  return { fileName: `${r.year}年度迎检缺项清单${branch ? `（${branch}）` : ''}.xlsx`, bytes: await inspectionGapsWorkbook(model), gaps: gaps.length };
}
