/** 学时: each member's study hours of a year (meetings, training records, imported online study), the rule, the 学时登记表. */
import { defineArea } from '../area.ts';
import { hoursHandlers } from './handlers.ts';
import { hoursLabels, hoursSettingDefaults } from './model.ts';
import { summaries } from './summaries.ts';
import { demoHours } from './demo.ts';

export const hoursArea = defineArea({
  name: 'hours',
  title: '学时',
  handlers: hoursHandlers,
  summaries,
  labels: hoursLabels,
  recyclable: [
    { table: 'study_trainings', title: '培训记录', label: (r) => `${r.start_on} ${r.title}（${r.kind}）` },
    { table: 'study_online_imports', title: '网络学习学时导入', label: (r) => `${r.year}年 ${r.source_file}` },
  ],
  settingDefaults: hoursSettingDefaults,
  demo: { title: '学时', run: demoHours },
  tables: ['study_trainings', 'study_online_imports', 'study_online_hours'],
  attachmentOwners: {
    study_trainings: {
      title: '培训记录',
      exists: async (tx, id) => Boolean(await tx.selectFrom('study_trainings').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()),
    },
  },
});
