/** 不合格党员处置 (2024 办法): cases from a 不合格 rating or a listed situation, the measure, the steps, the deadline, the result. */
import { defineArea } from '../area.ts';
import { disposalHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';
import { demoDisposal } from './demo.ts';

const exists = (table: 'disposal_cases' | 'disposal_steps') => async (tx: Parameters<NonNullable<import('../area.ts').AttachmentOwner['exists']>>[0], id: string) =>
  Boolean(await tx.selectFrom(table).select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst());

export const disposalArea = defineArea({
  name: 'disposal',
  title: '不合格党员处置',
  handlers: disposalHandlers,
  summaries,
  labels: {
    memberId: '党员', triggerKind: '处置原因', ratingId: '民主评议等次', situation: '情形', opinionOn: '支委会意见日期', filedOn: '事前备案日期', filedTo: '备案党委',
    measure: '处置方式', decidedOn: '决定日期', approvedOn: '党委批准日期', periodMonths: '改正期限（月）', caseId: '处置案件', step: '程序', doneOn: '程序日期',
    document: '文书', result: '处置结果', resultOn: '结果日期', openOnly: '只看未结束的', withinDays: '天数', resultNote: '结果说明', deadline: '改正期限',
  },
  recyclable: [{ table: 'disposal_cases', title: '不合格党员处置', label: (r) => `${r.opinion_on} ${r.situation}` }],
  settingDefaults: {
    /** 限期改正 runs from the 支部 decision (决定) or the 党委 approval (批准): the reference leaves it open [G] */
    'disposal.periodFrom': '决定',
    /** whether the day five years after 劝其退党/除名 is itself allowed for re-admission: to be confirmed locally [C] */
    'disposal.readmitOnTheDay': true,
  },
  demo: { title: '不合格党员处置', run: demoDisposal },
  tables: ['disposal_cases', 'disposal_steps'],
  attachmentOwners: {
    disposal_cases: { title: '不合格党员处置', exists: exists('disposal_cases') },
    disposal_steps: { title: '处置程序', exists: exists('disposal_steps') },
  },
});
