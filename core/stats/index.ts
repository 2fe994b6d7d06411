/** 统计分析: the figures behind the charts (党费收缴率, 组织生活热力图, 出席率, 发展党员, 队伍结构), read through the other areas' own functions; writes nothing. */
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
