/** 走访慰问: visits to members in difficulty, their families and others; a visit paid from 党费 is also a 党费使用 record. */
import { defineArea } from '../area.ts';
import { careHandlers } from './handlers.ts';
import { careLabels, careSettingDefaults } from './model.ts';
import { summaries } from './summaries.ts';
import { demoCare } from './demo.ts';
import { restoreVisitExpense } from './service.ts';
import { yuan } from '../../common/money.ts';

export const careArea = defineArea({
  name: 'care',
  title: '走访慰问',
  handlers: careHandlers,
  summaries,
  labels: careLabels,
  recyclable: [
    { table: 'care_visits', title: '走访慰问记录', label: (r) => `${r.visit_on} ${r.person_name}（${r.reason}）${yuan(Number(r.amount_fen))} 元`, onRestore: restoreVisitExpense },
  ],
  settingDefaults: careSettingDefaults,
  demo: { title: '走访慰问', run: demoCare },
  tables: ['care_visits'],
  attachmentOwners: {
    care_visits: {
      title: '走访慰问记录',
      exists: async (tx, id) => !!(await tx.selectFrom('care_visits').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()),
    },
  },
});
