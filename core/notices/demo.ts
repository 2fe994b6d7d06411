/**
 * Demo 主题党日工作安排: a theme and suggested content for each month of the demo year, as a 公安分局党委 would set
 * them, stored through this area's own table inside the demo's transaction. The 文号 prefix is the demo unit's.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Ctx } from '../context.ts';
import { setSetting } from '../settings/service.ts';
import { DOC_NO_PREFIX } from './model.ts';

export const DEMO_THEME_DAYS: [string, string][] = [
  ['学习贯彻全会精神', '集中学习党的全会精神，支部书记领学，党员交流学习体会'],
  ['传承红色基因 守护万家团圆', '开展春节安保动员，慰问困难党员和一线执勤民警'],
  ['学雷锋 践初心', '走进社区开展志愿服务和反诈宣传'],
  ['缅怀英烈 赓续精神', '清明节祭扫英烈墓，重温英烈事迹'],
  ['讲好警察故事 弘扬劳模精神', '学习身边先进典型事迹，开展岗位练兵'],
  ['警示教育 守牢底线', '观看警示教育片，开展廉政谈话'],
  ['重温入党誓词 庆祝建党节', '重温入党誓词，为党员过“政治生日”，评选表彰优秀党员'],
  ['忠诚担当 服务大局', '学习英模事迹，结合夏季治安打防开展主题实践'],
  ['学习党章党规', '逐条学习党章和纪律处分条例，开展党规党纪知识测试'],
  ['爱国主义教育', '参观爱国主义教育基地，开展国庆安保动员'],
  ['规范执法 为民服务', '围绕执法规范化开展案例评查，听取群众意见'],
  ['总结提升 对照检查', '对照年度党建工作要点开展自查，为组织生活会征求意见'],
];

export async function demoNotices(ctx: Ctx, tx: Transaction<DB>): Promise<void> {
  const year = Number(ctx.platform.today().slice(0, 4));
  const now = ctx.platform.now();
  const issuedOn = `${year}-01-05` <= ctx.platform.today() ? `${year}-01-05` : ctx.platform.today();
  await tx
    .insertInto('theme_day_plans')
    .values(DEMO_THEME_DAYS.map(([theme, content], i) => ({ id: ctx.platform.newId(), year, month: i + 1, theme, content, doc_no: `临江党委〔${year}〕1号`, issued_on: issuedOn, created_at: now, updated_at: now })))
    .execute();
  await setSetting(tx, ctx, DOC_NO_PREFIX, '临江党委');
}
