/** 整改台账 and the 制度 registry (issue 15 items 1–2): plans and items with notes and 佐证, 销号, the 三单 and the report; the unit's 制度. */
import { defineArea } from '../area.ts';
import { rectificationHandlers } from './handlers.ts';
import { rectLabels, rectSettingDefaults } from './model.ts';
import { summaries } from './summaries.ts';
import { demoRectification } from './demo.ts';
import { itemCode } from './model.ts';

export const rectificationArea = defineArea({
  name: 'rectification',
  title: '整改台账',
  handlers: rectificationHandlers,
  summaries,
  labels: rectLabels,
  recyclable: [{ table: 'rect_items', title: '整改事项', label: (r) => `${itemCode(String(r.kind), Number(r.year), Number(r.seq))} ${r.title}` }],
  settingDefaults: rectSettingDefaults,
  demo: { title: '整改台账', run: demoRectification },
  tables: ['rect_plans', 'rect_items', 'rect_progress', 'rect_evidence', 'rules_docs'],
  attachmentOwners: {
    rect_items: {
      title: '整改事项',
      exists: async (tx, id) => Boolean(await tx.selectFrom('rect_items').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()),
    },
  },
});
