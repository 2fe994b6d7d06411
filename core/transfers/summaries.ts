/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'transfers/list': '查询组织关系转入、转出记录及回执情况',
  'transfers/get': '一条转接记录',
  'transfers/plan-out': '预览转出：介绍信编号、有效期、党费交至月份',
  'transfers/out': '登记党员组织关系转出并开具介绍信',
  'transfers/in': '登记党员组织关系转入',
  'transfers/receipt': '登记（或撤销）回执收到日期',
  'transfers/cancel-out': '撤销一次转出',
  'transfers/counts': '一段时间内转入、转出党员人数',
  'transfers/alerts': '逾期未收回执、已过有效期的介绍信和待寄回执',
  'transfers/letter': '打印党员组织关系介绍信（.docx）',
  'transfers/registers': '导出年度转入、转出党员登记表（.xlsx）',
  'transfers/settings': '转接设置：有效期、联系方式、数字写法、介绍信编号格式',
  'transfers/save-settings': '保存转接设置',
};
