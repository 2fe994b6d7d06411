/** 附件: files attached to the records of the areas that list an owner table (`attachmentOwners`). */
import { defineArea } from '../area.ts';
import { attachmentHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const attachmentsArea = defineArea({
  name: 'attachments',
  title: '附件',
  handlers: attachmentHandlers,
  summaries,
  labels: { kind: '附件类别', note: '附件说明' },
  recyclable: [{ table: 'attachments', title: '附件', label: (r) => String(r.file_name) }],
  settingDefaults: {},
  tables: ['attachments'],
});
