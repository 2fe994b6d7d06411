/** 党员积分: the 党委's scheme (versioned), points earned from the ledger and entered by the branch (approved by the 支委会), ranks, 评先树优, the 登记表 and 公示表. */
import { defineArea } from '../area.ts';
import { pointsHandlers } from './handlers.ts';
import { pointsLabels, pointsSettingDefaults } from './model.ts';
import { summaries } from './summaries.ts';
import { demoPoints } from './demo.ts';

export const pointsArea = defineArea({
  name: 'points',
  title: '党员积分',
  handlers: pointsHandlers,
  summaries,
  labels: pointsLabels,
  recyclable: [
    { table: 'points_entries', title: '积分登记', label: (r) => `${r.on_date} ${r.item_name}（${r.points} 分）` },
    { table: 'points_exclusions', title: '不参加积分', label: (r) => `${r.year}年 ${r.reason}` },
  ],
  settingDefaults: pointsSettingDefaults,
  demo: { title: '党员积分', run: demoPoints },
  tables: ['points_entries', 'points_exclusions'],
  attachmentOwners: {
    points_entries: {
      title: '积分登记',
      exists: async (tx, id) => Boolean(await tx.selectFrom('points_entries').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()),
    },
  },
});
