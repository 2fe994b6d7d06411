/** 学习教育: the 理论学习中心组's year (members, 学习安排, progress, figures) and the 第一议题 落实 (issue 13 items 1–2). */
import { defineArea } from '../area.ts';
import { studyHandlers } from './handlers.ts';
import { studyLabels, studySettingDefaults } from './model.ts';
import { demoStudy } from './demo.ts';
import { summaries } from './summaries.ts';

export const studyArea = defineArea({
  name: 'study',
  title: '学习教育',
  handlers: studyHandlers,
  summaries,
  labels: studyLabels,
  recyclable: [
    { table: 'study_plan_topics', title: '中心组学习专题', label: (r) => `${r.year}年 ${r.seq}. ${r.title}` },
    { table: 'study_group_members', title: '中心组成员', label: (r) => `${r.year}年 ${r.name}` },
  ],
  settingDefaults: studySettingDefaults,
  demo: { title: '理论学习中心组', run: demoStudy },
  tables: ['study_plan_topics', 'study_group_members'],
});
