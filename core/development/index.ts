/** 发展党员: the files of applicants on their way to membership, their 25 steps, reminders and documents. */
import { defineArea } from '../area.ts';
import { maskIdNumber } from '../members/privacy.ts';
import { developmentHandlers } from './handlers.ts';
import { fileLabels } from './model.ts';
import { developmentSettingDefaults } from './rules-guard.ts';
import { demoDevelopment } from './demo.ts';
import { summaries } from './summaries.ts';

export const developmentArea = defineArea({
  name: 'development',
  title: '发展党员',
  handlers: developmentHandlers,
  summaries,
  labels: { ...fileLabels, dossier: '发展档案', today: '检查日期', rules: '规则版本' },
  recyclable: [{ table: 'development_files', title: '发展档案', label: (r) => `${r.name}（${maskIdNumber(String(r.id_number))}）` }],
  settingDefaults: {
    ...developmentSettingDefaults,
    /** Local practice: 公示 length in working days (national rule only in the unverified 2026 version). */
    'development.noticeWorkingDays': 5,
  },
  demo: { title: '发展党员', run: demoDevelopment },
  tables: ['development_files', 'development_steps'],
  attachmentOwners: {
    /** Scans of the file's documents: attachments of 'development_files', kind = the document's name. */
    development_files: {
      title: '发展档案',
      exists: async (tx, id) => !!(await tx.selectFrom('development_files').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()),
    },
  },
});
