/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'study/plan': '一年的中心组学习安排：各专题及完成情况（已完成、本月应学、已逾期），中心组成员',
  'study/topic-add': '在一年的学习安排末尾增加一个重点学习专题',
  'study/topic-update': '修改学习专题的名称、计划月份、学习形式、领学人',
  'study/topic-delete': '删除学习专题（移入回收站；已有记录关联的不能删除）',
  'study/topic-reorder': '调整一年学习安排的专题顺序（重新编号）',
  'study/member-add': '为一年的中心组增加党委委员以外的成员',
  'study/member-remove': '移除中心组成员（移入回收站）',
  'study/stats': '期间的中心组集中学习次数、参学人次、专题研讨次数和第一议题落实率',
  'study/first-topics': '期间纳入统计的会议及各自的第一议题',
  'study/first-topic-types': '第一议题落实率和“缺第一议题”检查所统计的会议类型（默认党委会、理论学习中心组学习）',
  'study/set-first-topic-types': '设置第一议题统计的会议类型（地方做法）',
  'study/export-plan': '导出年度理论学习中心组学习安排（.docx，通知格式）',
  'study/export-reminder': '导出某月的学习提醒（.docx，通知格式）：本月学习专题、政治学习日、学时未达标党员',
  'study/export-book': '导出期间的理论学习中心组学习记录（.docx）',
  'study/export-first-topic': '导出期间的第一议题落实台账（.xlsx）',
};
