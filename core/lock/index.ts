/** 密码锁: the app lock of the caller's session (its hash lives in the settings table). */
import { defineArea } from '../area.ts';
import { lockHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const lockArea = defineArea({
  name: 'lock',
  title: '密码锁',
  handlers: lockHandlers,
  summaries,
  labels: { password: '密码', currentPassword: '当前密码', newPassword: '新密码', idleMinutes: '自动锁定时间', active: '是否有操作' },
  recyclable: [],
  settingDefaults: {},
  tables: [],
});
