/**
 * The generated documents a binder holds: those 归档 files (documents.ts), plus
 * the dues reports (季度统计表 for the quarters ended in the period, the year's
 * 公布), the year's 党员队伍结构 statistics, each 组织关系介绍信 issued in the period (the form carries its 存根 and
 * 回执) and each person's 发展党员档案材料清单, which are not filed as
 * 文书档案 (archives.md 7.1: a person's file goes to the 党员档案) but an
 * inspector asks to see.
 */
import type { Ctx } from '../../context.ts';
import { exportPublication, exportQuarter } from '../../dues/documents.ts';
import { exportChecklist } from '../../development/documents.ts';
import { exportTransferLetter } from '../../transfers/letter.ts';
import { exportChart } from '../../stats/export.ts';
import { documentsOfYear, type DocumentSpec } from '../documents.ts';
import { committeeId } from '../service.ts';
import type { Scope } from './contents.ts';

export async function binderDocuments(ctx: Ctx, s: Scope): Promise<(DocumentSpec & { author: string })[]> {
  const committee = await committeeId(ctx.db);
  const bureau = !s.orgId || s.orgId === committee;
  const specs: DocumentSpec[] = await documentsOfYear(ctx, s.year, s.orgId);
  const asOf = [ctx.platform.today(), s.to].sort()[0];
  if (bureau) {
    for (let q = 1; q <= 4; q++) {
      const end = `${s.year}-${String(q * 3).padStart(2, '0')}-${q === 1 || q === 4 ? '31' : '30'}`;
      if (end > asOf) break;
      specs.push({ key: `dues-quarter:${s.year}:${q}`, category: 'E', orgId: committee, label: `第${q}季度党费收缴情况统计表`, build: () => exportQuarter(ctx, s.year, q) });
    }
    specs.push({ key: `stats-members:${s.year}`, category: 'A', orgId: committee, label: '党员队伍结构统计', build: () => exportChart(ctx, 'members', s.year, asOf) });
    specs.push({ key: `dues-publication:${s.year}`, category: 'E', orgId: committee, label: '党费收缴使用情况公布', build: () => exportPublication(ctx, s.year, asOf) });
  }
  let letters = ctx.db
    .selectFrom('transfers')
    .select(['id', 'letter_no', 'member_name', 'branch_id'])
    .where('direction', '=', '转出')
    .where('deleted_at', 'is', null)
    .where('letter_date', '>=', s.from)
    .where('letter_date', '<=', s.to)
    .orderBy('letter_date')
    .orderBy('letter_no');
  if (!bureau) letters = letters.where('branch_id', '=', s.orgId!);
  for (const t of await letters.execute())
    specs.push({ key: `transfer-letter:${t.id}`, category: 'A', orgId: committee, label: `党员组织关系介绍信第${t.letter_no}号（${t.member_name}）`, build: () => exportTransferLetter(ctx, t.id) });
  let files = ctx.db
    .selectFrom('development_files as f')
    .innerJoin('org_units as o', 'o.id', 'f.branch_id')
    .select(['f.id', 'f.name', 'f.branch_id'])
    .where('f.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('f.left_date', 'is', null), eb('f.left_date', '>=', `${s.year}-01-01`)]))
    .orderBy('o.sort_order')
    .orderBy('f.name')
    .orderBy('f.id');
  if (!bureau) files = files.where('f.branch_id', '=', s.orgId!);
  for (const f of await files.execute())
    specs.push({ key: `development-checklist:${f.id}`, category: 'F', orgId: f.branch_id, label: `${f.name}同志发展党员档案材料清单`, build: () => exportChecklist(ctx, f.id) });
  const names = new Map((await ctx.db.selectFrom('org_units').select(['id', 'name']).execute()).map((o) => [o.id, o.name]));
  return specs.map((d) => ({ ...d, author: names.get(d.orgId) ?? '' }));
}
