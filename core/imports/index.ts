/** 导入: progress and cancelling of a workbook read that is still running (the imports are the areas' own). */
import { defineArea } from '../area.ts';
import { importHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const importsArea = defineArea({
  name: 'imports',
  title: '导入',
  handlers: importHandlers,
  summaries,
  // jobId, which every import handler takes, is a common label (core/labels.ts)
  labels: {},
  recyclable: [],
  settingDefaults: {},
  tables: [],
});
