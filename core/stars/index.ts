/** 评星定级: the 党委's scheme as versioned data, each branch's score from the ledger and by hand, the stars, the workflow, the documents. */
import { defineArea } from '../area.ts';
import { starsHandlers } from './handlers.ts';
import { starsLabels, starsSettingDefaults, ENTRY_KIND_LABEL, type EntryKind } from './model.ts';
import { summaries } from './summaries.ts';
import { demoStars } from './demo.ts';

export const starsArea = defineArea({
  name: 'stars',
  title: '评星定级',
  handlers: starsHandlers,
  summaries,
  labels: starsLabels,
  recyclable: [{ table: 'star_entries', title: '评星评分', label: (r) => `${r.year}年 ${ENTRY_KIND_LABEL[r.kind as EntryKind] ?? r.kind} ${r.item_key}` }],
  settingDefaults: starsSettingDefaults,
  demo: { title: '评星定级', run: demoStars },
  tables: ['star_entries', 'star_reviews'],
  attachmentOwners: {
    star_entries: {
      title: '评星评分',
      exists: async (tx, id) => Boolean(await tx.selectFrom('star_entries').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()),
    },
  },
});
