/** 全局搜索 (Ctrl+K): finds across the other areas' tables by reading them; writes nothing. */
import { defineArea } from '../area.ts';
import { finderHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const finderArea = defineArea({
  name: 'finder',
  title: '全局搜索',
  handlers: finderHandlers,
  summaries,
  labels: { q: '搜索内容', limit: '每类条数' },
  recyclable: [],
  settingDefaults: {},
  tables: [],
});
