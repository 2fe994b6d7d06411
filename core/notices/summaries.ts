/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'notices/plan': '一年12个月的主题党日工作安排（主题、内容建议、文号、印发日期）',
  'notices/plan-of-month': '某月安排的主题党日主题（组织生活日历和会议登记用）',
  'notices/save-plan': '保存某月的主题党日主题和内容建议',
  'notices/clear-plan': '删除某月的主题党日安排',
  'notices/settings': '党建工作提醒的设置（发文机关代字、党费收缴日）',
  'notices/save-settings': '保存党建工作提醒的设置',
  'notices/next-number': '某年下一期提醒将使用的文号（预览，不占用）',
  'notices/set-next-number': '设置某年文号的下一个序号（其他文件已占用序号时）',
  'notices/preview': '某月党建工作提醒的内容：各党支部本月应办事项和党委事项',
  'notices/preview-document': '某月党建工作提醒的预览文档（.docx，不占用文号）',
  'notices/issue': '印发某月党建工作提醒（.docx）：占用下一个文号并登记',
  'notices/export-plan': '导出一年的主题党日工作安排（.docx）',
  'notices/issued': '已印发的党建工作提醒（月份、文号、日期、文件校验值）',
  'notices/count': '一个期间印发的党建工作提醒期数（工作总结用）',
};
