/** 党建工作总结 (issue 15 item 3): the half-year or annual summary written from every other area's figures; drafts with versions; the .docx. */
import { defineArea } from '../area.ts';
import { summaryHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';
import { demoSummary } from './demo.ts';

export const summaryArea = defineArea({
  name: 'summary',
  title: '党建工作总结',
  handlers: summaryHandlers,
  summaries,
  labels: {
    from: '开始日期', to: '结束日期', periodFrom: '开始日期', periodTo: '结束日期', changes: '数据变化', branchId: '支部', draftId: '总结草稿', id: '总结草稿', title: '标题', sections: '总结正文', n: '版本号', addressee: '主送机关',
    'sections.0': '一、基本情况', 'sections.1': '二、经验做法及成效', 'sections.2': '三、存在的主要问题', 'sections.3': '四、下步工作措施建议',
  },
  recyclable: [{ table: 'summary_drafts', title: '党建工作总结草稿', label: (r) => String(r.title) }],
  settingDefaults: {},
  demo: { title: '党建工作总结', run: demoSummary },
  tables: ['summary_drafts', 'summary_versions'],
});
