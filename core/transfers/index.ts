/** 组织关系转接: letters out and in, receipts, registers. */
import { defineArea } from '../area.ts';
import { memberLabels } from '../members/model.ts';
import { transferHandlers } from './handlers.ts';
import { transferLabels } from './model.ts';
import { transferSettingDefaults } from './rules.ts';
import { demoTransfers } from './demo.ts';
import { summaries } from './summaries.ts';

export const transfersArea = defineArea({
  name: 'transfers',
  title: '组织关系转接',
  handlers: transferHandlers,
  summaries,
  // the member fields of 登记转入 read as on the member form; the transfer's own labels win (branchId → 编入支部)
  labels: { ...memberLabels, ...transferLabels },
  recyclable: [{ table: 'transfers', title: '转接记录', label: (r) => `${r.member_name}（${r.direction}，介绍信第${r.letter_no}号）` }],
  settingDefaults: transferSettingDefaults,
  demo: { title: '组织关系转接', run: demoTransfers },
  tables: ['transfers'],
});
