/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'search/global': '全局搜索：按姓名、拼音首字母、身份证号或电话尾号找党员，按主题或内容找组织生活记录，按姓名找发展档案，按编号找介绍信，按名称找页面和设置',
};
