/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'summary/figures': '党建工作总结用到的每一项数据（一个期间，党委或一个支部），注明来源；无数据的方面列入待补充',
  'summary/drafts': '列出党建工作总结草稿',
  'summary/create': '按期间从台账生成党建工作总结草稿（四个部分）',
  'summary/get': '一份总结草稿：各部分文字、数据、待补充事项和版本',
  'summary/save': '保存总结草稿各部分的文字（生成新版本）',
  'summary/refresh': '刷新数据：重新计算数据并更新草稿中仍关联的数字，保留手工修改的文字，列出变化',
  'summary/version': '查看总结草稿的某一版本',
  'summary/delete': '删除总结草稿（移入回收站）',
  'summary/export': '导出党建工作总结（.docx，GB/T 9704 公文格式），并列出待补充之处',
};
