/** 党员: the roster, its import and export, leaving and rejoining, 身份证号 masking. */
import { defineArea } from '../area.ts';
import { memberHandlers } from './handlers.ts';
import { memberLabels } from './model.ts';
import { idMaskSettingDefaults, maskIdNumber } from './privacy.ts';
import { demoMembers } from './demo.ts';
import { summaries } from './summaries.ts';

export const membersArea = defineArea({
  name: 'members',
  title: '党员',
  handlers: memberHandlers,
  summaries,
  labels: { ...memberLabels, roster: '党员花名册', transferLetter: '组织关系介绍信' },
  recyclable: [{ table: 'members', title: '党员', label: (r) => `${r.name}（${maskIdNumber(String(r.id_number))}）` }],
  settingDefaults: idMaskSettingDefaults,
  // runs after the organization's (org comes before members in core/api.ts)
  demo: { title: '党员', run: demoMembers },
  tables: ['members'],
});
