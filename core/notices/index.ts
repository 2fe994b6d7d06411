/** 党建工作提醒 (issue 15 item 4): the year's 主题党日工作安排, the monthly notice to the branches with its 文号, and the record of each issued notice. */
import { defineArea } from '../area.ts';
import { noticesHandlers } from './handlers.ts';
import { noticeLabels, noticeSettingDefaults } from './model.ts';
import { summaries } from './summaries.ts';
import { demoNotices } from './demo.ts';

export const noticesArea = defineArea({
  name: 'notices',
  title: '党建工作提醒',
  handlers: noticesHandlers,
  summaries,
  labels: noticeLabels,
  recyclable: [],
  settingDefaults: noticeSettingDefaults,
  demo: { title: '党建工作提醒', run: (ctx, tx) => demoNotices(ctx, tx) },
  tables: ['theme_day_plans', 'monthly_notices', 'notice_numbers'],
});
