/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'stats/dues': '党费收缴率：各党支部每月实缴与应缴（统计分析图表的数据）',
  'stats/compliance': '组织生活开展情况热力图：各党组织每月的开展情况（取自组织生活日历）',
  'stats/attendance': '组织生活出席率：各党组织全年实到与应到人次',
  'stats/development': '发展党员各阶段人数（申请人至正式党员）',
  'stats/members': '党员队伍结构：年龄、党龄、人员类别、学历',
  'stats/export': '导出某一统计图表的数据（.xlsx）',
  'stats/secretary-indicators': '书记述职评议的基层组织建设重点指标：各党支部和党委一年的三会一课、主题党日、组织生活会、民主评议、发展党员、党费收缴率、换届、学时、整改销号率，逐项写明来源',
  'stats/export-secretary-indicators': '导出基层组织建设重点指标完成情况统计表（.xlsx）',
};
