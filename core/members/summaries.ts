/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'members/list': '查询党员花名册（可按支部、状态、类别筛选，搜索，分页；身份证号隐去中间 8 位）',
  'members/get': '一名党员的信息（身份证号隐去中间 8 位）',
  'members/reveal-id': '显示一名党员的完整身份证号（记入操作日志）',
  'members/create': '新增党员',
  'members/update': '修改党员信息',
  'members/leave': '党员离开花名册（转出、去世、出党、停止党籍）',
  'members/id-mask-save': '设置打印文件中的身份证号是否隐去中间 8 位',
  'members/delete': '删除党员（移入回收站）',
  'members/import-template': '党员花名册导入模板（表头与导入相同，含示例行和“说明”工作表）',
  'members/import-preview': '预览花名册导入：逐行检查，不写入',
  'members/import-commit': '导入花名册；有错误行时不写入（validOnly 只导入正确的行）',
  'members/export': '导出党员花名册（.xlsx）',
};
