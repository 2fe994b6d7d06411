/** 组织生活: 三会一课 and other records, attendance, compliance, statistics, record books, rules. */
import { defineArea } from '../area.ts';
import { activityHandlers } from './handlers.ts';
import { activityLabels, activityTitle } from './model.ts';
import { activitySettingDefaults } from './rules.ts';
import { demoActivities } from './demo.ts';
import { summaries } from './summaries.ts';

export const activitiesArea = defineArea({
  name: 'activities',
  title: '组织生活',
  handlers: activityHandlers,
  summaries,
  labels: activityLabels,
  recyclable: [{ table: 'activities', title: '组织生活记录', label: (r) => `${r.held_on} ${activityTitle(String(r.type), (r.topic as string | null) ?? null)}` }],
  settingDefaults: activitySettingDefaults,
  demo: { title: '组织生活', run: demoActivities },
  tables: ['activities', 'activity_attendance'],
  attachmentOwners: {
    activities: {
      title: '组织生活记录',
      exists: async (tx, id) => Boolean(await tx.selectFrom('activities').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()),
    },
  },
});
