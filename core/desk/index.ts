/** 首页: the home page's 本月待办, the setup checklist and head counts, read through the other areas' own functions; writes nothing. */
import { defineArea } from '../area.ts';
import { deskHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const deskArea = defineArea({
  name: 'desk',
  title: '首页',
  handlers: deskHandlers,
  summaries,
  labels: {},
  recyclable: [],
  settingDefaults: {},
  tables: [],
});
