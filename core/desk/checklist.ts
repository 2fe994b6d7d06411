/**
 * 开始使用 on a new ledger: 添加党支部 → 任命支委 → 录入或导入党员 → 年度党费核定 → 第一次组织生活记录,
 * each ticked as soon as the ledger holds it (read from the tables; writes nothing).
 */
import type { Ctx } from '../context.ts';
import type { ChecklistStep, SetupChecklist } from './model.ts';

export async function setupChecklist(ctx: Ctx): Promise<SetupChecklist> {
  const db = ctx.db;
  const year = Number(ctx.platform.today().slice(0, 4));
  const one = async (q: Promise<unknown>) => (await q) !== undefined;
  const [branch, committee, members, assessment, activity] = await Promise.all([
    one(db.selectFrom('org_units').select('id').where('kind', '=', '党支部').where('deleted_at', 'is', null).limit(1).executeTakeFirst()),
    one(
      db
        .selectFrom('org_roles as r')
        .innerJoin('org_units as o', 'o.id', 'r.org_id')
        .select('r.id')
        .where('o.kind', '=', '党支部')
        .where('o.deleted_at', 'is', null)
        .where('r.deleted_at', 'is', null)
        .where('r.end_on', 'is', null)
        .limit(1)
        .executeTakeFirst(),
    ),
    one(db.selectFrom('members').select('id').where('deleted_at', 'is', null).where('left_type', 'is', null).limit(1).executeTakeFirst()),
    one(db.selectFrom('dues_assessments').select('id').where('year', '=', year).where('deleted_at', 'is', null).limit(1).executeTakeFirst()),
    one(db.selectFrom('activities').select('id').where('deleted_at', 'is', null).limit(1).executeTakeFirst()),
  ]);
  const steps: ChecklistStep[] = [
    { key: 'branch', label: '添加党支部', done: branch, hint: '在“组织架构”中添加本单位的党支部（和党小组）', link: { path: '/org', query: {} } },
    { key: 'committee', label: '任命支委', done: committee, hint: '为每个党支部登记书记、委员等职务', link: { path: '/org', query: {} } },
    { key: 'members', label: '录入或导入党员', done: members, hint: '逐个录入，或用花名册表格一次导入', link: { path: '/members', query: {} } },
    { key: 'assessment', label: '年度党费核定', done: assessment, hint: `核定${year}年每名党员的月缴党费标准`, link: { path: '/dues/assessment', query: {} } },
    { key: 'activity', label: '第一次组织生活记录', done: activity, hint: '记录一次支委会、党员大会、党小组会或党课', link: { path: '/activities', query: { new: '1' } } },
  ];
  return { steps, complete: steps.every((s) => s.done) };
}
