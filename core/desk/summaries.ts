/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'desk/todo': '本月待办：已逾期、本周到期、本月到期的组织生活、党费、发展党员和转接事项，最紧急的在前',
  'desk/setup-checklist': '开始使用清单：添加党支部、任命支委、录入或导入党员、年度党费核定、第一次组织生活记录',
  'desk/counts': '首页人数：党支部、在册党员、预备党员、离退休党员（均取自花名册）',
};
