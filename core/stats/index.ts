/**
 * 统计分析: the figures behind the charts (党费收缴率, 组织生活热力图, 出席率, 发展党员, 队伍结构), by the other
 * areas' own rules (dues spans and standards, the compliance calendar, development stages), counted in SQL
 * where a year's rows are many (payments, attendance lines, the roster); writes nothing.
 */
import { defineArea } from '../area.ts';
import { statsHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const statsArea = defineArea({
  name: 'stats',
  title: '统计分析',
  handlers: statsHandlers,
  summaries,
  labels: { chart: '图表' },
  recyclable: [],
  settingDefaults: {},
  tables: [],
});
