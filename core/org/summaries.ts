/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'org/settings-save': '保存单位信息（单位名称、党委名称、印章文字）',
  'org/start-date': '读取台账启用日期（此前的月份不判定缺失、逾期或欠缴）',
  'org/start-date-save': '修改台账启用日期（不能晚于今天）',
  'org/tree': '组织架构树：党委、党总支、党支部、党小组及职务',
  'org/branches': '党支部列表及在册党员人数、党小组',
  'org/create': '新建党组织',
  'org/update': '修改党组织信息',
  'org/delete': '删除党组织（移入回收站）',
  'org/roles/add': '登记书记、副书记、委员或组长任职（可补登以往任职）',
  'org/roles/update': '更正任职记录（人员、职务、任职或卸任日期），规则同任命',
  'org/roles/check': '检查任职记录：预备党员任委员、任职或卸任日期有误、同一职务任职时间重叠',
  'org/roles/end': '登记卸任日期（卸任后仍留在该职务的历任记录中）',
};
