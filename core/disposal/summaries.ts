/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'disposal/list': '不合格党员处置案件及其程序、期限和结果',
  'disposal/options': '处置方式、情形、程序、结果的选项和所依据的办法（版本、来源、是否已核对）',
  'disposal/failed-ratings': '某年度民主评议被评为不合格的党员（处置的依据）',
  'disposal/open': '启动一个处置案件：须有支委会意见日期和向党委事前备案日期',
  'disposal/decide': '记录处置决定（限期改正、劝其退党、除名）；限期改正按月计算期限，最长1年',
  'disposal/step': '记录一个处置程序（调查核实、组织谈话、上级预审、支部大会、党委审批）及文书',
  'disposal/close': '记录处置结果；劝其退党、除名后由书记员确认办理离开花名册，本程序不改党员状态',
  'disposal/delete': '删除处置案件（移入回收站）',
  'disposal/deadlines': '30 天内到期或已过期的限期改正（首页）',
};
