/** 初始设置: the ledger's status, creating the unit, loading the demo bureau, reading settings. */
import { defineArea } from '../area.ts';
import { setupHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const setupArea = defineArea({
  name: 'setup',
  title: '初始设置',
  handlers: setupHandlers,
  summaries,
  labels: { unitName: '单位名称', committeeName: '党委名称', startDate: '台账启用日期' },
  recyclable: [],
  settingDefaults: {},
  // the settings table holds every area's changed settings; emptied last
  tables: ['settings'],
});
