/** 组织: the organization tree, its posts (班子成员) and 单位信息. */
import { defineArea } from '../area.ts';
import { demoOrganization } from './demo.ts';
import { orgHandlers } from './handlers.ts';
import { summaries } from './summaries.ts';

export const orgArea = defineArea({
  name: 'org',
  title: '组织',
  handlers: orgHandlers,
  summaries,
  labels: {
    parentId: '上级组织',
    kind: '组织类别',
    name: '组织名称',
    shortName: '简称',
    establishedOn: '成立日期',
    termYears: '任期（年）',
    termStartOn: '本届开始日期',
    sortOrder: '排列顺序',
    personName: '姓名',
    role: '职务',
    startOn: '任职日期',
    endOn: '卸任日期',
    unitName: '单位名称',
    committeeName: '党委名称',
    sealText: '印章文字',
    committeeAddress: '党委通讯地址',
    committeePhone: '党委联系电话',
    committeeFax: '党委传真',
    committeePostcode: '党委邮编',
    startDate: '台账启用日期',
  },
  recyclable: [{ table: 'org_units', title: '组织', label: (r) => String(r.name) }],
  // the 党委's address block is printed on the 党员组织关系介绍信 (and wherever a document names how to reach the 党委)
  settingDefaults: {
    'org.unitName': '',
    'org.committeeName': '',
    'org.sealText': '',
    'org.committeeAddress': '',
    'org.committeePhone': '',
    'org.committeeFax': '',
    'org.committeePostcode': '',
  },
  // the unit, the committee and its branches; the roster follows in the members module
  demo: { title: '组织', run: demoOrganization },
  tables: ['org_units', 'org_roles'],
});
