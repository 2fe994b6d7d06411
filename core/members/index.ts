/** 党员: the roster, its import and export, leaving and rejoining, 身份证号 masking. */
import { defineArea } from '../area.ts';
import { memberHandlers } from './handlers.ts';
import { memberLabels } from './model.ts';
import { idMaskSettingDefaults, maskIdNumber } from './privacy.ts';

export const membersArea = defineArea({
  name: 'members',
  title: '党员',
  handlers: memberHandlers,
  labels: { ...memberLabels, roster: '党员花名册', transferLetter: '组织关系介绍信' },
  recyclable: [{ table: 'members', title: '党员', label: (r) => `${r.name}（${maskIdNumber(String(r.id_number))}）` }],
  settingDefaults: idMaskSettingDefaults,
  // the roster's demo is made with the organization's (org module)
  tables: ['members'],
});
