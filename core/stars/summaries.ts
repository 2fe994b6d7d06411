/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'stars/schemes': '评星方案的各版本（内置示例及本单位版本）和某年适用的版本',
  'stars/scheme-save': '保存本单位的评星方案版本（指标、扣分、一票否决、星级分数线、名额、公示天数）',
  'stars/scheme-remove': '删除本单位的一个评星方案版本',
  'stars/scheme-export': '导出评星方案（.json 文件）',
  'stars/scheme-import': '导入评星方案（.json 文件），校验后保存为本单位版本',
  'stars/score': '一年的评星定级：每个党支部的得分、星级、是否一票否决及每项得分的来源',
  'stars/sheet': '一个党支部一年的评分表：每项得分从何而来',
  'stars/entry-files': '一条手工评分的证明材料（附件）',
  'stars/save-entry': '登记手工评分、扣分或一票否决（写明依据，可附证明材料）',
  'stars/delete-entry': '删除一条手工评分（移入回收站）',
  'stars/save-review': '登记一个党支部的评星流程：自评、党委考评、审核、公示的日期',
  'stars/name': '公示期满后命名：按当日评分固定星级',
  'stars/export': '导出评星定级结果汇总表（.xlsx）',
  'stars/export-notice': '导出评星定级结果公示（.docx）',
};
