/** One line in Chinese per handler of this area, for `party-ledger call --list`. */
export const summaries: Record<string, string> = {
  'care/list': '某年度的走访慰问记录',
  'care/stats': '一段时间内走访慰问的人数、人次和慰问金合计（及一句总结用语）',
  'care/add': '登记一次走访慰问；从党费列支的同时记入党费使用',
  'care/update': '修改一次走访慰问（对应的党费使用随之修改）',
  'care/void': '作废一次走访慰问（移入回收站，对应的党费使用一并作废）',
  'care/export': '导出某年度走访慰问登记表（.xlsx）',
};
