/** 备份: the backups folder, 立即备份, checking a backup file and restoring it. */
import { defineArea } from '../area.ts';
import { backupHandlers } from './handlers.ts';
import { backupSettingDefaults } from './daily.ts';
import { summaries } from './summaries.ts';

export const backupArea = defineArea({
  name: 'backup',
  title: '备份',
  handlers: backupHandlers,
  summaries,
  labels: { keepDaily: '保留每日备份天数', keepMonthly: '保留每月备份月数', password: '备份密码', fileName: '备份文件', contentBase64: '备份文件内容', confirm: '确认' },
  recyclable: [],
  settingDefaults: backupSettingDefaults,
  tables: [],
});
