/** 迎检清单: the inspection checklist of the eleven binders, the check of a year, the 缺项清单 and the home card. */
import { defineArea } from '../area.ts';
import { inspectHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const inspectArea = defineArea({
  name: 'inspect',
  title: '迎检清单',
  handlers: inspectHandlers,
  summaries,
  labels: {
    binder: '所属类别',
    title: '检查项目',
    scope: '检查范围',
    cadence: '频次',
    proof: '证明材料',
    'proof.type': '活动类型',
    'proof.types': '会议类型',
    'proof.category': '档案类别',
    types: '会议类型',
    'proof.dueFromMonth': '检查起始月份',
    dueFromMonth: '检查起始月份',
    enabled: '是否启用',
    defaultKey: '默认项目',
    branchId: '党支部',
  },
  recyclable: [{ table: 'inspection_items', title: '迎检清单项目', label: (r) => String(r.title) }],
  settingDefaults: {},
  tables: ['inspection_items'],
});
